"""A day-by-day interview prep plan, from the announced rounds and the person's weak areas.

How time is shared. Every day from today to the last round, each round still ahead earns
credit in proportion to its weight

    weight = heaviness(kind) × (1 + weakness(kind)) / days until the round

so the nearest rounds, the kinds that need the most practice (coding, ML coding, system
design, a job talk) and the kinds the person is weak at get the most time. Credit carries
over from day to day and is paid out in blocks of at least 15 minutes, so a light round
(a recruiter call) still gets a real session every few days instead of five scattered
minutes daily. On a round's own day it gets only a short warm-up.

What a block becomes. Each round kind turns its minutes into concrete tasks: exercises
(those failed before first), drills of bank questions on the weakest topics, a timed system
design mock with a shipped prompt, STAR story writing and rehearsal, pitches, job talk
rehearsals. Each task says why it is there ("ML coding round in 5 days; your attention
exercises failed twice").

The plan is pure and deterministic: the same inputs give the same plan.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from landml.errors import InvalidInput
from landml.prep.bank import TOPICS as BANK_TOPICS
from landml.prep.bank import BankItem
from landml.prep.design import DesignPrompt, design_prompts
from landml.prep.exercises import TOPICS as EXERCISE_TOPICS
from landml.tracker.vocab import InterviewKind, label

MAX_HORIZON_DAYS = 180
MAX_MINUTES_PER_DAY = 12 * 60
BLOCK_STEP = 5  # minutes are planned in steps of five
MIN_BLOCK = 15  # a session shorter than this is not worth starting
WARM_UP_MINUTES = 15
MAX_WARM_UP_MINUTES = 30
REVIEW_SECONDS_PER_CARD = 30  # a spaced-repetition review, answer and grade
MAX_REVIEW_SHARE = 0.3  # reviews never take more than this share of a day
DAILY_REVIEW_MINUTES = 10  # on later days, when the budget allows it
DAILY_REVIEW_MIN_BUDGET = 60
DESIGN_MOCK_MINUTES = 40
# Failing an exercise marks its topic weak even if the caller did not say so.
WEAKNESS_PER_FAILURE = 0.35

# How much preparation a round kind usually needs, relative to a coding round.
HEAVINESS: dict[str, float] = {
    "coding": 1.0,
    "ml_coding": 1.0,
    "ml_system_design": 1.0,
    "job_talk": 1.0,
    "take_home": 1.0,
    "ml_debugging": 0.8,
    "ml_concepts": 0.8,
    "dl_llm_concepts": 0.8,
    "probability_stats": 0.8,
    "behavioral": 0.6,
    "hiring_manager": 0.5,
    "other": 0.5,
    "recruiter_call": 0.3,
    "team_matching": 0.3,
}
# An onsite announced without its rounds is planned as the rounds most onsites contain.
ONSITE_ROUNDS: tuple[str, ...] = ("coding", "ml_system_design", "behavioral")
KIND_ORDER: dict[str, int] = {kind.value: i for i, kind in enumerate(InterviewKind)}

# Which round kinds each bank area prepares, so a weak area raises the right rounds.
AREA_ROUNDS: dict[str, tuple[str, ...]] = {
    "coding": ("coding",),
    "ml_fundamentals": ("ml_concepts", "ml_coding", "ml_debugging"),
    "dl_llm": ("dl_llm_concepts", "ml_coding"),
    "probability_stats": ("probability_stats",),
    "ml_system_design": ("ml_system_design",),
    "behavioral": ("behavioral", "hiring_manager", "recruiter_call", "team_matching"),
}
# The bank area drilled for each round kind, and minutes per question (answer aloud, check).
DRILL_AREA: dict[str, tuple[str, int]] = {
    "coding": ("coding", 20),
    "ml_coding": ("ml_fundamentals", 10),
    "ml_debugging": ("ml_fundamentals", 10),
    "ml_concepts": ("ml_fundamentals", 8),
    "dl_llm_concepts": ("dl_llm", 8),
    "probability_stats": ("probability_stats", 10),
    "ml_system_design": ("ml_system_design", 10),
    "behavioral": ("behavioral", 8),
}
DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}

PlanItemKind = Literal[
    "review",
    "warm_up",
    "exercise",
    "drill",
    "design_mock",
    "design_study",
    "stories",
    "recruiter_pitch",
    "questions",
    "job_talk",
    "take_home",
    "format_review",
]


class PlannedRound(BaseModel):
    """An announced round: its kind and date, and an optional label ("Onsite at Acme")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: InterviewKind
    date: dt.date
    label: str | None = None


