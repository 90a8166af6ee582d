"""Interviews and follow-ups as an iCalendar file (RFC 5545) that calendar apps import.

`build_calendar` is pure: events in, bytes out. `export_calendar` gathers the events of
a workspace: interviews that were not cancelled as timed events in their own time
zone, and follow-ups and next actions as all-day events. Every event has a UID that
stays the same from one export to the next, so importing a newer file updates events
instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from landml import __version__
from landml.accounts.service import Preferences
from landml.tracker.models import Application, Interaction, Interview
from landml.tracker.service import load_applications
from landml.tracker.today import TodayItem, TodayReport, today
from landml.tracker.vocab import InterviewOutcome, label

PRODID = f"-//landml//landml {__version__}//EN"
DEFAULT_ALARM_BEFORE = timedelta(minutes=15)


@dataclass(frozen=True)
class TimedEvent:
    """An event at a time: written in `zone` (an IANA name) with its VTIMEZONE."""

    uid: str
    summary: str
    description: str
    start: datetime
    zone: str
    duration: timedelta
    alarm_before: timedelta | None = None


@dataclass(frozen=True)
class AllDayEvent:
    """A reminder for a whole day; it does not block time in the calendar."""

    uid: str
    summary: str
    description: str
    day: date


CalendarEvent = TimedEvent | AllDayEvent


class CalendarSummary(BaseModel):
    """What an export holds."""

    events: int
    interviews: int
    follow_ups: int
    next_actions: int


# --- pure: events to iCalendar ----------------------------------------------------------


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _timed_vevent(event: TimedEvent) -> icalendar.Event:
    vevent = icalendar.Event()
    zone = _zone(event.zone)
    # UTC is written as a plain "Z" time; any other zone as TZID with a VTIMEZONE.
    vevent.add("dtstart", event.start.astimezone(UTC if zone == UTC else zone))
    vevent.add("duration", event.duration)
    if event.alarm_before is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.summary)
        alarm.add("trigger", -event.alarm_before)
        vevent.add_component(alarm)
    return vevent


def _all_day_vevent(event: AllDayEvent) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("dtstart", event.day)
    # An explicit exclusive end: some calendar apps mishandle all-day events without one.
    vevent.add("dtend", event.day + timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _vevent(event: CalendarEvent, stamp: datetime) -> icalendar.Event:
    vevent = _timed_vevent(event) if isinstance(event, TimedEvent) else _all_day_vevent(event)
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp.astimezone(UTC))
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    return vevent


def build_calendar(events: Sequence[CalendarEvent], *, stamp: datetime) -> bytes:
    """An iCalendar file (CRLF line ends, lines folded at 75 octets) holding `events`."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "landml")
    for event in events:
        cal.add_component(_vevent(event, stamp))
    starts = [e.start.date() for e in events if isinstance(e, TimedEvent)]
    if starts:
        # Time zone rules only for the years the events span keep the file small.
        cal.add_missing_timezones(
            first_date=date(min(starts).year - 1, 1, 1),
            last_date=date(max(starts).year + 2, 1, 1),
        )
    data: bytes = cal.to_ical()
    return data


# --- gathering events from the workspace --------------------------------------------------


def _heading(app: Application) -> str:
    return f"{app.company.name} ({app.title})"


def _interview_event(
    iv: Interview, app: Application, *, now: datetime, alarm_before: timedelta | None
) -> TimedEvent:
    lines = []
    if iv.interviewers:
        lines.append(f"Interviewers: {', '.join(iv.interviewers)}")
    if iv.notes:
        lines.append(iv.notes)
    lines.append(f"Application #{app.id} in landml: landml show {app.id}")
    return TimedEvent(
        uid=f"interview-{iv.id}-{app.uid}@landml",
        summary=f"Interview: {label(iv.kind)} — {_heading(app)}",
        description="\n\n".join(lines),
        start=iv.scheduled_at,
        zone=iv.timezone,
        duration=timedelta(minutes=iv.duration_minutes),
        # A reminder only for what is still ahead: past alarms would only be noise.
        alarm_before=alarm_before if iv.scheduled_at > now else None,
    )


