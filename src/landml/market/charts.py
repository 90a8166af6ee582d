"""The market view's charts as Vega-Lite specifications (built with Altair): top skills
split by how postings mark them, salary ranges as range bars, and rising or falling
skills as diverging bars. They render offline with `landml.insights.charts.render_svg`
and `render_png`, like every landml chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from landml.insights.charts import CONFIG, WIDTH, ChartSpec
from landml.market.analytics import SalaryStats, TopSkills, Trends
from landml.prep.loops import ROLE_LABELS

ROW = 22
REQUIREMENTS = ("required", "preferred", "unmarked")
REQUIREMENT_LABELS = {
    "required": "Required",
    "preferred": "Preferred",
    "unmarked": "Mentioned, not marked",
}
REQUIREMENT_COLOURS = ("#3451b2", "#8ea6ff", "#c4cad2")
RANGE_COLOUR = "#4c78a8"
MEDIAN_COLOUR = "#1d2127"
RISING_COLOUR = "#23753a"
FALLING_COLOUR = "#d6604d"


def _spec(chart: alt.TopLevelMixin) -> ChartSpec:
    spec: ChartSpec = chart.to_dict()
    spec["config"] = CONFIG
    return spec


def role_label(role_family: str) -> str:
    """ "ds" -> "Data scientist"."""
    text = ROLE_LABELS.get(role_family, role_family)
    return text[:1].upper() + text[1:]


def top_skills_chart(top: TopSkills) -> ChartSpec:
    """Share of postings naming each skill, stacked by required / preferred / not marked."""
    rows: list[dict[str, Any]] = []
    order = [s.label for s in top.skills]
    for s in top.skills:
        for key in REQUIREMENTS:
            count = getattr(s, key)
            rows.append(
                {
                    "skill": s.label,
                    "how": REQUIREMENT_LABELS[key],
                    "order": REQUIREMENTS.index(key),
                    "share": count / top.postings if top.postings else 0.0,
                    "count": count,
                }
            )
    totals = [
        {"skill": s.label, "share": s.share, "text": f"{s.postings} ({s.share:.0%})"}
        for s in top.skills
    ]
    top_share = max((s.share for s in top.skills), default=0.0)
    x_scale = alt.Scale(domain=[0, min(1.0, top_share * 1.18 + 0.02)])
    y = alt.Y("skill:N", title=None, sort=order, axis=alt.Axis(labelLimit=220))
    bars = (
        alt.Chart(alt.InlineData(values=rows))
        .mark_bar(height={"band": 0.75})
        .encode(
            x=alt.X(
                "share:Q",
                stack="zero",
                title="Share of postings",
                scale=x_scale,
                axis=alt.Axis(format="%"),
            ),
            y=y,
            color=alt.Color(
                "how:N",
                title=None,
                scale=alt.Scale(
                    domain=[REQUIREMENT_LABELS[k] for k in REQUIREMENTS],
                    range=list(REQUIREMENT_COLOURS),
                ),
                legend=alt.Legend(orient="top", symbolType="square"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("skill:N"),
                alt.Tooltip("how:N", title="Marked"),
                alt.Tooltip("count:Q", title="Postings"),
            ],
        )
    )
    labels = (
        alt.Chart(alt.InlineData(values=totals))
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(x=alt.X("share:Q", scale=x_scale), y=y, text="text:N")
    )
    chart = (bars + labels).properties(
        width=WIDTH,
        height=max(len(order), 1) * ROW,
        title=alt.TitleParams(
            text="Top skills in the postings",
            subtitle=f"Share of the {top.postings} postings that name each skill, "
            "by how the posting marks it",
        ),
    )
    return _spec(chart)


def _range_label(stats: SalaryStats) -> str:
    place = f" · {stats.place}" if stats.place else ""
    return f"{role_label(stats.role_family)}{place} (n={stats.postings})"


def salary_chart(stats: Sequence[SalaryStats], *, title: str) -> ChartSpec:
    """Range bars: lowest to highest midpoint (line), 25th to 75th percentile (bar) and the
    median (tick). All `stats` must share one currency: pay is never mixed across them."""
    currencies = {s.currency for s in stats}
    if len(currencies) != 1:
        raise ValueError(f"one chart per currency, got {sorted(currencies)}")
    currency = currencies.pop()
    rows = [
        {
            "group": _range_label(s),
            "low": s.low,
            "p25": s.p25,
            "median": s.median,
            "p75": s.p75,
            "high": s.high,
            "estimates": s.estimate_share,
        }
        for s in stats
    ]
    order = [_range_label(s) for s in stats]
    y = alt.Y("group:N", title=None, sort=order, axis=alt.Axis(labelLimit=320))
    x_title = f"Pay per year ({currency}), midpoint of each posting's range"
    base = alt.Chart(alt.InlineData(values=rows)).encode(y=y)
    tooltip = [
        alt.Tooltip("group:N", title="Group"),
        alt.Tooltip("p25:Q", title="25th percentile", format=",.0f"),
        alt.Tooltip("median:Q", title="Median", format=",.0f"),
        alt.Tooltip("p75:Q", title="75th percentile", format=",.0f"),
        alt.Tooltip("estimates:Q", title="Estimates", format=".0%"),
    ]
    whisker = base.mark_rule(color=RANGE_COLOUR, strokeWidth=1.5).encode(
        # Not from zero: the spread between groups is what the chart is read for.
        x=alt.X("low:Q", title=x_title, scale=alt.Scale(zero=False), axis=alt.Axis(format="~s")),
        x2="high:Q",
    )
    box = base.mark_bar(color=RANGE_COLOUR, opacity=0.45, height={"band": 0.6}).encode(
        x="p25:Q", x2="p75:Q", tooltip=tooltip
    )
    median = base.mark_tick(color=MEDIAN_COLOUR, thickness=2.5, size=ROW * 0.8).encode(
        x="median:Q", tooltip=tooltip
    )
    chart = (whisker + box + median).properties(
        width=WIDTH,
        height=max(len(rows), 1) * (ROW + 6),
        title=alt.TitleParams(
            text=title,
            subtitle="Bar: 25th to 75th percentile; dark tick: median; line: lowest to highest",
        ),
    )
    return _spec(chart)


def trends_chart(trends: Trends) -> ChartSpec:
    """Diverging bars: each trending skill's change in share between the two periods."""
    if trends.status != "ok" or trends.earlier is None or trends.later is None:
        raise ValueError("no trends to chart: " + trends.message)
    rows = [
        {
            "skill": t.label,
            "change": t.change,
            "direction": "Rising" if t.change > 0 else "Falling",
            "earlier": t.earlier_share,
            "later": t.later_share,
            "z": t.z,
        }
        for t in [*trends.rising, *reversed(trends.falling)]
    ]
    order = [str(r["skill"]) for r in rows]
    e, lt = trends.earlier, trends.later
    chart = (
        alt.Chart(alt.InlineData(values=rows))
        .mark_bar(height={"band": 0.7})
        .encode(
            x=alt.X(
                "change:Q",
                title="Change in share of postings (later minus earlier)",
                axis=alt.Axis(format="+.0%"),
            ),
            y=alt.Y("skill:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "direction:N",
                title=None,
                scale=alt.Scale(
                    domain=["Rising", "Falling"], range=[RISING_COLOUR, FALLING_COLOUR]
                ),
                legend=alt.Legend(orient="top", symbolType="square"),
            ),
            tooltip=[
                alt.Tooltip("skill:N"),
                alt.Tooltip("earlier:Q", title="Earlier share", format=".0%"),
                alt.Tooltip("later:Q", title="Later share", format=".0%"),
                alt.Tooltip("z:Q", format=".1f"),
            ],
        )
        .properties(
            width=WIDTH,
            height=max(len(rows), 1) * ROW,
            title=alt.TitleParams(
                text="Skills rising and falling",
                subtitle=f"{lt.postings} postings {lt.start} to {lt.end} against "
                f"{e.postings} postings {e.start} to {e.end}",
            ),
        )
    )
    return _spec(chart)


def market_charts(
    top: TopSkills, salaries: Sequence[SalaryStats], trends: Trends
) -> dict[str, tuple[str, ChartSpec]]:
    """Every chart the report has data for, by name: (title, specification).

    Salary ranges get one chart per currency, named `salaries-<CURRENCY>`."""
    charts: dict[str, tuple[str, ChartSpec]] = {}
    if top.skills:
        charts["top-skills"] = ("Top skills", top_skills_chart(top))
    for currency in sorted({s.currency for s in salaries}):
        group = [s for s in salaries if s.currency == currency]
        title = f"Salary ranges by role ({currency} per year)"
        charts[f"salaries-{currency}"] = (title, salary_chart(group, title=title))
    if trends.status == "ok" and (trends.rising or trends.falling):
        charts["trends"] = ("Skills rising and falling", trends_chart(trends))
    return charts
