"""`landml prep exercises | show | start | grade` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from landml.cli import prep
from landml.cli.context import CliState, LandmlGroup
from landml.prep.exercises import Exercise, get_exercise, reference_source
from landml.prep.grader import GradeReport


def _cli(recorded: list[tuple[str, bool]] | None = None) -> click.Group:
    @click.group(cls=LandmlGroup)
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.ensure_object(CliState)

    def record(ex: Exercise, source: str, report: GradeReport) -> None:
        assert recorded is not None
        recorded.append((ex.id, report.passed))

    prep.register(root, record_attempt=record if recorded is not None else None)
    return root


def run(*args: str, recorded: list[tuple[str, bool]] | None = None) -> Result:
    return CliRunner().invoke(_cli(recorded), list(args), catch_exceptions=False)


def test_exercises_json_lists_id_title_kind_and_topic() -> None:
    result = run("prep", "exercises", "--json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert len(listed) >= 45
    first = listed[0]
    assert {"id", "title", "kind", "topic", "difficulty", "time_target_minutes"} <= set(first)
    assert "statement" not in first
    debugging = json.loads(run("prep", "exercises", "--kind", "debugging", "--json").stdout)
    assert debugging and {e["kind"] for e in debugging} == {"debugging"}


def test_show_prints_the_statement() -> None:
    result = run("prep", "show", "kv_cache_decoding")
    assert result.exit_code == 0
    assert "# A key-value cache for incremental decoding" in result.stdout


def test_start_writes_the_starter_and_refuses_to_overwrite(tmp_path: Path) -> None:
    result = run("prep", "start", "stable-softmax", "--dir", str(tmp_path / "work"), "--json")
    assert result.exit_code == 0
    written = Path(json.loads(result.stdout)["path"])
    assert written == tmp_path / "work" / "stable_softmax.py"
    assert "raise NotImplementedError" in written.read_text()
    written.write_text("my progress")
    again = run("prep", "start", "stable-softmax", "--dir", str(tmp_path / "work"))
    assert again.exit_code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert written.read_text() == "my progress"
    forced = run("prep", "start", "stable-softmax", "--dir", str(tmp_path / "work"), "--force")
    assert forced.exit_code == 0
    assert "raise NotImplementedError" in written.read_text()


def test_grade_passes_a_correct_solution_and_records_the_attempt(tmp_path: Path) -> None:
    ex = get_exercise("stable-softmax")
    solution = tmp_path / "solution.py"
    solution.write_text(reference_source(ex))
    recorded: list[tuple[str, bool]] = []
    result = run("prep", "grade", ex.id, str(solution), "--json", recorded=recorded)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["passed"] is True
    assert all(t["passed"] for t in report["tests"])
    assert {"name", "passed", "message"} <= set(report["tests"][0])
    assert recorded == [(ex.id, True)]


def test_grade_exits_1_and_explains_each_failure(tmp_path: Path) -> None:
    starter = tmp_path / "start"
    assert run("prep", "start", "debug-recall-drops", "--dir", str(starter)).exit_code == 0
    result = run("prep", "grade", "debug-recall-drops", str(starter / "debug_recall_drops.py"))
    assert result.exit_code == 1
    assert "PASS  the submission loads and defines recall_at_k()" in result.stdout
    assert "FAIL  a solved query has recall 1" in result.stdout
    assert "not passed" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("prep", "grade", "no-such-exercise", "x.py"), "There is no exercise"),
        (("prep", "grade", "stable-softmax", "missing.py"), "Cannot read missing.py"),
    ],
)
def test_grade_reports_user_errors_in_one_line(
    args: tuple[str, ...], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
