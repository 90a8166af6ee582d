"""The market report over imported postings, on SQLite and PostgreSQL: filters, counts,
skills, salaries per currency, and the profiles that follow the filters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from landml.errors import InvalidInput
from landml.market.profiles import SECTORS
from landml.market.service import MarketFilters, market_report, write_chart_pngs
from landml.postings.service import import_postings
from tests.market.sample import boilerplate_postings, sample_postings

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def imported(session: Session, owner: int) -> None:
    report = import_postings(session, owner, sample_postings(), now=NOW)
    assert report.added == 6


@pytest.mark.usefixtures("imported")
def test_the_report_covers_every_posting_without_filters(session: Session, owner: int) -> None:
    report = market_report(session, owner)
    c = report.counts
    assert (c.postings, c.workspace_postings, c.with_salary, c.dated) == (6, 6, 5, 2)
    assert c.by_company_kind == {"big_tech": 2, "startup": 2, "finance": 1, "non_tech": 1}
    python = report.top_skills.skills[0]
    assert (python.label, python.postings, python.required) == ("Python", 4, 4)
    assert python.share == pytest.approx(4 / 6)
    assert report.trends.status == "not_enough_dated"
    assert [p.kind for p in report.profiles] == list(SECTORS)
    assert len(report.pay_baselines) == 3
    # Without a role filter, the loops are those of the most common named role family.
    assert report.loop_role_family in {"mle", "ds"}


@pytest.mark.usefixtures("imported")
def test_salaries_are_split_by_currency_and_annualised(session: Session, owner: int) -> None:
    salaries = market_report(session, owner).salaries
    by_key = {(s.role_family, s.currency): s for s in salaries.by_role}
    assert set(by_key) == {("mle", "USD"), ("ds", "USD"), ("ds", "GBP"), ("rs", "USD")}
    mle = by_key[("mle", "USD")]
    # $160k-$200k a year and $75-$95 an hour (85 x 2,080 = 176,800).
    assert (mle.postings, mle.annualised, mle.low, mle.high) == (2, 1, 176_800, 180_000)
    assert by_key[("ds", "USD")].estimate_share == 1.0
    assert by_key[("ds", "GBP")].median == 100_000
    assert salaries.location_level == "country"


@pytest.mark.usefixtures("imported")
def test_filters_narrow_the_postings_and_the_profiles(session: Session, owner: int) -> None:
    report = market_report(session, owner, MarketFilters(company_kind="Startup", role_family="mle"))
    assert report.filters.company_kind == "startup"
    assert report.counts.postings == 1
    assert [p.kind for p in report.profiles] == ["startup"]
    assert report.loop_role_family == "mle"
    assert report.profiles[0].loop.matched == ("startup", "mle")
    assert [b.soc for b in report.pay_baselines] == ["15-1252"]
    # A report only reads.
    assert not session.new and not session.dirty and not session.deleted


@pytest.mark.usefixtures("imported")
def test_location_matches_part_of_the_text_or_a_country_code(session: Session, owner: int) -> None:
    def postings(location: str) -> int:
        return market_report(session, owner, MarketFilters(location=location)).counts.postings

    assert postings("san francisco") == 2
    assert postings("GB") == 1
    assert postings("US") == 5
    assert postings("100%_") == 0
    empty = market_report(session, owner, MarketFilters(location="Paris", seniority="intern"))
    assert empty.counts.postings == 0 and empty.counts.workspace_postings == 6
    assert empty.top_skills.skills == [] and empty.salaries.by_role == []


def test_unknown_filter_values_are_refused_with_the_choices(session: Session, owner: int) -> None:
    with pytest.raises(InvalidInput, match="role family") as caught:
        market_report(session, owner, MarketFilters(role_family="wizard"))
    assert caught.value.hint is not None and "mle" in caught.value.hint
    with pytest.raises(InvalidInput, match="company kind"):
        market_report(session, owner, MarketFilters(company_kind="unicorn"))


@pytest.mark.usefixtures("imported")
def test_charts_are_written_as_png_one_salary_chart_per_currency(
    session: Session, owner: int, tmp_path: Path
) -> None:
    report = market_report(session, owner)
    written = write_chart_pngs(report, tmp_path / "charts")
    assert sorted(p.name for p in written) == [
        "salaries-GBP.png",
        "salaries-USD.png",
        "top-skills.png",
    ]
    assert all(p.read_bytes().startswith(PNG_SIGNATURE) for p in written)


def test_company_boilerplate_industries_are_listed_apart_from_the_skills_asked(
    session: Session, owner: int
) -> None:
    assert import_postings(session, owner, boilerplate_postings(), now=NOW).added == 4
    report = market_report(session, owner)
    skills = {s.skill_id: s for s in report.top_skills.skills}
    assert "ml:fintech" not in skills and "ml:healthcare" not in skills
    assert report.top_skills.skills[0].label == "Python"
    assert (skills["ml:python"].postings, skills["ml:python"].required) == (2, 2)
    assert skills["ml:computer-science"].postings == 1
    named = report.industries_named
    assert (named.postings, named.postings_naming_any) == (4, 4)
    assert [(i.label, i.postings, i.share, i.unmarked) for i in named.industries] == [
        ("finance and fintech", 4, 1.0, 4),
        ("healthcare and life sciences", 4, 1.0, 4),
    ]
