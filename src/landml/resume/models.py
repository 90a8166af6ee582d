"""The resume versions a person keeps: the original file, and what landml read from it.

A version stores the file's bytes (so it can be downloaded and parsed again by a newer
landml) and the parsed `ResumeDocument` as JSON (so matching, gaps and the resume page do
not re-read a PDF on every request). The SHA-256 of the bytes is unique per owner: the
same file added twice is one version.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from landml.db.base import Base, UTCDateTime, utcnow


class ResumeVersion(Base):
    """One resume file as added, with its parsed document."""

    __tablename__ = "resume_versions"
    __table_args__ = (UniqueConstraint("owner_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    # The original file, at most `service.MAX_STORED_BYTES`; deferred so that listing
    # versions never loads megabytes of PDF.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    # `ResumeDocument.model_dump(mode="json")`: lines, sections, dates, layout...
    document: Mapped[dict[str, Any]] = deferred(mapped_column(JSON, nullable=False))
    pages: Mapped[int] = mapped_column(Integer)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
