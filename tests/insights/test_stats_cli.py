from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from landml.cli import stats
from landml.cli.context import CliState, LandmlGroup, home_option
from landml.cli.main import cli

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _landml_with_stats() -> click.Group:
    """The real `landml` commands plus `stats`, in a group of its own, so registering here
    leaves the real command (and its generated reference) untouched."""

    @click.group(cls=LandmlGroup)
    @home_option
    @click.pass_context
    def landml(ctx: click.Context) -> None:
        obj = ctx.ensure_object(CliState)
        ctx.call_on_close(obj.close)

    for command in cli.commands.values():
        landml.add_command(command)
    if "stats" not in landml.commands:
        stats.register(landml)
    return landml


LANDML = _landml_with_stats()


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", "2026-11-20T12:00:00+00:00")
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")


def run(*args: str) -> Result:
    return CliRunner().invoke(LANDML, list(args), catch_exceptions=False)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _hunt() -> None:
    """One application rejected after a recruiter call, one waiting, one only saved."""
    for args in (
        ("add", "Acme", "Machine Learning Engineer", "--applied-on", "2026-11-01"),
        ("add", "Bigco", "Data Scientist", "--applied-on", "2026-11-03", "--channel", "referral"),
        ("add", "Pipes Inc", "Data Engineer"),
        ("move", "1", "recruiter_call", "--at", "2026-11-05"),
        (
            "move",
            "1",
            "rejected",
            "--at",
            "2026-11-10",
            "--reason",
            "Wanted more Kubernetes",
            "--skill",
            "Kubernetes",
        ),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.output


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_stats_json_reports_funnel_response_and_rejections() -> None:
    _hunt()
    report = run_json("stats")
    assert report["applications"] == 3
    assert [s["count"] for s in report["funnel"]["steps"]] == [2, 1, 1, 0, 0]
    assert (report["response"]["applied"], report["response"]["answered"]) == (2, 1)
    assert [g["group"] for g in report["by_channel"]] == ["job_portal", "referral"]
    assert report["rejections"]["skills"] == [{"text": "Kubernetes", "count": 1}]
    applied = next(t for t in report["time_in_stage"] if t["stage"] == "applied")
    assert (applied["spells"], applied["open"]) == (2, 1)
    assert "charts" not in report


def test_stats_text_shows_tables_and_the_no_answer_note() -> None:
    _hunt()
    result = run("stats")
    assert result.exit_code == 0, result.output
    out = result.output
    for text in (
        "3 applications tracked",
        "Response rate",
        "never get an answer",
        "Time in stage",
        "Weekly activity",
        "Kubernetes",
        "Wanted more Kubernetes",
    ):
        assert text in out, text


def test_stats_since_keeps_later_applications_only() -> None:
    _hunt()
    report = run_json("stats", "--since", "2026-11-02")
    assert report["since"] == "2026-11-02"
    assert report["applications"] == 2
    assert report["funnel"]["steps"][0]["count"] == 1


def test_stats_rejects_an_unreadable_since_date() -> None:
    result = run("stats", "--since", "next blue moon")
    assert result.exit_code == 1
    assert "Cannot read the --since date" in result.output


def test_stats_on_an_empty_workspace_says_there_is_nothing_yet() -> None:
    result = run("stats")
    assert result.exit_code == 0
    assert "Nothing to count yet" in result.output


def test_stats_png_writes_the_four_charts_as_valid_pngs(tmp_path: Path) -> None:
    _hunt()
    out_dir = tmp_path / "charts" / "nested"
    report = run_json("stats", "--png", str(out_dir))
    written = [Path(p) for p in report["charts"]]
    assert sorted(p.name for p in written) == [
        "applications-over-time.png",
        "funnel.png",
        "timeline.png",
        "weekly-activity.png",
    ]
    for path in written:
        assert path.parent == out_dir
        width, height = _png_size(path)
        # 720 px wide charts at scale 2, plus axes and legends.
        assert 1400 <= width <= 2400, (path.name, width)
        assert 150 <= height <= 1400, (path.name, height)
