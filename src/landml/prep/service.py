"""Prep use cases: spaced-repetition reviews, exercise attempts, interview loops and plans,
the STAR story bank and system design sessions.

Reviews. A bank item becomes a card the first time the person rates it; until then it is
a *new* item. Each day brings at most `NEW_CARDS_PER_DAY` new items, chosen for the person:
items for the round kinds of their upcoming interviews first (nearest round first), then
items for their target roles and company kinds (read from their open applications), weak
topics before strong ones, easy before hard, topics interleaved. Ratings are scheduled by
FSRS (the `fsrs` package) with its published default parameters.

Weak areas. A topic's weakness is a smoothed failure rate between 0 and 1:
``(Again + ½·Hard) / (reviews + 2)`` over the reviews of its bank items, and
``failed / (attempts + 2)`` over the attempts at its exercises; the two smoothing reviews
keep one bad day from marking a topic as weakest. `plan.build_plan` takes the result.

Loops. An application's loop is the rounds the person entered (or copied from the
shipped default for its company kind and role family); without one, the interviews
scheduled in the tracker stand in for it. Plans run from today to the last dated round.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, Literal, cast

from fsrs import Card, Rating, Scheduler, State
from fsrs.card import CardDict
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from landml.db.base import as_utc, utcnow
from landml.db.workspace import transactional
from landml.errors import InvalidInput, NotFound
from landml.postings.models import Posting
from landml.postings.titles import classify_title
from landml.prep.bank import COMPANY_KINDS, DIFFICULTIES, ROUND_KINDS, BankItem, load_bank
from landml.prep.bank import item_by_id as bank_item
from landml.prep.design import (
    DesignPrompt,
    DesignScore,
    DesignStep,
    TimerMark,
    design_prompt,
    design_prompts,
    session_timer,
)
from landml.prep.design import score_design as engine_score_design
from landml.prep.exercises import Exercise, get_exercise, list_exercises, starter
from landml.prep.grader import GradeReport, grade
from landml.prep.loops import Loop, default_loop
from landml.prep.models import (
    DesignSession,
    InterviewRound,
    PrepAttempt,
    PrepCard,
    PrepReview,
    Story,
)
from landml.prep.plan import (
    MAX_HORIZON_DAYS,
    ONSITE_ROUNDS,
    REVIEW_SECONDS_PER_CARD,
    ExerciseRef,
    Plan,
    PlanItem,
    PlannedRound,
    build_plan,
    kind_words,
    plan_items_for,
)
from landml.prep.stories import (
    QuestionMatch,
    Seniority,
    StoryCheck,
    StoryIn,
    ValueMatch,
    check_story,
    company_values,
    map_story_to_questions,
    map_story_to_values,
)
from landml.tracker.models import Application, Interview
from landml.tracker.service import stages, zone
from landml.tracker.today import TodayItem
from landml.tracker.vocab import InterviewKind, label, parse_choice

NEW_CARDS_PER_DAY = 10
DEFAULT_MINUTES_PER_DAY = 90
DEFAULT_DESIGN_MINUTES = 40
# FSRS with its published default parameters: 90% desired retention, learning steps of one
# and ten minutes. Fuzzing spreads cards introduced together over neighbouring days.
SCHEDULER = Scheduler()
RATINGS: dict[str, int] = {"again": 1, "hard": 2, "good": 3, "easy": 4}
RATING_LABELS: dict[int, str] = {value: name.capitalize() for name, value in RATINGS.items()}
# Smoothing of weak areas: this many imaginary good reviews (or passed attempts) per topic.
WEAKNESS_PRIOR = 2
# Bank roles for each role family; families the bank does not write for use the nearest.
BANK_ROLES: dict[str, tuple[str, ...]] = {
    "mle": ("mle",),
    "swe": ("mle",),
    "ds": ("ds",),
    "analyst": ("ds",),
    "rs": ("rs",),
    "as": ("as",),
    "data_eng": ("data_eng",),
    "other": (),
}
# Bank round kinds each announced round kind prepares.
BANK_ROUND_KINDS: dict[str, tuple[str, ...]] = {
    **{kind: (kind,) for kind in ROUND_KINDS},
    "onsite": ONSITE_ROUNDS,
    "hiring_manager": ("behavioral",),
    "other": (),
}
DIFFICULTY_ORDER = {name: i for i, name in enumerate(DIFFICULTIES)}


# --- public models ------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class UpcomingRound(_Out):
    """A dated round ahead, with the application it belongs to."""

    application_id: int
    company: str
    kind: InterviewKind
    date: date


class ReviewFocus(_Out):
    """What new review items are chosen for: roles, company kinds and upcoming rounds."""

    roles: list[str]
    company_kinds: list[str]
    upcoming: list[UpcomingRound]


class DueCard(_Out):
    """A bank item to review now: a card that is due, or a new item introduced today."""

    item_id: str
    area: str
    topic: str
    round_kind: str
    difficulty: str
    prompt: str
    answer: str
    follow_ups: list[str]
    new: bool
    due: datetime | None
    reason: str


class DueList(_Out):
    now: datetime
    cards: list[DueCard]
    due_count: int = Field(description="Cards whose review is due.")
    new_count: int = Field(description="New items offered now.")
    new_introduced_today: int
    new_per_day: int
    focus: ReviewFocus


class ReviewOut(_Out):
    """A rating recorded and when the card comes back."""

    item_id: str
    rating: int
    rating_label: str
    reviewed_at: datetime
    due: datetime
    state: str
    reviews: int
    lapses: int


class AttemptOut(_Out):
    id: int
    exercise_id: str
    passed: bool
    tests_passed: int
    tests_total: int
    duration_ms: int
    isolation: str
    created_at: datetime


class ExerciseProgress(_Out):
    """An exercise as listed, with the person's attempts on it."""

    id: str
    title: str
    kind: str
    topic: str
    difficulty: str
    time_target_minutes: int
    attempts: int
    passed: bool
    last_attempt_at: datetime | None


class ExerciseDetail(_Out):
    """One exercise: its statement, the starter and the person's last attempt."""

    exercise: Exercise
    starter: str
    attempts: list[AttemptOut]
    last_source: str | None
    last_report: GradeReport | None


