from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def run_json(*args: str) -> object:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_move_show_round_trip_in_json() -> None:
    added = run_json(
        "add",
        "Helix Labs",
        "Research Engineer",
        "--kind",
        "research lab",
        "--applied-on",
        "2026-11-02",
    )
    assert isinstance(added, dict)
    assert (added["company"], added["title"], added["stage"]) == (
        "Helix Labs",
        "Research Engineer",
        "applied",
    )
    run_json("move", str(added["id"]), "Technical screen", "--note", "with Priya")
    shown = run_json("show", str(added["id"]))
    assert isinstance(shown, dict)
    assert [s["to_stage"] for s in shown["stages"]] == ["applied", "tech_screen"]
    assert shown["timeline"][-1]["text"].endswith("with Priya")


def test_board_json_lists_id_company_title_and_stage() -> None:
    run("add", "Acme", "Data Scientist")
    board = run_json("board")
    assert isinstance(board, dict)
    apps = [a for col in board["columns"] for a in col["applications"]]
    assert {k: apps[0][k] for k in ("id", "company", "title", "stage")} == {
        "id": 1,
        "company": "Acme",
        "title": "Data Scientist",
        "stage": "saved",
    }


def test_add_from_a_job_board_url_reads_the_company() -> None:
    added = run_json("add", "--url", "https://jobs.lever.co/north-star-ai/123", "ML Engineer")
    assert isinstance(added, dict)
    assert (added["company"], added["title"]) == ("North Star Ai", "ML Engineer")


def test_add_from_pasted_text_keeps_it_as_the_description(tmp_path: Path) -> None:
    text = "Senior ML Engineer at Quanta Health\n\nWe build models for radiology.\n"
    result = run("add", "--paste", "-", "--json", input=text)
    added = json.loads(result.stdout)
    assert (added["company"], added["title"]) == ("Quanta Health", "Senior ML Engineer")
    shown = run_json("show", str(added["id"]))
    assert isinstance(shown, dict)
    assert shown["description"] == text.strip()


def test_add_without_a_title_it_cannot_read_asks_for_it() -> None:
    result = run("add", "--url", "https://www.linkedin.com/jobs/view/1")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: Could not tell the company and title of this application. "
        "Give them: landml add COMPANY TITLE [--url ...]."
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["move", "42", "applied"],
        ["show", "42"],
        ["note", "42", "hello"],
        ["interview", "thanked", "3"],
        ["contact", "show", "9"],
    ],
)
def test_unknown_ids_print_one_line_and_exit_non_zero(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: No ")
    assert "Traceback" not in result.output


def test_errors_in_json_mode_are_json_on_stdout() -> None:
    run("add", "Acme", "MLE")
    result = run("move", "1", "nowhere", "--json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "InvalidInput"
    assert "Unknown stage 'nowhere'" in error["message"]


@pytest.mark.parametrize(
    "args",
    [
        ["board"],
        ["today"],
        ["stage", "list"],
        ["company", "list"],
        ["contact", "list"],
        ["interview", "list"],
        ["config", "show"],
    ],
)
def test_every_listing_command_prints_only_json(args: list[str]) -> None:
    run("add", "Acme", "MLE", "--applied-on", "2026-11-01")
    result = run(*args, "--json")
    assert result.exit_code == 0
    json.loads(result.stdout)


def test_home_option_works_on_any_command(tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    run("add", "Acme", "MLE", "--home", str(home))
    assert (home / "landml.sqlite3").exists()
    board = run_json("board", "--home", str(home))
    assert isinstance(board, dict) and board["total"] == 1
    assert run_json("board")["total"] == 0  # type: ignore[index]
    board = json.loads(run("--home", str(home), "board", "--json").stdout)
    assert board["total"] == 1


def test_contacts_interactions_and_interviews_from_the_cli() -> None:
    run("add", "Acme", "MLE", "--applied-on", "2026-11-01")
    c = run_json("contact", "add", "Jo Park", "--role", "hiring manager", "--application", "1")
    assert isinstance(c, dict) and c["role"] == "hiring_manager"
    it = run_json(
        "contact",
        "log",
        "1",
        "call",
        "--inbound",
        "--summary",
        "intro call",
        "--application",
        "1",
        "--at",
        "2026-11-03 10:00",
    )
    assert isinstance(it, dict) and it["direction"] == "inbound"
    iv = run_json(
        "interview",
        "add",
        "1",
        "ml system design",
        "2026-12-01 16:00",
        "--tz",
        "Asia/Tokyo",
        "--duration",
        "60",
        "--with",
        "Kenji",
    )
    assert isinstance(iv, dict)
    assert iv["local_time"] == "Tue 01 Dec 2026 16:00 Asia/Tokyo"
    assert iv["scheduled_at"].startswith("2026-12-01T07:00:00")


def test_today_help_explains_the_daily_goal() -> None:
    result = run("today", "--help")
    assert "20 a day" in " ".join(result.output.split())


def test_config_set_changes_the_daily_goal() -> None:
    run_json("config", "set", "daily_goal", "8")
    report = run_json("today")
    assert isinstance(report, dict) and report["goal"]["goal"] == 8
    result = run("config", "set", "daily_goal", "0")
    assert result.exit_code == 1 and "Invalid value" in result.stderr


def test_locked_database_gives_a_clear_message_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ws"
    run("add", "Acme", "MLE", "--home", str(home))
    monkeypatch.setenv("LANDML_BUSY_TIMEOUT_S", "0.2")
    locker = sqlite3.connect(home / "landml.sqlite3")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        result = run("move", "1", "applied", "--home", str(home))
    finally:
        locker.rollback()
        locker.close()
    assert result.exit_code == 1
    assert "locked by another program" in result.stderr
    board = run_json("board", "--home", str(home))
    assert isinstance(board, dict)
    assert board["columns"][0]["applications"][0]["stage"] == "saved"


def test_python_dash_m_landml_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "landml", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("landml, version")
