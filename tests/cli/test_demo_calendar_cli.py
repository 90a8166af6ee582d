"""`landml demo` and `landml calendar export` driven through the real command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner, Result

from landml.cli.main import cli

NOW = "2026-03-11T15:00:00+00:00"


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW)
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


@pytest.fixture
def demo_home(tmp_path: Path) -> Path:
    home = tmp_path / "demo-home"
    result = _run("demo", "--home", str(home), "--json")
    assert result.exit_code == 0, result.output
    return home


def test_demo_json_prints_only_json_with_what_was_loaded(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    result = _run("demo", "--home", str(home), "--json")

    assert result.exit_code == 0, result.output
    data = _json(result)
    assert 35 <= data["applications"] <= 45
    assert data["interviews"] > 0 and data["contacts"] > 0
    assert data["workspace"] == str(home / "landml.sqlite3")


def test_demo_text_output_says_it_is_fictional_and_what_to_try(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    result = _run("demo", "--home", str(home))

    assert result.exit_code == 0, result.output
    assert "fictional companies" in result.stdout
    assert f"landml today --home {home}" in result.stdout


def test_demo_refuses_a_workspace_that_has_data_and_changes_nothing(demo_home: Path) -> None:
    before = _json(_run("board", "--home", str(demo_home), "--json"))
    as_text = _run("demo", "--home", str(demo_home))
    as_json = _run("demo", "--home", str(demo_home), "--json")

    assert as_text.exit_code == 1
    assert as_text.stdout == ""
    assert as_text.stderr.count("\n") == 1
    assert as_text.stderr.startswith("Error: This workspace already has data")
    assert as_json.exit_code == 1
    assert _json(as_json)["error"]["type"] == "Conflict"
    assert _json(_run("board", "--home", str(demo_home), "--json")) == before


def test_today_after_the_demo_has_work_to_show(demo_home: Path) -> None:
    report = _json(_run("today", "--home", str(demo_home), "--json"))

    assert report["follow_ups"] and report["ghosted"] and report["interviews"]
    assert len(report["thank_yous"]) == 1
    assert report["goal"]["done"] >= 1


def test_calendar_export_writes_an_ics_file_and_nothing_else(
    demo_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "hunt.ics"
    result = _run("calendar", "export", str(target), "--home", str(demo_home), "--json")

    assert result.exit_code == 0, result.output
    data = _json(result)
    assert data["file"] == str(target)
    assert [p.name for p in folder.iterdir()] == ["hunt.ics"]
    raw = target.read_bytes()
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert (
        len(events)
        == data["events"]
        == data["interviews"] + data["follow_ups"] + data["next_actions"]
    )
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_calendar_export_replaces_an_existing_file(demo_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "hunt.ics"
    target.write_text("stale")
    result = _run("calendar", "export", str(target), "--home", str(demo_home))

    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert "hunt.ics" in result.stdout


def test_calendar_export_without_alarm_writes_no_reminders(demo_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "quiet.ics"
    result = _run("calendar", "export", str(target), "--alarm", "0", "--home", str(demo_home))

    assert result.exit_code == 0, result.output
    assert b"BEGIN:VALARM" not in target.read_bytes()


@pytest.mark.parametrize("name", ["hunt.txt", "hunt", "hunt.ics.bak"])
def test_calendar_export_refuses_a_name_that_is_not_ics(tmp_path: Path, name: str) -> None:
    result = _run("calendar", "export", str(tmp_path / name), "--home", str(tmp_path / "ws"))

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "not an .ics file" in result.stderr
    assert not (tmp_path / name).exists()


def test_calendar_export_into_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "hunt.ics"
    result = _run("calendar", "export", str(target), "--home", str(tmp_path / "ws"), "--json")

    assert result.exit_code == 1
    error = _json(result)["error"]
    assert error["type"] == "InvalidInput"
    assert "does not exist" in error["message"]
