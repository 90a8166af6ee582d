"""Chart specifications are checked as data; rendering is exercised by the service and
CLI tests (vl-convert's first call is slow)."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from landml.insights import charts
from landml.insights.activity import WeekActivity, activity_events, cumulative_counts
from landml.insights.durations import stage_intervals
from landml.insights.funnel import StagePath, funnel

from .histories import day, history

PATH = StagePath()
PARIS = ZoneInfo("Europe/Paris")


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    layers: list[dict[str, Any]] = spec.get("layer", [spec])
    return layers


def _values(spec: dict[str, Any], layer: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The inline rows a layer draws (Altair moves them to the top-level `datasets`)."""
    data = (layer or {}).get("data") or spec["data"]
    values: list[dict[str, Any]] = (
        data["values"] if "values" in data else spec["datasets"][data["name"]]
    )
    return values


def test_cumulative_chart_is_a_step_line_per_series_in_local_wall_time() -> None:
    histories = [history(1, ("applied", 0), ("recruiter_call", 2)), history(2, ("applied", 1))]
    points = cumulative_counts(activity_events(histories, PATH, day(5)), start=day(0), now=day(5))
    spec = charts.cumulative_chart(points, PARIS)
    assert spec["mark"]["interpolate"] == "step-after"
    assert spec["width"] == charts.WIDTH
    assert spec["title"]["text"] == "Applications, answers and interviews over time"
    assert spec["encoding"]["x"]["title"] == "Date"
    rows = _values(spec)
    # 7 September 2026, 09:00 UTC is 11:00 in Paris, written without an offset.
    assert rows[1] == {"at": "2026-09-07T11:00:00", "series": "Applications sent", "total": 1}
    assert rows[-1]["total"] == 1 and rows[-1]["series"] == "Interviews held"


def test_funnel_chart_labels_bars_with_count_and_conversion() -> None:
    histories = [
        history(1, ("applied", 0), ("recruiter_call", 2), ("onsite", 5)),
        history(2, ("applied", 0), ("rejected", 3)),
        history(3, ("applied", 0)),
        history(4, ("applied", 0)),
    ]
    spec = charts.funnel_chart(funnel(histories, PATH))
    texts = [row["text"] for row in _values(spec)]
    assert texts == [
        "4",
        "2  (50% of applied)",
        "1  (25% of applied, 50% of answered)",
        "1  (25% of applied, 100% of screened)",
        "0  (0% of applied, 0% of onsite)",
    ]


def test_timeline_has_one_row_per_application_and_marks_how_each_ended() -> None:
    histories = [
        history(1, ("applied", 0), ("tech_screen", 3), ("rejected", 6)),
        history(2, ("saved", 1), ("applied", 2)),
    ]
    spec = charts.timeline_chart(
        [(h.label, stage_intervals(h, PATH)) for h in histories],
        stage_order=[s.key for s in PATH.stages],
        stage_labels={s.key: s.label for s in PATH.stages},
        now=day(10),
        tz=PARIS,
    )
    bars, outcomes, today = _layers(spec)
    assert [(r["application"], r["stage"]) for r in _values(spec, bars)] == [
        ("Company 1 · Role 1", "Applied"),
        ("Company 1 · Role 1", "Technical screen"),
        ("Company 2 · Role 2", "Saved"),
        ("Company 2 · Role 2", "Applied"),
    ]
    # The open stay runs to now.
    assert _values(spec, bars)[-1]["end"] == charts.wall_time(day(10), PARIS)
    assert [(r["application"], r["stage"]) for r in _values(spec, outcomes)] == [
        ("Company 1 · Role 1", "Rejected")
    ]
    assert _values(spec, today) == [{"start": charts.wall_time(day(10), PARIS)}]
    assert spec["height"] == 2 * charts.ROW_HEIGHT
    colour = bars["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Saved", "Applied", "Technical screen", "Rejected"]
    assert colour["range"][-1] == charts.STAGE_COLOURS["rejected"]


def test_weekly_chart_draws_the_goal_of_each_week() -> None:
    weeks = [
        WeekActivity(
            week_start=date(2026, 9, 7),
            applications=4,
            answers=1,
            interviews=0,
            active_days=3,
            goal=15,
        ),
        WeekActivity(
            week_start=date(2026, 9, 14),
            applications=9,
            answers=2,
            interviews=1,
            active_days=7,
            goal=35,
        ),
    ]
    spec = charts.weekly_chart(weeks, daily_goal=5)
    bars, goal = _layers(spec)
    assert [(r["week"], r["series"], r["count"]) for r in _values(spec, bars)][:3] == [
        ("7 Sep", "Applications sent", 4),
        ("7 Sep", "Answers received", 1),
        ("7 Sep", "Interviews held", 0),
    ]
    assert [(r["week"], r["goal"]) for r in _values(spec, goal)] == [("7 Sep", 15), ("14 Sep", 35)]
    assert goal["mark"]["type"] == "tick"


def test_rendering_refuses_to_fetch_external_data() -> None:
    spec = {
        "data": {"url": "https://example.com/data.json"},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    with pytest.raises(ValueError, match="External data url not allowed"):
        charts.render_svg(spec)
