from __future__ import annotations

import pytest

from landml.insights.funnel import (
    ApplicationHistory,
    LedgerEntry,
    StagePath,
    funnel,
    funnel_by,
    milestone_times,
    response_rate,
)
from landml.tracker.stages import BUILTIN_STAGES, Stage

from .histories import day, history

PATH = StagePath()


def _journeys() -> list[ApplicationHistory]:
    """Nine applications, one per situation the funnel definitions must settle."""
    return [
        history(1, ("saved", 0)),  # never sent
        history(2, ("applied", 0), ("ghosted", 30)),
        history(3, ("applied", 0), ("rejected", 4)),  # a "no" without any interview
        history(4, ("applied", 0), ("recruiter_call", 5), ("tech_screen", 9), ("rejected", 12)),
        history(5, ("applied", 0), ("onsite", 8), ("offer", 15), ("declined", 20)),
        history(
            6,
            ("saved", 0),
            ("applied", 1),
            ("tech_screen", 6),
            ("onsite", 12),
            ("offer", 18),
            ("accepted", 20),
        ),
        history(7, ("recruiter_call", 2)),  # a recruiter wrote first
        history(8, ("applied", 0), ("withdrawn", 3)),
        history(9, ("onsite", 0), ("declined", 6)),  # the offer itself was not logged
    ]


def test_funnel_counts_each_step_by_the_stated_definitions() -> None:
    result = funnel(_journeys(), PATH)
    assert [(s.key, s.count) for s in result.steps] == [
        ("applied", 8),
        ("answered", 6),
        ("screened", 5),
        ("onsite", 3),
        ("offer", 3),
    ]


def test_funnel_rates_are_shares_of_applied_and_of_the_previous_step() -> None:
    steps = funnel(_journeys(), PATH).steps
    assert steps[0].of_applied == 1.0 and steps[0].of_previous is None
    assert steps[1].of_applied == pytest.approx(6 / 8)
    assert steps[2].of_previous == pytest.approx(5 / 6)
    assert steps[3].of_previous == pytest.approx(3 / 5)
    assert steps[4].of_applied == pytest.approx(3 / 8)


def test_a_rejection_without_interview_is_an_answer_but_silence_is_not() -> None:
    rejected = milestone_times(history(1, ("applied", 0), ("rejected", 4)), PATH)
    ghosted = milestone_times(history(2, ("applied", 0), ("ghosted", 30)), PATH)
    assert set(rejected) == {"applied", "answered"}
    assert rejected["answered"] == day(4)
    assert set(ghosted) == {"applied"}


def test_skipped_stages_count_as_passed_and_milestones_keep_their_first_time() -> None:
    reached = milestone_times(history(1, ("applied", 2), ("onsite", 10), ("offer", 20)), PATH)
    assert reached == {
        "applied": day(2),
        "answered": day(10),
        "screened": day(10),
        "onsite": day(10),
        "offer": day(20),
    }


def test_declined_counts_as_an_offer_reached_even_without_the_offer_logged() -> None:
    reached = milestone_times(history(1, ("applied", 0), ("declined", 9)), PATH)
    assert reached["offer"] == day(9)
    assert {"screened", "onsite", "answered"} <= set(reached)


def test_custom_stages_count_by_their_place_on_the_path() -> None:
    path = StagePath(
        (
            *BUILTIN_STAGES,
            Stage("hr_chat", "HR chat", builtin=False, rank=10.5),
            Stage("hiring_committee", "Hiring committee", builtin=False, rank=50.5),
            Stage("role_filled", "Role filled", closed=True, builtin=False, rank=100.5),
        )
    )
    hr = milestone_times(history(1, ("applied", 0), ("hr_chat", 3)), path)
    committee = milestone_times(history(2, ("applied", 0), ("hiring_committee", 3)), path)
    filled = milestone_times(history(3, ("applied", 0), ("role_filled", 3)), path)
    assert set(hr) == {"applied", "answered"}
    assert set(committee) == {"applied", "answered", "screened", "onsite"}
    assert set(filled) == {"applied"}


def test_funnel_by_channel_sorts_largest_first_and_leaves_out_groups_never_sent() -> None:
    histories = [
        history(1, ("applied", 0), ("recruiter_call", 3), channel="referral"),
        history(2, ("applied", 0), channel="job_portal"),
        history(3, ("applied", 0), ("rejected", 2), channel="job_portal"),
        history(4, ("saved", 0), channel="conference"),
    ]
    groups = funnel_by(histories, PATH, lambda h: h.channel, str.upper)
    assert [(g.group, g.label, g.count("applied"), g.count("answered")) for g in groups] == [
        ("job_portal", "JOB_PORTAL", 2, 1),
        ("referral", "REFERRAL", 1, 1),
    ]


def test_response_rate_splits_the_unanswered_into_waiting_and_closed() -> None:
    rate = response_rate(_journeys(), PATH)
    assert (rate.applied, rate.answered, rate.waiting, rate.closed_unanswered) == (8, 6, 0, 2)
    assert rate.rate == pytest.approx(0.75)
    waiting = response_rate([history(1, ("applied", 0))], PATH)
    assert (waiting.waiting, waiting.closed_unanswered) == (1, 0)
    assert "never get an answer" in waiting.note


def test_an_empty_funnel_has_zero_counts_and_no_rates() -> None:
    result = funnel([], PATH)
    assert all(s.count == 0 and s.of_applied is None for s in result.steps)
    assert response_rate([], PATH).rate is None


def test_a_rejection_keeps_its_reason_and_skills_on_the_ledger_entry() -> None:
    entry = LedgerEntry("rejected", day(3), "Needed Kubernetes", ("Kubernetes",))
    h = history(1, ("applied", 0), entry)
    assert h.current.skills == ("Kubernetes",)
    assert h.label == "Company 1 · Role 1"
