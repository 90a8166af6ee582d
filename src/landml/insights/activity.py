"""What the person did and what came back: applications sent, answers received and
interviews held, week by week against the daily goal, cumulated over time; and the
reasons rejections gave, with the skills they named.

Events are dated from the ledger: an application is *sent* when it first reached the
funnel's "applied" step and *answered* when it first reached "answered" (see
`insights.funnel`). Interviews are the logged interviews that have started and were not
cancelled; for an application with no interview logged at all, each move into an
interview stage (recruiter call, technical screen, onsite, team matching) counts as one,
so a person who only moves cards still sees their interviews.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from pydantic import BaseModel

from landml.insights.funnel import ApplicationHistory, StagePath, milestone_times

# Stages that are, or start with, a conversation with the company.
INTERVIEW_STAGES = frozenset({"recruiter_call", "tech_screen", "onsite", "team_match"})
SERIES = ("applications", "answers", "interviews")
SERIES_LABELS = {
    "applications": "Applications sent",
    "answers": "Answers received",
    "interviews": "Interviews held",
}


def interview_times(history: ApplicationHistory, now: datetime) -> list[datetime]:
    """When the application's interviews took place (see the module docstring)."""
    if history.interviews:
        return sorted(iv.at for iv in history.interviews if not iv.cancelled and iv.at <= now)
    return [e.at for e in history.ledger if e.stage in INTERVIEW_STAGES and e.at <= now]


@dataclass(frozen=True)
class ActivityEvent:
    series: str  # one of SERIES
    at: datetime
    application_id: int


def activity_events(
    histories: Iterable[ApplicationHistory], path: StagePath, now: datetime
) -> list[ActivityEvent]:
    """Every application sent, answer received and interview held up to `now`, by time."""
    events = []
    for history in histories:
        reached = milestone_times(history, path)
        for series, step in (("applications", "applied"), ("answers", "answered")):
            at = reached.get(step)
            if at is not None and at <= now:
                events.append(ActivityEvent(series, at, history.id))
        events += [
            ActivityEvent("interviews", at, history.id) for at in interview_times(history, now)
        ]
    return sorted(events, key=lambda e: (e.at, SERIES.index(e.series), e.application_id))


class CumulativePoint(BaseModel):
    """The running total of one series just after `at`."""

    series: str
    at: datetime
    total: int


def cumulative_counts(
    events: Sequence[ActivityEvent], *, start: datetime, now: datetime
) -> list[CumulativePoint]:
    """Running totals of each series, from zero at `start` to their value at `now`.

    Each series gets a point at `start` and at `now`, so step lines span the whole period.
    """
    points: list[CumulativePoint] = []
    for series in SERIES:
        total = 0
        points.append(CumulativePoint(series=series, at=start, total=0))
        for event in events:
            if event.series == series:
                total += 1
                points.append(CumulativePoint(series=series, at=event.at, total=total))
        points.append(CumulativePoint(series=series, at=now, total=total))
    return points


class WeekActivity(BaseModel):
    """One week (Monday to Sunday, in the person's time zone)."""

    week_start: date
    applications: int
    answers: int
    interviews: int
    # Days of the week inside the period looked at (the first and current weeks are partial).
    active_days: int
    # The daily goal times the active days: applications the goal asked for this week.
    goal: int


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_activity(
    events: Iterable[ActivityEvent],
    *,
    first_day: date,
    today: date,
    daily_goal: int,
    tz: tzinfo,
) -> list[WeekActivity]:
    """Counts per week from `first_day`'s week to `today`'s, with the week's goal.

    The goal applies every day of the period, weekends included, as `landml today` does;
    days before `first_day` or after `today` do not count towards it.
    """
    counts: Counter[tuple[date, str]] = Counter()
    for event in events:
        day = event.at.astimezone(tz).date()
        if first_day <= day <= today:
            counts[(week_start(day), event.series)] += 1
    weeks = []
    monday = week_start(first_day)
    while monday <= today:
        first = max(monday, first_day)
        last = min(monday + timedelta(days=6), today)
        active = (last - first).days + 1
        weeks.append(
            WeekActivity(
                week_start=monday,
                applications=counts[(monday, "applications")],
                answers=counts[(monday, "answers")],
                interviews=counts[(monday, "interviews")],
                active_days=active,
                goal=daily_goal * active,
            )
        )
        monday += timedelta(days=7)
    return weeks


class CountedText(BaseModel):
    text: str
    count: int


class Rejections(BaseModel):
    """Rejections, the reasons companies gave and the skills those reasons named."""

    total: int
    with_reason: int
    reasons: list[CountedText]
    skills: list[CountedText]
    # The stage each rejection came at ("Applied" means rejected without an interview).
    after_stage: list[CountedText]


def _text_key(text: str) -> str:
    """Two spellings of one reason or skill share a key: case, spaces, final full stop."""
    return " ".join(text.split()).casefold().rstrip(".")


def count_texts(texts: Iterable[str]) -> list[CountedText]:
    """Count texts that differ only in case or spacing together, most frequent first.

    Each group is shown in its most frequent spelling (the first seen on a tie).
    """
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        shown = " ".join(text.split())
        if not shown:
            continue
        key = _text_key(shown)
        counts[key] += 1
        spellings.setdefault(key, Counter())[shown] += 1
    rows = [
        CountedText(text=spellings[key].most_common(1)[0][0], count=n) for key, n in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.count, r.text.casefold()))


def rejections(histories: Iterable[ApplicationHistory], path: StagePath) -> Rejections:
    """Count rejections by reason, by skill named and by the stage they came at."""
    reasons: list[str] = []
    skills: list[str] = []
    stages: list[str] = []
    total = 0
    for history in histories:
        previous: str | None = None
        for entry in history.ledger:
            if entry.stage == "rejected":
                total += 1
                if entry.reason:
                    reasons.append(entry.reason)
                skills.extend(entry.skills)
                # Rejected as the first row: the application was sent, then turned down.
                stages.append(path.label(previous or "applied"))
            previous = entry.stage
    reason_rows = count_texts(reasons)
    return Rejections(
        total=total,
        with_reason=len([r for r in reasons if r.strip()]),
        reasons=reason_rows,
        skills=count_texts(skills),
        after_stage=count_texts(stages),
    )
