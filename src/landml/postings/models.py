"""Posting tables: a posting is stored once, with every source it was seen at, and the
skills extracted from its text (with their character spans)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from landml.db.base import Base, JSONList, UTCDateTime, utcnow
from landml.tracker.models import Company


class Posting(Base):
    __tablename__ = "postings"
    __table_args__ = (
        Index("ix_postings_owner_identity", "owner_id", "identity_key"),
        Index("ix_postings_owner_url", "owner_id", "canonical_url"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    role_family: Mapped[str] = mapped_column(String(16), default="other")
    seniority: Mapped[str | None] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(64))
    work_mode: Mapped[str | None] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(String(2000))
    canonical_url: Mapped[str | None] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(Text, default="")
    # Original HTML from the source, kept only to be shown after sanitising.
    description_html: Mapped[str | None] = mapped_column(Text)
    salary_text: Mapped[str | None] = mapped_column(String(200))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(8))
    salary_period: Mapped[str | None] = mapped_column(String(8))
    salary_is_estimate: Mapped[bool] = mapped_column(Boolean, default=False)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    identity_key: Mapped[str | None] = mapped_column(String(600))
    # MinHash signature of the description (near-duplicate detection), as a list of ints.
    fingerprint: Mapped[list[int]] = mapped_column(JSONList(), default=list)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    company: Mapped[Company | None] = relationship(lazy="joined")
    sources: Mapped[list[PostingSource]] = relationship(
        back_populates="posting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PostingSource.id",
    )
    skills: Mapped[list[PostingSkill]] = relationship(
        back_populates="posting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PostingSkill.start",
    )


class PostingSource(Base):
    """One place a posting was seen: a file, a URL, a job board API, a CSV row."""

    __tablename__ = "posting_sources"
    __table_args__ = (UniqueConstraint("owner_id", "source", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("postings.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    # Why this source was merged into an existing posting (None for the first source).
    duplicate_reason: Mapped[str | None] = mapped_column(String(200))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    posting: Mapped[Posting] = relationship(back_populates="sources")


class PostingSkill(Base):
    """A skill found in a posting's description, with the span it was read from."""

    __tablename__ = "posting_skills"
    __table_args__ = (Index("ix_posting_skills_skill", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id", ondelete="CASCADE"))
    skill_id: Mapped[str] = mapped_column(String(120))
    label: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    requirement: Mapped[str | None] = mapped_column(String(16))
    years: Mapped[float | None] = mapped_column(Float)

    posting: Mapped[Posting] = relationship(back_populates="skills")