class GradedAttempt(_Out):
    attempt: AttemptOut
    report: GradeReport


class WeakArea(_Out):
    """One weak topic and the evidence behind its weakness."""

    topic: str
    weakness: float
    reviews: int
    again: int
    hard: int
    attempts: int
    failed: int


class PrepTarget(_Out):
    """An application as prep sees it: company kind and role family pick the default loop."""

    application_id: int
    company: str
    company_kind: str
    title: str
    role_family: str
    role_from: Literal["posting", "title"]
    stage: str


class RoundIn(BaseModel):
    """A round to put in a loop: its kind and, when known, its day or time."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: InterviewKind
    on: date | None = None
    at: datetime | None = None
    notes: str | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _any_spelling(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_choice(InterviewKind, value, "round kind")
        return value


class RoundOut(_Out):
    id: int
    source: Literal["loop", "interview"]
    kind: InterviewKind
    kind_label: str
    on: date | None
    at: datetime | None
    notes: str | None
    from_default: bool


class LoopOut(_Out):
    """An application's loop: where it comes from, its rounds, and the shipped default."""

    application: PrepTarget
    source: Literal["loop", "interviews", "none"]
    rounds: list[RoundOut]
    default: Loop


class AppPlan(_Out):
    """A plan for one application, with what it was built from."""

    application: PrepTarget
    source: Literal["loop", "interviews"]
    rounds: list[RoundOut]
    weak_areas: list[WeakArea]
    plan: Plan


class PlanEntry(_Out):
    """A task of today's plan, with the application it prepares when there is one."""

    item: PlanItem
    application_id: int | None = None
    company: str | None = None
    title: str | None = None


class PrepToday(_Out):
    """The Prep page: reviews due now, today's plan items, upcoming rounds, weak areas."""

    date: date
    due: DueList
    plan: list[PlanEntry]
    upcoming: list[UpcomingRound]
    weak_areas: list[WeakArea]


class StoryOut(_Out):
    id: int
    title: str
    situation: str
    task: str
    action: str
    result: str
    tags: list[str]
    text: str | None
    created_at: datetime
    updated_at: datetime

    def as_input(self) -> StoryIn:
        return StoryIn(
            title=self.title,
            situation=self.situation,
            task=self.task,
            action=self.action,
            result=self.result,
            tags=tuple(self.tags),
            text=self.text,
        )


class StoryReport(_Out):
    """One story checked: findings, bank questions it answers, company values it shows."""

    story: StoryOut
    check: StoryCheck
    ok: bool
    questions: list[QuestionMatch]
    values: list[ValueMatch]


class DesignSessionOut(_Out):
    id: int
    prompt_id: str
    title: str
    prompt: str
    minutes: int
    started_at: datetime
    finished_at: datetime | None
    steps: list[DesignStep]
    timer: list[TimerMark]
    scores: dict[str, int]
    result: DesignScore | None


# --- applications as prep sees them -------------------------------------------------------


def _application(session: Session, owner: int, app_id: int) -> Application:
    app = session.scalar(
        select(Application)
        .where(Application.id == app_id, Application.owner_id == owner)
        .options(selectinload(Application.stage_changes), selectinload(Application.interviews))
    )
    if app is None:
        raise NotFound(f"No application with id {app_id}.", hint="`landml board` lists the ids.")
    return app


def _target(session: Session, app: Application) -> PrepTarget:
    role: str | None = None
    if app.posting_id is not None:
        posting = session.get(Posting, app.posting_id)
        if posting is not None and posting.role_family != "other":
            role = posting.role_family
    return PrepTarget(
        application_id=app.id,
        company=app.company.name,
        company_kind=app.company.kind,
        title=app.title,
        role_family=role or classify_title(app.title).role_family.value,
        role_from="posting" if role else "title",
        stage=app.stage_changes[-1].to_stage,
    )


def _active_applications(session: Session, owner: int) -> list[Application]:
    """Applications still in play: not closed, not accepted."""
    active = {stage.key for stage in stages(session, owner) if stage.active}
    apps = session.scalars(
        select(Application)
        .where(Application.owner_id == owner)
        .options(selectinload(Application.stage_changes), selectinload(Application.interviews))
        .order_by(Application.id)
    )
    return [app for app in apps if app.stage_changes[-1].to_stage in active]


# --- loops --------------------------------------------------------------------------------


def _loop_rows(
    session: Session, owner: int, app_ids: Iterable[int]
) -> dict[int, list[InterviewRound]]:
    ids = list(app_ids)
    rows: dict[int, list[InterviewRound]] = defaultdict(list)
    if not ids:
        return rows
    query = (
        select(InterviewRound)
        .where(InterviewRound.owner_id == owner, InterviewRound.application_id.in_(ids))
        .order_by(InterviewRound.position, InterviewRound.id)
    )
    for row in session.scalars(query):
        rows[row.application_id].append(row)
    return rows


def _round_from_row(row: InterviewRound, tz: tzinfo) -> RoundOut:
    on = row.scheduled_on
    if on is None and row.scheduled_at is not None:
        on = row.scheduled_at.astimezone(tz).date()
    return RoundOut(
        id=row.id,
        source="loop",
        kind=InterviewKind(row.kind),
        kind_label=label(row.kind),
        on=on,
        at=row.scheduled_at,
        notes=row.notes,
        from_default=row.from_default,
    )


def _round_from_interview(iv: Interview) -> RoundOut:
    # The day as the person lives it: in the zone the interview was entered in.
    try:
        local = iv.scheduled_at.astimezone(zone(iv.timezone))
    except InvalidInput:
        local = iv.scheduled_at
    return RoundOut(
        id=iv.id,
        source="interview",
        kind=InterviewKind(iv.kind),
        kind_label=label(iv.kind),
        on=local.date(),
        at=iv.scheduled_at,
        notes=iv.notes,
        from_default=False,
    )


