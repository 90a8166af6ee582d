"""What a set of postings asks for and pays, computed over plain rows (no database).

- **Top skills**: for each skill, the postings that mention it and their share of the
  postings analysed, split by how the posting marks it (required, preferred, neither; a
  skill marked required anywhere in a posting counts as required there). Industries
  (finance, healthcare, e-commerce...) are not skills: they are counted the same way in a
  list of their own, **industries named**, since postings often name them when they
  describe the company, its clients or its benefits rather than the job.
- **Rising and falling skills** (industries left out): the dated postings are split at
  their median posting day into an earlier and a later half; a skill's share in each half
  is compared, with a two-proportion z-score so that a change smaller than sampling noise
  is not called a trend. When too few postings carry a date, or the halves are too small
  or too close in time, the result says so and lists no trend.
- **Salary ranges**: each posting's stated range is reduced to its midpoint (an open range,
  "up to X" or "from X", to its one bound), annualised with the assumptions of
  `landml.postings.salary` (2,080 hours, 260 days, 52 weeks, 12 months a year), and
  summarised per role family (and per place) and per currency: currencies are never mixed
  in one figure. Each summary gives n, the 25th percentile, median and 75th percentile of
  the midpoints, their extremes, and the share of estimates (such as "Glassdoor est.").
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from landml.postings.salary import PER_YEAR, Period

# Trends: a period needs this many dated postings, a skill this many mentions in both
# halves together, and the dated postings must be at least this share of all of them.
MIN_POSTINGS_PER_PERIOD = 20
MIN_TREND_MENTIONS = 5
MIN_DATED_SHARE = 0.5
MIN_SPAN_DAYS = 14
# |z| at or above this (a two-sided 5% level) makes a change a trend.
Z_THRESHOLD = 1.96
# Salary ranges by place: groups smaller than this are left out (and counted).
MIN_PLACE_GROUP = 3
REQUIREMENT_RANK = {"required": 2, "preferred": 1}
# The taxonomy's industry entries (landml's ML layer, category "domain"). They name what
# business a company is in, and postings often name them in the company's own description,
# its client list or its benefits ("pet insurance" is read as finance: 22 of 40 mentions
# checked by hand in the Glassdoor 2020 data, see docs/market.md), so ranked with skills
# they tell what kind of companies posted, not what the jobs ask. The rest of the "domain"
# category stays with the skills: computer science, physics or software engineering are
# named in degree and experience requirements.
INDUSTRY_SKILLS = frozenset(
    {
        "ml:fintech",
        "ml:healthcare",
        "ml:online-advertising",
        "ml:ecommerce",
        "ml:cybersecurity",
        "ml:gaming",
        "ml:energy-climate",
        "ml:telecom",
        "ml:manufacturing",
        "ml:legal-tech",
        "ml:hr-tech",
        "ml:education-tech",
        "ml:mobility",
        "ml:media-entertainment",
    }
)
INDUSTRIES_NOTE = (
    "Industries are counted apart from skills: postings often name them when they describe "
    "the company, its clients or its benefits, not the job. Required and preferred count the "
    "postings that mark the industry as asked for; those marks come from nearby words and "
    "headings, so read them as a hint."
)
ASSUMPTIONS = (
    "Midpoint of each posting's range (an open range counts as its one bound), annualised "
    "with 2,080 hours, 260 working days, 52 weeks or 12 months a year; amounts without a "
    "stated period below 10,000 are left out, since they could be hourly, daily or monthly."
)

LocationLevel = Literal["city", "country"]
TrendStatus = Literal["ok", "not_enough_dated", "span_too_short", "periods_too_small"]


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One skill found in a posting, with how the posting marks it."""

    skill_id: str
    label: str
    category: str
    requirement: str | None = None


@dataclass(frozen=True, slots=True)
class PostingRow:
    """What the market analytics need from one posting."""

    id: int
    role_family: str = "other"
    company_kind: str | None = None
    seniority: str | None = None
    location: str | None = None
    country: str | None = None
    posted_at: datetime | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    salary_is_estimate: bool = False
    skills: tuple[SkillMention, ...] = field(default_factory=tuple)


# --- top skills ------------------------------------------------------------------------------


class SkillCount(BaseModel):
    skill_id: str
    label: str
    category: str
    postings: int = Field(description="Postings that mention the skill.")
    share: float = Field(description="Those postings over all the postings analysed.")
    required: int = Field(description="Postings that mark it required.")
    preferred: int = Field(description="Postings that mark it preferred (and not required).")
    unmarked: int = Field(description="Postings that mention it without marking it.")