class ExerciseRef(BaseModel):
    """An exercise as the plan needs it, with the person's results on it so far."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    title: str
    kind: Literal["coding", "debugging"]
    topic: str
    difficulty: Literal["easy", "medium", "hard"] = "medium"
    time_target_minutes: int = Field(ge=1)
    failures: int = Field(default=0, ge=0)
    passed: bool = False

    @classmethod
    def from_exercise(
        cls, exercise: object, *, failures: int = 0, passed: bool = False
    ) -> ExerciseRef:
        """Build from a catalogue exercise (any object with the same attributes)."""
        base = cls.model_validate(exercise, from_attributes=True)
        return base.model_copy(update={"failures": failures, "passed": passed})


class PlanItem(BaseModel):
    """One task on one day, with the round it prepares and why it is there."""

    day: dt.date
    kind: PlanItemKind
    title: str
    minutes: int
    round_kind: InterviewKind | None
    round_date: dt.date | None
    topic: str | None = None
    refs: list[str] = Field(default_factory=list)
    reason: str


class PlanDay(BaseModel):
    date: dt.date
    minutes: int
    items: list[PlanItem]


class KindFocus(BaseModel):
    """How much of the plan goes to one round kind, and the weakness that raised it."""

    kind: InterviewKind
    rounds: int
    minutes: int
    share: float
    weakness: float
    weak_because: list[str]


class Plan(BaseModel):
    today: dt.date
    minutes_per_day: int
    rounds: list[PlannedRound]
    days: list[PlanDay]
    focus: list[KindFocus]
    notes: list[str]

    @property
    def total_minutes(self) -> int:
        return sum(day.minutes for day in self.days)


# Validation


def _validate(
    rounds: Sequence[PlannedRound],
    today: dt.date,
    weak_areas: dict[str, float],
    minutes_per_day: int,
    due_reviews: int,
) -> None:
    if not rounds:
        raise InvalidInput(
            "No interview rounds to plan for.",
            hint="Add the announced rounds with their kinds and dates, or use a default loop.",
        )
    past = sorted((r for r in rounds if r.date < today), key=lambda r: r.date)
    if past:
        first = past[0]
        raise InvalidInput(
            f"The {label(first.kind.value)} round on {first.date} is in the past.",
            hint=f"Update its date or remove it; plans start today ({today}).",
        )
    last = max(r.date for r in rounds)
    if (last - today).days > MAX_HORIZON_DAYS:
        raise InvalidInput(
            f"The last round is {(last - today).days} days away.",
            hint=f"Plan at most {MAX_HORIZON_DAYS} days ahead; plan again nearer the time.",
        )
    if minutes_per_day <= 0:
        raise InvalidInput(
            f"A daily budget of {minutes_per_day} minutes leaves no time to prepare.",
            hint="Give the minutes you can practise on a typical day, e.g. 60.",
        )
    if minutes_per_day > MAX_MINUTES_PER_DAY:
        raise InvalidInput(
            f"{minutes_per_day} minutes a day is more than anyone can practise well.",
            hint=f"Give at most {MAX_MINUTES_PER_DAY} minutes a day.",
        )
    bad = sorted(key for key, value in weak_areas.items() if not 0.0 <= value <= 1.0)
    if bad:
        got = ", ".join(f"{key}={weak_areas[key]}" for key in bad)
        raise InvalidInput(
            f"Weakness must be between 0 and 1; got {got}.",
            hint="0 means strong, 1 means weakest.",
        )
    if due_reviews < 0:
        raise InvalidInput(
            f"due_reviews cannot be negative ({due_reviews}).", hint="Pass 0 or more."
        )


def _expand_onsites(rounds: Sequence[PlannedRound]) -> tuple[list[PlannedRound], list[str]]:
    expanded: list[PlannedRound] = []
    notes = []
    for round_ in rounds:
        if round_.kind != InterviewKind.onsite:
            expanded.append(round_)
            continue
        expanded.extend(
            PlannedRound(kind=InterviewKind(kind), date=round_.date, label=round_.label)
            for kind in ONSITE_ROUNDS
        )
        notes.append(
            f"The onsite on {round_.date} is planned as coding, ML system design and behavioral "
            "rounds; enter its announced rounds to focus the plan."
        )
    expanded.sort(key=lambda r: (r.date, KIND_ORDER[r.kind.value]))
    return expanded, notes


# Weakness


def _failures_by_topic(exercises: Sequence[ExerciseRef]) -> Counter[str]:
    failures: Counter[str] = Counter()
    for exercise in exercises:
        failures[exercise.topic] += exercise.failures
    return failures


def _effective_weakness(
    weak_areas: dict[str, float], exercises: Sequence[ExerciseRef]
) -> dict[str, float]:
    """The given weaknesses, raised for exercise topics the person failed."""
    weakness = {key.strip().lower(): value for key, value in weak_areas.items()}
    for topic, count in _failures_by_topic(exercises).items():
        if count:
            weakness[topic] = max(weakness.get(topic, 0.0), min(1.0, WEAKNESS_PER_FAILURE * count))
    return weakness


def _rounds_for_key(
    key: str, bank: Sequence[BankItem], exercises: Sequence[ExerciseRef]
) -> set[str]:
    """The round kinds a weak area (round kind, bank area or topic, exercise topic) affects."""
    kinds: set[str] = set()
    if key in KIND_ORDER:
        kinds.add(key)
    if key in AREA_ROUNDS:
        kinds.update(AREA_ROUNDS[key])
    for area, topics in BANK_TOPICS.items():
        if key in topics:
            kinds.update(AREA_ROUNDS[area])
    kinds.update(item.round_kind for item in bank if item.topic == key)
    given = {ex.kind for ex in exercises if ex.topic == key}
    if key in EXERCISE_TOPICS and not given:
        given = {"coding", "debugging"}
    kinds.update("ml_coding" if kind == "coding" else "ml_debugging" for kind in given)
    return kinds


@dataclass(frozen=True)
class _Weakness:
    by_kind: dict[str, float]
    because: dict[str, list[str]]
    topics: dict[str, float]
    unmatched: list[str]


def _weakness(
    weak_areas: dict[str, float], bank: Sequence[BankItem], exercises: Sequence[ExerciseRef]
) -> _Weakness:
    topics = _effective_weakness(weak_areas, exercises)
    by_kind: dict[str, float] = {}
    because: dict[str, list[str]] = {}
    unmatched = []
    for key, value in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])):
        kinds = _rounds_for_key(key, bank, exercises)
        if not kinds:
            unmatched.append(key)
        for kind in kinds:
            by_kind[kind] = max(by_kind.get(kind, 0.0), value)
            if value > 0:
                because.setdefault(kind, []).append(key)
    return _Weakness(by_kind=by_kind, because=because, topics=topics, unmatched=unmatched)


# Sharing the days


def _weight(round_: PlannedRound, day: dt.date, weakness: _Weakness) -> float:
    days_left = (round_.date - day).days
    kind = round_.kind.value
    return HEAVINESS.get(kind, 0.5) * (1 + weakness.by_kind.get(kind, 0.0)) / days_left


def _round_down(minutes: float) -> int:
    return int(minutes // BLOCK_STEP) * BLOCK_STEP


def _share_day(
    active: list[tuple[int, PlannedRound]],
    budget: int,
    day: dt.date,
    weakness: _Weakness,
    credit: dict[int, float],
) -> list[tuple[PlannedRound, int]]:
    """Split `budget` minutes among the rounds ahead (keyed by their position in the plan's
    round list); credit carries over between days."""
    weights = {i: _weight(r, day, weakness) for i, r in active}
    total = sum(weights.values())
    for i, _ in active:
        credit[i] = credit.get(i, 0.0) + budget * weights[i] / total
    min_block = min(MIN_BLOCK, budget)
    order = sorted(
        active, key=lambda ir: (-credit[ir[0]], ir[1].date, KIND_ORDER[ir[1].kind.value], ir[0])
    )
    blocks: dict[int, int] = {}
    left = budget
    for i, _ in order:
        block = min(_round_down(credit[i]), left)
        if block >= min_block:
            blocks[i] = block
            credit[i] -= block
            left -= block
    if left > 0 and (blocks or left >= min_block):
        # Rounding leftovers go to the round owed the most, merged into its block.
        first = order[0][0] if not blocks else max(blocks, key=lambda i: (credit[i], -i))
        blocks[first] = blocks.get(first, 0) + left
        credit[first] -= left
    return [(r, blocks[i]) for i, r in active if i in blocks]


# Turning minutes into tasks


@dataclass
class _State:
    """What the plan has used so far, so tasks rotate instead of repeating."""

    bank_by_area: dict[str, list[BankItem]]
    exercises: list[ExerciseRef]
    prompts: list[DesignPrompt]
    weakness: _Weakness
    used_items: set[str] = field(default_factory=set)
    exercise_uses: Counter[str] = field(default_factory=Counter)
    topic_uses: Counter[str] = field(default_factory=Counter)
    prompt_uses: Counter[str] = field(default_factory=Counter)
    sessions: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Block:
    kind: str
    minutes: int
    rounds: list[PlannedRound]
    day: dt.date

    @property
    def first(self) -> PlannedRound:
        return min(self.rounds, key=lambda r: r.date)


def _when(days: int) -> str:
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def kind_words(kind: str) -> str:
    """A round kind's label for the middle of a sentence: "coding", "ML system design"."""
    name = label(kind)
    first = name.split()[0]
    return name if first.isupper() else name[0].lower() + name[1:]


