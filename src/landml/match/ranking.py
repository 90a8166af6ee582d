"""Ranking use cases: keep a workspace's posting index on disk and rank postings for a resume.

The index lives under ``<LANDML_HOME>/index/<owner>/`` for a SQLite workspace, and under
``<LANDML_HOME>/index/<host>-<port>-<database>/<owner>/`` for a PostgreSQL one, so two
databases never share an index. It is brought up to date before every ranking: postings
added since it was saved are appended; when postings were removed (the count or the largest
id no longer match) or the files are of another format or workspace, it is rebuilt.
Imports call `on_postings_imported`, so a ranking after an import rarely waits.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from landml.config import Settings
from landml.errors import NotFound
from landml.match.features import ResumeProfile, posting_features, resume_profile
from landml.match.index import (
    DEFAULT_WEIGHTS,
    SEMANTIC_WEIGHTS,
    Contributions,
    PostingFeatures,
    PostingIndex,
    RankWeights,
    StaleIndex,
)
from landml.match.semantic import SkillVectors, skill_vectors
from landml.postings.models import Posting, PostingSkill
from landml.postings.titles import ROLE_FAMILY_LABELS, family_phrase
from landml.skills.taxonomy import load_taxonomy
from landml.tracker.models import Company

# Postings read from the database per round trip while building: bounds memory, not speed.
_WINDOW = 5000
IndexAction = Literal["loaded", "built", "updated", "rebuilt"]
FAMILY_LABELS = {f: family_phrase(f) for f in ROLE_FAMILY_LABELS}


# --- where the index lives ----------------------------------------------------------------


def workspace_key(settings: Settings) -> str:
    """Which database an index belongs to (no password)."""
    if settings.is_sqlite:
        return f"sqlite:{settings.sqlite_path.resolve()}"
    return make_url(settings.url).render_as_string(hide_password=True)


def index_dir(settings: Settings, owner: int) -> Path:
    """The directory of an owner's index in this workspace."""
    if settings.is_sqlite:
        return settings.home / "index" / str(owner)
    url = make_url(settings.url)
    name = f"{url.host or 'local'}-{url.port or 5432}-{url.database or 'postgres'}"
    return settings.home / "index" / re.sub(r"[^A-Za-z0-9_.-]", "_", name) / str(owner)


# --- reading postings ---------------------------------------------------------------------


def _stamp(session: Session, owner: int) -> tuple[int, int]:
    count, max_id = session.execute(
        select(func.count(Posting.id), func.coalesce(func.max(Posting.id), 0)).where(
            Posting.owner_id == owner
        )
    ).one()
    return int(count), int(max_id)


def _features(
    session: Session, owner: int, *, after: int = 0, only: Sequence[int] | None = None
) -> Iterator[PostingFeatures]:
    """The owner's postings as index rows, in id order, a window at a time."""
    ids_query = select(Posting.id).where(Posting.owner_id == owner, Posting.id > after)
    if only is not None:
        ids_query = ids_query.where(Posting.id.in_(list(only)))
    ids = list(session.scalars(ids_query.order_by(Posting.id)))
    for start in range(0, len(ids), _WINDOW):
        window = ids[start : start + _WINDOW]
        skills: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
        for pid, skill_id, requirement in session.execute(
            select(PostingSkill.posting_id, PostingSkill.skill_id, PostingSkill.requirement).where(
                PostingSkill.posting_id.in_(window)
            )
        ):
            skills[pid].append((skill_id, requirement))
        rows = session.execute(
            select(
                Posting.id,
                Posting.title,
                Posting.description,
                Posting.role_family,
                Posting.seniority,
            )
            .where(Posting.id.in_(window))
            .order_by(Posting.id)
        )
        for pid, title, description, family, seniority in rows:
            yield posting_features(
                pid,
                title=title,
                description=description or "",
                role_family=family,
                seniority=seniority,
                skills=skills.get(pid, ()),
            )


# --- keeping the index --------------------------------------------------------------------


class IndexInfo(BaseModel):
    """What `ensure_index` did and what the index holds."""

    action: IndexAction
    postings: int
    seconds: float
    directory: str
    reason: str | None = None


def _load(directory: Path, settings: Settings) -> tuple[PostingIndex | None, str | None]:
    if not (directory / "manifest.json").exists():
        return None, "no index yet"
    try:
        return PostingIndex.load(directory, workspace=workspace_key(settings)), None
    except StaleIndex as exc:
        return None, str(exc)


def _build(session: Session, owner: int, settings: Settings) -> PostingIndex:
    return PostingIndex.build(_features(session, owner), workspace=workspace_key(settings))