def _rounds_of(
    app: Application, rows: Sequence[InterviewRound], tz: tzinfo
) -> tuple[Literal["loop", "interviews", "none"], list[RoundOut]]:
    if rows:
        return "loop", [_round_from_row(row, tz) for row in rows]
    interviews = [iv for iv in app.interviews if iv.outcome != "cancelled"]
    if interviews:
        return "interviews", [_round_from_interview(iv) for iv in interviews]
    return "none", []


def default_loop_for(session: Session, owner: int, app_id: int) -> Loop:
    """The shipped default loop for the application's company kind and role family."""
    return default_loop(**_loop_key(_target(session, _application(session, owner, app_id))))


def _loop_key(target: PrepTarget) -> dict[str, str]:
    return {"company_kind": target.company_kind, "role_family": target.role_family}


def get_loop(session: Session, owner: int, app_id: int, *, tz: tzinfo = UTC) -> LoopOut:
    """The application's loop, or its scheduled interviews when no loop was entered."""
    app = _application(session, owner, app_id)
    target = _target(session, app)
    source, rounds = _rounds_of(app, _loop_rows(session, owner, [app.id])[app.id], tz)
    return LoopOut(
        application=target,
        source=source,
        rounds=rounds,
        default=default_loop(**_loop_key(target)),
    )


def _new_round(
    owner: int, app_id: int, data: RoundIn, position: int, *, default: bool
) -> InterviewRound:
    return InterviewRound(
        owner_id=owner,
        application_id=app_id,
        kind=data.kind.value,
        scheduled_on=data.on,
        scheduled_at=as_utc(data.at) if data.at is not None else None,
        position=position,
        notes=data.notes or None,
        from_default=default,
    )


def _replace_rounds(
    session: Session, owner: int, app_id: int, rounds: Sequence[RoundIn], *, default: bool
) -> None:
    for row in _loop_rows(session, owner, [app_id])[app_id]:
        session.delete(row)
    session.flush()
    for position, data in enumerate(rounds):
        session.add(_new_round(owner, app_id, data, position, default=default))
    session.flush()


@transactional
def set_loop(
    session: Session, owner: int, app_id: int, rounds: Sequence[RoundIn], *, tz: tzinfo = UTC
) -> LoopOut:
    """Replace the application's loop with `rounds` (an empty list clears it)."""
    _application(session, owner, app_id)
    _replace_rounds(session, owner, app_id, rounds, default=False)
    return get_loop(session, owner, app_id, tz=tz)


@transactional
def add_round(
    session: Session, owner: int, app_id: int, data: RoundIn, *, tz: tzinfo = UTC
) -> LoopOut:
    """Add one round to the application's loop.

    A dated round of a kind the loop holds without a date (as a copied default does) dates
    that round instead of adding another.
    """
    _application(session, owner, app_id)
    rows = _loop_rows(session, owner, [app_id])[app_id]
    undated = next(
        (
            row
            for row in rows
            if row.kind == data.kind.value and row.scheduled_on is None and row.scheduled_at is None
        ),
        None,
    )
    if undated is not None and (data.on is not None or data.at is not None):
        undated.scheduled_on = data.on
        undated.scheduled_at = as_utc(data.at) if data.at is not None else None
        undated.notes = data.notes or undated.notes
    else:
        position = max((row.position for row in rows), default=-1) + 1
        session.add(_new_round(owner, app_id, data, position, default=False))
    session.flush()
    return get_loop(session, owner, app_id, tz=tz)


@transactional
def use_default_loop(
    session: Session, owner: int, app_id: int, *, on: date | None = None, tz: tzinfo = UTC
) -> LoopOut:
    """Replace the loop with the default's required rounds, dated `on` when given.

    Optional rounds of the default are left out; add them with `add_round` if announced.
    The recruiter call comes weeks before the loop day, so it is kept without a date, and
    left out once the application has reached that stage (the call is set or done).
    """
    app = _application(session, owner, app_id)
    ranks = {stage.key: stage.rank for stage in stages(session, owner)}
    call_reached = ranks.get(app.stage_changes[-1].to_stage, 0) >= ranks["recruiter_call"]
    loop = default_loop(**_loop_key(_target(session, app)))
    rounds = [
        RoundIn(
            kind=round_.kind,
            on=None if round_.kind == InterviewKind.recruiter_call else on,
            notes=round_.emphasis,
        )
        for round_ in loop.required_rounds
        if not (round_.kind == InterviewKind.recruiter_call and call_reached)
        for _ in range(round_.count)
    ]
    _replace_rounds(session, owner, app_id, rounds, default=True)
    return get_loop(session, owner, app_id, tz=tz)


# --- planning -----------------------------------------------------------------------------


def _dated(rounds: Sequence[RoundOut]) -> list[tuple[RoundOut, date]]:
    """The rounds that have a date, with it."""
    return [(r, r.on) for r in rounds if r.on is not None]


def _planned_rounds(
    rounds: Sequence[RoundOut], today: date, company: str
) -> tuple[list[PlannedRound], list[str]]:
    """The dated rounds from today on, and notes on the rounds left out."""
    dated = _dated(rounds)
    ahead = [(r, d) for r, d in dated if d >= today]
    notes = []
    undated = [r.kind_label for r in rounds if r.on is None]
    if undated:
        notes.append(
            f"Left out until they have a date: {', '.join(undated)}. "
            "Add the date when the company sends it."
        )
    past = len(dated) - len(ahead)
    if past:
        notes.append(f"{past} round(s) before today are left out.")
    planned = [PlannedRound(kind=r.kind, date=d, label=company) for r, d in ahead]
    return planned, notes


def _bank_roles(role_family: str) -> tuple[str, ...]:
    return BANK_ROLES.get(role_family, ())


def _bank_for(roles: set[str], company_kinds: set[str]) -> list[BankItem]:
    """Bank items for these roles and company kinds; an area they leave empty stays whole,
    so the plan can still drill it."""
    bank = load_bank()
    chosen = [
        item
        for item in bank
        if (not roles or roles & set(item.roles))
        and (not company_kinds or company_kinds & set(item.company_kinds))
    ]
    covered = {item.area for item in chosen}
    return chosen + [item for item in bank if item.area not in covered]


