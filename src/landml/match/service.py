"""Matching use cases: a resume (a file or a stored version) against a stored posting, the
gaps across the applications you track, and the ONE portfolio project.

This is the glue: it reads resume versions through `resume.service`, postings from the
postings tables and applications with their stage ledgers through `tracker.service`, then
hands plain features to the pure engines (`explain`, `gaps`, `portfolio`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from landml.config import Settings
from landml.errors import InvalidInput, NotFound
from landml.match.explain import (
    MatchReport,
    PostingFeatures,
    ProjectFact,
    ResumeFeatures,
    explain_match,
    posting_features,
    resume_features,
)
from landml.match.gaps import GapReport, Rejection, Target, find_gaps
from landml.match.portfolio import PortfolioPlan, plan_portfolio, read_projects
from landml.match.ranking import RankReport, rank
from landml.postings.models import Posting
from landml.resume import service as resumes
from landml.resume.document import ResumeDocument
from landml.resume.parse import parse_resume
from landml.tracker import service as tracker
from landml.tracker.models import Application
from landml.tracker.stages import Stage

MAX_PROJECT_FILE_BYTES = 1_000_000
# Applications the person stopped pursuing say nothing about what they still target.
NOT_TARGETED = frozenset({"withdrawn", "declined"})


class PostingChoice(BaseModel):
    """A stored posting to match against, as a picker lists it."""

    id: int
    title: str
    company: str | None


class Targets(BaseModel):
    targets: list[Target]
    rejections: list[Rejection]
    skipped: list[str]


# --- the resume -----------------------------------------------------------------------------


def load_resume(
    session: Session, owner: int, resume: str | None
) -> tuple[str | None, ResumeDocument]:
    """(version ref, document) for RESUME: a file path, a version like v3, or None for the
    default version. A file is read, not stored."""
    if resume is not None and not resumes.looks_like_ref(resume):
        return None, parse_resume(Path(resume))
    version, document = resumes.load_document(session, owner, resume)
    return version.ref, document


def resume_of(
    session: Session, owner: int, resume: str | None, *, today: date
) -> tuple[str | None, ResumeFeatures]:
    ref, document = load_resume(session, owner, resume)
    return ref, resume_features(document, today=today)


# --- postings and targets -------------------------------------------------------------------


def _posting(session: Session, owner: int, posting_id: int) -> Posting:
    posting = session.scalar(
        select(Posting)
        .where(Posting.id == posting_id, Posting.owner_id == owner)
        .options(selectinload(Posting.skills))
    )
    if posting is None:
        raise NotFound(
            f"No posting with id {posting_id}.",
            hint="`landml postings list` shows every posting's id.",
        )
    return posting


def features_of_posting(posting: Posting) -> PostingFeatures:
    return posting_features(
        posting.title,
        posting.description,
        posting.skills,
        posting_id=posting.id,
        company=posting.company.name if posting.company else None,
    )


def posting_choices(session: Session, owner: int, limit: int = 500) -> list[PostingChoice]:
    """Stored postings, newest first, for a picker."""
    rows = session.scalars(
        select(Posting)
        .where(Posting.owner_id == owner)
        .order_by(Posting.created_at.desc(), Posting.id.desc())
        .limit(limit)
    ).unique()
    return [
        PostingChoice(id=p.id, title=p.title, company=p.company.name if p.company else None)
        for p in rows
    ]


def match(
    session: Session, owner: int, resume: str | None, posting_id: int, *, today: date
) -> MatchReport:
    """How a resume (file, version or the default) fits one stored posting."""
    ref, features = resume_of(session, owner, resume, today=today)
    report = explain_match(features, features_of_posting(_posting(session, owner, posting_id)))
    return report.model_copy(update={"resume_ref": ref})


def _furthest(app: Application, by_key: dict[str, Stage]) -> Stage:
    reached = [by_key[c.to_stage] for c in app.stage_changes if c.to_stage in by_key]
    open_stages = [s for s in reached if not s.closed]
    return max(open_stages, key=lambda s: s.rank) if open_stages else by_key["saved"]


def targets(session: Session, owner: int) -> Targets:
    """The tracked applications with what their postings ask for, and their rejections."""
    by_key = {s.key: s for s in tracker.stages(session, owner)}
    apps = tracker.load_applications(session, owner)
    postings = _postings_by_id(session, owner, [a.posting_id for a in apps if a.posting_id])
    out, rejections, skipped = [], [], []
    for app in apps:
        current = app.stage_changes[-1].to_stage
        furthest = _furthest(app, by_key)
        rejections += _rejections(app, furthest)
        where = f"{app.company.name}, {app.title} (#{app.id})"
        if current in NOT_TARGETED:
            skipped.append(f"{where}: {current}, so no longer a target.")
            continue
        posting = postings.get(app.posting_id) if app.posting_id else None
        if posting is not None:
            features = features_of_posting(posting)
            text = posting.description
        elif app.description and app.description.strip():
            features = posting_features(app.title, app.description, company=app.company.name)
            text = app.description
        else:
            skipped.append(f"{where}: no posting or description to read skills from.")
            continue
        out.append(
            Target(
                application_id=app.id,
                posting_id=posting.id if posting is not None else None,
                company=app.company.name,
                title=app.title,
                priority=app.priority,
                stage=current,
                furthest_stage=furthest.label,
                furthest_rank=furthest.rank,
                skills=features.skills,
                text=text,
            )
        )
    return Targets(targets=out, rejections=rejections, skipped=skipped)


def _postings_by_id(session: Session, owner: int, ids: Sequence[int]) -> dict[int, Posting]:
    if not ids:
        return {}
    rows = session.scalars(
        select(Posting)
        .where(Posting.owner_id == owner, Posting.id.in_(ids))
        .options(selectinload(Posting.skills))
    ).unique()
    return {p.id: p for p in rows}


def _rejections(app: Application, furthest: Stage) -> list[Rejection]:
    return [
        Rejection(
            application_id=app.id,
            company=app.company.name,
            title=app.title,
            priority=app.priority,
            furthest_stage=furthest.label,
            furthest_rank=furthest.rank,
            reason=change.reason,
            skills=list(change.skills),
        )
        for change in app.stage_changes
        if change.skills
    ]


# --- gaps and the portfolio plan ------------------------------------------------------------


def gaps(session: Session, owner: int, resume: str | None = None, *, today: date) -> GapReport:
    """Skills missing across your targets, weighted, with the rejections that named any."""
    ref, features = resume_of(session, owner, resume, today=today)
    found = targets(session, owner)
    report = find_gaps(found.targets, found.rejections, features, skipped=found.skipped)
    return report.model_copy(update={"resume_ref": ref})


def read_project_file(path: Path) -> list[ProjectFact]:
    """Projects from a YAML file the person wrote."""
    if not path.is_file():
        raise NotFound(f"No projects file at {path}.", hint="Check the path.")
    if path.stat().st_size > MAX_PROJECT_FILE_BYTES:
        raise InvalidInput(
            f"{path.name} is larger than {MAX_PROJECT_FILE_BYTES // 1000} kB; a projects "
            "file lists a few projects."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path.name} is not UTF-8 text.", hint="Save it as UTF-8.") from exc
    return read_projects(text)


def portfolio(
    session: Session,
    owner: int,
    resume: str | None = None,
    *,
    ideas: Sequence[str] = (),
    projects: Sequence[ProjectFact] = (),
    today: date,
) -> PortfolioPlan:
    """The ONE project to build, with its rationale and your own ideas scored beside it."""
    ref, features = resume_of(session, owner, resume, today=today)
    found = targets(session, owner)
    report = find_gaps(found.targets, found.rejections, features, skipped=found.skipped)
    plan = plan_portfolio(features, report, found.targets, projects=projects, ideas=ideas)
    return plan.model_copy(update={"resume_ref": ref})


# --- ranking --------------------------------------------------------------------------------


class RankedForResume(BaseModel):
    """Stored postings ranked for a stored resume version (see `landml.match.ranking`)."""

    resume_ref: str
    report: RankReport


RANK_DIR = "uploads"


def ranked(
    session: Session,
    owner: int,
    settings: Settings,
    resume: str | None,
    *,
    top: int = 50,
    today: date,
) -> RankedForResume:
    """Every stored posting ranked for a resume version (the default when None), best first.

    The ranking reads a resume file, so the version's stored bytes are written to a
    temporary folder inside the workspace for the time of the call.
    """
    version = resumes.resolve(session, owner, resume)
    filename, _media, data = resumes.version_file(session, owner, version.id)
    folder = settings.home / RANK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / Path(filename).name
        path.write_bytes(data)
        report = rank(session, owner, settings, path, top=top, today=today)
    return RankedForResume(resume_ref=version.ref, report=report)
