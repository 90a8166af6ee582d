"""The market analytics on hand-built rows: skill shares and the required/preferred split,
trends with their sample sizes and refusals, salary summaries per currency."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from scipy.stats import chi2_contingency  # type: ignore[import-untyped]

from landml.market.analytics import (
    INDUSTRY_SKILLS,
    MIN_PLACE_GROUP,
    MIN_POSTINGS_PER_PERIOD,
    PostingRow,
    SkillMention,
    industries_named,
    quartiles,
    salary_ranges,
    skill_trends,
    top_skills,
    two_proportion_z,
    yearly_midpoint,
)
from landml.skills.taxonomy import load_taxonomy

JAN = datetime(2026, 1, 5, 12, tzinfo=UTC)
MAR = datetime(2026, 3, 9, 12, tzinfo=UTC)


def skill(skill_id: str, requirement: str | None = None) -> SkillMention:
    return SkillMention(skill_id, skill_id.capitalize(), "framework_library", requirement)


def test_top_skills_count_postings_once_and_keep_the_strongest_mark() -> None:
    rows = [
        PostingRow(1, skills=(skill("python", "preferred"), skill("python", "required"))),
        PostingRow(2, skills=(skill("python", "preferred"), skill("sql", "required"))),
        PostingRow(3, skills=(skill("python"),)),
        PostingRow(4),
    ]
    result = top_skills(rows)
    assert result.postings == 4
    assert result.postings_with_skills == 3
    python, sql = result.skills
    assert (python.skill_id, python.postings, python.share) == ("python", 3, 0.75)
    assert (python.required, python.preferred, python.unmarked) == (1, 1, 1)
    assert (sql.postings, sql.share, sql.required, sql.preferred) == (1, 0.25, 1, 0)


def test_top_skills_rank_by_postings_then_label_and_stop_at_top() -> None:
    rows = [
        PostingRow(1, skills=(skill("zeta"), skill("alpha"), skill("mid"))),
        PostingRow(2, skills=(skill("zeta"), skill("alpha"))),
        PostingRow(3, skills=(skill("mid"),)),
    ]
    assert [s.skill_id for s in top_skills(rows).skills] == ["alpha", "mid", "zeta"]
    assert [s.skill_id for s in top_skills(rows, top=1).skills] == ["alpha"]


def test_top_skills_of_no_postings_is_empty() -> None:
    result = top_skills([])
    assert (result.postings, result.skills) == (0, [])


FINANCE = SkillMention("ml:fintech", "finance and fintech", "domain")
HEALTHCARE = SkillMention("ml:healthcare", "healthcare and life sciences", "domain")
COMPUTER_SCIENCE = SkillMention("ml:computer-science", "computer science", "domain", "required")


def test_industries_named_by_every_posting_stay_out_of_the_top_skills() -> None:
    # Company boilerplate names finance and healthcare in all five postings; the jobs ask
    # for Python in three and computer science in two.
    rows = [
        PostingRow(1, skills=(FINANCE, HEALTHCARE, skill("python", "required"), COMPUTER_SCIENCE)),
        PostingRow(2, skills=(FINANCE, HEALTHCARE, skill("python", "required"))),
        PostingRow(3, skills=(FINANCE, HEALTHCARE, skill("python"), COMPUTER_SCIENCE)),
        PostingRow(4, skills=(FINANCE, HEALTHCARE)),
        PostingRow(5, skills=(FINANCE, HEALTHCARE, FINANCE)),
    ]
    result = top_skills(rows)
    # A field of study from the same taxonomy category stays a skill.
    assert [s.skill_id for s in result.skills] == ["python", "ml:computer-science"]
    assert (result.postings, result.postings_with_skills) == (5, 3)
    assert result.skills[0].share == 3 / 5


def test_industries_are_counted_like_skills_in_a_list_of_their_own() -> None:
    rows = [
        PostingRow(1, skills=(FINANCE, skill("python", "required"))),
        PostingRow(2, skills=(FINANCE, replace(FINANCE, requirement="preferred"), HEALTHCARE)),
        PostingRow(3, skills=(replace(HEALTHCARE, requirement="required"),)),
        PostingRow(4, skills=(skill("sql"),)),
    ]
    result = industries_named(rows)
    assert (result.postings, result.postings_naming_any) == (4, 3)
    finance, healthcare = result.industries
    assert (finance.label, finance.postings, finance.share) == ("finance and fintech", 2, 0.5)
    assert (finance.required, finance.preferred, finance.unmarked) == (0, 1, 1)
    assert (healthcare.postings, healthcare.required, healthcare.unmarked) == (2, 1, 1)
    assert "company" in result.note
    assert [i.skill_id for i in industries_named(rows, top=1).industries] == ["ml:fintech"]


def test_every_industry_is_a_domain_entry_of_the_taxonomy() -> None:
    taxonomy = load_taxonomy()
    for skill_id in INDUSTRY_SKILLS:
        assert taxonomy.skills[skill_id].category == "domain", skill_id


def test_industries_are_not_trends() -> None:
    rows = [
        *_dated(1, JAN, 30, {}),
        *_dated(100, MAR, 30, {}),
    ]
    rows = [
        replace(r, skills=(FINANCE, skill("jax"))) if r.posted_at and r.posted_at >= MAR else r
        for r in rows
    ]
    result = skill_trends(rows)
    assert [t.skill_id for t in result.rising] == ["jax"]


def _dated(start_id: int, at: datetime, n: int, with_skill: dict[str, int]) -> list[PostingRow]:
    """`n` postings on day `at`; the first k of them mention each skill id with count k."""
    rows = []
    for i in range(n):
        skills = tuple(skill(s) for s, k in with_skill.items() if i < k)
        rows.append(PostingRow(start_id + i, posted_at=at + timedelta(hours=i % 5), skills=skills))
    return rows


def test_trends_compare_the_two_halves_and_report_their_sample_sizes() -> None:
    earlier = _dated(1, JAN, 30, {"pytorch": 3, "hadoop": 18, "python": 15, "rare": 1})
    later = _dated(100, MAR, 30, {"pytorch": 20, "hadoop": 2, "python": 15, "rare": 2})
    trends = skill_trends(earlier + later)
    assert trends.status == "ok"
    assert (trends.postings, trends.dated) == (60, 60)
    assert trends.earlier is not None and trends.later is not None
    assert (trends.earlier.postings, trends.earlier.start) == (30, date(2026, 1, 5))
    assert (trends.later.postings, trends.later.end) == (30, date(2026, 3, 9))
    assert [t.skill_id for t in trends.rising] == ["pytorch"]
    assert [t.skill_id for t in trends.falling] == ["hadoop"]
    rising = trends.rising[0]
    assert (rising.earlier, rising.later) == (3, 20)
    assert rising.earlier_share == pytest.approx(0.1)
    assert rising.change == pytest.approx(17 / 30)
    # The pooled two-proportion z-test is the chi-squared test of the 2x2 table.
    chi2 = chi2_contingency([[3, 27], [20, 10]], correction=False)[0]
    assert rising.z**2 == pytest.approx(chi2)
    assert "30 postings" in trends.message


def test_a_change_within_sampling_noise_is_not_a_trend() -> None:
    earlier = _dated(1, JAN, 25, {"spark": 10})
    later = _dated(100, MAR, 25, {"spark": 13})
    trends = skill_trends(earlier + later)
    assert trends.status == "ok"
    assert abs(two_proportion_z(10, 25, 13, 25)) < 1.96
    assert trends.rising == [] and trends.falling == []


def test_trends_are_refused_when_most_postings_have_no_date() -> None:
    dated = _dated(1, JAN, 15, {"python": 5}) + _dated(50, MAR, 15, {"python": 15})
    undated = [PostingRow(200 + i, skills=(skill("python"),)) for i in range(70)]
    trends = skill_trends(dated + undated)
    assert trends.status == "not_enough_dated"
    assert (trends.postings, trends.dated) == (100, 30)
    assert "30 of 100" in trends.message
    assert trends.rising == [] and trends.falling == [] and trends.earlier is None


def test_trends_need_enough_dated_postings_even_when_all_are_dated() -> None:
    rows = _dated(1, JAN, 10, {}) + _dated(20, MAR, 10, {})
    assert skill_trends(rows).status == "not_enough_dated"


def test_trends_need_a_span_of_days() -> None:
    rows = _dated(1, JAN, 30, {}) + _dated(100, JAN + timedelta(days=3), 30, {})
    trends = skill_trends(rows)
    assert trends.status == "span_too_short"
    assert "3 days" in trends.message


def test_trends_refuse_periods_smaller_than_the_minimum() -> None:
    rows = _dated(1, JAN, 40, {}) + _dated(100, MAR, 5, {})
    trends = skill_trends(rows)
    assert trends.status == "periods_too_small"
    assert f"at least {MIN_POSTINGS_PER_PERIOD}" in trends.message


def test_the_median_cut_never_splits_a_day() -> None:
    rows = (
        _dated(1, JAN, 25, {"x": 5})
        + _dated(100, JAN + timedelta(days=20), 10, {"x": 5})
        + _dated(200, MAR, 25, {"x": 20})
    )
    trends = skill_trends(rows)
    assert trends.earlier is not None and trends.later is not None
    assert trends.earlier.end < trends.later.start
    assert trends.earlier.postings + trends.later.postings == 60


def pay(
    id_: int,
    low: float | None,
    high: float | None,
    *,
    currency: str | None = "USD",
    period: str | None = "year",
    role: str = "ds",
    location: str | None = "New York, NY",
    country: str | None = "US",
    estimate: bool = False,
) -> PostingRow:
    return PostingRow(
        id_,
        role_family=role,
        location=location,
        country=country,
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        salary_period=period,
        salary_is_estimate=estimate,
    )


def test_hourly_and_monthly_pay_are_annualised_with_the_documented_factors() -> None:
    assert yearly_midpoint(pay(1, 40, 60, period="hour")) == 50 * 2080
    assert yearly_midpoint(pay(2, 5000, 5000, period="month")) == 60_000
    assert yearly_midpoint(pay(3, 400, 600, period="day")) == 500 * 260
    assert yearly_midpoint(pay(4, None, 200_000)) == 200_000
    assert yearly_midpoint(pay(5, 30, 40, period=None)) is None


def test_quartiles_interpolate_between_points() -> None:
    assert quartiles([100, 110, 120, 130, 140]) == (110, 120, 130)
    assert quartiles([100, 200]) == (125, 150, 175)
    assert quartiles([90_000]) == (90_000, 90_000, 90_000)


def test_salaries_are_summarised_per_currency_never_mixed() -> None:
    rows = [
        pay(1, 90_000, 110_000, estimate=True),
        pay(2, 100_000, 120_000),
        pay(3, 110_000, 130_000, estimate=True),
        pay(4, 120_000, 140_000),
        pay(5, 40, 60, period="hour"),
        pay(6, 60_000, 70_000, currency="EUR", location="Berlin", country="DE"),
        pay(7, 5_000, 5_000, currency="EUR", period="month", location="Berlin", country="DE"),
    ]
    result = salary_ranges(rows)
    usd, eur = sorted(result.by_role, key=lambda s: s.currency, reverse=True)
    assert (usd.currency, usd.postings, usd.estimates) == ("USD", 5, 2)
    assert usd.estimate_share == pytest.approx(0.4)
    assert usd.annualised == 1
    # Midpoints 100k, 110k, 120k, 130k and 50/hour x 2,080 = 104k.
    assert (usd.p25, usd.median, usd.p75) == (104_000, 110_000, 120_000)
    assert (usd.low, usd.high) == (100_000, 130_000)
    assert (eur.currency, eur.postings, eur.low, eur.high) == ("EUR", 2, 60_000, 65_000)


def test_salaries_without_period_or_currency_are_counted_and_left_out() -> None:
    rows = [
        pay(1, 100_000, 120_000),
        pay(2, 30, 40, period=None),
        pay(3, 90_000, 90_000, currency=None),
        PostingRow(4),
    ]
    result = salary_ranges(rows)
    assert (result.postings, result.with_salary) == (4, 3)
    assert (result.unknown_period, result.no_currency) == (1, 1)
    assert [s.postings for s in result.by_role] == [1]


def test_places_are_cities_within_one_country_and_small_groups_are_left_out() -> None:
    rows = [pay(i, 100_000 + i, 100_000 + i) for i in range(MIN_PLACE_GROUP)]
    rows += [pay(10 + i, 80_000, 90_000, location="Austin, TX") for i in range(2)]
    result = salary_ranges(rows)
    assert result.location_level == "city"
    assert [(s.place, s.postings) for s in result.by_role_and_place] == [
        ("New York, NY", MIN_PLACE_GROUP)
    ]
    assert result.small_groups_left_out == 1


def test_places_are_countries_when_salaries_span_several() -> None:
    rows = [pay(i, 100_000, 100_000) for i in range(3)]
    rows += [pay(10 + i, 70_000, 70_000, location="Toronto", country="CA") for i in range(3)]
    result = salary_ranges(rows)
    assert result.location_level == "country"
    assert {s.place for s in result.by_role_and_place} == {"US", "CA"}


def test_roles_come_in_the_given_order() -> None:
    rows = [pay(1, 1e5, 1e5, role="ds"), pay(2, 1e5, 1e5, role="mle"), pay(3, 1e5, 1e5, role="as")]
    result = salary_ranges(rows, role_order=("mle", "ds"))
    assert [s.role_family for s in result.by_role] == ["mle", "ds", "as"]