def _targets_filter(targets: Iterable[PrepTarget]) -> tuple[set[str], set[str]]:
    roles: set[str] = set()
    kinds: set[str] = set()
    for target in targets:
        roles.update(_bank_roles(target.role_family))
        if target.company_kind in COMPANY_KINDS:
            kinds.add(target.company_kind)
    return roles, kinds


def _start_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, dt.time.min, tz).astimezone(UTC)


def plan_for(
    session: Session,
    owner: int,
    app_id: int,
    *,
    now: datetime,
    tz: tzinfo = UTC,
    minutes_per_day: int = DEFAULT_MINUTES_PER_DAY,
) -> AppPlan:
    """A day-by-day plan from today to the application's last round (see `plan.build_plan`)."""
    app = _application(session, owner, app_id)
    target = _target(session, app)
    today = now.astimezone(tz).date()
    source, rounds = _rounds_of(app, _loop_rows(session, owner, [app.id])[app.id], tz)
    hint = (
        f"Enter the rounds you were told about: `landml prep loop {app.id} --add coding "
        f"{today + timedelta(days=14)}`, or copy the default loop with "
        f"`landml prep loop {app.id} --default --on DATE`."
    )
    if source == "none":
        raise InvalidInput(
            f"Application {app.id} ({target.company}) has no interview rounds yet.", hint=hint
        )
    planned, notes = _planned_rounds(rounds, today, target.company)
    if not planned:
        raise InvalidInput(
            f"Application {app.id} ({target.company}) has no dated round from today on.",
            hint=hint,
        )
    roles, kinds = _targets_filter([target])
    weak = weakness_report(session, owner)
    plan = build_plan(
        planned,
        today=today,
        weak_areas={area.topic: area.weakness for area in weak},
        minutes_per_day=minutes_per_day,
        bank=_bank_for(roles, kinds),
        exercises=exercise_refs(session, owner),
        due_reviews=_due_total(session, owner, today, now, tz),
    )
    plan = plan.model_copy(update={"notes": notes + plan.notes})
    return AppPlan(
        application=target,
        source="loop" if source == "loop" else "interviews",
        rounds=rounds,
        weak_areas=weak,
        plan=plan,
    )


@dataclass(frozen=True)
class _Upcoming:
    rounds: list[UpcomingRound]
    targets: dict[int, PrepTarget]


def _upcoming(session: Session, owner: int, today: date, tz: tzinfo) -> _Upcoming:
    """Dated rounds from today on (within the plan horizon) of every application in play."""
    apps = _active_applications(session, owner)
    rows = _loop_rows(session, owner, (app.id for app in apps))
    horizon = today + timedelta(days=MAX_HORIZON_DAYS)
    found: list[UpcomingRound] = []
    targets: dict[int, PrepTarget] = {}
    for app in apps:
        target = _target(session, app)
        targets[app.id] = target
        _, rounds = _rounds_of(app, rows[app.id], tz)
        found += [
            UpcomingRound(application_id=app.id, company=target.company, kind=r.kind, date=d)
            for r, d in _dated(rounds)
            if today <= d <= horizon
        ]
    found.sort(key=lambda r: (r.date, r.application_id))
    return _Upcoming(rounds=found, targets=targets)


def _item_owners(upcoming: Sequence[UpcomingRound]) -> dict[tuple[str, date], set[int]]:
    """Which applications each planned (round kind, date) belongs to; onsites stand for
    the rounds the plan expands them into."""
    owners: dict[tuple[str, date], set[int]] = defaultdict(set)
    for round_ in upcoming:
        kinds = ONSITE_ROUNDS if round_.kind == InterviewKind.onsite else (round_.kind.value,)
        for kind in kinds:
            owners[(kind, round_.date)].add(round_.application_id)
    return owners


def _entry(
    item: PlanItem, owners: dict[tuple[str, date], set[int]], targets: dict[int, PrepTarget]
) -> PlanEntry:
    app_ids = (
        owners.get((item.round_kind.value, item.round_date), set())
        if item.round_kind is not None and item.round_date is not None
        else set()
    )
    target = targets[next(iter(app_ids))] if len(app_ids) == 1 else None
    return PlanEntry(
        item=item,
        application_id=target.application_id if target else None,
        company=target.company if target else None,
        title=target.title if target else None,
    )


def _review_only(day: date, due_total: int) -> PlanItem:
    minutes = max(math.ceil(due_total * REVIEW_SECONDS_PER_CARD / 60 / 5) * 5, 5)
    return PlanItem(
        day=day,
        kind="review",
        title=f"Review {due_total} due card{'s' if due_total != 1 else ''} of the question bank",
        minutes=minutes,
        round_kind=None,
        round_date=None,
        reason="No interview round is dated yet; reviewing on schedule keeps what you "
        "practised from fading.",
    )


def todays_plan(
    session: Session,
    owner: int,
    day: date,
    *,
    tz: tzinfo = UTC,
    minutes_per_day: int = DEFAULT_MINUTES_PER_DAY,
) -> list[PlanEntry]:
    """Today's prep: one plan over every application's upcoming rounds (sharing one daily
    budget), or, when no round is ahead, the reviews of cards already started (new items
    wait until you review or a round is announced, so a day without prep stays empty)."""
    end_of_day = _start_of_day(day + timedelta(days=1), tz)
    upcoming = _upcoming(session, owner, day, tz)
    if not upcoming.rounds:
        started = len(_due_rows(session, owner, end_of_day))
        return [PlanEntry(item=_review_only(day, started))] if started else []
    due_total = _due_total(session, owner, day, end_of_day, tz)
    roles, kinds = _targets_filter(upcoming.targets.values())
    planned = [PlannedRound(kind=r.kind, date=r.date, label=r.company) for r in upcoming.rounds]
    plan = build_plan(
        planned,
        today=day,
        weak_areas=weak_areas(session, owner),
        minutes_per_day=minutes_per_day,
        bank=_bank_for(roles, kinds),
        exercises=exercise_refs(session, owner),
        due_reviews=due_total,
    )
    owners = _item_owners(upcoming.rounds)
    return [_entry(item, owners, upcoming.targets) for item in plan_items_for(plan, day)]


