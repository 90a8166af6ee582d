from __future__ import annotations

import pytest

from landml.postings.company_kind import (
    company_kind_from_source,
    employee_range,
    revenue_floor_usd,
)
from landml.tracker.vocab import CompanyKind

K = CompanyKind


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"size": "10000+ employees", "sector": "Information Technology"}, K.big_tech),
        (
            {
                "size": "Unknown",
                "sector": "Information Technology",
                "revenue": "$10+ billion (USD)",
            },
            K.big_tech,
        ),
        (
            {
                "size": "51 to 200 employees",
                "ownership": "Company - Private",
                "industry": "Internet",
            },
            K.startup,
        ),
        (
            {
                "size": "1 to 50 employees",
                "ownership": "Company - Public",
                "sector": "Information Technology",
            },
            K.mid_size,
        ),
        ({"size": "1001 to 5000 employees", "sector": "Information Technology"}, K.mid_size),
        ({"ownership": "College / University", "sector": "Education"}, K.research_lab),
        ({"industry": "Research & Development", "sector": "Business Services"}, K.research_lab),
        ({"name": "Carnegie Mellon University", "sector": "-1"}, K.research_lab),
        ({"sector": "Finance", "size": "10000+ employees"}, K.finance),
        ({"industry": "Investment Banking & Asset Management"}, K.finance),
        ({"sector": "Biotech & Pharmaceuticals", "size": "10000+ employees"}, K.non_tech),
        ({"sector": "Insurance"}, K.non_tech),
        ({"ownership": "Government"}, K.non_tech),
        ({"ownership": "Nonprofit Organization", "sector": "-1"}, K.non_tech),
        ({"sector": "Business Services", "industry": "Staffing & Outsourcing"}, K.other),
        (
            {
                "size": "10000+ employees",
                "sector": "Information Technology",
                "industry": "IT Services",
            },
            K.other,
        ),
        # the stated sector outweighs a name that merely contains "University"
        ({"name": "University Medical System", "sector": "Health Care"}, K.non_tech),
    ],
)
def test_kinds_follow_the_documented_rules(fields: dict[str, str], kind: CompanyKind) -> None:
    result, evidence = company_kind_from_source(**fields)
    assert result is kind, evidence
    assert evidence


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"size": "-1", "ownership": "-1", "industry": "-1", "sector": "-1", "revenue": "-1"},
        {"ownership": "Unknown", "revenue": "Unknown / Non-Applicable"},
        {"size": "10000+ employees"},  # large, but the source does not say in what
        {"sector": "Information Technology", "size": "Unknown"},
    ],
)
def test_no_kind_when_the_source_does_not_say(fields: dict[str, str]) -> None:
    kind, evidence = company_kind_from_source(**fields)
    assert kind is None
    assert evidence


def test_source_field_parsers() -> None:
    assert employee_range("1001 to 5000 employees") == (1001, 5000)
    assert employee_range("10000+ employees") == (10000, None)
    assert employee_range("10,001+ employees") == (10001, None)
    assert employee_range("-1") is None
    assert revenue_floor_usd("$10+ billion (USD)") == 10_000_000_000
    assert revenue_floor_usd("$500 million to $1 billion (USD)") == 500_000_000
    assert revenue_floor_usd("Less than $1 million (USD)") is None