def _round_phrase(block: _Block) -> str:
    first = block.first
    days = (first.date - block.day).days
    same_day = [r for r in block.rounds if r.date == first.date]
    if len(same_day) > 1:
        return f"{len(same_day)} {kind_words(block.kind)} rounds {_when(days)}"
    return f"{label(block.kind)} round {_when(days)}"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _topic_words(topic: str) -> str:
    return topic.replace("_", " ")


def _weak_phrase(topic: str, state: _State) -> str:
    failures = _failures_by_topic(state.exercises)[topic]
    if failures:
        return f"your {_topic_words(topic)} exercises failed {_times(failures)}"
    value = state.weakness.topics.get(topic, 0.0)
    if value > 0:
        return f"{_topic_words(topic)} is one of your weak areas (weakness {value:.1f})"
    return ""


def _reason(block: _Block, state: _State, topic: str | None = None) -> str:
    """Why a task is there: the round it prepares, and the weakness behind it.

    A task on a topic names that topic's weakness only; a task without one names the
    weakness that raised its round kind, if any.
    """
    if topic is not None:
        weak = _weak_phrase(topic, state)
    else:
        keys = state.weakness.because.get(block.kind, [])
        weak = _weak_phrase(keys[0], state) if keys else ""
    return f"{_round_phrase(block)}; {weak}." if weak else f"{_round_phrase(block)}."


