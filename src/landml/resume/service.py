"""Resume versions: add a file (parsed first, stored only when it reads), list them, pick
the default, read one back, delete one.

A version is named `v<id>` wherever a person types one (`landml match v3`); the default
version is the one gaps, the portfolio plan and the ranking use when none is named. The
first version added becomes the default; deleting the default hands that role to the
newest version left.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from landml.db.base import utcnow
from landml.db.workspace import transactional
from landml.errors import InvalidInput, NotFound
from landml.resume.check import ResumeReport, check_resume
from landml.resume.document import ResumeDocument
from landml.resume.errors import FileTooLarge
from landml.resume.models import ResumeVersion
from landml.resume.parse import MAX_BYTES, parse_resume

# The parser refuses larger files before reading them; storing follows the same limit.
MAX_STORED_BYTES = MAX_BYTES
MAX_LABEL = 200
_REF = re.compile(r"^\s*v?(\d+)\s*$", re.IGNORECASE)
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "json_resume": "application/json",
}


class ResumeVersionOut(BaseModel):
    """A stored resume version, without its file or document."""

    id: int
    ref: str  # "v3": how a person names it
    label: str
    filename: str
    format: str
    sha256: str
    size: int
    pages: int
    is_default: bool
    created_at: datetime


class AddedVersion(BaseModel):
    """The version a file became, and whether it was new (False: that file was stored)."""

    version: ResumeVersionOut
    created: bool


class ResumeView(BaseModel):
    """A version with what landml read from it and what the checker found."""

    version: ResumeVersionOut
    document: ResumeDocument
    report: ResumeReport


def version_ref(version_id: int) -> str:
    return f"v{version_id}"


def parse_ref(text: str | int) -> int:
    """The id in a version reference: "v3", "V3" and "3" are all version 3."""
    if isinstance(text, int):
        return text
    m = _REF.match(text)
    if m is None:
        raise InvalidInput(
            f"{text!r} is not a resume version.",
            hint="Name a version as `landml resume list` shows it, e.g. v3.",
        )
    return int(m.group(1))


def looks_like_ref(text: str) -> bool:
    """Whether a RESUME argument names a stored version rather than a file."""
    return bool(_REF.match(text)) and not Path(text).exists()


def _out(row: ResumeVersion) -> ResumeVersionOut:
    return ResumeVersionOut(
        id=row.id,
        ref=version_ref(row.id),
        label=row.label,
        filename=row.filename,
        format=row.format,
        sha256=row.sha256,
        size=row.size,
        pages=row.pages,
        is_default=row.is_default,
        created_at=row.created_at,
    )


def _label(label: str | None, filename: str) -> str:
    text = " ".join((label or "").split()) or Path(filename).stem or filename
    if len(text) > MAX_LABEL:
        raise InvalidInput(f"The label is {len(text)} characters; at most {MAX_LABEL} fit.")
    return text


@transactional
def add_version(
    session: Session,
    owner: int,
    path: Path,
    label: str | None = None,
    *,
    filename: str | None = None,
    now: datetime | None = None,
) -> AddedVersion:
    """Parse the file at `path` and store it as a version; nothing is stored if it does
    not parse. The same bytes added again return the version already stored."""
    document = parse_resume(path)  # refuses unreadable, oversized and mislabelled files
    data = path.read_bytes()
    if len(data) > MAX_STORED_BYTES:
        raise FileTooLarge(
            f"{path.name} is {len(data) / 2**20:.1f} MB; landml stores resumes of up to "
            f"{MAX_STORED_BYTES // 2**20} MB."
        )
    digest = hashlib.sha256(data).hexdigest()
    known = session.scalar(
        select(ResumeVersion).where(ResumeVersion.owner_id == owner, ResumeVersion.sha256 == digest)
    )
    if known is not None:
        return AddedVersion(version=_out(known), created=False)
    name = filename or path.name
    first = _default_row(session, owner) is None
    row = ResumeVersion(
        owner_id=owner,
        label=_label(label, name),
        filename=name[:300],
        format=document.format,
        sha256=digest,
        size=len(data),
        content=data,
        document=document.model_dump(mode="json"),
        pages=document.pages,
        is_default=first,
        created_at=now or utcnow(),
    )
    session.add(row)
    session.flush()
    return AddedVersion(version=_out(row), created=True)


def list_versions(session: Session, owner: int) -> list[ResumeVersionOut]:
    """Every version, newest first."""
    rows = session.scalars(
        select(ResumeVersion)
        .where(ResumeVersion.owner_id == owner)
        .order_by(ResumeVersion.created_at.desc(), ResumeVersion.id.desc())
    )
    return [_out(r) for r in rows]


def _row(session: Session, owner: int, ref: str | int) -> ResumeVersion:
    version_id = parse_ref(ref)
    row = session.scalar(
        select(ResumeVersion).where(ResumeVersion.id == version_id, ResumeVersion.owner_id == owner)
    )
    if row is None:
        raise NotFound(
            f"No resume version {version_ref(version_id)}.",
            hint="`landml resume list` shows the versions you stored.",
        )
    return row


def _default_row(session: Session, owner: int) -> ResumeVersion | None:
    return session.scalar(
        select(ResumeVersion).where(
            ResumeVersion.owner_id == owner, ResumeVersion.is_default.is_(True)
        )
    )


def resolve(session: Session, owner: int, ref: str | int | None = None) -> ResumeVersionOut:
    """The version named by `ref`, or the default one when `ref` is None."""
    if ref is not None:
        return _out(_row(session, owner, ref))
    row = _default_row(session, owner)
    if row is None:
        raise NotFound(
            "No resume stored yet.",
            hint="Add one with `landml resume add FILE` (or on the Resume page).",
        )
    return _out(row)


def get_version(session: Session, owner: int, ref: str | int) -> ResumeVersionOut:
    return _out(_row(session, owner, ref))


def load_document(
    session: Session, owner: int, ref: str | int | None = None
) -> tuple[ResumeVersionOut, ResumeDocument]:
    """A version (the default when `ref` is None) and its parsed document."""
    version = resolve(session, owner, ref)
    stored = session.scalar(select(ResumeVersion.document).where(ResumeVersion.id == version.id))
    return version, ResumeDocument.model_validate(stored)


def version_file(session: Session, owner: int, ref: str | int) -> tuple[str, str, bytes]:
    """(file name, media type, bytes) of the original file."""
    row = session.scalar(
        select(ResumeVersion)
        .where(ResumeVersion.id == parse_ref(ref), ResumeVersion.owner_id == owner)
        .options(undefer(ResumeVersion.content))
    )
    if row is None:
        raise NotFound(f"No resume version {version_ref(parse_ref(ref))}.")
    return row.filename, MEDIA_TYPES.get(row.format, "application/octet-stream"), row.content


def view_version(
    session: Session, owner: int, ref: str | int | None = None, *, today: date | None = None
) -> ResumeView:
    """A version, its document and the checker's findings on it."""
    version, document = load_document(session, owner, ref)
    report = check_resume(document, today=today)
    return ResumeView(version=version, document=document, report=report)


@transactional
def set_default(session: Session, owner: int, ref: str | int) -> ResumeVersionOut:
    """Make this version the one used when none is named."""
    row = _row(session, owner, ref)
    current = _default_row(session, owner)
    if current is not None and current.id != row.id:
        current.is_default = False
        session.flush()  # one default at a time, even mid-transaction
    row.is_default = True
    return _out(row)


@transactional
def delete_version(session: Session, owner: int, ref: str | int) -> ResumeVersionOut:
    """Delete a version; if it was the default, the newest one left becomes the default."""
    row = _row(session, owner, ref)
    out = _out(row)
    session.delete(row)
    session.flush()
    if out.is_default:
        newest = session.scalar(
            select(ResumeVersion)
            .where(ResumeVersion.owner_id == owner)
            .order_by(ResumeVersion.created_at.desc(), ResumeVersion.id.desc())
            .limit(1)
        )
        if newest is not None:
            newest.is_default = True
    return out