def refresh_index(
    session: Session, owner: int, settings: Settings, *, rebuild: bool = False
) -> tuple[PostingIndex, IndexInfo]:
    """The owner's index, loaded, caught up with postings added since, or rebuilt; saved
    whenever it changed."""
    started = time.perf_counter()
    directory = index_dir(settings, owner)
    count, max_id = _stamp(session, owner)
    index, why = (None, "rebuild asked for") if rebuild else _load(directory, settings)
    action: IndexAction = "loaded"
    if index is not None and (index.size, index.max_id) != (count, max_id):
        if index.max_id <= max_id:
            index.update(_features(session, owner, after=index.max_id))
            action = "updated"
        if (index.size, index.max_id) != (count, max_id):
            why = (
                f"the index holds {index.size} postings up to id {index.max_id}, the "
                f"workspace {count} up to id {max_id}"
            )
            index = None
    if index is None:
        index = _build(session, owner, settings)
        action = "built" if why == "no index yet" else "rebuilt"
    if action != "loaded":
        index.save(directory)
    info = IndexInfo(
        action=action,
        postings=index.size,
        seconds=time.perf_counter() - started,
        directory=str(directory),
        reason=why if action in ("built", "rebuilt") else None,
    )
    return index, info


def ensure_index(session: Session, owner: int, settings: Settings) -> PostingIndex:
    """The owner's index, up to date with the workspace (loaded, caught up or rebuilt)."""
    return refresh_index(session, owner, settings)[0]


def index_postings(
    session: Session, owner: int, settings: Settings, posting_ids: Sequence[int]
) -> PostingIndex:
    """Add these postings to the owner's saved index without rebuilding it (they are
    appended; ids already indexed are left alone). Builds the index when there is none
    or it cannot be caught up."""
    directory = index_dir(settings, owner)
    index, _why = _load(directory, settings)
    if index is not None:
        missing = [pid for pid in posting_ids if pid not in index]
        added = index.update(_features(session, owner, only=missing)) if missing else 0
        if (index.size, index.max_id) == _stamp(session, owner):
            if added:
                index.save(directory)
            return index
    # No index yet, or postings other than these changed too: the general path.
    return refresh_index(session, owner, settings)[0]


def on_postings_imported(
    session: Session, owner: int, settings: Settings, posting_ids: Sequence[int]
) -> None:
    """Hook for postings import: index what was just imported."""
    index_postings(session, owner, settings, posting_ids)


# --- ranking ------------------------------------------------------------------------------


class SkillReason(BaseModel):
    """A skill the posting asks for that the resume has, named or implied."""

    skill_id: str
    label: str
    requirement: Literal["required", "preferred", "mentioned"]
    match: Literal["named", "implied"]
    via: str | None  # the resume's own skill an implied one comes from
    posting_weight: float
    resume_weight: float
    rarity: float  # idf in this workspace
    points: float


class WordReason(BaseModel):
    word: str
    points: float


class TitleReason(BaseModel):
    posting_family: str
    posting_seniority: str | None
    family_fit: float
    seniority_fit: float
    family_points: float
    seniority_points: float


class RankReason(BaseModel):
    """Why a posting ranks where it does. The points of the skills, the words and the title
    add up to the posting's score."""

    summary: str
    skill_fit: float
    skill_points: float
    skills: list[SkillReason]
    term_fit: float
    term_points: float
    words: list[WordReason]
    title: TitleReason
    # Cosine of the posting's and the resume's skills as vectors (None: no word vectors
    # installed, or the posting was outside the pool re-scored with them).
    semantic_similarity: float | None
    semantic_points: float


class RankedPosting(BaseModel):
    rank: int
    posting_id: int
    title: str
    company: str | None
    url: str | None
    score: float
    reason: RankReason


class ResumeSkillOut(BaseModel):
    skill_id: str
    label: str
    weight: float
    via: str | None


class TargetOut(BaseModel):
    title: str | None
    role_family: str | None
    seniority: str | None
    source: str
    evidence: str


class RankReport(BaseModel):
    resume: str
    target: TargetOut
    resume_skills: list[ResumeSkillOut]  # named first, then the broader skills they imply
    weights: dict[str, float]
    semantic: str | None  # where the word vectors come from, when they are used
    index: IndexInfo
    postings: int
    rows: list[RankedPosting]