def _item(
    block: _Block,
    kind: PlanItemKind,
    title: str,
    minutes: int,
    reason: str,
    *,
    topic: str | None = None,
    refs: Sequence[str] = (),
) -> PlanItem:
    return PlanItem(
        day=block.day,
        kind=kind,
        title=title,
        minutes=minutes,
        round_kind=InterviewKind(block.kind),
        round_date=block.first.date,
        topic=topic,
        refs=list(refs),
        reason=reason,
    )


def _drill_topic(area: str, state: _State, round_kind: str) -> str | None:
    items = state.bank_by_area.get(area, [])
    preferred = [i for i in items if i.round_kind == round_kind] or items
    topics = sorted({i.topic for i in preferred})
    if not topics:
        return None
    if all(i.id in state.used_items for i in preferred):
        state.used_items.difference_update(i.id for i in preferred)  # start a new pass
    open_topics = [
        t for t in topics if any(i.topic == t and i.id not in state.used_items for i in preferred)
    ]
    return min(
        open_topics,
        key=lambda t: (-state.weakness.topics.get(t, 0.0), state.topic_uses[t], t),
    )


def _drill(
    block: _Block, minutes: int, state: _State, *, topic: str | None = None
) -> list[PlanItem]:
    area, per_item = DRILL_AREA[block.kind]
    count = max(1, minutes // per_item)
    chosen_topic = topic or _drill_topic(area, state, block.kind)
    what = "problem" if area == "coding" else "question"
    if chosen_topic is None:
        title = f"Drill {count} {_topic_words(area)} {what}{'s' if count > 1 else ''} aloud, timed"
        return [_item(block, "drill", title, minutes, _reason(block, state))]
    on_topic = [i for i in state.bank_by_area.get(area, []) if i.topic == chosen_topic]
    if all(i.id in state.used_items for i in on_topic):
        state.used_items.difference_update(i.id for i in on_topic)  # start a new pass
    pool = sorted(
        (i for i in on_topic if i.id not in state.used_items),
        key=lambda i: (DIFFICULTY_ORDER[i.difficulty], i.id),
    )
    picked = pool[:count]
    state.used_items.update(i.id for i in picked)
    state.topic_uses[chosen_topic] += 1
    verb = "Solve" if area == "coding" else "Answer aloud"
    n = len(picked) or count
    title = f"{verb} {n} {what}{'s' if n > 1 else ''} on {_topic_words(chosen_topic)}"
    return [
        _item(
            block,
            "drill",
            title,
            minutes,
            _reason(block, state, chosen_topic),
            topic=chosen_topic,
            refs=[i.id for i in picked],
        )
    ]


def _exercise_order(exercise: ExerciseRef, state: _State) -> tuple[int, int, float, int, int, str]:
    return (
        state.exercise_uses[exercise.id],
        -exercise.failures,
        -state.weakness.topics.get(exercise.topic, 0.0),
        int(exercise.passed),
        DIFFICULTY_ORDER[exercise.difficulty],
        exercise.id,
    )


def _exercises(
    block: _Block, state: _State, kind: Literal["coding", "debugging"]
) -> list[PlanItem]:
    pool = sorted(
        (ex for ex in state.exercises if ex.kind == kind), key=lambda ex: _exercise_order(ex, state)
    )
    items: list[PlanItem] = []
    left = block.minutes
    for exercise in pool:
        fits = exercise.time_target_minutes <= left
        if not fits and items:
            continue
        minutes = min(exercise.time_target_minutes, left) if fits else left
        state.exercise_uses[exercise.id] += 1
        verb = "Practise" if fits else "Start"
        details = (
            f"{kind}, {_topic_words(exercise.topic)}, {exercise.time_target_minutes} min target"
        )
        items.append(
            _item(
                block,
                "exercise",
                f"{verb} exercise '{exercise.title}' ({details})",
                minutes,
                _reason(block, state, exercise.topic),
                topic=exercise.topic,
                refs=[exercise.id],
            )
        )
        left -= minutes
        if left < MIN_BLOCK:
            break
    if left >= MIN_BLOCK or not items:
        drill_topic = "ml_from_scratch" if kind == "coding" else "ml_debugging"
        has_topic = any(
            i.topic == drill_topic for i in state.bank_by_area.get("ml_fundamentals", [])
        )
        items += _drill(block, left, state, topic=drill_topic if has_topic else None)
    elif items and left:
        last = items[-1]
        items[-1] = last.model_copy(update={"minutes": last.minutes + left})
    return items


def _pick_prompt(state: _State) -> DesignPrompt:
    return min(
        state.prompts,
        key=lambda p: (
            state.prompt_uses[p.id],
            -max((state.weakness.topics.get(t, 0.0) for t in p.topics), default=0.0),
            state.prompts.index(p),
        ),
    )


def _system_design(block: _Block, state: _State) -> list[PlanItem]:
    if block.minutes >= DESIGN_MOCK_MINUTES and state.prompts:
        prompt = _pick_prompt(state)
        state.prompt_uses[prompt.id] += 1
        items = [
            _item(
                block,
                "design_mock",
                f"Timed system design mock: {prompt.title} ({DESIGN_MOCK_MINUTES} min), "
                "then score yourself with its rubric",
                DESIGN_MOCK_MINUTES,
                _reason(block, state, _weakest_topic(prompt.topics, state)),
                refs=[prompt.id],
            )
        ]
        rest = block.minutes - DESIGN_MOCK_MINUTES
        if rest >= MIN_BLOCK:
            items += _drill(block, rest, state)
        elif rest:
            items[0] = items[0].model_copy(update={"minutes": block.minutes})
        return items
    if state.bank_by_area.get("ml_system_design"):
        return _drill(block, block.minutes, state)
    study = _pick_prompt(state) if state.prompts else None
    title = (
        f"Study the framework steps on '{study.title}': requirements, data, model, evaluation, "
        "serving, monitoring"
        if study
        else "Study the system design framework steps"
    )
    return [
        _item(
            block,
            "design_study",
            title,
            block.minutes,
            _reason(block, state),
            refs=[study.id] if study else [],
        )
    ]


def _weakest_topic(topics: Sequence[str], state: _State) -> str | None:
    weak = [t for t in topics if state.weakness.topics.get(t, 0.0) > 0]
    return max(weak, key=lambda t: state.weakness.topics[t]) if weak else None


def _behavioral(block: _Block, state: _State) -> list[PlanItem]:
    state.sessions["behavioral"] += 1
    if state.sessions["behavioral"] == 1:
        return [
            _item(
                block,
                "stories",
                "Write STAR stories for conflict, failure, ambiguity, impact and leadership, "
                "each with a measured result, and check them",
                block.minutes,
                _reason(block, state),
            )
        ]
    rehearse = min(block.minutes, max(MIN_BLOCK, _round_down(block.minutes / 2)))
    items = [
        _item(
            block,
            "stories",
            "Rehearse your STAR stories aloud, two minutes each, with a timer",
            rehearse,
            _reason(block, state),
        )
    ]
    if block.minutes - rehearse >= MIN_BLOCK:
        items += _drill(block, block.minutes - rehearse, state)
    elif block.minutes > rehearse:
        items[0] = items[0].model_copy(update={"minutes": block.minutes})
    return items


def _job_talk(block: _Block, state: _State) -> list[PlanItem]:
    state.sessions["job_talk"] += 1
    days = (block.first.date - block.day).days
    if state.sessions["job_talk"] == 1:
        title = "Outline the job talk: one thesis, a roadmap early, minutes per part; check it"
    elif days <= 2:
        title = "Full job talk dress rehearsal with a timer, then practise answering questions"
    else:
        title = "Rehearse the job talk aloud with a timer and note where you run over"
    return [_item(block, "job_talk", title, block.minutes, _reason(block, state))]


_SIMPLE_TASKS: dict[str, tuple[PlanItemKind, str]] = {
    "recruiter_call": (
        "recruiter_pitch",
        "Prepare and say aloud two or three 30-60 second project pitches and your ask "
        "(role and team), then pick questions for the recruiter",
    ),
    "hiring_manager": (
        "questions",
        "Prepare for the hiring manager: why this team, two stories about ownership, and "
        "three to five questions to ask",
    ),
    "team_matching": (
        "questions",
        "Prepare for team matching: what you want to work on, a pitch of your best project, "
        "and questions about each team's ML stack and roadmap",
    ),
    "take_home": ("take_home", "Work on the take-home"),
    "other": ("format_review", "Review the announced format and practise what it names"),
}


def _tasks(block: _Block, state: _State) -> list[PlanItem]:
    kind = block.kind
    if kind == "ml_coding" and any(ex.kind == "coding" for ex in state.exercises):
        return _exercises(block, state, "coding")
    if kind == "ml_debugging" and any(ex.kind == "debugging" for ex in state.exercises):
        return _exercises(block, state, "debugging")
    if kind == "ml_system_design":
        return _system_design(block, state)
    if kind == "behavioral":
        return _behavioral(block, state)
    if kind == "job_talk":
        return _job_talk(block, state)
    if kind in DRILL_AREA:
        return _drill(block, block.minutes, state)
    item_kind, title = _SIMPLE_TASKS[kind]
    if kind == "take_home":
        title = f"{title} (due {block.first.date})"
    return [_item(block, item_kind, title, block.minutes, _reason(block, state))]


# Assembling the plan


def _review_item(
    day: dt.date, today: dt.date, budget: int, due_reviews: int, *, reviewing: bool
) -> PlanItem | None:
    """Today's due cards; on later days a short daily review when the person reviews cards
    (cards are due today, or the plan drills bank questions, which come back for review)."""
    cap = _round_down(budget * MAX_REVIEW_SHARE)
    if day == today:
        if not due_reviews or cap < BLOCK_STEP:
            return None
        wanted = math.ceil(due_reviews * REVIEW_SECONDS_PER_CARD / 60 / BLOCK_STEP) * BLOCK_STEP
        minutes = min(wanted, cap)
        return PlanItem(
            day=day,
            kind="review",
            title=f"Review {due_reviews} due card{'s' if due_reviews != 1 else ''}",
            minutes=minutes,
            round_kind=None,
            round_date=None,
            reason=f"{due_reviews} card(s) are due today; reviewing them on time keeps earlier "
            "practice from fading.",
        )
    if not reviewing or budget < DAILY_REVIEW_MIN_BUDGET:
        return None
    return PlanItem(
        day=day,
        kind="review",
        title="Review the cards due today",
        minutes=DAILY_REVIEW_MINUTES,
        round_kind=None,
        round_date=None,
        reason="Questions you drill come back for review on a schedule; a few minutes a day "
        "keeps them fresh.",
    )


def _warm_up(day: dt.date, todays: list[PlannedRound], budget: int) -> list[PlanItem]:
    kinds = list(dict.fromkeys(r.kind for r in todays))
    if not kinds or budget <= 0:
        return []
    names = _join([kind_words(kind.value) for kind in kinds])
    rounds = "round" if len(kinds) == 1 else "rounds"
    minutes = min(WARM_UP_MINUTES + BLOCK_STEP * (len(kinds) - 1), MAX_WARM_UP_MINUTES, budget)
    return [
        PlanItem(
            day=day,
            kind="warm_up",
            title=f"Warm up for today's {names} {rounds}: light review, no new material",
            minutes=minutes,
            round_kind=kinds[0],
            round_date=day,
            reason=f"Your {names} {rounds} {'is' if len(kinds) == 1 else 'are'} today; "
            "arrive rested and warmed up.",
        )
    ]


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _blocks_by_kind(shares: list[tuple[PlannedRound, int]], day: dt.date) -> list[_Block]:
    grouped: dict[str, list[tuple[PlannedRound, int]]] = {}
    for round_, minutes in shares:
        grouped.setdefault(round_.kind.value, []).append((round_, minutes))
    blocks = [
        _Block(kind=kind, minutes=sum(m for _, m in group), rounds=[r for r, _ in group], day=day)
        for kind, group in grouped.items()
    ]
    blocks.sort(key=lambda b: (b.first.date, KIND_ORDER[b.kind]))
    return blocks


def _plan_day(
    day: dt.date,
    today: dt.date,
    rounds: list[PlannedRound],
    budget: int,
    due_reviews: int,
    state: _State,
    credit: dict[int, float],
) -> PlanDay:
    items: list[PlanItem] = []
    todays = [r for r in rounds if r.date == day]
    active = [(i, r) for i, r in enumerate(rounds) if r.date > day]
    items += _warm_up(day, todays, budget)
    reviewing = due_reviews > 0 or bool(state.bank_by_area)
    review = _review_item(
        day, today, budget - sum(i.minutes for i in items), due_reviews, reviewing=reviewing
    )
    if review is not None and active:
        items.insert(0, review)
    left = budget - sum(i.minutes for i in items)
    if active and left >= BLOCK_STEP:
        for block in _blocks_by_kind(_share_day(active, left, day, state.weakness, credit), day):
            items += _tasks(block, state)
    return PlanDay(date=day, minutes=sum(i.minutes for i in items), items=items)


def _focus(rounds: list[PlannedRound], days: list[PlanDay], weakness: _Weakness) -> list[KindFocus]:
    minutes: Counter[str] = Counter()
    for day in days:
        for item in day.items:
            if item.round_kind is not None and item.kind != "warm_up":
                minutes[item.round_kind.value] += item.minutes
    total = sum(minutes.values()) or 1
    kinds = sorted({r.kind.value for r in rounds}, key=lambda k: KIND_ORDER[k])
    return [
        KindFocus(
            kind=InterviewKind(kind),
            rounds=sum(1 for r in rounds if r.kind.value == kind),
            minutes=minutes[kind],
            share=minutes[kind] / total,
            weakness=weakness.by_kind.get(kind, 0.0),
            weak_because=weakness.because.get(kind, []),
        )
        for kind in kinds
    ]


def _index_bank(bank: Sequence[BankItem]) -> dict[str, list[BankItem]]:
    by_area: dict[str, list[BankItem]] = {}
    for item in sorted(bank, key=lambda i: i.id):
        by_area.setdefault(item.area, []).append(item)
    return by_area


def build_plan(
    rounds: Sequence[PlannedRound],
    *,
    today: dt.date,
    weak_areas: dict[str, float] | None = None,
    minutes_per_day: int,
    bank: Sequence[BankItem] | None = None,
    exercises: Sequence[ExerciseRef] | None = None,
    due_reviews: int = 0,
) -> Plan:
    """A day-by-day plan from `today` to the last round (see the module docstring).

    `weak_areas` maps round kinds, bank areas or topics, or exercise topics to a weakness
    between 0 (strong) and 1 (weakest). Raises InvalidInput for no rounds, a round in the
    past, a zero budget, a weakness outside 0..1 or a horizon beyond 180 days.
    """
    weak = dict(weak_areas or {})
    _validate(rounds, today, weak, minutes_per_day, due_reviews)
    expanded, notes = _expand_onsites(rounds)
    bank_items = list(bank or [])
    exercise_refs = sorted(exercises or [], key=lambda ex: ex.id)
    weakness = _weakness(weak, bank_items, exercise_refs)
    notes += [
        f"Weak area '{key}' matches no round kind, bank area or topic, or exercise topic; "
        "it was not used."
        for key in weakness.unmatched
    ]
    state = _State(
        bank_by_area=_index_bank(bank_items),
        exercises=exercise_refs,
        prompts=design_prompts(),
        weakness=weakness,
    )
    credit: dict[int, float] = {}
    last = max(r.date for r in expanded)
    days = [
        _plan_day(
            today + dt.timedelta(days=offset),
            today,
            expanded,
            minutes_per_day,
            due_reviews,
            state,
            credit,
        )
        for offset in range((last - today).days + 1)
    ]
    return Plan(
        today=today,
        minutes_per_day=minutes_per_day,
        rounds=expanded,
        days=days,
        focus=_focus(expanded, days, weakness),
        notes=notes,
    )


def plan_items_for(plan: Plan, day: dt.date) -> list[PlanItem]:
    """The plan's tasks for one day (empty outside the plan), for `landml today`."""
    for plan_day in plan.days:
        if plan_day.date == day:
            return list(plan_day.items)
    return []
