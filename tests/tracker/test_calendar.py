"""Calendar export: the iCalendar text itself, and what a workspace puts in it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.tracker import service
from landml.tracker.calendar import (
    AllDayEvent,
    CalendarEvent,
    TimedEvent,
    build_calendar,
    export_calendar,
)
from landml.tracker.demo import load_demo
from landml.tracker.models import Application, Interaction, Interview
from landml.tracker.schemas import ApplicationIn, InterviewIn
from landml.tracker.today import today
from landml.tracker.vocab import InterviewKind

NOW = datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
PREFS = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)
BERLIN = ZoneInfo("Europe/Berlin")


def _timed(**overrides: Any) -> TimedEvent:
    fields: dict[str, Any] = {
        "uid": "interview-1-abc@landml",
        "summary": "Interview: Coding — Acme (MLE)",
        "description": "Interviewers: Ada",
        "start": datetime(2026, 3, 13, 14, 0, tzinfo=BERLIN),
        "zone": "Europe/Berlin",
        "duration": timedelta(minutes=45),
    }
    return TimedEvent(**(fields | overrides))


def _events(data: bytes) -> dict[str, icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


def _assert_wire_format(data: bytes) -> None:
    """RFC 5545: every line ends in CRLF and is at most 75 octets long."""
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    too_long = [line for line in lines if len(line) > 75]
    assert not too_long


# --- the pure builder -------------------------------------------------------------------------


def test_text_with_commas_semicolons_and_newlines_round_trips() -> None:
    summary = 'Interview: ML coding — Acme, Inc; team "Search"'
    description = "Interviewers: Ada, Grace; Linus\n\nBring: laptop, notes\\slides"
    data = build_calendar([_timed(summary=summary, description=description)], stamp=NOW)

    event = _events(data)["interview-1-abc@landml"]
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description
    assert b"Acme\\, Inc\\; team" in data


def test_long_non_ascii_lines_are_folded_at_75_octets_with_crlf() -> None:
    description = ("Entretien très détaillé — 面接の準備; " * 12).strip()
    events: list[CalendarEvent] = [
        _timed(description=description),
        AllDayEvent(
            uid="x@landml", summary="Relancer Zoë — Œuvre " * 6, description="", day=NOW.date()
        ),
    ]
    data = build_calendar(events, stamp=NOW)

    _assert_wire_format(data)
    parsed = _events(data)
    assert str(parsed["interview-1-abc@landml"]["DESCRIPTION"]) == description
    assert str(parsed["x@landml"]["SUMMARY"]) == "Relancer Zoë — Œuvre " * 6


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n"),
        min_size=1,
        max_size=300,
    )
)
def test_any_printable_text_round_trips_and_stays_folded(text: str) -> None:
    data = build_calendar([_timed(summary=text.replace("\n", " "), description=text)], stamp=NOW)

    _assert_wire_format(data)
    event = _events(data)["interview-1-abc@landml"]
    assert str(event["DESCRIPTION"]) == text
    assert str(event["SUMMARY"]) == text.replace("\n", " ")


def test_a_timed_event_is_written_in_its_zone_with_the_zone_rules() -> None:
    start = datetime(2026, 7, 13, 14, 0, tzinfo=BERLIN)
    data = build_calendar([_timed(start=start)], stamp=NOW)

    assert b"DTSTART;TZID=Europe/Berlin:20260713T140000\r\n" in data
    cal = icalendar.Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    event = _events(data)["interview-1-abc@landml"]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 7, 13, 12, 0, tzinfo=UTC)
    assert event.decoded("DURATION") == timedelta(minutes=45)
    assert event.decoded("DTSTAMP") == NOW


def test_utc_and_unknown_zones_are_written_as_utc_times() -> None:
    start = datetime(2026, 3, 13, 9, 0, tzinfo=UTC)
    data = build_calendar(
        [_timed(uid="a", start=start, zone="UTC"), _timed(uid="b", start=start, zone="Mars/Base")],
        stamp=NOW,
    )

    assert data.count(b"DTSTART:20260313T090000Z\r\n") == 2
    assert b"BEGIN:VTIMEZONE" not in data


def test_an_all_day_event_is_a_date_that_blocks_no_time() -> None:
    data = build_calendar(
        [AllDayEvent(uid="f@landml", summary="Follow up", description="", day=date(2026, 3, 12))],
        stamp=NOW,
    )

    assert b"DTSTART;VALUE=DATE:20260312\r\n" in data
    event = _events(data)["f@landml"]
    start = event.decoded("DTSTART")
    assert isinstance(start, date) and not isinstance(start, datetime)
    assert event.decoded("DTEND") == date(2026, 3, 13)
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_an_alarm_fires_the_given_time_before_the_start() -> None:
    data = build_calendar([_timed(alarm_before=timedelta(minutes=15))], stamp=NOW)

    event = _events(data)["interview-1-abc@landml"]
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
    assert str(alarm["ACTION"]) == "DISPLAY"


# --- export from a workspace -------------------------------------------------------------------


def test_every_interview_not_cancelled_is_an_event_at_its_stored_time(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)
    data, summary = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)

    _assert_wire_format(data)
    events = _events(data)
    interviews = session.scalars(select(Interview)).all()
    kept = [iv for iv in interviews if iv.outcome != "cancelled"]
    assert len(kept) < len(interviews)
    assert summary.interviews == len(kept)
    for iv in interviews:
        uid = f"interview-{iv.id}-{iv.application.uid}@landml"
        if iv.outcome == "cancelled":
            assert uid not in events
            continue
        event = events[uid]
        assert event.decoded("DTSTART").astimezone(UTC) == iv.scheduled_at
        assert event.decoded("DURATION") == timedelta(minutes=iv.duration_minutes)
        assert str(event["SUMMARY"]).startswith("Interview: ")
        assert f"{iv.application.company.name} ({iv.application.title})" in str(event["SUMMARY"])
        description = str(event["DESCRIPTION"])
        assert all(name in description for name in iv.interviewers)
        assert iv.notes is None or iv.notes in description
        if iv.timezone != "UTC":
            assert event["DTSTART"].params["TZID"] == iv.timezone


def test_only_upcoming_interviews_carry_an_alarm(session: Session, owner: int) -> None:
    load_demo(session, owner, now=NOW)
    data, _ = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)

    for event in _events(data).values():
        if not str(event["UID"]).startswith("interview-"):
            continue
        alarms = event.walk("VALARM")
        upcoming = event.decoded("DTSTART") > NOW
        assert len(alarms) == (1 if upcoming else 0)


def test_follow_ups_and_next_actions_are_all_day_events_on_their_dates(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)
    data, summary = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)
    events = _events(data)

    def day_of(uid: str) -> date:
        start = events[uid].decoded("DTSTART")
        assert not isinstance(start, datetime)
        assert isinstance(start, date)
        return start

    open_follow_ups = 0
    for it in session.scalars(select(Interaction)):
        uid = f"interaction-{it.id}-follow-up@landml"
        if it.follow_up_on is None or it.follow_up_done:
            assert uid not in events
        else:
            open_follow_ups += 1
            assert day_of(uid) == it.follow_up_on
    report = today(session, owner, PREFS, now=NOW, tz=UTC)
    after_applying = [f for f in report.follow_ups if "after applying" in f.text]
    assert after_applying
    uids = {a.id: a.uid for a in session.scalars(select(Application))}
    for item in after_applying:
        assert item.application_id is not None
        assert day_of(f"follow-up-{uids[item.application_id]}@landml") == item.due
    dated = [a for a in session.scalars(select(Application)) if a.next_action_on]
    for app in dated:
        assert day_of(f"next-action-{app.uid}@landml") == app.next_action_on
    assert summary.follow_ups == open_follow_ups + len(after_applying)
    assert summary.next_actions == len(dated)
    assert summary.events == len(events)


def test_uids_stay_the_same_from_one_export_to_the_next(session: Session, owner: int) -> None:
    load_demo(session, owner, now=NOW)
    first, _ = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)
    app_id = service.list_applications(session, owner)[0].id
    service.add_note(session, owner, app_id, "Something new", at=NOW)
    later = NOW + timedelta(hours=2)
    second, _ = export_calendar(session, owner, PREFS, now=later, tz=UTC)

    assert _events(first).keys() == _events(second).keys()
    assert all(ev.decoded("DTSTAMP") == later for ev in _events(second).values())


def test_interview_notes_typed_by_a_person_survive_the_export(session: Session, owner: int) -> None:
    app = service.add_application(
        session, owner, ApplicationIn(company="Acme, Inc.", title="MLE; Search"), now=NOW
    )
    notes = "Bring: laptop, charger; ID\nAsk about on-call\\rotation"
    start = datetime(2026, 3, 20, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    service.schedule_interview(
        session,
        owner,
        InterviewIn(
            application_id=app.id,
            kind=InterviewKind.ml_coding,
            scheduled_at=start,
            timezone="America/New_York",
            interviewers=["Ada Quill", "Bram Okoro"],
            notes=notes,
        ),
    )
    data, summary = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)

    (event,) = _events(data).values()
    assert str(event["SUMMARY"]) == "Interview: ML coding — Acme, Inc. (MLE; Search)"
    assert notes in str(event["DESCRIPTION"])
    assert "Interviewers: Ada Quill, Bram Okoro" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART").astimezone(UTC) == start.astimezone(UTC)
    assert summary.events == summary.interviews == 1


def test_an_empty_workspace_exports_a_valid_empty_calendar(session: Session, owner: int) -> None:
    data, summary = export_calendar(session, owner, PREFS, now=NOW, tz=UTC)

    _assert_wire_format(data)
    assert _events(data) == {}
    assert str(icalendar.Calendar.from_ical(data)["VERSION"]) == "2.0"
    assert summary.events == 0