def rank(
    session: Session,
    owner: int,
    settings: Settings,
    resume_path: Path,
    *,
    top: int = 20,
    role: str | None = None,
    today: date | None = None,
    rebuild: bool = False,
) -> RankReport:
    """Rank every posting of the workspace for the resume at `resume_path`, best first,
    with the reason for each rank."""
    from landml.resume.parse import parse_resume

    if _stamp(session, owner)[0] == 0:
        raise NotFound(
            "There are no postings in this workspace to rank.",
            hint="Import some first, e.g. `landml postings import postings.csv`.",
        )
    profile = resume_profile(parse_resume(resume_path), role=role, today=today or date.today())
    index, info = refresh_index(session, owner, settings, rebuild=rebuild)
    vectors, weights = ranking_weights()
    ranked = index.query(profile.features, top, weights=weights, semantic=vectors)
    return RankReport(
        resume=profile.name,
        target=TargetOut(**_target_fields(profile)),
        resume_skills=[
            ResumeSkillOut(skill_id=s.skill_id, label=s.label, weight=s.weight, via=s.via_label)
            for s in sorted(profile.skills, key=lambda s: -s.weight)
        ],
        weights=weights.as_dict(),
        semantic=vectors.source if vectors else None,
        index=info,
        postings=index.size,
        rows=_rows(session, owner, profile, ranked),
    )


def ranking_weights() -> tuple[SkillVectors | None, RankWeights]:
    """The skill vectors, when the word table is installed, and the weights that go
    with them."""
    vectors = skill_vectors()
    return vectors, SEMANTIC_WEIGHTS if vectors is not None else DEFAULT_WEIGHTS


def _target_fields(profile: ResumeProfile) -> dict[str, str | None]:
    t = profile.target
    return {
        "title": t.title,
        "role_family": t.role_family,
        "seniority": t.seniority,
        "source": t.source,
        "evidence": t.evidence,
    }


def _rows(
    session: Session,
    owner: int,
    profile: ResumeProfile,
    ranked: list[tuple[int, float, Contributions]],
) -> list[RankedPosting]:
    ids = [pid for pid, _score, _why in ranked]
    facts = {
        pid: (title, company, url, family, seniority)
        for pid, title, company, url, family, seniority in session.execute(
            select(
                Posting.id,
                Posting.title,
                Company.name,
                Posting.url,
                Posting.role_family,
                Posting.seniority,
            )
            .outerjoin(Company, Posting.company_id == Company.id)
            .where(Posting.owner_id == owner, Posting.id.in_(ids))
        )
    }
    via_label = {s.skill_id: s.label for s in profile.skills}
    out: list[RankedPosting] = []
    for pid, score, why in ranked:
        if pid not in facts:  # removed by another process since the index was refreshed
            continue
        title, company, url, family, seniority = facts[pid]
        reason = _reason(why, family, seniority, via_label)
        out.append(
            RankedPosting(
                rank=len(out) + 1,
                posting_id=pid,
                title=title,
                company=company,
                url=url,
                score=score,
                reason=reason,
            )
        )
    return out


def _reason(
    why: Contributions, family: str, seniority: str | None, via_label: dict[str, str]
) -> RankReason:
    taxonomy = load_taxonomy()
    skills = []
    for s in why.skills:
        skill = taxonomy.get(s.skill_id)
        skills.append(
            SkillReason(
                skill_id=s.skill_id,
                label=skill.label if skill else s.skill_id,
                requirement=s.requirement or "mentioned",
                match="implied" if s.via else "named",
                via=via_label.get(s.via, s.via) if s.via else None,
                posting_weight=s.posting_weight,
                resume_weight=s.resume_weight,
                rarity=s.idf,
                points=s.value,
            )
        )
    words = [WordReason(word=t.term, points=t.value) for t in why.terms]
    title = TitleReason(
        posting_family=family,
        posting_seniority=seniority,
        family_fit=why.family_fit,
        seniority_fit=why.seniority_fit,
        family_points=why.family,
        seniority_points=why.seniority,
    )
    return RankReason(
        summary=summary_line(skills, words, title),
        skill_fit=why.skill_fit,
        skill_points=sum(s.points for s in skills),
        skills=skills,
        term_fit=why.term_fit,
        term_points=sum(w.points for w in words),
        words=words,
        title=title,
        semantic_similarity=why.semantic_similarity,
        semantic_points=why.semantic,
    )


def summary_line(skills: list[SkillReason], words: list[WordReason], title: TitleReason) -> str:
    """One line for a table: the strongest skills, the title fit, the strongest words."""
    parts = []
    if skills:
        shown = []
        for s in skills[:4]:
            tag = {"required": "req", "preferred": "pref", "mentioned": "named"}[s.requirement]
            shown.append(f"{s.label} ({tag}, via {s.via})" if s.via else f"{s.label} ({tag})")
        more = f" +{len(skills) - 4}" if len(skills) > 4 else ""
        parts.append(", ".join(shown) + more)
    else:
        parts.append("no shared skills")
    fit = {1.0: "same", 0.5: "near"}.get(title.family_fit, "other")
    parts.append(f"title: {FAMILY_LABELS.get(title.posting_family, title.posting_family)} ({fit})")
    if words:
        parts.append("words: " + ", ".join(w.word for w in words[:3]))
    return "; ".join(parts)
