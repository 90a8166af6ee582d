"""`landml resume add|list|default|delete`, `landml match`, `landml gaps` and
`landml portfolio plan` through the real command line, on a real workspace."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from landml.cli import match
from landml.cli.main import cli
from tests.resume.conftest import FILES

NOW = "2026-03-10T09:00:00+00:00"
POSTING = """Senior Machine Learning Engineer at Globex

Requirements
- 5+ years of experience shipping models
- Python and PyTorch
- Kubernetes and Apache Spark
- BS in Computer Science

Nice to have
- A/B testing
We build recommendation and ranking systems.
"""

if "match" not in cli.commands:  # the lead registers it in cli/main.py after `resume`
    match.register(cli)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW)
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def posting(tmp_path: Path) -> int:
    """One stored posting, tracked as a priority-1 application at the technical screen."""
    path = tmp_path / "globex.txt"
    path.write_text(POSTING, encoding="utf-8")
    posting_id: int = run_json("postings", "import", str(path))["posting_ids"][0]
    app_id = str(run_json("postings", "track", str(posting_id))["id"])
    assert run("edit", app_id, "--priority", "1").exit_code == 0
    assert run("move", app_id, "tech_screen").exit_code == 0
    return posting_id


def test_resume_versions_are_added_listed_and_defaulted() -> None:
    first = run_json("resume", "add", str(FILES / "resume.md"), "--label", "markdown")
    assert first["created"] and first["version"]["ref"] == "v1"
    again = run("resume", "add", str(FILES / "resume.md"))
    assert again.exit_code == 0
    assert again.output.startswith("Already stored: v1 'markdown': resume.md (markdown, 1 page")
    second = run("resume", "add", str(FILES / "one_column.pdf"))
    assert second.output.startswith("Stored v2 'one_column': one_column.pdf (pdf, 1 page)")
    listed = run_json("resume", "list")
    assert [(v["ref"], v["is_default"]) for v in listed] == [("v2", False), ("v1", True)]
    assert run("resume", "default", "v2").exit_code == 0
    assert "*  v2" in run("resume", "list").output
    deleted = run("resume", "delete", "v2")
    assert deleted.output.startswith("Deleted v2")
    assert [v["is_default"] for v in run_json("resume", "list")] == [True]


def test_a_file_that_cannot_be_read_is_refused_in_one_line() -> None:
    result = run("resume", "add", str(FILES / "image_only.pdf"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert run_json("resume", "list") == []


def test_match_explains_every_point_for_a_version_or_a_file(posting: int) -> None:
    run_json("resume", "add", str(FILES / "resume.md"))
    report = run_json("match", "v1", "--posting", str(posting))
    assert report["resume_ref"] == "v1"
    assert round(sum(i["points"] for i in report["items"]), 1) == report["score"]
    statuses = {i["name"]: i["status"] for i in report["items"]}
    assert statuses["PyTorch"] == "met" and statuses["Kubernetes"] == "partial"
    assert statuses["Apache Spark"] == "missing"
    text = run("match", "v1", "--posting", str(posting))
    assert text.exit_code == 0
    assert f"v1 vs posting {posting}: Senior Machine Learning Engineer at Globex" in text.output
    assert "✗ 0/" in text.output and "Apache Spark: not found in the resume" in text.output
    assert "Gaps (build these before you claim them)" in text.output
    from_file = run_json("match", str(FILES / "one_column.pdf"), "--posting", str(posting))
    assert from_file["resume_ref"] is None and from_file["resume_name"] == "one_column.pdf"
    assert run_json("resume", "list")[0]["ref"] == "v1"  # a file is read, not stored


def test_match_errors_say_what_to_do(posting: int) -> None:
    nothing = run("match", "v1", "--posting", str(posting))
    assert nothing.exit_code == 1 and "No resume version v1" in nothing.output
    run("resume", "add", str(FILES / "resume.md"))
    missing = run_json_error("match", "v1", "--posting", "999")
    assert missing["type"] == "NotFound" and "landml postings list" in missing["hint"]


def run_json_error(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 1
    error: dict[str, Any] = json.loads(result.stdout)["error"]
    return error


def test_gaps_weigh_targets_and_rejections(posting: int) -> None:
    run("resume", "add", str(FILES / "resume.md"))
    assert run("add", "Initech", "Data Scientist").exit_code == 0
    assert run("move", "2", "rejected", "--reason", "SQL depth", "--skill", "SQL").exit_code == 0
    report = run_json("gaps")
    weights = {g["label"]: g["weight"] for g in report["gaps"]}
    # Globex: priority 1 (x3) at the technical screen (x2.5) = 7.5 per required skill.
    assert weights["Apache Spark"] == 7.5
    # Initech's rejection named SQL: 2 x (priority 2: x2, saved: x1) = 4.
    assert weights["SQL"] == 4.0
    assert any("Initech, Data Scientist (#2): no posting" in s for s in report["skipped"])
    text = run("gaps", "--limit", "2")
    assert (
        text.exit_code == 0 and "Apache Spark" in text.output and "How: gap weight" in text.output
    )


def test_portfolio_plan_scores_ideas_and_reads_a_projects_file(
    posting: int, tmp_path: Path
) -> None:
    run("resume", "add", str(FILES / "resume.md"))
    projects = tmp_path / "projects.yaml"
    projects.write_text(
        "- name: Feed ranker\n  description: A ranking service in PyTorch.\n"
        "  skills: [Python, PyTorch, A/B testing]\n",
        encoding="utf-8",
    )
    idea = "Recommend books with Apache Spark on Kubernetes"
    plan = run_json("portfolio", "plan", "--project-file", str(projects), "--idea", idea)
    assert plan["base"]["project"]["name"] == "Feed ranker"
    # Spark is missing (7.5); Kubernetes is half there through Docker (3.75).
    assert [a["label"] for a in plan["add_skills"]][:2] == ["Apache Spark", "Kubernetes"]
    assert {r["is_plan"] for r in plan["alternatives"]} == {True, False}
    text = run("portfolio", "plan")
    assert text.exit_code == 0
    # Without the file, no project of the resume uses a skill Globex asks for.
    assert text.output.startswith("Build a recommendation project on Python, PyTorch and A/B")
    assert "Ideas scored (coverage /50 + known /25 + kind /25)" in text.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: X\n  skills: [not a real skill at all]\n", encoding="utf-8")
    refused = run("portfolio", "plan", "--project-file", str(bad))
    assert refused.exit_code == 1 and "not a real skill at all" in refused.output
