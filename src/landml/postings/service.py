"""Postings use cases: import (normalise, find duplicates, extract skills, store, all in
one transaction), list with filters and full-text search, show, and track as an
application."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from landml.db.base import utcnow
from landml.db.workspace import transactional
from landml.errors import ImportRejected, InvalidInput, NotFound
from landml.postings import sources
from landml.postings.company_kind import company_kind_from_source
from landml.postings.dedupe import (
    DuplicateIndex,
    Fingerprint,
    PostingText,
    canonical_url,
    description_fingerprint,
    identity_key,
)
from landml.postings.fetch import FetchPolicy, fetch
from landml.postings.location import parse_location
from landml.postings.models import Posting, PostingSkill, PostingSource
from landml.postings.salary import parse_salary
from landml.postings.sources import RawPosting
from landml.postings.titles import classify_title
from landml.skills.extract import extract_skills
from landml.tracker import service as tracker
from landml.tracker.schemas import ApplicationIn, ApplicationSummary

Progress = Callable[[int, int], None]
MAX_FILE_BYTES = 200_000_000


class PostingSummary(BaseModel):
    id: int
    title: str
    company: str | None
    company_kind: str | None
    role_family: str
    seniority: str | None
    location: str | None
    work_mode: str | None
    salary_min: float | None
    salary_max: float | None
    salary_currency: str | None
    salary_period: str | None
    posted_at: datetime | None
    url: str | None
    sources: int
    skills: int


class SkillOut(BaseModel):
    skill_id: str
    label: str
    category: str
    start: int
    end: int
    requirement: str | None
    years: float | None


class SourceOut(BaseModel):
    source: str
    external_id: str
    url: str | None
    duplicate_reason: str | None
    seen_at: datetime


class PostingDetail(BaseModel):
    posting: PostingSummary
    description: str
    description_html: str | None
    salary_text: str | None
    salary_is_estimate: bool
    skills: list[SkillOut]
    sources: list[SourceOut]
    applications: list[int]


class Merge(BaseModel):
    posting_id: int
    source: str
    external_id: str
    reason: str


class PostingsImportReport(BaseModel):
    read: int
    added: int
    merged: int
    already_known: int
    posting_ids: list[int]
    merges: list[Merge]


# --- reading a SOURCE argument ----------------------------------------------------------


def read_source(
    source: str,
    *,
    stdin: Callable[[], str] | None = None,
    mapping: dict[str, str] | None = None,
    policy: FetchPolicy | None = None,
) -> list[RawPosting]:
    """Postings from what the person named: `-`, a file, a URL or BOARD_KIND:NAME."""
    if source == "-":
        if stdin is None:
            raise InvalidInput("No standard input to read the posting from.")
        return [sources.from_text(stdin())]
    kind, sep, board = source.partition(":")
    if sep and kind in sources.BOARD_READERS:
        page = fetch(sources.board_api_url(kind, board), policy)
        try:
            data = json.loads(page.text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"The {kind} board {board!r} did not answer with JSON.") from exc
        return sources.BOARD_READERS[kind](data, board)
    if kind in ("http", "https") and sep:
        page = fetch(source, policy)
        if "json" in page.content_type:
            raise InvalidInput(
                f"{source} is JSON, not a posting page.",
                hint="For job boards use greenhouse:BOARD, lever:SITE, ...",
            )
        return sources.from_html(page.text, url=page.url, source="url")
    return _read_file(Path(source), mapping)


def _read_file(path: Path, mapping: dict[str, str] | None) -> list[RawPosting]:
    if not path.is_file():
        raise InvalidInput(
            f"No file {str(path)!r}.", hint="Give a file, a URL, - for stdin, or greenhouse:BOARD."
        )
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    if path.stat().st_size == 0:
        raise InvalidInput(f"{path.name} is empty.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return sources.from_csv(text, mapping=mapping)
    if mapping:
        raise InvalidInput("--map applies to CSV files only.")
    if suffix in (".html", ".htm"):
        return sources.from_html(text, url=None, source="html")
    if suffix in (".txt", ".md", ".markdown", ""):
        return [sources.from_text(text)]
    raise InvalidInput(
        f"Cannot import {path.name}: unknown file type {suffix!r}.",
        hint="Use .txt, .md, .html, .csv, a URL or a job board.",
    )


# --- import --------------------------------------------------------------------------------


def _validate(raws: Sequence[RawPosting]) -> None:
    problems = []
    for i, raw in enumerate(raws, start=1):
        where = f"posting {i} ({raw.source}:{raw.external_id})"
        if not raw.title.strip():
            problems.append(f"{where}: no title")
        elif len(raw.title) > 300:
            problems.append(f"{where}: title longer than 300 characters")
        if not raw.description.strip():
            problems.append(f"{where}: no description")
    if problems:
        raise ImportRejected(
            f"{len(problems)} posting(s) cannot be imported; nothing was written.", problems
        )


def _fingerprint_of(posting: Posting) -> Fingerprint | None:
    # Stored as [shingle count, *MinHash values] so the index can reuse it without rehashing.
    if len(posting.fingerprint) < 2:
        return None
    return Fingerprint.from_list(posting.fingerprint[1:], posting.fingerprint[0])


def _index_for(session: Session, owner: int) -> tuple[DuplicateIndex, dict[str, Posting]]:
    index = DuplicateIndex()
    by_key: dict[str, Posting] = {}
    rows = session.scalars(
        select(Posting).where(Posting.owner_id == owner).order_by(Posting.id)
    ).unique()
    for posting in rows:
        key = f"db:{posting.id}"
        by_key[key] = posting
        index.add(
            PostingText(
                id=key,
                url=posting.url,
                title=posting.title,
                company=posting.company.name if posting.company else None,
                location=posting.location,
                description=posting.description,
            ),
            _fingerprint_of(posting),
        )
    return index, by_key


def _decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _new_posting(session: Session, owner: int, raw: RawPosting, now: datetime) -> Posting:
    title_class = classify_title(raw.title)
    location = parse_location(raw.location, raw.description)
    facts = raw.company_facts
    kind, _evidence = company_kind_from_source(
        size=facts.get("Size") or facts.get("company_num_employees"),
        ownership=facts.get("Type of ownership"),
        industry=facts.get("Industry") or facts.get("company_industry"),
        sector=facts.get("Sector"),
        revenue=facts.get("Revenue"),
        name=raw.company,
    )
    company = (
        tracker.find_or_add_company(session, owner, raw.company, kind) if raw.company else None
    )
    fp = description_fingerprint(raw.description)
    posting = Posting(
        owner_id=owner,
        company=company,
        title=" ".join(raw.title.split()),
        role_family=title_class.role_family.value,
        seniority=title_class.seniority.value,
        location=raw.location,
        country=location.country,
        work_mode="remote"
        if raw.remote
        else (location.work_mode.value if location.work_mode else None),
        url=raw.url,
        canonical_url=canonical_url(raw.url) if raw.url else None,
        description=raw.description,
        description_html=raw.description_html,
        posted_at=raw.posted_at,
        identity_key=identity_key(raw.title, raw.company, raw.location),
        fingerprint=[fp.shingles, *fp.as_list()],
        created_at=now,
    )
    _set_salary(posting, raw)
    for found in extract_skills(raw.description, posting=True):
        posting.skills.append(
            PostingSkill(
                skill_id=found.skill_id,
                label=found.label,
                category=found.category,
                start=found.start,
                end=found.end,
                requirement=found.requirement,
                years=found.years,
            )
        )
    session.add(posting)
    return posting


def _set_salary(posting: Posting, raw: RawPosting) -> None:
    posting.salary_text = raw.salary_text
    if raw.salary_min is not None or raw.salary_max is not None:
        posting.salary_min, posting.salary_max = raw.salary_min, raw.salary_max
        posting.salary_currency, posting.salary_period = raw.salary_currency, raw.salary_period
        return
    salary = parse_salary(raw.salary_text)
    if salary is None:
        return
    posting.salary_min, posting.salary_max = _decimal(salary.min), _decimal(salary.max)
    posting.salary_currency = salary.currency
    posting.salary_period = salary.period.value if salary.period else None
    posting.salary_is_estimate = salary.is_estimate


@transactional
def import_postings(
    session: Session,
    owner: int,
    raws: Sequence[RawPosting],
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> PostingsImportReport:
    """Store postings once each, with every source they were seen at; all or nothing."""
    _validate(raws)
    now = now or utcnow()
    known = {
        (s, e)
        for s, e in session.execute(
            select(PostingSource.source, PostingSource.external_id).where(
                PostingSource.owner_id == owner
            )
        )
    }
    index, by_key = _index_for(session, owner)
    report = PostingsImportReport(
        read=len(raws), added=0, merged=0, already_known=0, posting_ids=[], merges=[]
    )
    for i, raw in enumerate(raws):
        if progress is not None:
            progress(i, len(raws))
        if (raw.source, raw.external_id) in known:
            report.already_known += 1
            continue
        known.add((raw.source, raw.external_id))
        key = f"new:{i}"
        placement = index.add(
            PostingText(
                id=key,
                url=raw.url,
                title=raw.title,
                company=raw.company,
                location=raw.location,
                description=raw.description,
            )
        )
        reason: str | None = None
        if placement.link is not None:
            posting = by_key[placement.link.matched_id]
            reason = placement.link.reason.value
            if placement.link.similarity is not None:
                reason += f" (similarity {placement.link.similarity:.2f})"
            report.merged += 1
        else:
            posting = _new_posting(session, owner, raw, now)
            report.added += 1
        by_key[key] = posting
        posting.sources.append(
            PostingSource(
                owner_id=owner,
                source=raw.source,
                external_id=raw.external_id[:500],
                url=raw.url,
                duplicate_reason=reason,
                seen_at=now,
            )
        )
        session.flush()
        if reason is not None:
            report.merges.append(
                Merge(
                    posting_id=posting.id,
                    source=raw.source,
                    external_id=raw.external_id,
                    reason=reason,
                )
            )
        if posting.id not in report.posting_ids:
            report.posting_ids.append(posting.id)
    if progress is not None:
        progress(len(raws), len(raws))
    return report


# --- reading back ---------------------------------------------------------------------------


class PostingFilters(BaseModel):
    role_family: str | None = None
    company_kind: str | None = None
    seniority: str | None = None
    location: str | None = None
    query: str | None = None
    limit: int = 200


def _summary(p: Posting, n_sources: int, n_skills: int) -> PostingSummary:
    return PostingSummary(
        id=p.id,
        title=p.title,
        company=p.company.name if p.company else None,
        company_kind=p.company.kind if p.company else None,
        role_family=p.role_family,
        seniority=p.seniority,
        location=p.location,
        work_mode=p.work_mode,
        salary_min=p.salary_min,
        salary_max=p.salary_max,
        salary_currency=p.salary_currency,
        salary_period=p.salary_period,
        posted_at=p.posted_at,
        url=p.url,
        sources=n_sources,
        skills=n_skills,
    )


def list_postings(
    session: Session, owner: int, filters: PostingFilters | None = None
) -> list[PostingSummary]:
    """Postings matching the filters, newest first; `query` searches title, company and text."""
    from landml.postings.search import matching_ids

    f = filters or PostingFilters()
    query = select(Posting).where(Posting.owner_id == owner)
    if f.role_family:
        query = query.where(Posting.role_family == f.role_family)
    if f.seniority:
        query = query.where(Posting.seniority == f.seniority)
    if f.location:
        query = query.where(func.lower(Posting.location).contains(f.location.lower()))
    if f.company_kind:
        from landml.tracker.models import Company

        query = query.join(Company, Posting.company_id == Company.id).where(
            Company.kind == f.company_kind
        )
    if f.query and f.query.strip():
        ids = matching_ids(session, owner, f.query)
        query = query.where(Posting.id.in_(ids))
    query = query.options(selectinload(Posting.sources), selectinload(Posting.skills))
    rows = session.scalars(
        query.order_by(Posting.posted_at.desc().nulls_last(), Posting.id.desc()).limit(f.limit)
    ).unique()
    return [_summary(p, len(p.sources), len(p.skills)) for p in rows]


def _get(session: Session, owner: int, posting_id: int) -> Posting:
    posting = session.scalar(
        select(Posting)
        .where(Posting.id == posting_id, Posting.owner_id == owner)
        .options(selectinload(Posting.sources), selectinload(Posting.skills))
    )
    if posting is None:
        raise NotFound(
            f"No posting with id {posting_id}.", hint="The postings list shows every posting's id."
        )
    return posting


def posting_detail(session: Session, owner: int, posting_id: int) -> PostingDetail:
    from landml.tracker.models import Application

    p = _get(session, owner, posting_id)
    apps = session.scalars(
        select(Application.id).where(Application.posting_id == p.id, Application.owner_id == owner)
    ).all()
    return PostingDetail(
        posting=_summary(p, len(p.sources), len(p.skills)),
        description=p.description,
        description_html=p.description_html,
        salary_text=p.salary_text,
        salary_is_estimate=p.salary_is_estimate,
        skills=[SkillOut.model_validate(s, from_attributes=True) for s in p.skills],
        sources=[SourceOut.model_validate(s, from_attributes=True) for s in p.sources],
        applications=list(apps),
    )


@transactional
def track_posting(
    session: Session, owner: int, posting_id: int, *, now: datetime | None = None
) -> ApplicationSummary:
    """Create an application (stage saved) from a stored posting."""
    p = _get(session, owner, posting_id)
    if p.company is None:
        raise InvalidInput(f"Posting {posting_id} has no company name; add it by hand instead.")
    data = ApplicationIn(
        company=p.company.name,
        title=p.title,
        url=p.url,
        location=p.location,
        work_mode=p.work_mode,
        description=p.description,
        salary_text=p.salary_text,
    )
    app = tracker.create_application(session, owner, data, now=now)
    app.posting_id = p.id
    session.flush()
    return tracker.summary_of(session, owner, app)


def count_postings(session: Session, owner: int) -> int:
    return (
        session.scalar(select(func.count()).select_from(Posting).where(Posting.owner_id == owner))
        or 0
    )