def today_items(
    session: Session,
    owner: int,
    day: date,
    *,
    tz: tzinfo = UTC,
    minutes_per_day: int = DEFAULT_MINUTES_PER_DAY,
) -> list[TodayItem]:
    """Today's prep as items of `landml today` (see `todays_plan`)."""
    entries = todays_plan(session, owner, day, tz=tz, minutes_per_day=minutes_per_day)
    return [
        TodayItem(
            kind="prep",
            application_id=entry.application_id,
            company=entry.company,
            title=entry.title,
            text=f"{entry.item.title} ({entry.item.minutes} min). {entry.item.reason}",
            command="landml prep review"
            if entry.item.kind == "review"
            else f"landml prep plan {entry.application_id}"
            if entry.application_id is not None
            else None,
        )
        for entry in entries
    ]


# --- reviews ------------------------------------------------------------------------------


def parse_rating(value: int | str) -> int:
    """A rating as 1-4 or its name (again, hard, good, easy)."""
    text = str(value).strip().lower()
    if text in RATINGS:
        return RATINGS[text]
    if text.isdigit() and 1 <= int(text) <= 4:
        return int(text)
    raise InvalidInput(f"Unknown rating {value!r}.", hint="Rate 1 Again, 2 Hard, 3 Good or 4 Easy.")


def _cards(session: Session, owner: int) -> list[PrepCard]:
    return list(session.scalars(select(PrepCard).where(PrepCard.owner_id == owner)))


def _focus(session: Session, owner: int, today: date, tz: tzinfo) -> ReviewFocus:
    upcoming = _upcoming(session, owner, today, tz)
    roles, kinds = _targets_filter(upcoming.targets.values())
    return ReviewFocus(roles=sorted(roles), company_kinds=sorted(kinds), upcoming=upcoming.rounds)


def _round_rank(item: BankItem, focus: ReviewFocus) -> int:
    for rank, round_ in enumerate(focus.upcoming):
        if item.round_kind in BANK_ROUND_KINDS.get(round_.kind.value, ()):
            return rank
    return len(focus.upcoming)


def _tier(item: BankItem, focus: ReviewFocus) -> int:
    """0: prepares an upcoming round; 1: fits the roles and company kinds; 2: the roles;
    3: anything else."""
    fits_roles = not focus.roles or bool(set(focus.roles) & set(item.roles))
    fits_kinds = not focus.company_kinds or bool(set(focus.company_kinds) & set(item.company_kinds))
    if _round_rank(item, focus) < len(focus.upcoming) and fits_roles:
        return 0
    if fits_roles and fits_kinds:
        return 1
    return 2 if fits_roles else 3


