"""The application funnel: how many applications reached each step, overall and by group.

The input is plain data (`ApplicationHistory`: an application and its ordered stage
ledger), so everything here is computed without a database.

An application *reaches* a step when its ledger holds a stage at or beyond the step on the
interview path (stages are ordered by their rank, custom stages included). Skipped stages
count as passed: an application moved straight from applied to onsite was screened too.
That keeps every step a subset of the one before it, so conversion rates never exceed 100%.

- **applied**: reached *applied* or any later open stage. A rejection or a ghosting also
  means the application was sent, since a company can only turn down or ignore an
  application it received.
- **answered**: the company answered: the ledger holds a stage of
  `tracker.stages.ANSWERED_STAGES`, or a stage of the person's own placed after *applied*.
  An explicit rejection without any interview counts: a "no" is an answer, unlike silence
  (ghosted) or the person withdrawing. Replies logged only as interactions, with the stage
  left at *applied*, do not count: move the application when the company answers.
- **screened**: reached *recruiter call* or *technical screen*, or anything beyond.
- **onsite**: reached *onsite / full loop* or beyond.
- **offer**: reached *offer* or *accepted*. *Declined* means an offer was made and turned
  down, so it counts as an offer reached even when the offer itself was not logged.

*Withdrawn* and closed stages of the person's own imply nothing: they close an application
at whatever step it had reached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel

from landml.tracker.stages import ANSWERED_STAGES, BUILTIN_BY_KEY, BUILTIN_STAGES, Stage

FUNNEL_STEPS: tuple[str, ...] = ("applied", "answered", "screened", "onsite", "offer")
STEP_LABELS: dict[str, str] = {
    "applied": "Applied",
    "answered": "Answered",
    "screened": "Screened",
    "onsite": "Onsite",
    "offer": "Offer",
}
FUNNEL_DEFINITIONS: dict[str, str] = {
    "applied": "sent: reached applied or a later stage (a rejection or ghosting implies it)",
    "answered": "the company answered: any stage after applied, rejections included",
    "screened": "reached recruiter call or technical screen, or beyond",
    "onsite": "reached onsite / full loop, or beyond",
    "offer": "reached offer or accepted (declined counts: an offer was made)",
}

# Rank thresholds of the steps placed on the path; "answered" is defined apart.
_STEP_STAGE = {
    "applied": "applied",
    "screened": "recruiter_call",
    "onsite": "onsite",
    "offer": "offer",
}
# Closed outcomes that tell how far an application got: the rank they stand for.
_IMPLIED_BY_OUTCOME = {"rejected": "applied", "ghosted": "applied", "declined": "offer"}


@dataclass(frozen=True)
class LedgerEntry:
    """One move on an application's stage ledger."""

    stage: str
    at: datetime
    reason: str | None = None
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewRecord:
    """An interview logged for an application."""

    at: datetime
    kind: str
    cancelled: bool = False


@dataclass(frozen=True)
class ApplicationHistory:
    """An application as insights see it: who, through which channel, and its ledger."""

    id: int
    company: str
    title: str
    company_kind: str
    channel: str
    role_family: str
    created_at: datetime
    # Ordered by time; never empty (the tracker writes the first row on creation).
    ledger: tuple[LedgerEntry, ...]
    interviews: tuple[InterviewRecord, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.company} · {self.title}"

    @property
    def started_at(self) -> datetime:
        """When the application entered the tracker's path (its first ledger row)."""
        return self.ledger[0].at

    @property
    def current(self) -> LedgerEntry:
        return self.ledger[-1]


@dataclass(frozen=True)
class StagePath:
    """The stages in play, built-in and the person's own, with their ranks."""

    stages: tuple[Stage, ...] = BUILTIN_STAGES
    _by_key: dict[str, Stage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {s.key: s for s in self.stages})

    def get(self, key: str) -> Stage | None:
        return self._by_key.get(key)

    def label(self, key: str) -> str:
        stage = self._by_key.get(key)
        return stage.label if stage else key.replace("_", " ").capitalize()

    def rank(self, key: str) -> float:
        """Path position; unknown stages sort last."""
        stage = self._by_key.get(key)
        return stage.rank if stage else float("inf")

    def is_terminal(self, key: str) -> bool:
        """Whether the stage ends the application (a closed outcome or accepted)."""
        stage = self._by_key.get(key)
        return stage is not None and not stage.active


