"""What routes take from the request: a session on the workspace, the owner, settings,
the clock and the person's time zone, as `Annotated` aliases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from landml.accounts.models import LOCAL_OWNER_ID
from landml.accounts.service import Preferences, preferences
from landml.config import Settings
from landml.db.base import utcnow
from landml.db.workspace import Workspace
from landml.tracker.service import zone


def get_session(request: Request) -> Iterator[Session]:
    """One session per request on the workspace the app opened at startup."""
    workspace: Workspace = request.app.state.workspace
    with workspace.session() as session:
        yield session


def get_owner() -> int:
    # A local workspace belongs to one person: every request acts for the implicit owner.
    # A multi-user deployment replaces this dependency with one that reads the login.
    return LOCAL_OWNER_ID


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_now() -> datetime:
    """The current time; LANDML_NOW pins it (ISO time with offset), as in the CLI."""
    pinned = os.environ.get("LANDML_NOW")
    return datetime.fromisoformat(pinned) if pinned else utcnow()


SessionDep = Annotated[Session, Depends(get_session)]
OwnerDep = Annotated[int, Depends(get_owner)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]


def get_preferences(session: SessionDep, owner: OwnerDep, settings: SettingsDep) -> Preferences:
    return preferences(session, owner, settings)


PrefsDep = Annotated[Preferences, Depends(get_preferences)]


def get_zone(prefs: PrefsDep) -> tzinfo:
    """The zone in which the person reads dates: their preference, else the system's."""
    if prefs.timezone:
        return zone(prefs.timezone)
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


ZoneDep = Annotated[tzinfo, Depends(get_zone)]


def zone_name(tz: tzinfo, at: datetime) -> str:
    """An IANA name for `tz`, to prefill time zone fields (the system zone may have none)."""
    key = getattr(tz, "key", None)
    if isinstance(key, str):
        return key
    offset = tz.utcoffset(at) or timedelta(0)
    hours = int(offset.total_seconds() // 3600)
    if hours == 0:
        return "UTC"
    # Etc/GMT zones count the other way round: Etc/GMT-2 is two hours ahead of UTC.
    return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


@dataclass(frozen=True)
class PageRequest:
    """What every page needs: the request, a session, the owner, the clock and the zone."""

    request: Request
    session: Session
    owner: int
    prefs: Preferences
    now: datetime
    tz: tzinfo


def get_page_request(
    request: Request,
    session: SessionDep,
    owner: OwnerDep,
    prefs: PrefsDep,
    now: NowDep,
    tz: ZoneDep,
) -> PageRequest:
    return PageRequest(request, session, owner, prefs, now, tz)


PageDep = Annotated[PageRequest, Depends(get_page_request)]