def _interaction_follow_up_event(
    it: Interaction, app: Application | None, tz: tzinfo
) -> AllDayEvent:
    assert it.follow_up_on is not None
    arrow = "to" if it.direction == "outbound" else "from"
    logged = f"{label(it.kind)} {arrow} {it.contact.name} on {it.at.astimezone(tz):%Y-%m-%d}"
    if it.summary:
        logged += f": {it.summary}"
    return AllDayEvent(
        uid=f"interaction-{it.id}-follow-up@landml",
        summary=f"Follow up with {it.contact.name}" + (f" — {_heading(app)}" if app else ""),
        description=f"{logged}\n\nDone? landml contact done {it.id}",
        day=it.follow_up_on,
    )


def _application_follow_up_event(item: TodayItem, app: Application) -> AllDayEvent:
    assert item.due is not None
    return AllDayEvent(
        uid=f"follow-up-{app.uid}@landml",
        summary=f"Follow up: {_heading(app)}",
        description=f"{item.text}.\n\nLog it: {item.command}" if item.command else item.text,
        day=item.due,
    )


def _next_action_event(app: Application) -> AllDayEvent:
    assert app.next_action is not None and app.next_action_on is not None
    return AllDayEvent(
        uid=f"next-action-{app.uid}@landml",
        summary=f"Next: {app.next_action} — {_heading(app)}",
        description=f"Next action for application #{app.id}: landml show {app.id}",
        day=app.next_action_on,
    )


def _silence_follow_ups(
    report: TodayReport, interactions: Sequence[Interaction]
) -> list[tuple[int, TodayItem]]:
    """The follow-ups in `report` that come from silence after applying (with their
    application ids), not from a follow-up date set on an interaction.

    `today` lists both kinds as follow-ups but never gives an application its own
    follow-up while one of its interaction follow-ups is due, so the two are told
    apart by that rule instead of by re-deriving when silence calls for a follow-up.
    """
    with_due_interaction = {
        it.application_id
        for it in interactions
        if it.follow_up_on is not None and not it.follow_up_done and it.follow_up_on <= report.date
    }
    return [
        (item.application_id, item)
        for item in report.follow_ups
        if item.application_id is not None and item.application_id not in with_due_interaction
    ]


def calendar_events(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    alarm_before: timedelta | None = DEFAULT_ALARM_BEFORE,
) -> tuple[list[CalendarEvent], CalendarSummary]:
    """The owner's interviews (not cancelled), open follow-ups and dated next actions."""
    apps = {a.id: a for a in load_applications(session, owner)}
    interviews = session.scalars(
        select(Interview)
        .where(Interview.owner_id == owner, Interview.outcome != InterviewOutcome.cancelled.value)
        .order_by(Interview.scheduled_at, Interview.id)
    )
    timed = [
        _interview_event(iv, apps[iv.application_id], now=now, alarm_before=alarm_before)
        for iv in interviews
    ]
    interactions = list(
        session.scalars(
            select(Interaction).where(Interaction.owner_id == owner).order_by(Interaction.id)
        )
    )
    follow_ups = [
        _interaction_follow_up_event(it, apps.get(it.application_id or -1), tz)
        for it in interactions
        if it.follow_up_on is not None and not it.follow_up_done
    ]
    report = today(session, owner, prefs, now=now, tz=tz)
    follow_ups += [
        _application_follow_up_event(item, apps[app_id])
        for app_id, item in _silence_follow_ups(report, interactions)
    ]
    actions = [_next_action_event(a) for a in apps.values() if a.next_action and a.next_action_on]
    all_day = sorted([*follow_ups, *actions], key=lambda e: (e.day, e.uid))
    summary = CalendarSummary(
        events=len(timed) + len(all_day),
        interviews=len(timed),
        follow_ups=len(follow_ups),
        next_actions=len(actions),
    )
    return [*timed, *all_day], summary


def export_calendar(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    alarm_before: timedelta | None = DEFAULT_ALARM_BEFORE,
) -> tuple[bytes, CalendarSummary]:
    """The owner's calendar as iCalendar bytes, and what it holds."""
    events, summary = calendar_events(
        session, owner, prefs, now=now, tz=tz, alarm_before=alarm_before
    )
    return build_calendar(events, stamp=now), summary
