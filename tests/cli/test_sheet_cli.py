"""`landml sheet import` and `landml sheet export`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli

NOW = "2026-02-01T10:00:00+00:00"
SHEET = (
    "Job search,,,\n"
    "Company,Role,Status,Date applied\n"
    "Acme AI,ML Engineer,Phone screen,2026-01-05\n"
    ",,,\n"
    "Helix Labs,Research Scientist,Rejected after onsite,2026-01-12\n"
)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def sheet_file(tmp_path: Path, text: str = SHEET, name: str = "jobs.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_prints_a_summary(tmp_path: Path) -> None:
    result = run("sheet", "import", sheet_file(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Imported jobs.csv (headers on row 2): 2 added, 0 updated, 0 unchanged, "
        "1 blank row(s) skipped."
    ]


def test_import_with_json_prints_only_the_report(tmp_path: Path) -> None:
    report = json.loads(run("sheet", "import", sheet_file(tmp_path), "--json").stdout)
    assert (report["added"], report["skipped_blank"], report["header_row"]) == (2, 1, 2)
    assert [(r["row"], r["stage"]) for r in report["rows"]] == [
        (3, "recruiter_call"),
        (5, "rejected"),
    ]
    board = json.loads(run("board", "--json").stdout)
    assert board["total"] == 2
    again = json.loads(run("sheet", "import", sheet_file(tmp_path), "--json").stdout)
    assert (again["added"], again["unchanged"]) == (0, 2)


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    report = json.loads(run("sheet", "import", sheet_file(tmp_path), "--dry-run", "--json").stdout)
    assert (report["dry_run"], report["added"]) == (True, 2)
    assert json.loads(run("board", "--json").stdout)["total"] == 0


def test_unmapped_statuses_exit_non_zero_with_one_line_per_problem(tmp_path: Path) -> None:
    path = sheet_file(tmp_path, "Company,Title,Status\nAcme,MLE,Interviewing\nHelix,DS,Applied\n")
    result = run("sheet", "import", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Error: jobs.csv was not imported: 1 status text(s) name no stage")
    assert '--map-status "TEXT=STAGE"' in lines[0]
    assert lines[1:] == ['  status "Interviewing" (row 2) does not name a stage']
    assert json.loads(run("board", "--json").stdout)["total"] == 0


def test_errors_in_json_mode_are_json_with_the_problems(tmp_path: Path) -> None:
    path = sheet_file(tmp_path, "Company,Title,Date applied\nAcme,MLE,31/31/2026\n")
    result = run("sheet", "import", path, "--json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "ImportRejected"
    assert error["problems"] == [
        "row 2: Date applied '31/31/2026' is not a date (write it for example as 2026-01-31)"
    ]


def test_map_status_reads_ones_own_statuses(tmp_path: Path) -> None:
    path = sheet_file(tmp_path, "Company,Title,Status\nAcme,MLE,Interviewing\n")
    result = run("sheet", "import", path, "--map-status", "Interviewing=tech_screen", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rows"][0]["stage"] == "tech_screen"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map-status", "Interviewing"], "Cannot read the status mapping 'Interviewing'"),
        (["--map-status", "Interviewing=chatting"], "Unknown stage 'chatting'"),
    ],
)
def test_bad_status_mappings_are_one_line_errors(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = sheet_file(tmp_path, "Company,Title,Status\nAcme,MLE,Interviewing\n")
    result = run("sheet", "import", path, *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("jobs.xls", "x", "is not a .csv or .xlsx file"),
        ("jobs.csv", "", "is empty"),
        ("jobs.csv", "Name,Age\nx,1\n", "no recognisable Company and Title columns"),
    ],
)
def test_unreadable_files_are_one_line_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    result = run("sheet", "import", sheet_file(tmp_path, content, name))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    missing = run("sheet", "import", str(tmp_path / "nope.csv"), "--json")
    assert missing.exit_code == 1
    assert "no file at" in json.loads(missing.stdout)["error"]["message"]


def test_export_then_import_elsewhere_with_json(tmp_path: Path) -> None:
    run("sheet", "import", sheet_file(tmp_path))
    out = tmp_path / "export.xlsx"
    report = json.loads(run("sheet", "export", str(out), "--json").stdout)
    assert (report["format"], report["applications"]) == ("xlsx", 2)
    assert report["columns"][-2:] == ["History", "Ref"]
    other = str(tmp_path / "other-home")
    imported = json.loads(run("sheet", "import", str(out), "--home", other, "--json").stdout)
    assert imported["added"] == 2
    mine = json.loads(run("board", "--json").stdout)
    theirs = json.loads(run("board", "--json", "--home", other).stdout)
    assert [
        [(a["company"], a["stage"], a["stage_since"]) for a in c["applications"]]
        for c in mine["columns"]
    ] == [
        [(a["company"], a["stage"], a["stage_since"]) for a in c["applications"]]
        for c in theirs["columns"]
    ]


def test_export_does_not_overwrite_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "mine.csv"
    out.write_text("my own sheet")
    result = run("sheet", "export", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {out} already exists. Choose another name or pass --force."
    ]
    assert out.read_text() == "my own sheet"
    forced = run("sheet", "export", str(out), "--force")
    assert forced.exit_code == 0
    assert forced.stdout.strip() == f"Exported 0 applications to {out}."
    assert out.read_text(encoding="utf-8-sig").startswith("Company,Company type,Title,Stage")
