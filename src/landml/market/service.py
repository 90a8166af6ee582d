"""The market view's use case: read the postings that match the filters (read-only), run
the analytics over them, and add the sector profiles with their sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from landml.errors import InvalidInput
from landml.insights.charts import ChartSpec, render_png
from landml.market import analytics
from landml.market.analytics import (
    IndustriesNamed,
    PostingRow,
    SalaryRanges,
    SkillMention,
    TopSkills,
    Trends,
)
from landml.market.charts import market_charts
from landml.market.profiles import SECTORS, Claim, PayBaseline, SectorProfile, sectors
from landml.postings.models import Posting, PostingSkill
from landml.postings.titles import Seniority
from landml.prep.loops import ROLE_FAMILIES, ROLE_LABELS
from landml.tracker.models import Company
from landml.tracker.vocab import CompanyKind

DEFAULT_TOP = 20
# The same conditions filter the column query and the id subquery, whatever their columns.
AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])
DEFAULT_LOOP_ROLE = "mle"


class MarketFilters(BaseModel):
    """Which postings the market view covers; None means any."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    role_family: str | None = Field(default=None, description=f"One of {list(ROLE_FAMILIES)}.")
    company_kind: str | None = Field(default=None, description="startup, big_tech, ...")
    seniority: str | None = Field(default=None, description="intern, junior, mid, senior, ...")
    location: str | None = Field(
        default=None, description="Part of the location text, or a country code (US, GB...)."
    )
    top: int = Field(
        default=DEFAULT_TOP, ge=1, le=200, description="How many skills (and industries) to list."
    )

    @field_validator("role_family", "company_kind", "seniority", "location", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value


class MarketCounts(BaseModel):
    postings: int = Field(description="Postings matching the filters.")
    workspace_postings: int = Field(description="All postings in the workspace.")
    with_skills: int
    with_salary: int
    dated: int
    by_role_family: dict[str, int]
    by_company_kind: dict[str, int]
    by_seniority: dict[str, int]


class MarketReport(BaseModel):
    """Everything the market view shows, from one read of the postings."""

    filters: MarketFilters
    counts: MarketCounts
    top_skills: TopSkills
    industries_named: IndustriesNamed = Field(
        description="Industries the postings name (finance, healthcare...), apart from skills."
    )
    trends: Trends
    salaries: SalaryRanges
    loop_role_family: str = Field(description="The role family the profiles' loops are for.")
    pay_baselines: list[PayBaseline]
    baseline_notes: list[Claim]
    profiles: list[SectorProfile]


def _choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    if value is None:
        return None
    key = value.lower().replace("-", "_").replace(" ", "_")
    if key not in choices:
        raise InvalidInput(
            f"Unknown {what} {value!r}.", hint=f"Choose a {what} among: {', '.join(choices)}."
        )
    return key


def checked_filters(filters: MarketFilters) -> MarketFilters:
    """The filters with vocabulary values normalised, or InvalidInput naming the choices."""
    return filters.model_copy(
        update={
            "role_family": _choice(filters.role_family, ROLE_FAMILIES, "role family"),
            "company_kind": _choice(
                filters.company_kind, [k.value for k in CompanyKind], "company kind"
            ),
            "seniority": _choice(filters.seniority, [s.value for s in Seniority], "seniority"),
        }
    )


def _filtered(query: AnySelect, owner: int, f: MarketFilters) -> AnySelect:
    query = query.where(Posting.owner_id == owner)
    if f.role_family:
        query = query.where(Posting.role_family == f.role_family)
    if f.seniority:
        query = query.where(Posting.seniority == f.seniority)
    if f.company_kind:
        query = query.where(Company.kind == f.company_kind)
    if f.location:
        text = f.location.lower()
        query = query.where(
            or_(
                func.lower(Posting.location).contains(text, autoescape=True),
                func.lower(Posting.country) == text,
            )
        )
    return query


def load_rows(session: Session, owner: int, filters: MarketFilters) -> list[PostingRow]:
    """The postings matching `filters` as plain rows, with their skills (two queries)."""
    columns = (
        Posting.id,
        Posting.role_family,
        Company.kind,
        Posting.seniority,
        Posting.location,
        Posting.country,
        Posting.posted_at,
        Posting.salary_min,
        Posting.salary_max,
        Posting.salary_currency,
        Posting.salary_period,
        Posting.salary_is_estimate,
    )
    base = select(*columns).outerjoin(Company, Posting.company_id == Company.id)
    postings = session.execute(_filtered(base, owner, filters).order_by(Posting.id)).all()
    ids = _filtered(
        select(Posting.id).outerjoin(Company, Posting.company_id == Company.id), owner, filters
    )
    skills: dict[int, list[SkillMention]] = {}
    mentions = session.execute(
        select(
            PostingSkill.posting_id,
            PostingSkill.skill_id,
            PostingSkill.label,
            PostingSkill.category,
            PostingSkill.requirement,
        )
        .where(PostingSkill.posting_id.in_(ids.scalar_subquery()))
        .order_by(PostingSkill.posting_id, PostingSkill.start)
    )
    for posting_id, skill_id, label, category, requirement in mentions:
        skills.setdefault(posting_id, []).append(
            SkillMention(skill_id, label, category, requirement)
        )
    return [
        PostingRow(
            id=p.id,
            role_family=p.role_family,
            company_kind=p.kind,
            seniority=p.seniority,
            location=p.location,
            country=p.country,
            posted_at=p.posted_at,
            salary_min=p.salary_min,
            salary_max=p.salary_max,
            salary_currency=p.salary_currency,
            salary_period=p.salary_period,
            salary_is_estimate=bool(p.salary_is_estimate),
            skills=tuple(skills.get(p.id, ())),
        )
        for p in postings
    ]


def _tally(values: Sequence[str | None]) -> dict[str, int]:
    return dict(Counter(v or "unknown" for v in values).most_common())


def counts_of(rows: Sequence[PostingRow], workspace_postings: int) -> MarketCounts:
    """How many postings the view covers, and how they split."""
    return MarketCounts(
        postings=len(rows),
        workspace_postings=workspace_postings,
        with_skills=sum(1 for r in rows if r.skills),
        with_salary=sum(1 for r in rows if r.salary_min is not None or r.salary_max is not None),
        dated=sum(1 for r in rows if r.posted_at is not None),
        by_role_family=_tally([r.role_family for r in rows]),
        by_company_kind=_tally([r.company_kind for r in rows]),
        by_seniority=_tally([r.seniority for r in rows]),
    )


def loop_role_for(rows: Sequence[PostingRow], filters: MarketFilters) -> str:
    """The role family whose loops the profiles show: the filter's, else the most common
    named family among the postings, else ML engineer."""
    if filters.role_family:
        return filters.role_family
    named = Counter(r.role_family for r in rows if r.role_family in ROLE_LABELS)
    named.pop("other", None)
    return named.most_common(1)[0][0] if named else DEFAULT_LOOP_ROLE


def market_report(
    session: Session, owner: int, filters: MarketFilters | None = None
) -> MarketReport:
    """Top skills, trends, salary ranges and sector profiles for the matching postings."""
    f = checked_filters(filters or MarketFilters())
    rows = load_rows(session, owner, f)
    total = (
        session.scalar(select(func.count()).select_from(Posting).where(Posting.owner_id == owner))
        or 0
    )
    loop_role = loop_role_for(rows, f)
    kinds = (f.company_kind,) if f.company_kind in SECTORS else SECTORS
    sector_data = sectors(
        tuple(k for k in kinds if k is not None), loop_role=loop_role, baseline_role=f.role_family
    )
    return MarketReport(
        filters=f,
        counts=counts_of(rows, total),
        top_skills=analytics.top_skills(rows, f.top),
        industries_named=analytics.industries_named(rows, f.top),
        trends=analytics.skill_trends(rows),
        salaries=analytics.salary_ranges(rows, role_order=ROLE_FAMILIES),
        loop_role_family=loop_role,
        pay_baselines=list(sector_data.pay_baselines),
        baseline_notes=list(sector_data.baseline_notes),
        profiles=list(sector_data.profiles),
    )


def report_charts(report: MarketReport) -> dict[str, tuple[str, ChartSpec]]:
    """The report's charts by name: (title, Vega-Lite specification)."""
    return market_charts(report.top_skills, report.salaries.by_role, report.trends)


def write_chart_pngs(report: MarketReport, directory: Path) -> list[Path]:
    """Write each chart of the report as `<name>.png` into `directory` (created if needed)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"Cannot create the folder {str(directory)!r}: {exc.strerror}.") from exc
    written = []
    for name, (_title, spec) in report_charts(report).items():
        path = directory / f"{name}.png"
        path.write_bytes(render_png(spec))
        written.append(path)
    return written
