"""The market charts: specifications that render offline, one currency per salary chart,
and trend bars only when there are trends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from landml.insights.charts import render_svg
from landml.market.analytics import (
    PostingRow,
    SkillMention,
    salary_ranges,
    skill_trends,
    top_skills,
)
from landml.market.charts import market_charts, salary_chart, trends_chart

JAN = datetime(2026, 1, 5, tzinfo=UTC)


def _rows() -> list[PostingRow]:
    rows = []
    for i in range(60):
        later = i >= 30
        skills = [SkillMention("jax", "JAX", "framework_library", "required")] if later else []
        if not later and i < 20:
            skills.append(SkillMention("theano", "Theano", "framework_library", "preferred"))
        rows.append(
            PostingRow(
                i,
                role_family="mle" if i % 2 else "ds",
                posted_at=JAN + timedelta(days=60 if later else 0),
                salary_min=100_000 + 1000 * i,
                salary_max=120_000 + 1000 * i,
                salary_currency="EUR" if i % 3 == 0 else "USD",
                salary_period="year",
                skills=tuple(skills),
            )
        )
    return rows


def test_every_chart_renders_and_names_what_it_shows() -> None:
    rows = _rows()
    trends = skill_trends(rows)
    assert [t.label for t in trends.rising] == ["JAX"]
    charts = market_charts(top_skills(rows), salary_ranges(rows).by_role, trends)
    assert list(charts) == ["top-skills", "salaries-EUR", "salaries-USD", "trends"]
    svgs = {name: render_svg(spec) for name, (_title, spec) in charts.items()}
    assert "JAX" in svgs["top-skills"] and "Theano" in svgs["top-skills"]
    assert "Theano" in svgs["trends"] and "JAX" in svgs["trends"]
    assert "Data scientist (n=" in svgs["salaries-USD"]
    assert "Pay per year (EUR)" in svgs["salaries-EUR"]


def test_a_salary_chart_never_mixes_currencies() -> None:
    stats = salary_ranges(_rows()).by_role
    with pytest.raises(ValueError, match="one chart per currency"):
        salary_chart(stats, title="Mixed")


def test_no_trend_chart_without_trends() -> None:
    rows = [PostingRow(i) for i in range(10)]
    trends = skill_trends(rows)
    with pytest.raises(ValueError, match="no trends to chart"):
        trends_chart(trends)
    assert "trends" not in market_charts(top_skills(rows), [], trends)
