"""`landml rank RESUME` through the real command line: a table, JSON with --json, one-line
errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli
from landml.cli.rank import register
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.postings.service import import_postings
from landml.postings.sources import RawPosting

# Until `landml` registers the command, the tests use a copy of its group with it added:
# registering on `cli` itself would change the CLI reference other tests check.
landml = copy.copy(cli)
landml.commands = dict(cli.commands)
if "rank" not in landml.commands:
    register(landml)

RESUME = """# Ana Lima

Machine Learning Engineer · ana@example.com

## Experience

### Machine Learning Engineer, Orbital Foods (Jan 2021 – Present)

- Trained ranking models in PyTorch on Spark features; cut feed latency by 30%.

## Skills

Python, PyTorch, Spark, Kubernetes
"""


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", "2026-03-10T09:00:00+00:00")


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "ana.md"
    path.write_text(RESUME, encoding="utf-8")
    return path


@pytest.fixture
def postings() -> None:
    ws = Workspace.open(Settings())
    raws = [
        RawPosting(
            source="test",
            external_id="1",
            title="Senior Machine Learning Engineer",
            company="Acme Robotics",
            description="Requirements\n- Python and PyTorch\n- Spark\n",
        ),
        RawPosting(
            source="test",
            external_id="2",
            title="Data Analyst",
            company="Beta Retail",
            description="Requirements\n- Excel\n- Tableau\n",
        ),
    ]
    try:
        with ws.session() as session:
            import_postings(session, 1, raws)
    finally:
        ws.close()


def run(*args: str) -> Result:
    # A wide terminal, so that table cells are not wrapped.
    return CliRunner().invoke(landml, ["rank", *args], env={"COLUMNS": "200"})


@pytest.mark.usefixtures("postings")
def test_rank_prints_a_table_with_the_reasons(resume: Path) -> None:
    result = run(str(resume), "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "ranking 2 posting(s) for Machine Learning Engineer" in lines[0]
    first = next(line for line in lines if line.lstrip().startswith("1 "))
    assert "Senior Machine Learning Engineer" in first
    assert "Acme Robotics" in first
    assert "PyTorch (req)" in result.stdout
    assert "Index built" in result.stdout


@pytest.mark.usefixtures("postings")
def test_rank_json_lists_every_reason_with_its_points(resume: Path) -> None:
    result = run(str(resume), "--json", "--role", "Data Analyst", "--rebuild")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target"] == {
        "title": "Data Analyst",
        "role_family": "analyst",
        "seniority": data["target"]["seniority"],
        "source": "role option",
        "evidence": data["target"]["evidence"],
    }
    assert data["index"]["action"] == "rebuilt"
    rows = data["rows"]
    assert [r["rank"] for r in rows] == [1, 2]
    ml = next(r for r in rows if r["company"] == "Acme Robotics")
    assert {s["label"] for s in ml["reason"]["skills"]} >= {"PyTorch", "Python"}
    assert all(s["points"] > 0 for s in ml["reason"]["skills"])
    analyst = next(r for r in rows if r["company"] == "Beta Retail")
    assert analyst["reason"]["title"]["family_fit"] == 1.0


def test_rank_with_no_postings_exits_1_with_one_line(resume: Path) -> None:
    result = run(str(resume))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: There are no postings")
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("postings")
def test_rank_of_a_missing_resume_file_is_a_json_error_with_json(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.pdf"), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["type"] == "NotFound"
