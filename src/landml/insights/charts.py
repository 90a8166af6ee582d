"""Charts of the job hunt as Vega-Lite specifications (built with Altair), rendered to SVG
and PNG by vl-convert, which bundles its own JavaScript engine: no browser is needed.

Rendering never touches the network: specifications carry their data inline and
vl-convert is given an empty list of allowed base URLs, so any external reference fails
instead of being fetched.

Times are handed to Vega-Lite as wall-clock times in the person's zone without an offset;
Vega reads and shows such times in one zone, so a 9:00 application shows on its own day
wherever the chart is rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Literal

import altair as alt
import vl_convert

from landml.insights.activity import SERIES, SERIES_LABELS, CumulativePoint, WeekActivity
from landml.insights.durations import StageInterval
from landml.insights.funnel import Funnel

ChartSpec = dict[str, Any]

WIDTH = 720
ROW_HEIGHT = 18
# Day without padding and short month: "5 Oct".
DATE_FORMAT = "%-d %b"
# Shortest bar drawn, as a share of the time shown, so a stage entered minutes ago shows.
MIN_BAR_SHARE = 0.005
SERIES_COLOURS = {"applications": "#4c78a8", "answers": "#f58518", "interviews": "#54a24b"}
GOAL_COLOUR = "#222222"
# One colour per built-in stage, warm towards the offer; closed outcomes in greys and red.
STAGE_COLOURS = {
    "saved": "#c7c7c7",
    "applied": "#9ecae9",
    "recruiter_call": "#4c78a8",
    "tech_screen": "#72b7b2",
    "take_home": "#b279a2",
    "onsite": "#eeca3b",
    "team_match": "#ff9d98",
    "offer": "#f58518",
    "accepted": "#2ca02c",
    "rejected": "#d62728",
    "ghosted": "#7f7f7f",
    "withdrawn": "#b0b0b0",
    "declined": "#9467bd",
}
OTHER_STAGE_COLOURS = ("#17becf", "#9d755d", "#bab0ac", "#8c6d31", "#6b6ecf")
CONFIG: dict[str, Any] = {
    "font": "Liberation Sans, Arial, sans-serif",
    "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 12, "subtitleColor": "#555"},
    "axis": {"labelFontSize": 12, "titleFontSize": 13},
    "legend": {"labelFontSize": 12, "titleFontSize": 13},
    "view": {"stroke": None},
}


def wall_time(at: datetime, tz: tzinfo) -> str:
    """`at` as an offset-free ISO time in `tz` (see the module docstring)."""
    return at.astimezone(tz).replace(tzinfo=None).isoformat(timespec="seconds")


def _time_axis(times: Sequence[datetime]) -> alt.Axis:
    """A date axis with ticks a day, a week or a month apart, whichever keeps them few."""
    days = (max(times) - min(times)) / timedelta(days=1) if times else 0
    interval: Literal["day", "week", "month"] = (
        "day" if days <= 14 else "week" if days <= 120 else "month"
    )
    return alt.Axis(format=DATE_FORMAT if interval != "month" else "%b %Y", tickCount=interval)


def _count_axis(top: float) -> alt.Axis:
    """An axis of whole counts up to `top`: no "0.5 applications" ticks.

    Vega's `tickMinStep` is not honoured by the renderer, so the tick count is capped at
    the largest count instead, which makes d3 pick a step of at least 1.
    """
    return alt.Axis(tickCount=int(min(max(top, 1), 8)), format="d")


def _spec(chart: alt.TopLevelMixin) -> ChartSpec:
    spec: ChartSpec = chart.to_dict()
    spec["config"] = CONFIG
    return spec


def _title(text: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=subtitle)


def cumulative_chart(points: Sequence[CumulativePoint], tz: tzinfo) -> ChartSpec:
    """Running totals of applications, answers and interviews as step lines over time."""
    rows = [
        {"at": wall_time(p.at, tz), "series": SERIES_LABELS[p.series], "total": p.total}
        for p in points
    ]
    domain = [SERIES_LABELS[s] for s in SERIES]
    chart = (
        alt.Chart(alt.InlineData(values=rows))
        .mark_line(interpolate="step-after", strokeWidth=2.5)
        .encode(
            x=alt.X("at:T", title="Date", axis=_time_axis([p.at for p in points])),
            y=alt.Y(
                "total:Q",
                title="Running total",
                axis=_count_axis(max((p.total for p in points), default=0)),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[SERIES_COLOURS[s] for s in SERIES]),
                legend=alt.Legend(orient="top", symbolStrokeWidth=3),
            ),
            # Interviews dashed: when they coincide with answers both lines stay visible.
            strokeDash=alt.StrokeDash(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[[1, 0], [1, 0], [7, 4]]),
                legend=alt.Legend(orient="top", symbolStrokeWidth=3),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("at:T", title="Date", format="%d %b %Y"),
                alt.Tooltip("total:Q", title="Total"),
            ],
        )
        .properties(
            width=WIDTH,
            height=320,
            title=_title(
                "Applications, answers and interviews over time",
                "Running totals; each step up is one event",
            ),
        )
    )
    return _spec(chart)


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def funnel_chart(result: Funnel) -> ChartSpec:
    """Horizontal bars per funnel step with the count and the conversion from the step above."""
    rows = []
    for i, step in enumerate(result.steps):
        shares = []
        if i and step.of_applied is not None:
            shares.append(f"{_percent(step.of_applied)} of applied")
        if i > 1 and step.of_previous is not None:
            shares.append(f"{_percent(step.of_previous)} of {result.steps[i - 1].label.lower()}")
        text = f"{step.count}  ({', '.join(shares)})" if shares else str(step.count)
        rows.append({"step": step.label, "count": step.count, "order": i, "text": text})
    order = [step.label for step in result.steps]
    top = max((step.count for step in result.steps), default=0)
    base = alt.Chart(alt.InlineData(values=rows)).encode(
        y=alt.Y("step:N", title=None, sort=order, axis=alt.Axis(labelFontSize=13)),
        # Room on the right for the labels of short bars.
        x=alt.X(
            "count:Q",
            title="Applications",
            scale=alt.Scale(domain=[0, max(top * 1.6, 1)]),
            axis=_count_axis(top * 1.6),
        ),
    )
    bars = base.mark_bar(color=SERIES_COLOURS["applications"], height={"band": 0.7})
    labels = base.mark_text(align="left", dx=6, fontSize=12).encode(text="text:N")
    chart = (bars + labels).properties(
        width=WIDTH,
        height=len(order) * 44,
        title=_title(
            "Funnel: how far applications get",
            "Each step counts the applications that reached it or went beyond",
        ),
    )
    return _spec(chart)


def _stage_colours(stages: Sequence[str]) -> list[str]:
    colours = []
    extra = 0
    for key in stages:
        if key in STAGE_COLOURS:
            colours.append(STAGE_COLOURS[key])
        else:
            colours.append(OTHER_STAGE_COLOURS[extra % len(OTHER_STAGE_COLOURS)])
            extra += 1
    return colours


def timeline_chart(
    rows: Sequence[tuple[str, Sequence[StageInterval]]],
    *,
    stage_order: Sequence[str],
    stage_labels: dict[str, str],
    now: datetime,
    tz: tzinfo,
    left_out: int = 0,
) -> ChartSpec:
    """One row per application ("Company · Title") with a bar per stage it stayed in.

    Open stays run to `now`; final outcomes (rejected, accepted...) are drawn as a marker
    at the time they happened, so how each application ended is visible at a glance.
    Row labels must be unique. `left_out` counts older applications not passed in.
    """
    first = min((i.start for _, intervals in rows for i in intervals), default=now)
    min_bar = (now - first) * MIN_BAR_SHARE
    bars: list[dict[str, Any]] = []
    ends: list[dict[str, Any]] = []
    for label, intervals in rows:
        for interval in intervals:
            row = {
                "application": label,
                "stage": stage_labels.get(interval.stage, interval.stage),
                "start": wall_time(interval.start, tz),
            }
            if interval.terminal:
                ends.append(row)
            else:
                end = interval.end if interval.end is not None else now
                shown_end = max(end, interval.start + min_bar)
                bars.append({**row, "end": wall_time(shown_end, tz), "days": _days(interval, now)})
    present = {interval.stage for _, intervals in rows for interval in intervals}
    keys = [key for key in stage_order if key in present]
    colour = alt.Color(
        "stage:N",
        title="Stage",
        scale=alt.Scale(domain=[stage_labels.get(k, k) for k in keys], range=_stage_colours(keys)),
        legend=alt.Legend(orient="bottom", columns=7, symbolType="square"),
    )
    order = [label for label, _ in rows]
    y = alt.Y(
        "application:N",
        title=None,
        sort=order,
        axis=alt.Axis(labelLimit=380, labelFontSize=11),
    )
    x = alt.X("start:T", title="Date", axis=_time_axis([first, now]))
    tooltip = [alt.Tooltip("application:N"), alt.Tooltip("stage:N")]
    stays = (
        alt.Chart(alt.InlineData(values=bars))
        .mark_bar(height={"band": 0.7})
        .encode(
            x=x,
            x2="end:T",
            y=y,
            color=colour,
            tooltip=[*tooltip, alt.Tooltip("days:Q", title="Days", format=".1f")],
        )
    )
    outcomes = (
        alt.Chart(alt.InlineData(values=ends))
        .mark_point(shape="diamond", filled=True, size=90, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    today = (
        alt.Chart(alt.InlineData(values=[{"start": wall_time(now, tz)}]))
        .mark_rule(color=GOAL_COLOUR, strokeDash=[4, 3])
        .encode(x=x)
    )
    chart = (stays + outcomes + today).properties(
        width=WIDTH,
        height=max(len(rows), 1) * ROW_HEIGHT,
        title=_title(
            "Each application's stages",
            "Bars: time in each stage (open ones run to today, the dashed line); "
            "diamonds: how it ended"
            + (f". The {left_out} oldest applications are left out." if left_out else ""),
        ),
    )
    return _spec(chart)


def _days(interval: StageInterval, now: datetime) -> float:
    end = interval.end if interval.end is not None else now
    return round(max((end - interval.start).total_seconds(), 0) / 86_400, 1)


def _week_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def weekly_chart(weeks: Sequence[WeekActivity], daily_goal: int) -> ChartSpec:
    """Applications, answers and interviews per week, with a tick at the week's goal."""
    rows = []
    for week in weeks:
        for series in SERIES:
            rows.append(
                {
                    "week": _week_label(week.week_start),
                    "series": SERIES_LABELS[series],
                    "count": getattr(week, series),
                }
            )
    goals = [
        {"week": _week_label(w.week_start), "goal": w.goal, "days": w.active_days} for w in weeks
    ]
    order = [_week_label(w.week_start) for w in weeks]
    goal_label = f"Goal: {daily_goal} a day"
    domain = [*(SERIES_LABELS[s] for s in SERIES), goal_label]
    colour_scale = alt.Scale(
        domain=domain, range=[*(SERIES_COLOURS[s] for s in SERIES), GOAL_COLOUR]
    )
    top = max((max(w.applications, w.answers, w.interviews, w.goal) for w in weeks), default=0)
    x = alt.X("week:N", title="Week starting", sort=order, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(alt.InlineData(values=rows))
        .mark_bar()
        .encode(
            x=x,
            xOffset=alt.XOffset("series:N", sort=[SERIES_LABELS[s] for s in SERIES]),
            y=alt.Y("count:Q", title="Count", axis=_count_axis(top)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=colour_scale,
                legend=alt.Legend(orient="top", symbolType="square", labelLimit=300),
            ),
            tooltip=[alt.Tooltip("week:N"), alt.Tooltip("series:N"), alt.Tooltip("count:Q")],
        )
    )
    band = WIDTH / max(len(weeks), 1) * 0.8
    goal = (
        alt.Chart(alt.InlineData(values=goals))
        .mark_tick(thickness=3, size=band, opacity=1)
        .encode(
            x=x,
            y=alt.Y("goal:Q"),
            color=alt.Color("label:N", scale=colour_scale, title=None),
            tooltip=[alt.Tooltip("week:N"), alt.Tooltip("goal:Q"), alt.Tooltip("days:Q")],
        )
        .transform_calculate(label=alt.expr.toString(goal_label))
    )
    chart = (bars + goal).properties(
        width=WIDTH,
        height=300,
        title=_title(
            "Weekly activity against the daily goal",
            "Black line: applications the daily goal asks for in the week (first and current weeks "
            "count only their days so far)",
        ),
    )
    return _spec(chart)


def render_svg(spec: ChartSpec) -> str:
    """The chart as an SVG document, rendered offline."""
    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])


def render_png(spec: ChartSpec, *, scale: float = 2) -> bytes:
    """The chart as PNG bytes at `scale` times its size in pixels, rendered offline."""
    return vl_convert.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