class TopSkills(BaseModel):
    postings: int = Field(description="Postings analysed.")
    postings_with_skills: int = Field(
        description="Postings with at least one skill found (industries not counted)."
    )
    skills: list[SkillCount] = Field(description="The top skills; industries are listed apart.")


class IndustriesNamed(BaseModel):
    postings: int = Field(description="Postings analysed.")
    postings_naming_any: int = Field(description="Postings that name at least one industry.")
    industries: list[SkillCount]
    note: str = INDUSTRIES_NOTE


def is_industry(skill_id: str) -> bool:
    """Whether the taxonomy entry names an industry rather than a skill."""
    return skill_id in INDUSTRY_SKILLS


def _strongest(mentions: Iterable[SkillMention]) -> dict[str, tuple[SkillMention, str | None]]:
    """Each skill once per posting, with the strongest way the posting marks it."""
    best: dict[str, tuple[SkillMention, str | None]] = {}
    for m in mentions:
        kept = best.get(m.skill_id)
        if kept is None or REQUIREMENT_RANK.get(m.requirement or "", 0) > REQUIREMENT_RANK.get(
            kept[1] or "", 0
        ):
            best[m.skill_id] = (m, m.requirement)
    return best


def _skill_counts(
    rows: Sequence[PostingRow], keep: Callable[[str], bool], top: int
) -> list[SkillCount]:
    """The `top` kept skills by the number of postings that mention them (ties by label)."""
    mentioned: Counter[str] = Counter()
    marks: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, SkillMention] = {}
    for row in rows:
        for skill_id, (mention, requirement) in _strongest(row.skills).items():
            if not keep(skill_id):
                continue
            mentioned[skill_id] += 1
            marks[skill_id][requirement or "unmarked"] += 1
            names.setdefault(skill_id, mention)
    n = len(rows)
    ranked = sorted(mentioned, key=lambda s: (-mentioned[s], names[s].label.lower(), s))
    return [
        SkillCount(
            skill_id=s,
            label=names[s].label,
            category=names[s].category,
            postings=mentioned[s],
            share=mentioned[s] / n,
            required=marks[s]["required"],
            preferred=marks[s]["preferred"],
            unmarked=marks[s]["unmarked"],
        )
        for s in ranked[:top]
    ]


def _is_skill(skill_id: str) -> bool:
    return not is_industry(skill_id)


def top_skills(rows: Sequence[PostingRow], top: int = 20) -> TopSkills:
    """The `top` skills by the number of postings that mention them (ties by label),
    industries left out (see `industries_named`)."""
    return TopSkills(
        postings=len(rows),
        postings_with_skills=sum(
            1 for row in rows if any(_is_skill(m.skill_id) for m in row.skills)
        ),
        skills=_skill_counts(rows, _is_skill, top),
    )


def industries_named(rows: Sequence[PostingRow], top: int = 20) -> IndustriesNamed:
    """The industries the postings name, counted like skills (postings, share, marks)."""
    return IndustriesNamed(
        postings=len(rows),
        postings_naming_any=sum(
            1 for row in rows if any(is_industry(m.skill_id) for m in row.skills)
        ),
        industries=_skill_counts(rows, is_industry, top),
    )


# --- rising and falling skills ---------------------------------------------------------------


class TrendPeriod(BaseModel):
    start: date
    end: date
    postings: int


class SkillTrend(BaseModel):
    skill_id: str
    label: str
    category: str
    earlier: int = Field(description="Postings of the earlier period that mention the skill.")
    later: int = Field(description="Postings of the later period that mention the skill.")
    earlier_share: float
    later_share: float
    change: float = Field(description="later_share - earlier_share.")
    z: float = Field(description="Two-proportion z-score of the change (pooled).")


class Trends(BaseModel):
    status: TrendStatus
    message: str
    postings: int
    dated: int
    earlier: TrendPeriod | None = None
    later: TrendPeriod | None = None
    rising: list[SkillTrend] = Field(default_factory=list)
    falling: list[SkillTrend] = Field(default_factory=list)
    min_postings_per_period: int = MIN_POSTINGS_PER_PERIOD
    min_mentions: int = MIN_TREND_MENTIONS
    z_threshold: float = Z_THRESHOLD


def two_proportion_z(k1: int, n1: int, k2: int, n2: int) -> float:
    """z of p2 - p1 with the pooled standard error; 0 when there is no variation."""
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0
    return (k2 / n2 - k1 / n1) / se


