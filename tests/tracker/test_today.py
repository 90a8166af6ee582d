from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.tracker import service
from landml.tracker.schemas import ApplicationIn, ContactIn, InteractionIn, InterviewIn
from landml.tracker.today import today
from landml.tracker.vocab import Direction, InteractionKind, InterviewKind

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PREFS = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)


def _applied(session: Session, owner: int, days_ago: float, title: str = "MLE") -> int:
    data = ApplicationIn(
        company=f"Co {title}", title=title, stage="applied", stage_at=NOW - timedelta(days=days_ago)
    )
    return service.add_application(session, owner, data, now=NOW).id


def test_follow_up_is_due_after_the_configured_days_without_answer(
    session: Session, owner: int
) -> None:
    due = _applied(session, owner, 8, "due")
    _applied(session, owner, 3, "recent")
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert [i.application_id for i in report.follow_ups] == [due]
    shorter = PREFS.model_copy(update={"follow_up_days": 2})
    report = today(session, owner, shorter, now=NOW, tz=ZoneInfo("UTC"))
    assert len(report.follow_ups) == 2


def test_an_answer_or_a_sent_follow_up_clears_the_reminder(session: Session, owner: int) -> None:
    answered = _applied(session, owner, 10, "answered")
    nudged = _applied(session, owner, 10, "nudged")
    c = service.add_contact(session, owner, ContactIn(name="Recruiter"))
    service.log_interaction(
        session,
        owner,
        InteractionIn(
            contact_id=c.id,
            kind=InteractionKind.email,
            direction=Direction.inbound,
            at=NOW - timedelta(days=2),
            application_id=answered,
        ),
    )
    service.log_interaction(
        session,
        owner,
        InteractionIn(
            contact_id=c.id,
            kind=InteractionKind.email,
            direction=Direction.outbound,
            at=NOW - timedelta(days=1),
            application_id=nudged,
        ),
    )
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert report.follow_ups == []


def test_interaction_follow_up_dates_are_listed_until_done(session: Session, owner: int) -> None:
    c = service.add_contact(session, owner, ContactIn(name="Prof. Okafor", role="professor"))  # type: ignore[arg-type]
    it = service.log_interaction(
        session,
        owner,
        InteractionIn(
            contact_id=c.id,
            kind=InteractionKind.email,
            at=NOW - timedelta(days=5),
            summary="asked about the lab",
            follow_up_on=(NOW - timedelta(days=1)).date(),
        ),
    )
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert [i.text for i in report.follow_ups] == [
        "Follow up with Prof. Okafor (asked about the lab)"
    ]
    service.complete_follow_up(session, owner, it.id)
    assert today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC")).follow_ups == []


def test_long_silence_is_suggested_as_ghosted_never_applied(session: Session, owner: int) -> None:
    silent = _applied(session, owner, 45, "silent")
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert [i.application_id for i in report.ghosted] == [silent]
    assert report.ghosted[0].command == f"landml move {silent} ghosted"
    assert report.follow_ups == []  # a ghost suggestion replaces the follow-up
    assert service.application_detail(session, owner, silent).application.stage == "applied"


def test_interviews_upcoming_and_thank_yous_owed(session: Session, owner: int) -> None:
    app_id = _applied(session, owner, 20)
    service.move(session, owner, app_id, "onsite", at=NOW - timedelta(days=3))
    past = service.schedule_interview(
        session,
        owner,
        InterviewIn(
            application_id=app_id,
            kind=InterviewKind.behavioral,
            scheduled_at=NOW - timedelta(days=1),
            interviewers=["Sam"],
        ),
    )
    service.schedule_interview(
        session,
        owner,
        InterviewIn(
            application_id=app_id,
            kind=InterviewKind.ml_system_design,
            scheduled_at=NOW + timedelta(days=2),
            timezone="America/New_York",
        ),
    )
    service.schedule_interview(
        session,
        owner,
        InterviewIn(
            application_id=app_id, kind=InterviewKind.coding, scheduled_at=NOW + timedelta(days=30)
        ),
    )
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert len(report.interviews) == 1
    assert "ML system design" in report.interviews[0].text
    assert "America/New_York" in report.interviews[0].text
    assert [t.command for t in report.thank_yous] == [f"landml interview thanked {past.id}"]
    service.record_interview(session, owner, past.id, thanked=True, now=NOW)
    assert today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC")).thank_yous == []


def test_daily_goal_counts_applications_sent_today_in_the_person_s_zone(
    session: Session, owner: int
) -> None:
    _applied(session, owner, 0.1, "today-1")
    _applied(session, owner, 0.2, "today-2")
    _applied(session, owner, 1.5, "before")
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert (report.goal.done, report.goal.goal) == (2, 5)
    assert "20" in report.goal.explanation
    # At 12:00 UTC it is already the next day in Auckland (UTC+13): nothing sent "today" there.
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("Pacific/Auckland"))
    assert report.goal.done == 0


def test_next_actions_due_are_listed(session: Session, owner: int) -> None:
    data = ApplicationIn(
        company="Helix",
        title="Applied Scientist",
        next_action="Ask Dana for a referral",
        next_action_on=(NOW - timedelta(days=1)).date(),
    )
    service.add_application(session, owner, data, now=NOW)
    report = today(session, owner, PREFS, now=NOW, tz=ZoneInfo("UTC"))
    assert [i.text for i in report.next_actions] == ["Ask Dana for a referral"]