def _round_robin(items: Sequence[BankItem], key: Callable[[BankItem], str]) -> list[BankItem]:
    groups: dict[str, list[BankItem]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    out: list[BankItem] = []
    while any(groups.values()):
        for group in groups.values():
            if group:
                out.append(group.pop(0))
    return out


def _interleave(items: Sequence[BankItem]) -> list[BankItem]:
    """Round-robin over areas, then over topics within each area, keeping each topic's
    order, so a day mixes subjects instead of serving ten questions on one."""
    by_area: dict[str, list[BankItem]] = {}
    for item in items:
        by_area.setdefault(item.area, []).append(item)
    mixed = {area: _round_robin(group, lambda i: i.topic) for area, group in by_area.items()}
    return _round_robin([i for group in mixed.values() for i in group], lambda i: i.area)


def _new_items(
    focus: ReviewFocus, exclude: set[str], count: int, weakness: dict[str, float]
) -> list[BankItem]:
    if count <= 0:
        return []
    pool = [item for item in load_bank() if item.id not in exclude]

    def key(item: BankItem) -> tuple[int, int, float, int, str]:
        return (
            _tier(item, focus),
            _round_rank(item, focus),
            -weakness.get(item.topic, 0.0),
            DIFFICULTY_ORDER[item.difficulty],
            item.id,
        )

    pool.sort(key=key)
    groups: dict[tuple[int, int], list[BankItem]] = {}
    for item in pool:
        groups.setdefault((_tier(item, focus), _round_rank(item, focus)), []).append(item)
    ordered = [item for group in groups.values() for item in _interleave(group)]
    return ordered[:count]


def _new_reason(item: BankItem, focus: ReviewFocus) -> str:
    rank = _round_rank(item, focus)
    if rank < len(focus.upcoming):
        round_ = focus.upcoming[rank]
        return (
            f"New: prepares your {kind_words(round_.kind.value)} round at {round_.company} "
            f"on {round_.date}."
        )
    if _tier(item, focus) == 1 and (focus.roles or focus.company_kinds):
        return "New: asked for the roles and companies you apply to."
    return "New: from the question bank."


def _due_card(item: BankItem, *, new: bool, due: datetime | None, reason: str) -> DueCard:
    return DueCard(
        item_id=item.id,
        area=item.area,
        topic=item.topic,
        round_kind=item.round_kind,
        difficulty=item.difficulty,
        prompt=item.prompt,
        answer=item.answer,
        follow_ups=list(item.follow_ups),
        new=new,
        due=due,
        reason=reason,
    )


def _introduced_since(session: Session, owner: int, since: datetime) -> int:
    query = select(func.count()).where(PrepCard.owner_id == owner, PrepCard.created_at >= since)
    return int(session.scalar(query) or 0)


def _due_rows(session: Session, owner: int, until: datetime) -> list[PrepCard]:
    query = (
        select(PrepCard)
        .where(PrepCard.owner_id == owner, PrepCard.due <= until)
        .order_by(PrepCard.due, PrepCard.id)
    )
    return list(session.scalars(query))


def _due_total(session: Session, owner: int, day: date, until: datetime, tz: tzinfo) -> int:
    """Cards due by `until` plus the new items still to introduce on `day`."""
    introduced = _introduced_since(session, owner, _start_of_day(day, tz))
    unseen = len(load_bank()) - len(_cards(session, owner))
    new = min(max(NEW_CARDS_PER_DAY - introduced, 0), unseen)
    return len(_due_rows(session, owner, until)) + new


def due(
    session: Session,
    owner: int,
    now: datetime,
    *,
    tz: tzinfo = UTC,
    new_per_day: int = NEW_CARDS_PER_DAY,
    limit: int | None = None,
) -> DueList:
    """What to review now: due cards (most overdue first), then today's new items."""
    if new_per_day < 0:
        raise InvalidInput("The daily new-item limit cannot be negative.", hint="Use 0 or more.")
    rows = _due_rows(session, owner, as_utc(now))
    day = now.astimezone(tz).date()
    focus = _focus(session, owner, day, tz)
    carded = {card.item_id for card in _cards(session, owner)}
    introduced = _introduced_since(session, owner, _start_of_day(day, tz))
    slots = max(new_per_day - introduced, 0)
    weak = weak_areas(session, owner)
    cards = [
        _due_card(
            bank_item(row.item_id),
            new=False,
            due=row.due,
            reason=f"Due for review since {row.due:%Y-%m-%d %H:%M} UTC.",
        )
        for row in rows
        if _known_item(row.item_id)
    ]
    fresh = _new_items(focus, carded, slots, weak)
    cards += [_due_card(i, new=True, due=None, reason=_new_reason(i, focus)) for i in fresh]
    return DueList(
        now=now,
        cards=cards[:limit] if limit is not None else cards,
        due_count=len(rows),
        new_count=len(fresh),
        new_introduced_today=introduced,
        new_per_day=new_per_day,
        focus=focus,
    )


def _known_item(item_id: str) -> bool:
    # A card whose item a newer bank no longer ships is skipped rather than failing.
    try:
        bank_item(item_id)
    except NotFound:
        return False
    return True


def _state_name(state: State) -> str:
    return state.name.lower()


@transactional
def review(
    session: Session,
    owner: int,
    item_id: str,
    rating: int | str,
    *,
    now: datetime,
    duration_seconds: int | None = None,
) -> ReviewOut:
    """Record a rating of a bank item and schedule its next review with FSRS."""
    bank_item(item_id)
    value = parse_rating(rating)
    at = as_utc(now)
    row = session.scalar(
        select(PrepCard).where(PrepCard.owner_id == owner, PrepCard.item_id == item_id)
    )
    card = Card.from_dict(cast(CardDict, row.state)) if row is not None else Card(due=at)
    duration_ms = duration_seconds * 1000 if duration_seconds is not None else None
    card, _ = SCHEDULER.review_card(card, Rating(value), at, duration_ms)
    if row is None:
        row = PrepCard(owner_id=owner, item_id=item_id, created_at=at)
        session.add(row)
    row.state = dict(card.to_dict())
    row.due = card.due
    row.last_review = at
    session.add(
        PrepReview(
            owner_id=owner,
            item_id=item_id,
            rating=value,
            reviewed_at=at,
            duration_seconds=duration_seconds,
        )
    )
    session.flush()
    history = list(
        session.scalars(
            select(PrepReview.rating).where(
                PrepReview.owner_id == owner, PrepReview.item_id == item_id
            )
        )
    )
    return ReviewOut(
        item_id=item_id,
        rating=value,
        rating_label=RATING_LABELS[value],
        reviewed_at=at,
        due=card.due,
        state=_state_name(card.state),
        reviews=len(history),
        lapses=sum(1 for r in history if r == RATINGS["again"]),
    )


# --- attempts and weak areas --------------------------------------------------------------


def _attempt_out(row: PrepAttempt) -> AttemptOut:
    return AttemptOut.model_validate(row)


@transactional
def record_attempt(
    session: Session,
    owner: int,
    exercise_id: str,
    source: str,
    report: GradeReport,
    *,
    now: datetime | None = None,
) -> AttemptOut:
    """Keep a graded submission: the code, the per-test results and the sandbox mode."""
    exercise = get_exercise(exercise_id)
    row = PrepAttempt(
        owner_id=owner,
        exercise_id=exercise.id,
        passed=report.passed,
        tests_passed=sum(1 for test in report.tests if test.passed),
        tests_total=len(report.tests),
        duration_ms=round(report.duration_s * 1000),
        isolation=report.isolation,
        source=source,
        report=report.model_dump(mode="json"),
        created_at=as_utc(now) if now is not None else utcnow(),
    )
    session.add(row)
    session.flush()
    return _attempt_out(row)


def grade_and_record(
    session: Session, owner: int, exercise_id: str, source: str, *, now: datetime | None = None
) -> GradedAttempt:
    """Grade `source` in the sandbox (a separate, confined process) and keep the attempt."""
    exercise = get_exercise(exercise_id)
    report = grade(exercise, source)
    attempt = record_attempt(session, owner, exercise.id, source, report, now=now)
    return GradedAttempt(attempt=attempt, report=report)


def _attempt_rows(
    session: Session, owner: int, exercise_id: str | None = None
) -> list[PrepAttempt]:
    query = select(PrepAttempt).where(PrepAttempt.owner_id == owner)
    if exercise_id is not None:
        query = query.where(PrepAttempt.exercise_id == exercise_id)
    return list(session.scalars(query.order_by(PrepAttempt.created_at, PrepAttempt.id)))


def attempts(session: Session, owner: int, exercise_id: str | None = None) -> list[AttemptOut]:
    """Graded attempts, newest first (of one exercise when given)."""
    key = get_exercise(exercise_id).id if exercise_id is not None else None
    return [_attempt_out(row) for row in reversed(_attempt_rows(session, owner, key))]


def exercise_refs(session: Session, owner: int) -> list[ExerciseRef]:
    """Every exercise with the person's results, as `plan.build_plan` takes them.

    `failures` counts failed attempts since the last pass, so an exercise solved since is
    not pushed again as failed.
    """
    by_exercise: dict[str, list[PrepAttempt]] = defaultdict(list)
    for row in _attempt_rows(session, owner):
        by_exercise[row.exercise_id].append(row)
    refs = []
    for exercise in list_exercises():
        rows = by_exercise.get(exercise.id, [])
        last_pass = max((i for i, row in enumerate(rows) if row.passed), default=-1)
        failures = sum(1 for row in rows[last_pass + 1 :] if not row.passed)
        refs.append(ExerciseRef.from_exercise(exercise, failures=failures, passed=last_pass >= 0))
    return refs


def next_exercise(session: Session, owner: int, *, kind: str | None = None) -> Exercise:
    """The exercise to practise next: one whose last attempts failed, else an untried one
    on the weakest topic (easy first), else the one tried longest ago."""
    weakness = weak_areas(session, owner)
    last_tried: dict[str, datetime] = {}
    for row in _attempt_rows(session, owner):
        last_tried[row.exercise_id] = row.created_at
    refs = [ref for ref in exercise_refs(session, owner) if kind is None or ref.kind == kind]
    if not refs:
        raise InvalidInput(f"No {kind} exercises.", hint="Use coding or debugging.")
    failing = [ref for ref in refs if ref.failures]
    untried = [ref for ref in refs if ref.id not in last_tried]
    if failing:
        chosen = max(failing, key=lambda ref: (ref.failures, ref.id))
    elif untried:
        chosen = min(
            untried,
            key=lambda r: (-weakness.get(r.topic, 0.0), DIFFICULTY_ORDER[r.difficulty], r.id),
        )
    else:
        chosen = min(refs, key=lambda ref: (last_tried[ref.id], ref.id))
    return get_exercise(chosen.id)


def exercise_progress(session: Session, owner: int) -> list[ExerciseProgress]:
    """The catalogue with the person's attempts on each exercise."""
    by_exercise: dict[str, list[PrepAttempt]] = defaultdict(list)
    for row in _attempt_rows(session, owner):
        by_exercise[row.exercise_id].append(row)
    return [
        ExerciseProgress(
            id=ex.id,
            title=ex.title,
            kind=ex.kind,
            topic=ex.topic,
            difficulty=ex.difficulty,
            time_target_minutes=ex.time_target_minutes,
            attempts=len(by_exercise[ex.id]),
            passed=any(row.passed for row in by_exercise[ex.id]),
            last_attempt_at=by_exercise[ex.id][-1].created_at if by_exercise[ex.id] else None,
        )
        for ex in list_exercises()
    ]


def exercise_detail(session: Session, owner: int, exercise_id: str) -> ExerciseDetail:
    """An exercise with its starter and the person's attempts (the last one in full)."""
    exercise = get_exercise(exercise_id)
    rows = _attempt_rows(session, owner, exercise.id)
    last = rows[-1] if rows else None
    return ExerciseDetail(
        exercise=exercise,
        starter=starter(exercise),
        attempts=[_attempt_out(row) for row in reversed(rows)],
        last_source=last.source if last else None,
        last_report=GradeReport.model_validate(last.report) if last else None,
    )


def _smoothed(bad: float, total: int) -> float:
    return round(min(bad / (total + WEAKNESS_PRIOR), 1.0), 2)


def weakness_report(session: Session, owner: int) -> list[WeakArea]:
    """Each topic with a weakness above 0 and its evidence, weakest first."""
    reviews: dict[str, Counter[int]] = defaultdict(Counter)
    for item_id, rating in session.execute(
        select(PrepReview.item_id, PrepReview.rating).where(PrepReview.owner_id == owner)
    ):
        if _known_item(item_id):
            reviews[bank_item(item_id).topic][rating] += 1
    tries: dict[str, Counter[bool]] = defaultdict(Counter)
    topics = {ex.id: ex.topic for ex in list_exercises()}
    for row in _attempt_rows(session, owner):
        if row.exercise_id in topics:
            tries[topics[row.exercise_id]][row.passed] += 1
    areas = []
    for topic in sorted(set(reviews) | set(tries)):
        counts, results = reviews[topic], tries[topic]
        again, hard, total = counts[1], counts[2], sum(counts.values())
        failed, attempted = results[False], sum(results.values())
        weakness = max(
            _smoothed(again + 0.5 * hard, total) if total else 0.0,
            _smoothed(failed, attempted) if attempted else 0.0,
        )
        if weakness > 0:
            areas.append(
                WeakArea(
                    topic=topic,
                    weakness=weakness,
                    reviews=total,
                    again=again,
                    hard=hard,
                    attempts=attempted,
                    failed=failed,
                )
            )
    areas.sort(key=lambda area: (-area.weakness, area.topic))
    return areas


def weak_areas(session: Session, owner: int) -> dict[str, float]:
    """Topic -> weakness between 0 and 1, from reviews and exercise attempts (see the module
    docstring); the `weak_areas` argument of `plan.build_plan`."""
    return {area.topic: area.weakness for area in weakness_report(session, owner)}


def prep_today(session: Session, owner: int, now: datetime, *, tz: tzinfo = UTC) -> PrepToday:
    """Everything the Prep page shows."""
    day = now.astimezone(tz).date()
    return PrepToday(
        date=day,
        due=due(session, owner, now, tz=tz),
        plan=todays_plan(session, owner, day, tz=tz),
        upcoming=_upcoming(session, owner, day, tz).rounds,
        weak_areas=weakness_report(session, owner),
    )


# --- stories ------------------------------------------------------------------------------


def _story_out(row: Story) -> StoryOut:
    return StoryOut(
        id=row.id,
        title=row.title,
        situation=row.situation,
        task=row.task,
        action=row.action,
        result=row.result,
        tags=list(row.tags),
        text=row.free_text,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _story_row(session: Session, owner: int, story_id: int) -> Story:
    row = session.scalar(select(Story).where(Story.id == story_id, Story.owner_id == owner))
    if row is None:
        raise NotFound(f"No story with id {story_id}.", hint="`landml stories list` lists them.")
    return row


def _fill(row: Story, data: StoryIn) -> None:
    row.title = data.title
    row.situation = data.situation
    row.task = data.task
    row.action = data.action
    row.result = data.result
    row.tags = [tag.strip().lower() for tag in data.tags if tag.strip()]
    row.free_text = data.text or None


@transactional
def add_stories(
    session: Session, owner: int, stories: Sequence[StoryIn], *, now: datetime | None = None
) -> list[StoryOut]:
    """Add stories to the bank (all or none)."""
    at = as_utc(now) if now is not None else utcnow()
    rows = []
    for data in stories:
        row = Story(owner_id=owner, created_at=at, updated_at=at)
        _fill(row, data)
        session.add(row)
        rows.append(row)
    session.flush()
    return [_story_out(row) for row in rows]


def add_story(
    session: Session, owner: int, data: StoryIn, *, now: datetime | None = None
) -> StoryOut:
    """Add one story to the bank."""
    return add_stories(session, owner, [data], now=now)[0]


@transactional
def update_story(
    session: Session, owner: int, story_id: int, data: StoryIn, *, now: datetime | None = None
) -> StoryOut:
    """Replace a story's title, parts, tags and text."""
    row = _story_row(session, owner, story_id)
    _fill(row, data)
    row.updated_at = as_utc(now) if now is not None else utcnow()
    session.flush()
    return _story_out(row)


@transactional
def delete_story(session: Session, owner: int, story_id: int) -> StoryOut:
    row = _story_row(session, owner, story_id)
    out = _story_out(row)
    session.delete(row)
    return out


def list_stories(session: Session, owner: int) -> list[StoryOut]:
    rows = session.scalars(select(Story).where(Story.owner_id == owner).order_by(Story.id))
    return [_story_out(row) for row in rows]


def get_story(session: Session, owner: int, story_id: int) -> StoryOut:
    return _story_out(_story_row(session, owner, story_id))


def _value_companies(session: Session, owner: int, company: str | None) -> list[str]:
    """The companies to map stories to: the one asked for, else every applied-to company
    whose published values landml ships."""
    if company is not None:
        company_values(company)  # an unknown company is an error the person should see
        return [company]
    names = []
    for app in _active_applications(session, owner):
        try:
            entry = company_values(app.company.name)
        except NotFound:
            continue
        if entry.name not in names:
            names.append(entry.name)
    return names


def _report(story: StoryOut, companies: Sequence[str], seniority: Seniority | None) -> StoryReport:
    data = story.as_input()
    checked = check_story(data, target_seniority=seniority)
    return StoryReport(
        story=story,
        check=checked,
        ok=checked.ok,
        questions=map_story_to_questions(data, load_bank(), limit=5),
        values=[match for name in companies for match in map_story_to_values(data, name)],
    )


def check_all(
    session: Session,
    owner: int,
    *,
    company: str | None = None,
    target_seniority: Seniority | None = None,
) -> list[StoryReport]:
    """Check every story: findings, the bank questions it answers, the values it shows."""
    companies = _value_companies(session, owner, company)
    return [_report(s, companies, target_seniority) for s in list_stories(session, owner)]


def check_one(
    session: Session,
    owner: int,
    story_id: int,
    *,
    company: str | None = None,
    target_seniority: Seniority | None = None,
) -> StoryReport:
    """Check one story (see `check_all`)."""
    story = get_story(session, owner, story_id)
    return _report(story, _value_companies(session, owner, company), target_seniority)


# --- system design sessions ---------------------------------------------------------------


def _session_out(row: DesignSession) -> DesignSessionOut:
    prompt = design_prompt(row.prompt_id)
    result = engine_score_design(row.prompt_id, row.scores) if row.finished_at else None
    return DesignSessionOut(
        id=row.id,
        prompt_id=row.prompt_id,
        title=prompt.title,
        prompt=prompt.prompt,
        minutes=row.minutes,
        started_at=row.started_at,
        finished_at=row.finished_at,
        steps=list(prompt.steps),
        timer=session_timer(row.prompt_id, row.minutes),
        scores=dict(row.scores),
        result=result,
    )


def _least_practised_prompt(session: Session, owner: int) -> str:
    used = Counter(
        session.scalars(select(DesignSession.prompt_id).where(DesignSession.owner_id == owner))
    )
    prompts = design_prompts()
    return min(prompts, key=lambda p: (used[p.id], prompts.index(p))).id


@transactional
def start_design(
    session: Session,
    owner: int,
    prompt_id: str | None = None,
    *,
    minutes: int = DEFAULT_DESIGN_MINUTES,
    now: datetime,
) -> DesignSessionOut:
    """Start a timed mock on `prompt_id` (the least practised prompt when None)."""
    chosen = prompt_id or _least_practised_prompt(session, owner)
    design_prompt(chosen)
    session_timer(chosen, minutes)  # refuses a length no interview uses
    row = DesignSession(
        owner_id=owner, prompt_id=chosen, minutes=minutes, started_at=as_utc(now), scores={}
    )
    session.add(row)
    session.flush()
    return _session_out(row)


def _design_row(session: Session, owner: int, session_id: int) -> DesignSession:
    row = session.scalar(
        select(DesignSession).where(DesignSession.id == session_id, DesignSession.owner_id == owner)
    )
    if row is None:
        raise NotFound(
            f"No system design session {session_id}.",
            hint="Start one with `landml prep practice design`.",
        )
    return row


@transactional
def score_design_session(
    session: Session, owner: int, session_id: int, scores: dict[str, int], *, now: datetime
) -> DesignSessionOut:
    """Store the person's rubric scores; the session ends now."""
    row = _design_row(session, owner, session_id)
    result = engine_score_design(row.prompt_id, scores)
    row.scores = dict(scores)
    row.total = result.total
    row.finished_at = as_utc(now)
    session.flush()
    return _session_out(row)


def get_design_session(session: Session, owner: int, session_id: int) -> DesignSessionOut:
    return _session_out(_design_row(session, owner, session_id))


def list_design_sessions(session: Session, owner: int) -> list[DesignSessionOut]:
    """Sessions, newest first."""
    rows = session.scalars(
        select(DesignSession)
        .where(DesignSession.owner_id == owner)
        .order_by(DesignSession.started_at.desc(), DesignSession.id.desc())
    )
    return [_session_out(row) for row in rows]


class DesignOverview(_Out):
    """The System design page: the prompts, how often each was practised, past sessions."""

    prompts: list[DesignPrompt]
    practised: dict[str, int]
    sessions: list[DesignSessionOut]


def design_overview(session: Session, owner: int) -> DesignOverview:
    sessions = list_design_sessions(session, owner)
    return DesignOverview(
        prompts=design_prompts(),
        practised=dict(Counter(s.prompt_id for s in sessions)),
        sessions=sessions,
    )