def _split_at_median_day(dated: list[PostingRow]) -> tuple[list[PostingRow], list[PostingRow]]:
    """Earlier and later halves, cut between days so a day never straddles both; of the two
    cuts around the median day, the one that balances the halves better."""
    ordered = sorted(dated, key=lambda r: (_day(r), r.id))
    days = [_day(r) for r in ordered]
    median_day = days[len(days) // 2]
    before = sum(1 for d in days if d < median_day)
    through = sum(1 for d in days if d <= median_day)
    half = len(days) / 2
    cut = before if abs(before - half) <= abs(through - half) else through
    return ordered[:cut], ordered[cut:]


def _day(row: PostingRow) -> date:
    assert row.posted_at is not None
    return row.posted_at.date()


def _period(rows: list[PostingRow]) -> TrendPeriod:
    return TrendPeriod(start=_day(rows[0]), end=_day(rows[-1]), postings=len(rows))


def _mentions(rows: Iterable[PostingRow]) -> tuple[Counter[str], dict[str, SkillMention]]:
    counts: Counter[str] = Counter()
    names: dict[str, SkillMention] = {}
    for row in rows:
        for skill_id, (mention, _) in _strongest(row.skills).items():
            if is_industry(skill_id):
                continue
            counts[skill_id] += 1
            names.setdefault(skill_id, mention)
    return counts, names


def _not_enough(status: TrendStatus, message: str, n: int, dated: int) -> Trends:
    return Trends(status=status, message=message, postings=n, dated=dated)


def skill_trends(rows: Sequence[PostingRow], top: int = 10) -> Trends:
    """Skills whose share of postings rose or fell from the earlier to the later half of
    the dated postings; see the module docstring for the rules."""
    n = len(rows)
    dated = [r for r in rows if r.posted_at is not None]
    need = 2 * MIN_POSTINGS_PER_PERIOD
    if len(dated) < need or len(dated) < MIN_DATED_SHARE * n:
        return _not_enough(
            "not_enough_dated",
            f"Not enough dated postings to show trends: {len(dated)} of {n} carry a posting "
            f"date; trends need at least {need} dated postings and at least "
            f"{MIN_DATED_SHARE:.0%} of them dated.",
            n,
            len(dated),
        )
    earlier, later = _split_at_median_day(dated)
    first, last = _day(min(dated, key=_day)), _day(max(dated, key=_day))
    if (last - first).days < MIN_SPAN_DAYS:
        return _not_enough(
            "span_too_short",
            f"The dated postings span only {(last - first).days} days ({first} to {last}); "
            f"trends need at least {MIN_SPAN_DAYS}.",
            n,
            len(dated),
        )
    if min(len(earlier), len(later)) < MIN_POSTINGS_PER_PERIOD:
        return _not_enough(
            "periods_too_small",
            f"The dated postings bunch on too few days to split into two periods of at least "
            f"{MIN_POSTINGS_PER_PERIOD} postings each ({len(earlier)} and {len(later)}).",
            n,
            len(dated),
        )
    return _compare(earlier, later, n, top)


def _compare(earlier: list[PostingRow], later: list[PostingRow], n: int, top: int) -> Trends:
    before, names = _mentions(earlier)
    after, later_names = _mentions(later)
    names.update({k: v for k, v in later_names.items() if k not in names})
    n1, n2 = len(earlier), len(later)
    changes = []
    for skill_id in before.keys() | after.keys():
        k1, k2 = before[skill_id], after[skill_id]
        if k1 + k2 < MIN_TREND_MENTIONS:
            continue
        z = two_proportion_z(k1, n1, k2, n2)
        if abs(z) < Z_THRESHOLD:
            continue
        m = names[skill_id]
        changes.append(
            SkillTrend(
                skill_id=skill_id,
                label=m.label,
                category=m.category,
                earlier=k1,
                later=k2,
                earlier_share=k1 / n1,
                later_share=k2 / n2,
                change=k2 / n2 - k1 / n1,
                z=z,
            )
        )
    rising = sorted((c for c in changes if c.change > 0), key=lambda c: (-c.change, c.label))
    falling = sorted((c for c in changes if c.change < 0), key=lambda c: (c.change, c.label))
    e, lt = _period(earlier), _period(later)
    message = (
        f"Skill shares in {n2} postings from {lt.start} to {lt.end} against {n1} postings from "
        f"{e.start} to {e.end}; only changes with |z| ≥ {Z_THRESHOLD} and at least "
        f"{MIN_TREND_MENTIONS} mentions are shown."
    )
    return Trends(
        status="ok",
        message=message,
        postings=n,
        dated=n1 + n2,
        earlier=e,
        later=lt,
        rising=rising[:top],
        falling=falling[:top],
    )


# --- salary ranges ----------------------------------------------------------------------------


class SalaryStats(BaseModel):
    role_family: str
    place: str | None = Field(description="City or country; None for all places together.")
    currency: str
    postings: int
    estimates: int = Field(description="Postings whose salary is an estimate (Glassdoor est.).")
    estimate_share: float
    annualised: int = Field(description="Postings whose pay was stated per hour, day, week...")
    p25: float
    median: float
    p75: float
    low: float
    high: float


class SalaryRanges(BaseModel):
    postings: int
    with_salary: int
    unknown_period: int = Field(description="Salaries left out: no period could be told.")
    no_currency: int = Field(description="Salaries left out: no currency could be told.")
    location_level: LocationLevel
    by_role: list[SalaryStats]
    by_role_and_place: list[SalaryStats]
    small_groups_left_out: int = Field(
        description=f"Role and place groups with fewer than {MIN_PLACE_GROUP} salaries."
    )
    assumptions: str = ASSUMPTIONS


@dataclass(frozen=True, slots=True)
class _Pay:
    row: PostingRow
    yearly: float


def yearly_midpoint(row: PostingRow) -> float | None:
    """The posting's pay per year at the middle of its range, or None when unknown."""
    bounds = [v for v in (row.salary_min, row.salary_max) if v is not None]
    if not bounds or row.salary_period is None:
        return None
    try:
        factor = PER_YEAR[Period(row.salary_period)]
    except ValueError:
        return None
    return sum(bounds) / len(bounds) * factor


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """25th percentile, median and 75th percentile (linear interpolation between points)."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def _stats(role: str, place: str | None, currency: str, pays: list[_Pay]) -> SalaryStats:
    values = sorted(p.yearly for p in pays)
    p25, median, p75 = quartiles(values)
    estimates = sum(1 for p in pays if p.row.salary_is_estimate)
    return SalaryStats(
        role_family=role,
        place=place,
        currency=currency,
        postings=len(pays),
        estimates=estimates,
        estimate_share=estimates / len(pays),
        annualised=sum(1 for p in pays if p.row.salary_period != Period.year.value),
        p25=p25,
        median=median,
        p75=p75,
        low=values[0],
        high=values[-1],
    )


def place_of(row: PostingRow, level: LocationLevel) -> str | None:
    """The city (the posting's location text) or the country a posting is counted under."""
    if level == "country":
        return row.country
    return " ".join(row.location.split()) if row.location and row.location.strip() else None


def _level(pays: list[_Pay]) -> LocationLevel:
    # Within one country the country says nothing; across several, cities are too thin.
    countries = {p.row.country for p in pays if p.row.country}
    return "country" if len(countries) > 1 else "city"


def salary_ranges(
    rows: Sequence[PostingRow],
    *,
    role_order: Sequence[str] = (),
    location_level: LocationLevel | None = None,
    top_places: int = 15,
) -> SalaryRanges:
    """Annualised pay per role family (and per place), one summary per currency.

    `location_level` None picks countries when the salaries span several, cities
    otherwise. Role families come in `role_order`, then alphabetically.
    """
    pays: list[_Pay] = []
    unknown_period = no_currency = with_salary = 0
    for row in rows:
        if row.salary_min is None and row.salary_max is None:
            continue
        with_salary += 1
        yearly = yearly_midpoint(row)
        if yearly is None:
            unknown_period += 1
        elif not row.salary_currency:
            no_currency += 1
        else:
            pays.append(_Pay(row, yearly))
    level = location_level or _level(pays)
    order = {role: i for i, role in enumerate(role_order)}

    def role_key(key: tuple[str, str]) -> tuple[int, str, str]:
        return (order.get(key[0], len(order)), key[0], key[1])

    by_role: dict[tuple[str, str], list[_Pay]] = defaultdict(list)
    by_place: dict[tuple[str, str, str], list[_Pay]] = defaultdict(list)
    for pay in pays:
        currency = pay.row.salary_currency or ""
        by_role[(pay.row.role_family, currency)].append(pay)
        place = place_of(pay.row, level)
        if place is not None:
            by_place[(pay.row.role_family, place, currency)].append(pay)
    big = {key: group for key, group in by_place.items() if len(group) >= MIN_PLACE_GROUP}
    ranked_places = sorted(big, key=lambda k: (-len(big[k]), role_key((k[0], k[2])), k[1]))
    return SalaryRanges(
        postings=len(rows),
        with_salary=with_salary,
        unknown_period=unknown_period,
        no_currency=no_currency,
        location_level=level,
        by_role=[_stats(r, None, c, by_role[(r, c)]) for r, c in sorted(by_role, key=role_key)],
        by_role_and_place=[_stats(r, p, c, big[(r, p, c)]) for r, p, c in ranked_places][
            :top_places
        ],
        small_groups_left_out=len(by_place) - len(big),
    )
