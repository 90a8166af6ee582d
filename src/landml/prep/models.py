"""Prep tables: spaced-repetition cards and their review log, exercise attempts, interview
loops per application, STAR stories and system design sessions.

The question bank, the exercises and the design prompts are shipped files, not rows: the
tables refer to them by id (`item_id`, `exercise_id`, `prompt_id`), so updating landml
updates the questions without a migration. A card's FSRS state is the `fsrs.Card` as its
own `to_dict()`, so the scheduler stays the only definition of what a card holds; `due` and
`last_review` are columns beside it because the due list queries them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from landml.db.base import Base, JSONList, UTCDateTime, utcnow


class PrepCard(Base):
    """One bank item the person has started reviewing, with its FSRS state."""

    __tablename__ = "prep_cards"
    __table_args__ = (
        UniqueConstraint("owner_id", "item_id"),
        Index("ix_prep_cards_owner_due", "owner_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(80))
    # `fsrs.Card.to_dict()`: state, step, stability, difficulty, due, last_review.
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(UTCDateTime())
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PrepReview(Base):
    """One review of one card: the append-only log that weak areas are computed from."""

    __tablename__ = "prep_reviews"
    __table_args__ = (Index("ix_prep_reviews_owner_reviewed", "owner_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(80))
    # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_seconds: Mapped[int | None] = mapped_column(Integer)


class PrepAttempt(Base):
    """One graded submission of an exercise, with the code and the grader's report."""

    __tablename__ = "prep_attempts"
    __table_args__ = (Index("ix_prep_attempts_owner_exercise", "owner_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(80))
    passed: Mapped[bool] = mapped_column(Boolean)
    tests_passed: Mapped[int] = mapped_column(Integer)
    tests_total: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    # The sandbox's isolation mode for this run: bubblewrap or reduced.
    isolation: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
    # `grader.GradeReport.model_dump(mode="json")`.
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class InterviewRound(Base):
    """One round of an application's interview loop: its kind and, once known, its date."""

    __tablename__ = "interview_rounds"
    __table_args__ = (Index("ix_interview_rounds_application", "application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    # A day when only the day is known; a time when the company sent one.
    scheduled_on: Mapped[date | None] = mapped_column(Date)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    # Copied from the shipped default loop rather than announced by the company.
    from_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Story(Base):
    """A STAR story of the person's story bank."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text, default="")
    task: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSONList(), default=list)
    # The story as one text, when the person wrote it that way (parts are found from it).
    free_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DesignSession(Base):
    """A timed ML system design mock: the prompt, when it ran, and the person's scores."""

    __tablename__ = "design_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    prompt_id: Mapped[str] = mapped_column(String(80))
    minutes: Mapped[int] = mapped_column(Integer, default=40)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Rubric item id -> 0, 1 or 2 (see `design.score_design`).
    scores: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    total: Mapped[int | None] = mapped_column(Integer)
