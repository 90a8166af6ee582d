"""Preferences of an owner, kept in the workspace; they override the environment's defaults."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from landml.accounts.models import Preference
from landml.config import Settings
from landml.db.workspace import transactional
from landml.errors import InvalidInput


class Preferences(BaseModel):
    """What `landml today` and the web app use to decide what is due."""

    daily_goal: int = Field(ge=1, le=100)
    follow_up_days: int = Field(ge=1, le=90)
    ghost_after_days: int = Field(ge=1, le=365)
    timezone: str | None = None


PREFERENCE_KEYS = tuple(Preferences.model_fields)


def preferences(session: Session, owner: int, settings: Settings) -> Preferences:
    values: dict[str, object] = {
        "daily_goal": settings.daily_goal,
        "follow_up_days": settings.follow_up_days,
        "ghost_after_days": settings.ghost_after_days,
        "timezone": settings.timezone,
    }
    for pref in session.scalars(select(Preference).where(Preference.owner_id == owner)):
        if pref.key in values:
            values[pref.key] = pref.value
    return Preferences.model_validate(values)


@transactional
def set_preference(
    session: Session, owner: int, key: str, value: str, settings: Settings
) -> Preferences:
    if key not in PREFERENCE_KEYS:
        raise InvalidInput(
            f"Unknown setting {key!r}.", hint=f"Choose one of: {', '.join(PREFERENCE_KEYS)}."
        )
    current = preferences(session, owner, settings).model_dump()
    current[key] = value
    try:
        result = Preferences.model_validate(current)
    except ValueError as exc:
        raise InvalidInput(f"Invalid value {value!r} for {key}.") from exc
    if key == "timezone":
        from landml.tracker.service import zone

        zone(value)
    pref = session.scalar(
        select(Preference).where(Preference.owner_id == owner, Preference.key == key)
    )
    if pref is None:
        session.add(Preference(owner_id=owner, key=key, value=value))
    else:
        pref.value = value
    return result
