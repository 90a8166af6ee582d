"""`landml prep` (loops, plans, reviews, practice, attempts) and `landml stories` on a real
SQLite workspace, through the same `landml` command people run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli
from landml.prep.exercises import get_exercise, reference_source

NOW = "2026-03-10T09:00:00+00:00"


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW)
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _application(kind: str = "big_tech") -> int:
    added = run_json("add", "Googlish", "Machine Learning Engineer", "--kind", kind)
    return int(added["id"])


def test_review_json_lists_the_due_items_without_asking() -> None:
    due = run_json("prep", "review")
    assert due["due_count"] == 0 and due["new_count"] == 10
    first = due["cards"][0]
    assert {"item_id", "prompt", "answer", "new", "reason", "round_kind"} <= set(first)
    assert run_json("prep", "review", "--limit", "3")["cards"] == due["cards"][:3]


def test_interactive_review_shows_the_answer_and_schedules_the_rating() -> None:
    before = run_json("prep", "review")["cards"]
    # Enter shows the first answer, 3 rates it Good; Enter shows the second, q stops.
    result = run("prep", "review", input="\n3\n\nq\n")
    assert result.exit_code == 0, result.output
    assert before[0]["prompt"] in result.output
    assert "Answer:" in result.output
    assert "Good: next review in 10 min." in result.output
    assert "Reviewed 1 item(s)." in result.output
    after = run_json("prep", "review")
    assert after["new_introduced_today"] == 1
    assert before[0]["item_id"] not in [card["item_id"] for card in after["cards"]]


def test_interactive_review_asks_again_after_a_bad_rating() -> None:
    result = run("prep", "review", "--limit", "1", input="\n7\n1\n")
    assert "Unknown rating '7'" in result.output
    assert "Again: next review in 1 min." in result.output


def test_prep_grade_records_the_attempt(tmp_path: Path) -> None:
    exercise = get_exercise("stable-softmax")
    solution = tmp_path / "solution.py"
    solution.write_text(reference_source(exercise), encoding="utf-8")
    graded = run_json("prep", "grade", exercise.id, str(solution))
    assert graded["passed"] is True
    [attempt] = run_json("prep", "attempts")
    assert attempt["exercise_id"] == exercise.id and attempt["passed"] is True
    assert attempt["tests_passed"] == attempt["tests_total"] == len(graded["tests"])


def test_loop_and_plan_for_an_application() -> None:
    app = _application()
    shown = run("prep", "loop", str(app))
    assert "No rounds yet." in shown.output and "Usual loop: Big tech" in shown.output
    loop = run_json("prep", "loop", str(app), "--default", "--on", "2026-03-24")
    assert [r["kind"] for r in loop["rounds"]][:2] == ["recruiter_call", "coding"]
    run_json("prep", "loop", str(app), "--add", "recruiter_call", "2026-03-12")
    plan = run_json("prep", "plan", str(app), "--minutes", "60")
    assert plan["application"]["application_id"] == app
    days = plan["plan"]["days"]
    assert days[0]["date"] == "2026-03-10" and days[-1]["date"] == "2026-03-24"
    assert all(day["minutes"] <= 60 for day in days)
    text = run("prep", "plan", str(app)).output
    assert "Plan for #1 Googlish" in text and "Tue 2026-03-10" in text
    today = run("today").output
    assert "Interview prep" in today and "landml prep plan 1" in today


def test_plan_without_rounds_says_how_to_add_them() -> None:
    app = _application()
    result = run("prep", "plan", str(app))
    assert result.exit_code == 1
    assert "no interview rounds yet" in result.output
    assert f"landml prep loop {app} --add" in result.output
    bad = run("prep", "loop", str(app), "--add", "lunch", "2026-03-12")
    assert bad.exit_code == 1 and "Unknown round kind 'lunch'" in bad.output


def test_design_practice_scores_the_rubric_and_advises() -> None:
    started = run_json("prep", "practice", "design", "feed-recommendation")
    assert started["result"] is None and len(started["steps"]) == 8
    item = started["steps"][0]["rubric"][0]["id"]
    scored = run_json("prep", "practice", "score", str(started["id"]), f"{item}=2")
    assert scored["result"]["total"] == 2 and scored["result"]["advice"]
    # Interactive, without the clock: every rubric item is asked, blank answers count 0.
    result = run(
        "prep", "practice", "design", "feed-recommendation", "--no-clock", input="\n" + "2\n" * 60
    )
    assert result.exit_code == 0, result.output
    assert "00:00-" in result.output  # the time split
    total = sum(len(step["rubric"]) for step in started["steps"]) * 2
    assert f": {total}/{total} (100%)" in result.output


def test_jobtalk_recruiter_and_questions(tmp_path: Path) -> None:
    outline = tmp_path / "talk.md"
    outline.write_text(
        "Title: Robust ranking under feedback loops\n"
        "Thesis: ranking models trained on their own logs need counterfactual evaluation\n"
        "1. Motivation (5 min)\n2. Roadmap (2 min)\n3. Counterfactual ranking evaluation (20 min)\n"
        "4. Results on feedback loops (15 min)\n5. Future work (3 min)\n6. Questions (15 min)\n",
        encoding="utf-8",
    )
    talk = run_json("prep", "jobtalk", str(outline))
    assert talk["slot_minutes"] == 60 and len(talk["parts"]) == 6
    sheet = run_json(
        "prep",
        "recruiter",
        "--company",
        "Googlish",
        "--role",
        "ML engineer",
        "--project",
        "Churn model | predict churn for a telco | I owned the modelling | gradient boosting "
        "on usage logs | cut churn by 8% in a quarter",
    )
    assert sheet["pitches"][0]["project"] == "Churn model" and sheet["questions"]
    questions = run_json("prep", "questions", "--round", "job_talk", "--limit", "2")
    assert len(questions) == 2


STORIES_MD = """\
# Cutting ranking latency
Tags: ownership