def _progress_rank(entry_stage: str, path: StagePath) -> float | None:
    """How far along the path a ledger stage shows the application got, or None."""
    implied = _IMPLIED_BY_OUTCOME.get(entry_stage)
    if implied is not None:
        return BUILTIN_BY_KEY[implied].rank
    stage = path.get(entry_stage)
    if stage is None or stage.closed:
        return None
    return stage.rank


def _is_answer(entry_stage: str, path: StagePath) -> bool:
    if entry_stage in ANSWERED_STAGES or entry_stage == "declined":
        return True
    stage = path.get(entry_stage)
    return (
        stage is not None
        and not stage.builtin
        and not stage.closed
        and stage.rank > BUILTIN_BY_KEY["applied"].rank
    )


def milestone_times(history: ApplicationHistory, path: StagePath) -> dict[str, datetime]:
    """When the application first reached each funnel step; steps never reached are absent."""
    reached: dict[str, datetime] = {}
    for entry in history.ledger:
        rank = _progress_rank(entry.stage, path)
        if rank is not None:
            for step, stage_key in _STEP_STAGE.items():
                if rank >= BUILTIN_BY_KEY[stage_key].rank:
                    reached.setdefault(step, entry.at)
        if _is_answer(entry.stage, path):
            reached.setdefault("answered", entry.at)
    return reached


class FunnelStep(BaseModel):
    key: str
    label: str
    count: int
    # Share of the applications sent that reached this step (None when none was sent).
    of_applied: float | None
    # Share of the previous step that reached this one: the step's conversion rate.
    of_previous: float | None


class Funnel(BaseModel):
    """Step counts of one group of applications ("all", or one channel, kind, family)."""

    group: str
    label: str
    steps: list[FunnelStep]

    def count(self, step: str) -> int:
        return next(s.count for s in self.steps if s.key == step)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def funnel(
    histories: Iterable[ApplicationHistory],
    path: StagePath,
    *,
    group: str = "all",
    label: str = "All applications",
) -> Funnel:
    """Count the applications that reached each funnel step."""
    counts = dict.fromkeys(FUNNEL_STEPS, 0)
    for history in histories:
        for step in milestone_times(history, path):
            counts[step] += 1
    applied = counts["applied"]
    steps = []
    previous: int | None = None
    for key in FUNNEL_STEPS:
        count = counts[key]
        steps.append(
            FunnelStep(
                key=key,
                label=STEP_LABELS[key],
                count=count,
                of_applied=_share(count, applied),
                of_previous=None if previous is None else _share(count, previous),
            )
        )
        previous = count
    return Funnel(group=group, label=label, steps=steps)


def funnel_by(
    histories: Sequence[ApplicationHistory],
    path: StagePath,
    key: Callable[[ApplicationHistory], str],
    labeller: Callable[[str], str],
) -> list[Funnel]:
    """One funnel per group (channel, company kind...), largest first.

    Groups where no application was sent are left out: they would show only zeros.
    """
    groups: dict[str, list[ApplicationHistory]] = {}
    for history in histories:
        groups.setdefault(key(history), []).append(history)
    funnels = [
        funnel(members, path, group=name, label=labeller(name)) for name, members in groups.items()
    ]
    funnels = [f for f in funnels if f.count("applied")]
    return sorted(funnels, key=lambda f: (-f.count("applied"), f.label))


class ResponseRate(BaseModel):
    """How many of the applications sent got any answer, and where the others stand."""

    applied: int
    answered: int
    rate: float | None
    # Sent, no answer, still open: the company may yet answer.
    waiting: int
    # Sent, no answer, and closed (ghosted, withdrawn...).
    closed_unanswered: int
    note: str


NO_ANSWER_NOTE = (
    "In most job hunts, most applications never get an answer of any kind: silence is the "
    "usual outcome of an application, not a verdict on you. In general experience, referrals "
    "and direct messages to people at the company are answered more often than applications "
    "sent through a job portal; compare the channels below."
)


def response_rate(histories: Iterable[ApplicationHistory], path: StagePath) -> ResponseRate:
    """The share of sent applications that got an answer, with the unanswered split."""
    applied = answered = waiting = closed_unanswered = 0
    for history in histories:
        reached = milestone_times(history, path)
        if "applied" not in reached:
            continue
        applied += 1
        if "answered" in reached:
            answered += 1
        elif path.is_terminal(history.current.stage):
            closed_unanswered += 1
        else:
            waiting += 1
    return ResponseRate(
        applied=applied,
        answered=answered,
        rate=_share(answered, applied),
        waiting=waiting,
        closed_unanswered=closed_unanswered,
        note=NO_ANSWER_NOTE,
    )
