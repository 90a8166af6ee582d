"""Offer tables: the offers a person holds, their own scores, and their decision weights.

The terms of an offer (base, bonus, sign-on, equity, benefits, cost of living...) are kept
as one JSON document written from the engine's `compensation.Offer`, so the engine stays
the only definition of what an offer holds; the service validates the document with that
model on the way in and on the way out. Company, title, currency, location and deadline
are columns beside it because lists and `landml today` query them.

The decision weights are one row per owner rather than `preferences` rows: they are a
small mapping that is always read and written whole, and a preference value is one string.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from landml.db.base import Base, UTCDateTime, utcnow
from landml.tracker.models import Application, Company


class OfferRecord(Base):
    """One offer as stored: its company, its terms (engine JSON) and the person's scores."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    # The tracked application the offer answers, if any; deleting it keeps the offer.
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    location: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date)
    # `compensation.Offer.model_dump(mode="json")`; validated by the service.
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Factor -> score from 1 to 5 (see `decision.Factor`).
    scores: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    notes: Mapped[str | None] = mapped_column(Text)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    company: Mapped[Company] = relationship(lazy="joined")
    application: Mapped[Application | None] = relationship()


class DecisionWeights(Base):
    """The weights one owner gives money and each factor when comparing offers."""

    __tablename__ = "decision_weights"
    __table_args__ = (UniqueConstraint("owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"))
    # Criterion -> weight on the person's own scale (see `decision.CRITERIA`).
    weights: Mapped[dict[str, float]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
