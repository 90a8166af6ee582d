"""A company's kind from the fields a posting source gives about it, and only those.

Job boards such as Glassdoor describe the employer with a size ("10000+ employees"), a type
of ownership ("Company - Private", "College / University"), an industry, a sector and a
revenue band. The kind is read from them with these rules, first match wins:

1. research_lab: a university or college (ownership or industry), or an industry of
   research and development;
2. finance: a finance sector, or a banking, lending, trading or asset management industry;
3. other: consulting, staffing, outsourcing and IT services industries, which place people
   in other companies' teams (checked before the sector, which calls many of them
   "Information Technology");
4. a technology sector or industry, then by size: big_tech from 10,000 employees (or
   $10 billion revenue), startup up to 200 employees when privately held, mid_size
   otherwise; a technology company of unknown size gets no kind;
5. other: the business services sector (agencies, consultancies);
6. non_tech: any other stated sector or industry (health care, pharma, insurance, retail,
   manufacturing...);
7. research_lab: with no sector or industry stated, a name that says university, research
   institute or national laboratory;
8. non_tech: with no sector or industry stated, a government, non-profit, hospital or
   school owner.

Nothing stated ("-1", "Unknown", empty) gives no kind; the caller then keeps what the
person said or leaves the kind unknown.
"""

from __future__ import annotations

import re

from landml.tracker.vocab import CompanyKind

_UNKNOWN = frozenset({"", "-1", "unknown", "unknown / non-applicable", "n/a", "none"})

_RESEARCH_OWNERSHIP = frozenset({"college / university", "college/university", "university"})
_RESEARCH_INDUSTRIES = frozenset(
    {
        "colleges & universities",
        "research & development",
        "research and development",
        "research services",
        "higher education",
    }
)
_RESEARCH_NAME = re.compile(
    r"\b(?:university|universit[éeä]t|college|research institute|institute of technology|"
    r"national laborator(?:y|ies)|national lab)\b",
    re.I,
)
_FINANCE_SECTORS = frozenset({"finance", "financial services", "banking", "investment"})
_FINANCE_INDUSTRIES = frozenset(
    {
        "banks & credit unions",
        "investment banking & asset management",
        "lending",
        "financial transaction processing",
        "financial analytics & research",
        "brokerage services",
        "stock exchanges",
        "venture capital & private equity",
        "investment management",
        "capital markets",
        "banking",
        "hedge funds",
    }
)
_TECH_SECTORS = frozenset({"information technology", "technology", "software", "internet"})
_TECH_INDUSTRIES = frozenset(
    {
        "internet",
        "computer hardware & software",
        "enterprise software & network solutions",
        "video games",
        "software development",
        "internet & web services",
        "computer hardware development",
        "information technology & services",
        "computer software",
        "software",
    }
)
_OTHER_SECTORS = frozenset({"business services"})
_OTHER_INDUSTRIES = frozenset(
    {"staffing & outsourcing", "consulting", "hr consulting", "it services", "outsourcing"}
)
_NON_TECH_OWNERSHIP = frozenset(
    {
        "government",
        "nonprofit organization",
        "non-profit organization",
        "hospital",
        "school / school district",
        "private practice / firm",
    }
)
_NOT_STARTUP_OWNERSHIP = frozenset(
    {
        "company - public",
        "subsidiary or business segment",
        "government",
    }
)

BIG_TECH_EMPLOYEES = 10_000
BIG_TECH_REVENUE_USD = 10_000_000_000
STARTUP_MAX_EMPLOYEES = 200


def _stated(value: str | None) -> str | None:
    if value is None:
        return None
    key = " ".join(value.split()).lower()
    return None if key in _UNKNOWN else key


def _numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def employee_range(size: str | None) -> tuple[int, int | None] | None:
    """Employee counts: "1001 to 5000 employees" -> (1001, 5000), "10000+" -> (10000, None)."""
    key = _stated(size)
    if key is None:
        return None
    numbers = _numbers(key)
    if not numbers:
        return None
    if "+" in key or len(numbers) == 1:
        return numbers[0], None if "+" in key else numbers[0]
    return numbers[0], numbers[1]


_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def revenue_floor_usd(revenue: str | None) -> int | None:
    """The lowest revenue a band allows: "$10+ billion (USD)" -> 10,000,000,000."""
    key = _stated(revenue)
    if key is None or "less than" in key:
        return None
    scale = next((v for word, v in _SCALE.items() if word in key), None)
    numbers = _numbers(key)
    if scale is None or not numbers:
        return None
    return numbers[0] * scale


def company_kind_from_source(
    size: str | None = None,
    ownership: str | None = None,
    industry: str | None = None,
    sector: str | None = None,
    revenue: str | None = None,
    name: str | None = None,
) -> tuple[CompanyKind | None, str]:
    """The company kind the source fields state, with the rule that decided it."""
    own, ind, sec = _stated(ownership), _stated(industry), _stated(sector)
    if own in _RESEARCH_OWNERSHIP:
        return CompanyKind.research_lab, f"ownership {ownership!r} is a university"
    if ind in _RESEARCH_INDUSTRIES:
        return CompanyKind.research_lab, f"industry {industry!r} is research"
    if sec in _FINANCE_SECTORS or ind in _FINANCE_INDUSTRIES:
        what = f"sector {sector!r}" if sec in _FINANCE_SECTORS else f"industry {industry!r}"
        return CompanyKind.finance, f"{what} is finance"
    if ind in _OTHER_INDUSTRIES:
        return CompanyKind.other, f"industry {industry!r}: consulting, staffing or outsourcing"
    if sec in _TECH_SECTORS or ind in _TECH_INDUSTRIES:
        what = f"sector {sector!r}" if sec in _TECH_SECTORS else f"industry {industry!r}"
        return _tech_kind(what, size, own, revenue)
    if sec in _OTHER_SECTORS:
        return CompanyKind.other, f"sector {sector!r}: agencies and consultancies"
    if sec is not None or ind is not None:
        what = f"sector {sector!r}" if sec is not None else f"industry {industry!r}"
        return CompanyKind.non_tech, f"{what} is not technology or finance"
    if name and (m := _RESEARCH_NAME.search(name)):
        return CompanyKind.research_lab, f"no sector stated; the name says {m.group(0)!r}"
    if own in _NON_TECH_OWNERSHIP:
        return CompanyKind.non_tech, f"ownership {ownership!r} is not a technology company"
    return None, "the source states no sector, industry or ownership that decides a kind"


def _tech_kind(
    what: str, size: str | None, own: str | None, revenue: str | None
) -> tuple[CompanyKind | None, str]:
    employees = employee_range(size)
    floor = revenue_floor_usd(revenue)
    if employees is not None and employees[0] >= BIG_TECH_EMPLOYEES:
        return CompanyKind.big_tech, f"{what} is technology and size {size!r} is 10,000+"
    if floor is not None and floor >= BIG_TECH_REVENUE_USD:
        return CompanyKind.big_tech, f"{what} is technology and revenue {revenue!r} is $10B+"
    if employees is None:
        return None, f"{what} is technology but the size is not stated"
    upper = employees[1]
    if upper is not None and upper <= STARTUP_MAX_EMPLOYEES and own not in _NOT_STARTUP_OWNERSHIP:
        return CompanyKind.startup, (
            f"{what} is technology, size {size!r} is at most 200 and it is not public"
        )
    return CompanyKind.mid_size, f"{what} is technology and size {size!r} is mid-sized"
