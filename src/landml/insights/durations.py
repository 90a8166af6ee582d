"""Time spent in each stage, counting the applications still waiting in it.

A *spell* is one stay of an application in a stage: from the ledger row that moved it
there to the next row. When an application is still in the stage, the stay has lasted at
least `now - entered` and will last longer: the observation is right-censored. Dropping
such stays biases the figures towards fast answers (the slow ones are exactly those still
open); counting them as finished at `now` biases them the other way. The Kaplan–Meier
estimator uses them correctly: a censored stay counts as "still in the stage" up to the
time it was followed, and no further.

Estimator. Let t_1 < t_2 < ... be the distinct times at which stays ended, d_i the number
that ended at t_i and n_i the number still in the stage just before t_i (stays censored at
t_i count as at risk at t_i). The probability of still being in the stage after t is

    S(t) = product over t_i <= t of (1 - d_i / n_i)

The median is the first time at which S(t) <= 1/2, the 75th percentile the first at which
S(t) <= 1/4. When S never falls that low (too many stays still open), the percentile is
unknown: it lies beyond the longest time observed, which is reported instead. Without
censoring this is the ordinary lower empirical percentile, which is also how the naive
figures (finished stays only) are computed, so the two differ only by the censoring.

Terminal stages (rejected, ghosted, withdrawn, declined, accepted) end an application:
no time is spent "in" them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from math import ceil

from pydantic import BaseModel

from landml.insights.funnel import ApplicationHistory, StagePath

DAY = timedelta(days=1)
MEDIAN = Fraction(1, 2)
P75 = Fraction(3, 4)


@dataclass(frozen=True)
class StageInterval:
    """One row of the ledger with the time the application left the stage (None: still in)."""

    stage: str
    start: datetime
    end: datetime | None
    terminal: bool


def stage_intervals(history: ApplicationHistory, path: StagePath) -> list[StageInterval]:
    """The application's stays, in order; the last one is open unless a later row exists."""
    ledger = history.ledger
    return [
        StageInterval(
            stage=entry.stage,
            start=entry.at,
            end=ledger[i + 1].at if i + 1 < len(ledger) else None,
            terminal=path.is_terminal(entry.stage),
        )
        for i, entry in enumerate(ledger)
    ]


@dataclass(frozen=True)
class Spell:
    """A stay in a stage in days; `ended` is False for a stay still going on (censored)."""

    stage: str
    days: float
    ended: bool


def stage_spells(history: ApplicationHistory, path: StagePath, now: datetime) -> list[Spell]:
    """The application's stays in non-terminal stages, the open one censored at `now`."""
    spells = []
    for interval in stage_intervals(history, path):
        if interval.terminal:
            continue
        end = interval.end if interval.end is not None else now
        # A row dated after `now` (a move logged ahead of time) has not been spent yet.
        days = max((end - interval.start) / DAY, 0.0)
        spells.append(Spell(interval.stage, days, ended=interval.end is not None))
    return spells


@dataclass(frozen=True)
class SurvivalStep:
    """The Kaplan–Meier curve just after an event time."""

    days: float
    at_risk: int
    ended: int
    survival: Fraction


def kaplan_meier(observations: Iterable[tuple[float, bool]]) -> list[SurvivalStep]:
    """The Kaplan–Meier survival curve of (duration, ended) pairs, one step per event time.

    Exact fractions keep "S(t) <= 1/2" free of rounding, so a median that sits exactly on
    a step is found where the hand computation finds it.
    """
    ordered = sorted(observations)
    curve: list[SurvivalStep] = []
    survival = Fraction(1)
    at_risk = len(ordered)
    i = 0
    while i < len(ordered):
        days = ordered[i][0]
        ended = censored = 0
        while i < len(ordered) and ordered[i][0] == days:
            if ordered[i][1]:
                ended += 1
            else:
                censored += 1
            i += 1
        if ended:
            survival *= 1 - Fraction(ended, at_risk)
            curve.append(SurvivalStep(days, at_risk, ended, survival))
        at_risk -= ended + censored
    return curve


def survival_quantile(curve: Sequence[SurvivalStep], q: Fraction) -> float | None:
    """The first time by which a share `q` of the stays had ended, or None if never seen."""
    for step in curve:
        if step.survival <= 1 - q:
            return step.days
    return None


def empirical_quantile(values: Sequence[float], q: Fraction) -> float | None:
    """The lower empirical quantile: the smallest value with at least a share `q` at or below."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(ceil(q * len(ordered)) - 1, 0)]


class StageTime(BaseModel):
    """Time in one stage, in days."""

    stage: str
    label: str
    # Stays observed, and how many of them are still going on (censored).
    spells: int
    open: int
    # Kaplan–Meier estimates counting the open stays; None when more than half (a quarter)
    # of the stays were still open at the longest time observed.
    median_days: float | None
    p75_days: float | None
    longest_observed_days: float
    # The naive figures over finished stays only, shown so the censoring bias is visible.
    finished: int
    finished_median_days: float | None
    finished_p75_days: float | None


def stage_time(stage: str, label: str, spells: Sequence[Spell]) -> StageTime:
    """Kaplan–Meier and naive median and 75th percentile of the stays in one stage."""
    curve = kaplan_meier((s.days, s.ended) for s in spells)
    finished = [s.days for s in spells if s.ended]
    return StageTime(
        stage=stage,
        label=label,
        spells=len(spells),
        open=sum(1 for s in spells if not s.ended),
        median_days=survival_quantile(curve, MEDIAN),
        p75_days=survival_quantile(curve, P75),
        longest_observed_days=max((s.days for s in spells), default=0.0),
        finished=len(finished),
        finished_median_days=empirical_quantile(finished, MEDIAN),
        finished_p75_days=empirical_quantile(finished, P75),
    )


def time_in_stages(
    histories: Iterable[ApplicationHistory], path: StagePath, now: datetime
) -> list[StageTime]:
    """Time in each stage any application stayed in, stages in path order."""
    by_stage: dict[str, list[Spell]] = {}
    for history in histories:
        for spell in stage_spells(history, path, now):
            by_stage.setdefault(spell.stage, []).append(spell)
    ordered = sorted(by_stage, key=lambda key: (path.rank(key), key))
    return [stage_time(key, path.label(key), by_stage[key]) for key in ordered]