## Situation
At my last company our search ranking service timed out for 4% of requests at the evening peak.

## Task
I owned the ranking model and had to bring p99 latency under 80 ms without losing quality.

## Action
I profiled the service and found that feature lookups took most of the time. I proposed
batching the lookups and caching item features, wrote a design note comparing that with new
hardware, and convinced the other engineers to try it behind a flag. I built the cache, added
monitoring for hit rate and staleness, and ran an A/B test for two weeks.

## Result
p99 latency fell from 140 ms to 62 ms and timeouts dropped to 0.1%.

# Thin
We fixed the pipeline.
"""


def test_stories_add_list_check_and_delete(tmp_path: Path) -> None:
    file = tmp_path / "stories.md"
    file.write_text(STORIES_MD, encoding="utf-8")
    added = run_json("stories", "add", str(file))
    assert [s["title"] for s in added] == ["Cutting ranking latency", "Thin"]
    assert added[0]["tags"] == ["ownership"] and added[1]["text"] == "We fixed the pipeline."
    run_json("stories", "add", "--title", "Flags", "--text", "I led a migration.")
    assert len(run_json("stories", "list")) == 3
    checks = run_json("stories", "check")
    by_title = {c["story"]["title"]: c for c in checks}
    assert by_title["Cutting ranking latency"]["ok"] is True
    assert by_title["Thin"]["ok"] is False
    assert by_title["Cutting ranking latency"]["questions"]
    one = run_json("stories", "check", str(added[0]["id"]), "--company", "Amazon")
    assert one[0]["values"] and one[0]["values"][0]["company"] == "Amazon"
    edited = run_json("stories", "edit", str(added[1]["id"]), "--title", "Thin, renamed")
    assert edited["title"] == "Thin, renamed" and edited["text"] == "We fixed the pipeline."
    run_json("stories", "delete", str(added[1]["id"]))
    assert [s["title"] for s in run_json("stories", "list")] == ["Cutting ranking latency", "Flags"]
    assert "ready" in run("stories", "check").output


def test_a_faulty_stories_file_names_every_problem(tmp_path: Path) -> None:
    file = tmp_path / "stories.yaml"
    file.write_text("stories:\n  - title: A\n    mood: great\n  - situation: no title\n")
    result = run("stories", "add", str(file))
    assert result.exit_code == 1
    assert "story 1 (A)" in result.output and "story 2" in result.output
    assert run_json("stories", "list") == []


def test_timed_coding_session_writes_the_starter_then_grades_and_records(tmp_path: Path) -> None:
    prepared = run_json("prep", "practice", "coding", "--dir", str(tmp_path))
    path = Path(prepared["path"])
    assert path.exists() and prepared["minutes"] == prepared["exercise"]["time_target_minutes"]
    exercise = get_exercise(prepared["exercise"]["id"])
    path.write_text(reference_source(exercise), encoding="utf-8")
    result = run(
        "prep", "practice", "coding", exercise.id, "--dir", str(tmp_path), "--no-clock", input="\n"
    )
    assert result.exit_code == 0, result.output
    assert "checks passed" in result.output and "Time used: 0 of" in result.output
    assert path.read_text(encoding="utf-8") == reference_source(exercise)  # kept, not replaced
    [attempt] = run_json("prep", "attempts", exercise.id)
    assert attempt["passed"] is True
    # An exercise whose last attempt failed comes back first the next time.
    path.write_text("def broken(:\n", encoding="utf-8")
    assert run("prep", "grade", exercise.id, str(path)).exit_code == 1
    again = run_json("prep", "practice", "coding", "--dir", str(tmp_path / "fresh"))
    assert again["exercise"]["id"] == exercise.id
