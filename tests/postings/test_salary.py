from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from landml.postings.salary import Period, Salary, parse_salary

D = Decimal


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("$53K-$91K (Glassdoor est.)", D(53000), D(91000), "USD", Period.year),
        ("$150,000 - $180,000 a year", D(150000), D(180000), "USD", Period.year),
        ("€60k", D(60000), D(60000), "EUR", Period.year),
        ("£45-55k", D(45000), D(55000), "GBP", Period.year),
        ("$45 - $60 an hour", D(45), D(60), "USD", Period.hour),
        ("$25/hr", D(25), D(25), "USD", Period.hour),
        ("USD 120k–150k", D(120000), D(150000), "USD", Period.year),
        ("120.000 - 140.000 EUR", D(120000), D(140000), "EUR", Period.year),
        ("CHF 120'000", D(120000), D(120000), "CHF", Period.year),
        ("₹12,00,000", D(1200000), D(1200000), "INR", Period.year),
        ("up to $200k", None, D(200000), "USD", Period.year),
        ("from £40,000", D(40000), None, "GBP", Period.year),
        ("$150k+", D(150000), None, "USD", Period.year),
        ("$21-$34 Per Hour(Glassdoor est.)", D(21), D(34), "USD", Period.hour),
        ("Employer Provided Salary:$25-$28 Per Hour", D(25), D(28), "USD", Period.hour),
        ("between $100,000 and $120,000 per year", D(100000), D(120000), "USD", Period.year),
        ("$25.50 per hour", D("25.50"), D("25.50"), "USD", Period.hour),
        ("1.234,56 € monthly", D("1234.56"), D("1234.56"), "EUR", Period.month),
        ("$600 per day", D(600), D(600), "USD", Period.day),
        ("$2,000/week", D(2000), D(2000), "USD", Period.week),
        ("CA$90,000 - CA$110,000", D(90000), D(110000), "CAD", Period.year),
        ("$120k CAD", D(120000), D(120000), "CAD", Period.year),
        ("₹12 LPA", D(1200000), D(1200000), "INR", Period.year),
        ("45 à 55 k€", D(45000), D(55000), "EUR", Period.year),
        ("120 - 150k", D(120000), D(150000), None, Period.year),
    ],
)
def test_salary_forms(
    text: str,
    low: Decimal | None,
    high: Decimal | None,
    currency: str | None,
    period: Period,
) -> None:
    salary = parse_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (
        low,
        high,
        currency,
        period,
    )


@pytest.mark.parametrize(
    "text",
    [
        "-1",
        "Not disclosed",
        "",
        "   ",
        None,
        "Competitive salary and 401k match",
        "5+ years of experience",
        "Call 555 for any questions",
        "Salary: DOE",
    ],
)
def test_text_without_pay_gives_none(text: str | None) -> None:
    assert parse_salary(text) is None


def test_estimates_are_flagged_and_employer_figures_are_not() -> None:
    assert parse_salary("$53K-$91K (Glassdoor est.)").is_estimate  # type: ignore[union-attr]
    assert parse_salary("$79K-$131K(Employer est.)").is_estimate  # type: ignore[union-attr]
    provided = parse_salary("Employer Provided Salary:$120K-$140K")
    assert provided is not None and not provided.is_estimate


def test_a_period_that_is_not_written_is_marked_as_inferred() -> None:
    inferred = parse_salary("€60k")
    stated = parse_salary("€60k per year")
    assert inferred is not None and not inferred.period_stated
    assert stated is not None and stated.period_stated


def test_small_amounts_without_a_period_keep_no_period() -> None:
    salary = parse_salary("$3,500")
    assert salary is not None
    assert salary.period is None
    assert salary.annualised() is None


@pytest.mark.parametrize(
    ("text", "yearly_min", "yearly_max"),
    [
        ("$25/hr", D(52000), D(52000)),  # 2,080 hours
        ("$600 per day", D(156000), D(156000)),  # 260 days
        ("$2,000/week", D(104000), D(104000)),  # 52 weeks
        ("€5,000 per month", D(60000), D(60000)),
        ("$150,000 - $180,000 a year", D(150000), D(180000)),
        ("up to $40 an hour", None, D(83200)),
    ],
)
def test_annualised_uses_the_documented_year(
    text: str, yearly_min: Decimal | None, yearly_max: Decimal
) -> None:
    salary = parse_salary(text)
    assert salary is not None
    yearly = salary.annualised()
    assert yearly is not None
    assert (yearly.min, yearly.max, yearly.period) == (yearly_min, yearly_max, Period.year)
    assert yearly.currency == salary.currency


@given(st.text(max_size=80))
def test_arbitrary_text_never_crashes_and_keeps_min_at_most_max(text: str) -> None:
    salary = parse_salary(text)
    if salary is not None:
        assert salary.min is not None or salary.max is not None
        if salary.min is not None and salary.max is not None:
            assert salary.min <= salary.max
        for amount in (salary.min, salary.max):
            assert amount is None or amount > 0


_PAYLIKE = st.text(alphabet="0123456789$€£kK-–.,' /hrayenoupt", max_size=30)


def _significant_digits(amount: Decimal) -> str:
    """53000 -> "53", 25.50 -> "255": the digits a text must have written."""
    return str(amount.normalize()).replace(".", "").split("E")[0].rstrip("0") or "0"


@given(_PAYLIKE)
def test_pay_like_text_never_invents_digits(text: str) -> None:
    salary = parse_salary(text)
    if salary is None:
        return
    written = "".join(re.findall(r"\d", text))
    for amount in (salary.min, salary.max):
        if amount is not None:
            assert amount > 0 and amount.is_finite()
            assert _significant_digits(amount) in written


@given(
    st.integers(min_value=1, max_value=900),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["$", "€", "£"]),
)
def test_written_ranges_round_trip(low_k: int, spread_k: int, symbol: str) -> None:
    low, high = low_k * 1000, (low_k + spread_k) * 1000
    salary = parse_salary(f"{symbol}{low:,} - {symbol}{high:,} a year")
    assert salary == Salary(
        min=Decimal(low),
        max=Decimal(high),
        currency={"$": "USD", "€": "EUR", "£": "GBP"}[symbol],
        period=Period.year,
    )
