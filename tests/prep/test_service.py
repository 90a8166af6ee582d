"""Prep use cases on SQLite and PostgreSQL: FSRS reviews, the due list, weak areas, loops
and plans, attempts recorded by `prep grade`, stories and design sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.cli.main import cli
from landml.config import Settings
from landml.errors import InvalidInput, NotFound
from landml.prep import service
from landml.prep.bank import item_by_id, items_for
from landml.prep.exercises import get_exercise, reference_source, starter
from landml.prep.grader import grade
from landml.prep.service import RoundIn
from landml.prep.stories import StoryIn
from landml.tracker import service as tracker
from landml.tracker.schemas import ApplicationIn, InterviewIn
from landml.tracker.today import today
from landml.tracker.vocab import CompanyKind, InterviewKind

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def _app(
    session: Session,
    owner: int,
    *,
    company: str = "Googlish",
    title: str = "Machine Learning Engineer",
    kind: CompanyKind = CompanyKind.big_tech,
    stage: str = "applied",
) -> int:
    data = ApplicationIn(company=company, title=title, company_kind=kind, stage=stage)
    return tracker.add_application(session, owner, data, now=NOW - timedelta(days=3)).id


def _rounds(*pairs: tuple[str, int]) -> list[RoundIn]:
    return [
        RoundIn(kind=InterviewKind(kind), on=TODAY + timedelta(days=days)) for kind, days in pairs
    ]


# --- reviews ------------------------------------------------------------------------------


def test_fsrs_schedules_a_good_rating_later_than_an_again(session: Session, owner: int) -> None:
    good = service.review(session, owner, "dl-tf-attention-cost", "good", now=NOW)
    again = service.review(session, owner, "dl-tf-causal-masking", 1, now=NOW)
    assert (good.rating_label, again.rating_label) == ("Good", "Again")
    assert NOW < again.due < good.due
    assert again.lapses == 1 and good.lapses == 0
    # A second Good on the same card, once due, pushes it out by days, not minutes.
    later = service.review(session, owner, "dl-tf-attention-cost", "good", now=good.due)
    assert later.reviews == 2
    assert later.due - later.reviewed_at > timedelta(days=1)


def test_an_unknown_item_or_rating_is_refused(session: Session, owner: int) -> None:
    with pytest.raises(NotFound):
        service.review(session, owner, "dl-no-such-item", "good", now=NOW)
    with pytest.raises(InvalidInput, match="rating"):
        service.review(session, owner, "dl-tf-attention-cost", "perfect", now=NOW)
    assert service.due(session, owner, NOW).due_count == 0


def test_due_lists_due_cards_first_then_new_items_up_to_the_daily_limit(
    session: Session, owner: int
) -> None:
    first = service.due(session, owner, NOW)
    assert (first.due_count, first.new_count) == (0, service.NEW_CARDS_PER_DAY)
    assert all(card.new for card in first.cards)
    assert len({card.topic for card in first.cards}) > 3  # a day mixes topics
    for card in first.cards[:3]:
        service.review(session, owner, card.item_id, "again", now=NOW)
    later = service.due(session, owner, NOW + timedelta(minutes=5))
    assert later.new_introduced_today == 3
    assert later.due_count == 3
    assert [c.item_id for c in later.cards[:3]] == [c.item_id for c in first.cards[:3]]
    assert not any(c.new for c in later.cards[:3])
    assert sum(c.new for c in later.cards) == service.NEW_CARDS_PER_DAY - 3
    # The next day brings a full set of new items again.
    tomorrow = service.due(session, owner, NOW + timedelta(days=1))
    assert tomorrow.new_count == service.NEW_CARDS_PER_DAY


def test_new_items_prepare_the_nearest_announced_round_for_the_target_role(
    session: Session, owner: int
) -> None:
    app = _app(session, owner)
    service.set_loop(session, owner, app, _rounds(("ml_system_design", 4), ("behavioral", 9)))
    due = service.due(session, owner, NOW)
    assert due.focus.roles == ["mle"] and due.focus.company_kinds == ["big_tech"]
    firsts = due.cards[:5]
    assert {card.round_kind for card in firsts} == {"ml_system_design"}
    assert all("mle" in item_by_id(card.item_id).roles for card in firsts)
    assert "ML system design round at Googlish" in firsts[0].reason


def test_weak_areas_come_from_again_ratings_and_failed_attempts(
    session: Session, owner: int
) -> None:
    sampling = [item.id for item in items_for(area="dl_llm", topic="sampling")][:3]
    for item_id in sampling:
        service.review(session, owner, item_id, "again", now=NOW)
    service.review(session, owner, "ps-bayes-screening-test", "good", now=NOW)
    exercise = get_exercise("stable-softmax")
    failed = grade(exercise, starter(exercise))
    assert not failed.passed
    service.record_attempt(session, owner, exercise.id, starter(exercise), failed, now=NOW)
    weak = service.weak_areas(session, owner)
    # 3 Again out of 3 reviews, smoothed by 2; the exercise's topic: 1 failure in 1 attempt.
    assert weak["sampling"] == pytest.approx(3 / 5, abs=0.01)
    assert weak["numerics"] == pytest.approx(1 / 3, abs=0.01)
    assert "bayes" not in weak
    report = {area.topic: area for area in service.weakness_report(session, owner)}
    assert (report["sampling"].again, report["numerics"].failed) == (3, 1)
    refs = {ref.id: ref for ref in service.exercise_refs(session, owner)}
    assert (refs["stable-softmax"].failures, refs["stable-softmax"].passed) == (1, False)


# --- loops and plans ----------------------------------------------------------------------


def test_default_loop_for_a_big_tech_mle_application(session: Session, owner: int) -> None:
    app = _app(session, owner)
    loop = service.default_loop_for(session, owner, app)
    assert loop.id == "big-tech-mle"
    assert loop.sources
    copied = service.use_default_loop(session, owner, app, on=TODAY + timedelta(days=20))
    kinds = [r.kind.value for r in copied.rounds]
    assert kinds == ["recruiter_call", "coding", "coding", "ml_system_design", "behavioral"]
    assert all(r.from_default for r in copied.rounds)
    # The recruiter call comes before the loop day: it waits for its own date.
    assert copied.rounds[0].on is None
    assert {r.on for r in copied.rounds[1:]} == {TODAY + timedelta(days=20)}
    dated = service.add_round(
        session, owner, app, RoundIn(kind=InterviewKind.recruiter_call, on=TODAY + timedelta(2))
    )
    assert len(dated.rounds) == 5 and dated.rounds[0].on == TODAY + timedelta(days=2)


def test_default_loop_leaves_out_a_recruiter_call_already_reached(
    session: Session, owner: int
) -> None:
    app = _app(
        session,
        owner,
        company="Dataworks",
        title="Data Scientist",
        stage="tech_screen",
        kind=CompanyKind.mid_size,
    )
    copied = service.use_default_loop(session, owner, app, on=TODAY + timedelta(days=10))
    assert copied.application.role_family == "ds"
    assert "recruiter_call" not in [r.kind.value for r in copied.rounds]


def test_plan_follows_the_loop_and_its_first_day_is_in_today(session: Session, owner: int) -> None:
    app = _app(session, owner)
    service.set_loop(session, owner, app, _rounds(("ml_coding", 5), ("ml_system_design", 8)))
    planned = service.plan_for(session, owner, app, now=NOW)
    assert planned.source == "loop"
    plan = planned.plan
    assert [d.date for d in plan.days] == [TODAY + timedelta(days=i) for i in range(9)]
    assert all(day.minutes <= service.DEFAULT_MINUTES_PER_DAY for day in plan.days)
    kinds = {item.kind for day in plan.days for item in day.items}
    assert {"exercise", "design_mock", "warm_up"} <= kinds
    items = service.today_items(session, owner, TODAY)
    todays = [i for i in plan.days[0].items if i.kind != "review"]
    assert [i.text.split(" (")[0] for i in items if i.application_id == app] == [
        i.title.split(" (")[0] for i in todays
    ]
    assert all(i.kind == "prep" and i.command for i in items)
    prefs = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)
    report = today(session, owner, prefs, now=NOW, tz=UTC, prep=service.today_items)
    assert report.prep == items


def test_weak_topics_raise_their_round_in_the_plan(session: Session, owner: int) -> None:
    app = _app(session, owner)
    service.set_loop(session, owner, app, _rounds(("coding", 6), ("probability_stats", 6)))
    before = {
        f.kind.value: f.minutes for f in service.plan_for(session, owner, app, now=NOW).plan.focus
    }
    for item in items_for(area="probability_stats")[:4]:
        service.review(session, owner, item.id, "again", now=NOW)
    after = service.plan_for(session, owner, app, now=NOW)
    focus = {f.kind.value: f for f in after.plan.focus}
    assert focus["probability_stats"].minutes > before["probability_stats"]
    assert focus["probability_stats"].weak_because


def test_scheduled_interviews_stand_in_for_a_loop(session: Session, owner: int) -> None:
    app = _app(session, owner, stage="tech_screen")
    at = datetime(2026, 3, 13, 15, 0, tzinfo=UTC)
    tracker.schedule_interview(
        session,
        owner,
        InterviewIn(application_id=app, kind=InterviewKind.ml_coding, scheduled_at=at),
    )
    loop = service.get_loop(session, owner, app)
    assert loop.source == "interviews"
    assert [(r.kind.value, r.on) for r in loop.rounds] == [("ml_coding", date(2026, 3, 13))]
    planned = service.plan_for(session, owner, app, now=NOW)
    assert planned.source == "interviews"
    assert planned.plan.rounds[-1].date == date(2026, 3, 13)


def test_a_plan_needs_a_dated_round_ahead(session: Session, owner: int) -> None:
    app = _app(session, owner)
    with pytest.raises(InvalidInput, match="no interview rounds"):
        service.plan_for(session, owner, app, now=NOW)
    service.use_default_loop(session, owner, app)
    with pytest.raises(InvalidInput, match="no dated round"):
        service.plan_for(session, owner, app, now=NOW)
    # Without a dated round, today holds only the reviews of cards already started.
    assert service.today_items(session, owner, TODAY) == []
    service.review(session, owner, "dl-tf-causal-masking", "again", now=NOW)
    [item] = service.today_items(session, owner, TODAY)
    assert item.command == "landml prep review" and item.text.startswith("Review 1 due card ")


def test_closed_applications_have_no_prep(session: Session, owner: int) -> None:
    app = _app(session, owner)
    service.set_loop(session, owner, app, _rounds(("coding", 3)))
    tracker.move(session, owner, app, "rejected", at=NOW)
    assert service.due(session, owner, NOW).focus.upcoming == []
    assert service.today_items(session, owner, TODAY) == []


# --- attempts -----------------------------------------------------------------------------


def test_prep_grade_records_the_attempt_through_the_cli(
    session: Session,
    owner: int,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if settings.database_url:
        monkeypatch.setenv("LANDML_DATABASE_URL", settings.database_url)
    exercise = get_exercise("stable-softmax")
    solution = tmp_path / "stable_softmax.py"
    solution.write_text(reference_source(exercise), encoding="utf-8")
    result = CliRunner().invoke(cli, ["prep", "grade", exercise.id, str(solution), "--json"])
    assert result.exit_code == 0, result.output
    session.expire_all()
    [attempt] = service.attempts(session, owner)
    assert (attempt.exercise_id, attempt.passed) == ("stable-softmax", True)
    assert attempt.tests_passed == attempt.tests_total > 1
    detail = service.exercise_detail(session, owner, "stable_softmax")
    assert detail.last_source == reference_source(exercise)
    assert detail.last_report is not None and detail.last_report.passed
    progress = {p.id: p for p in service.exercise_progress(session, owner)}
    assert progress["stable-softmax"].passed and progress["stable-softmax"].attempts == 1


# --- stories ------------------------------------------------------------------------------


STORY = StoryIn(
    title="Cutting ranking latency",
    situation="At my last company our search ranking service timed out for 4% of requests at "
    "the evening peak, and the team was split on buying more hardware.",
    task="I owned the ranking model and had to bring p99 latency under 80 ms without losing "
    "quality.",
    action="I profiled the service and found that feature lookups took most of the time. I "
    "proposed batching the lookups and caching item features, wrote a design note comparing "
    "that with new hardware, and convinced the other engineers to try it behind a flag. I built "
    "the cache, added monitoring for hit rate and staleness, and ran an A/B test for two weeks.",
    result="p99 latency fell from 140 ms to 62 ms, timeouts dropped to 0.1%, and we saved "
    "$30k a year of planned hardware.",
    tags=("ownership",),
)


def test_stories_are_kept_changed_checked_and_deleted(session: Session, owner: int) -> None:
    _app(session, owner, company="Amazon")
    story = service.add_story(session, owner, STORY, now=NOW)
    thin = service.add_story(
        session, owner, StoryIn(title="Thin", text="We fixed the pipeline. It was better."), now=NOW
    )
    assert [s.title for s in service.list_stories(session, owner)] == [
        "Cutting ranking latency",
        "Thin",
    ]
    reports = {r.story.id: r for r in service.check_all(session, owner)}
    good, bad = reports[story.id], reports[thin.id]
    assert good.ok and not bad.ok
    assert any(f.severity == "error" for f in bad.check.findings)
    assert good.questions and all(q.item_id.startswith("beh-") for q in good.questions)
    assert good.values and {v.company for v in good.values} == {"Amazon"}
    changed = service.update_story(
        session, owner, thin.id, StoryIn(title="Thin, renamed", text="Still thin."), now=NOW
    )
    assert changed.title == "Thin, renamed"
    assert service.delete_story(session, owner, thin.id).id == thin.id
    assert [s.id for s in service.list_stories(session, owner)] == [story.id]
    with pytest.raises(NotFound):
        service.get_story(session, owner, thin.id)
    with pytest.raises(NotFound):
        service.check_all(session, owner, company="Nowhere Inc")


# --- design sessions ----------------------------------------------------------------------


def test_a_design_session_is_timed_scored_and_kept(session: Session, owner: int) -> None:
    started = service.start_design(session, owner, None, minutes=36, now=NOW)
    assert started.result is None and started.timer[-1].end_minute == pytest.approx(36)
    first_step = started.steps[0].rubric[0].id
    scored = service.score_design_session(
        session, owner, started.id, {first_step: 2}, now=NOW + timedelta(minutes=40)
    )
    assert scored.result is not None and scored.result.total == 2
    assert scored.finished_at == NOW + timedelta(minutes=40)
    overview = service.design_overview(session, owner)
    assert overview.practised == {started.prompt_id: 1}
    # The next session picks a prompt not practised yet.
    assert service.start_design(session, owner, now=NOW).prompt_id != started.prompt_id
    with pytest.raises(InvalidInput):
        service.score_design_session(session, owner, started.id, {first_step: 3}, now=NOW)
