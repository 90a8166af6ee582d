from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from landml.insights.activity import (
    ActivityEvent,
    activity_events,
    count_texts,
    cumulative_counts,
    interview_times,
    rejections,
    weekly_activity,
)
from landml.insights.funnel import InterviewRecord, LedgerEntry, StagePath

from .histories import START, day, history

PATH = StagePath()
PARIS = ZoneInfo("Europe/Paris")


def test_logged_interviews_count_when_held_and_not_cancelled() -> None:
    h = history(
        1,
        ("applied", 0),
        ("tech_screen", 5),
        interviews=(
            InterviewRecord(day(6), "coding"),
            InterviewRecord(day(7), "behavioral", cancelled=True),
            InterviewRecord(day(20), "onsite"),  # not held yet
        ),
    )
    assert interview_times(h, now=day(10)) == [day(6)]


def test_without_logged_interviews_moves_into_interview_stages_count() -> None:
    h = history(1, ("applied", 0), ("recruiter_call", 3), ("take_home", 5), ("onsite", 9))
    assert interview_times(h, now=day(30)) == [day(3), day(9)]


def test_events_date_sent_and_answered_by_the_funnel_milestones() -> None:
    h = history(1, ("saved", 0), ("applied", 2), ("rejected", 6))
    events = activity_events([h], PATH, now=day(30))
    assert [(e.series, e.at) for e in events] == [
        ("applications", day(2)),
        ("answers", day(6)),
    ]


def test_weekly_activity_counts_by_local_week_against_the_goal_of_its_days() -> None:
    # Sunday 13 Sept 2026, 23:30 UTC is already Monday 14 Sept in Paris.
    late_sunday = datetime(2026, 9, 13, 23, 30, tzinfo=UTC)
    events = [
        ActivityEvent("applications", START + timedelta(days=2), 1),  # Wed 9 Sept
        ActivityEvent("applications", START + timedelta(days=3), 2),
        ActivityEvent("answers", START + timedelta(days=4), 1),
        ActivityEvent("applications", late_sunday, 3),
        ActivityEvent("interviews", START + timedelta(days=8), 1),  # Tue 15 Sept
    ]
    weeks = weekly_activity(
        events, first_day=date(2026, 9, 9), today=date(2026, 9, 15), daily_goal=4, tz=PARIS
    )
    assert [
        (w.week_start, w.applications, w.answers, w.interviews, w.active_days, w.goal)
        for w in weeks
    ] == [
        # The hunt started on Wednesday: five days of that week count towards the goal.
        (date(2026, 9, 7), 2, 1, 0, 5, 20),
        # Today is Tuesday: two days so far.
        (date(2026, 9, 14), 1, 0, 1, 2, 8),
    ]


def test_weekly_activity_lists_quiet_weeks_with_zero_counts() -> None:
    weeks = weekly_activity(
        [ActivityEvent("applications", START, 1)],
        first_day=START.date(),
        today=START.date() + timedelta(days=21),  # the fourth Monday
        daily_goal=5,
        tz=UTC,
    )
    assert [(w.applications, w.goal) for w in weeks] == [(1, 35), (0, 35), (0, 35), (0, 5)]


def test_cumulative_counts_run_from_zero_at_start_to_the_total_at_now() -> None:
    histories = [
        history(1, ("applied", 1), ("recruiter_call", 4)),
        history(2, ("applied", 2)),
    ]
    events = activity_events(histories, PATH, now=day(10))
    points = cumulative_counts(events, start=day(0), now=day(10))
    by_series = {
        series: [(p.at, p.total) for p in points if p.series == series]
        for series in ("applications", "answers", "interviews")
    }
    assert by_series["applications"] == [(day(0), 0), (day(1), 1), (day(2), 2), (day(10), 2)]
    assert by_series["answers"] == [(day(0), 0), (day(4), 1), (day(10), 1)]
    assert by_series["interviews"] == [(day(0), 0), (day(4), 1), (day(10), 1)]


def test_rejection_reasons_and_skills_are_counted_across_spellings() -> None:
    histories = [
        history(
            1,
            ("applied", 0),
            LedgerEntry("rejected", day(3), "Needed production Kubernetes.", ("Kubernetes",)),
        ),
        history(
            2,
            ("applied", 0),
            ("tech_screen", 4),
            LedgerEntry(
                "rejected", day(9), "needed  production kubernetes", ("kubernetes ", "PyTorch")
            ),
        ),
        history(3, ("applied", 0), ("onsite", 2), LedgerEntry("rejected", day(8), None, ())),
        history(4, ("applied", 0), ("ghosted", 30)),
    ]
    result = rejections(histories, PATH)
    assert (result.total, result.with_reason) == (3, 2)
    assert [(r.text, r.count) for r in result.reasons] == [("Needed production Kubernetes.", 2)]
    assert [(s.text, s.count) for s in result.skills] == [("Kubernetes", 2), ("PyTorch", 1)]
    assert {(s.text, s.count) for s in result.after_stage} == {
        ("Applied", 1),
        ("Technical screen", 1),
        ("Onsite / full loop", 1),
    }


def test_count_texts_ignores_blank_texts_and_breaks_ties_alphabetically() -> None:
    rows = count_texts(["b", " ", "A", "a", "c", "B"])
    assert [(r.text, r.count) for r in rows] == [("A", 2), ("b", 2), ("c", 1)]
