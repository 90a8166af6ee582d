"""Charts of offers as Vega-Lite specifications (Altair), rendered like the insights charts
(`landml.insights.charts.render_svg`): data inline, nothing fetched.

- `value_by_year_chart`: one panel per offer, a bar per year stacked by component (base,
  bonus, sign-on, equity, refreshers, benefits), so back-loaded vesting and a sign-on
  paid in year 1 show at a glance.
- `sensitivity_chart`: one row per offer along the four-year total: a line from the worst
  to the best stock price or exit value tried, a dot for each one, and a diamond at the
  total used in the comparison.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt

from landml.insights.charts import CONFIG, WIDTH, ChartSpec
from landml.offers.compensation import OfferValue, SensitivityRow

COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("base", "Base", "#4c78a8"),
    ("bonus", "Bonus", "#72b7b2"),
    ("sign_on", "Sign-on", "#eeca3b"),
    ("equity", "Equity", "#f58518"),
    ("refreshers", "Refreshers", "#ff9d98"),
    ("benefits", "Benefits", "#54a24b"),
)
PANEL_GAP = 24
RANGE_COLOUR = "#9ecae9"
POINT_COLOUR = "#4c78a8"
EXPECTED_COLOUR = "#d62728"


def _spec(chart: alt.TopLevelMixin) -> ChartSpec:
    spec: ChartSpec = chart.to_dict()
    spec["config"] = CONFIG
    return spec


def compact(amount: float) -> str:
    """1234567 -> "1.23M": short enough for a label on a chart."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= size:
            return f"{amount / size:.3g}{suffix}"
    return f"{amount:.0f}"


def value_by_year_chart(values: Sequence[OfferValue], currency: str) -> ChartSpec:
    """Each offer's yearly value stacked by component, one panel per offer."""
    rows: list[dict[str, Any]] = []
    for value in values:
        for row in value.rows:
            for key, label, _ in COMPONENTS:
                amount = getattr(row, key)
                if amount > 0:
                    rows.append(
                        {
                            "offer": value.offer,
                            "year": f"Year {row.year}",
                            "component": label,
                            "amount": amount,
                            "order": [k for k, _, _ in COMPONENTS].index(key),
                        }
                    )
    offers = [v.offer for v in values]
    panel = max(120, (WIDTH - PANEL_GAP * (len(offers) - 1)) / max(len(offers), 1))
    base = alt.Chart().encode(x=alt.X("year:N", title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar().encode(
        y=alt.Y("sum(amount):Q", title=f"Value ({currency})", axis=alt.Axis(format="~s")),
        color=alt.Color(
            "component:N",
            title=None,
            scale=alt.Scale(
                domain=[label for _, label, _ in COMPONENTS],
                range=[colour for _, _, colour in COMPONENTS],
            ),
            legend=alt.Legend(orient="top", symbolType="square"),
        ),
        order=alt.Order("order:Q"),
        tooltip=[
            alt.Tooltip("offer:N", title="Offer"),
            alt.Tooltip("year:N", title="Year"),
            alt.Tooltip("component:N", title="Part"),
            alt.Tooltip("amount:Q", title=currency, format=",.0f"),
        ],
    )
    totals = (
        base.transform_aggregate(total="sum(amount)", groupby=["offer", "year"])
        .mark_text(dy=-7, fontSize=11, color="#333")
        .encode(y=alt.Y("total:Q"), text=alt.Text("total:Q", format=".3~s"))
    )
    chart = (
        alt.layer(bars, totals, data=alt.InlineData(values=rows))
        .properties(width=panel, height=260)
        .facet(
            column=alt.Column(
                "offer:N", sort=offers, title=None, header=alt.Header(labelFontSize=13)
            ),
            spacing=PANEL_GAP,
        )
        .properties(
            title=alt.TitleParams(
                text="Value by year",
                subtitle="Before the cost-of-living adjustment; options at their expected value",
            )
        )
    )
    return _spec(chart)


def _point_label(row: SensitivityRow) -> str:
    if row.label.startswith("exit"):
        return f"exit {compact(row.point)}"
    return row.label


def sensitivity_chart(
    order: Sequence[str],
    expected: Mapping[str, float],
    rows: Mapping[str, Sequence[SensitivityRow]],
    currency: str,
) -> ChartSpec:
    """The four-year adjusted total of each offer across stock prices or exit values.

    `order` names the offers top to bottom; `expected` holds the total each is compared on;
    `rows` the sensitivity rows of the offers with equity (others show their total only).
    """
    points = [
        {
            "offer": name,
            "total": r.four_year_adjusted,
            "case": _point_label(r),
        }
        for name in order
        for r in rows.get(name, ())
    ]
    ranges = []
    for name in order:
        totals = [*(r.four_year_adjusted for r in rows.get(name, ())), expected[name]]
        low, high = min(totals), max(totals)
        ranges.append(
            {
                "offer": name,
                "low": low,
                "high": high,
                "low_text": compact(low),
                # An offer that does not move gets one label, not the same one twice.
                "high_text": compact(high) if high > low else "",
            }
        )
    marks = [{"offer": name, "total": expected[name], "case": "compared on"} for name in order]
    y = alt.Y("offer:N", title=None, sort=list(order), axis=alt.Axis(labelLimit=260))
    x_title = f"Four-year total, cost-of-living adjusted ({currency})"
    line = (
        alt.Chart(alt.InlineData(values=ranges))
        .mark_rule(strokeWidth=8, color=RANGE_COLOUR, strokeCap="round")
        .encode(
            x=alt.X("low:Q", title=x_title, axis=alt.Axis(format="~s")),
            x2="high:Q",
            y=y,
        )
    )
    low_text = (
        alt.Chart(alt.InlineData(values=ranges))
        .mark_text(align="right", dx=-10, fontSize=11, color="#555")
        .encode(x="low:Q", y=y, text="low_text:N")
    )
    high_text = (
        alt.Chart(alt.InlineData(values=ranges))
        .mark_text(align="left", dx=10, fontSize=11, color="#555")
        .encode(x="high:Q", y=y, text="high_text:N")
    )
    tooltip = [
        alt.Tooltip("offer:N", title="Offer"),
        alt.Tooltip("case:N", title="If"),
        alt.Tooltip("total:Q", title=currency, format=",.0f"),
    ]
    dots = (
        alt.Chart(alt.InlineData(values=points))
        .mark_circle(size=45, color=POINT_COLOUR, opacity=0.9)
        .encode(x="total:Q", y=y, tooltip=tooltip)
    )
    diamonds = (
        alt.Chart(alt.InlineData(values=marks))
        .mark_point(shape="diamond", filled=True, size=150, color=EXPECTED_COLOUR, opacity=1)
        .encode(x="total:Q", y=y, tooltip=tooltip)
    )
    chart = (line + low_text + high_text + dots + diamonds).properties(
        width=WIDTH - 200,
        height=max(len(order), 1) * 56,
        title=alt.TitleParams(
            text="How the four-year total moves with the stock price or the exit value",
            subtitle="Line: the worst to the best case tried; dots: each case; red diamond: "
            "the total the comparison uses",
        ),
    )
    return _spec(chart)
