"""Insights use cases: read the tracker (never write it), build `ApplicationHistory`
values and hand them to the pure modules; render the charts for the CLI and the web."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.errors import InvalidInput
from landml.insights import charts
from landml.insights.activity import (
    Rejections,
    WeekActivity,
    activity_events,
    cumulative_counts,
    rejections,
    weekly_activity,
)
from landml.insights.durations import StageTime, stage_intervals, time_in_stages
from landml.insights.funnel import (
    FUNNEL_DEFINITIONS,
    ApplicationHistory,
    Funnel,
    InterviewRecord,
    LedgerEntry,
    ResponseRate,
    StagePath,
    funnel,
    funnel_by,
    response_rate,
)
from landml.postings import titles
from landml.tracker.models import Application, Interview
from landml.tracker.service import load_applications, stages
from landml.tracker.vocab import label

ROLE_FAMILY_LABELS = titles.ROLE_FAMILY_LABELS
# The timeline shows the most recent applications only: beyond this it stops being readable.
TIMELINE_ROWS = 60
# File names of the charts `landml stats --png` writes, by chart name.
CHART_FILES = {
    "cumulative": "applications-over-time.png",
    "funnel": "funnel.png",
    "timeline": "timeline.png",
    "weekly": "weekly-activity.png",
}


class StatsReport(BaseModel):
    """Everything `landml stats` shows; times in days, shares between 0 and 1."""

    generated_at: datetime
    timezone: str
    since: date | None
    applications: int
    funnel: Funnel
    by_channel: list[Funnel]
    by_company_kind: list[Funnel]
    by_role_family: list[Funnel]
    funnel_definitions: dict[str, str]
    response: ResponseRate
    time_in_stage: list[StageTime]
    daily_goal: int
    weekly: list[WeekActivity]
    rejections: Rejections


def role_family(title: str) -> str:
    """The role family of a job title, as the postings' title classifier reads it."""
    # Imported here: the classifier loads its O*NET lexicon, which only stats need.
    from landml.postings.titles import classify_title

    return classify_title(title).role_family.value


def _history(app: Application, interviews: list[Interview]) -> ApplicationHistory:
    return ApplicationHistory(
        id=app.id,
        company=app.company.name,
        title=app.title,
        company_kind=app.company.kind,
        channel=app.channel,
        role_family=role_family(app.title),
        created_at=app.created_at,
        ledger=tuple(
            LedgerEntry(ch.to_stage, ch.at, ch.reason, tuple(ch.skills)) for ch in app.stage_changes
        ),
        interviews=tuple(
            InterviewRecord(iv.scheduled_at, iv.kind, cancelled=iv.outcome == "cancelled")
            for iv in interviews
        ),
    )


def _start_of(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tz)


def load_histories(
    session: Session, owner: int, *, since: date | None = None, tz: tzinfo
) -> list[ApplicationHistory]:
    """The owner's applications with their ledgers and interviews, oldest first.

    With `since`, only applications whose first ledger row is on or after that day (in
    `tz`) are kept, so a new round of the hunt can be looked at on its own.
    """
    interviews: dict[int, list[Interview]] = {}
    for iv in session.scalars(select(Interview).where(Interview.owner_id == owner)):
        interviews.setdefault(iv.application_id, []).append(iv)
    histories = [
        _history(app, interviews.get(app.id, [])) for app in load_applications(session, owner)
    ]
    if since is not None:
        histories = [h for h in histories if h.started_at >= _start_of(since, tz)]
    return sorted(histories, key=lambda h: (h.started_at, h.id))


def stage_path(session: Session, owner: int) -> StagePath:
    return StagePath(tuple(stages(session, owner)))


def _first_day(histories: list[ApplicationHistory], since: date | None, tz: tzinfo) -> date:
    if since is not None:
        return since
    return min(h.started_at for h in histories).astimezone(tz).date()


def build_report(
    histories: list[ApplicationHistory],
    path: StagePath,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> StatsReport:
    """The stats report of already loaded histories (pure: no database)."""
    weekly: list[WeekActivity] = []
    if histories:
        weekly = weekly_activity(
            activity_events(histories, path, now),
            first_day=_first_day(histories, since, tz),
            today=now.astimezone(tz).date(),
            daily_goal=prefs.daily_goal,
            tz=tz,
        )
    return StatsReport(
        generated_at=now,
        timezone=str(tz),
        since=since,
        applications=len(histories),
        funnel=funnel(histories, path),
        by_channel=funnel_by(histories, path, lambda h: h.channel, label),
        by_company_kind=funnel_by(histories, path, lambda h: h.company_kind, label),
        by_role_family=funnel_by(
            histories, path, lambda h: h.role_family, lambda f: ROLE_FAMILY_LABELS.get(f, f)
        ),
        funnel_definitions=FUNNEL_DEFINITIONS,
        response=response_rate(histories, path),
        time_in_stage=time_in_stages(histories, path, now),
        daily_goal=prefs.daily_goal,
        weekly=weekly,
        rejections=rejections(histories, path),
    )


def stats(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> StatsReport:
    """Funnel, response rate, time in stage, weekly activity and rejections of one owner."""
    histories = load_histories(session, owner, since=since, tz=tz)
    return build_report(histories, stage_path(session, owner), prefs, now=now, tz=tz, since=since)


def _row_labels(histories: list[ApplicationHistory]) -> list[tuple[ApplicationHistory, str]]:
    """Row labels ("Company · Title"), with the id added where two would read the same."""
    counts = Counter(h.label for h in histories)
    return [(h, h.label if counts[h.label] == 1 else f"{h.label} (#{h.id})") for h in histories]


def build_chart_specs(
    histories: list[ApplicationHistory],
    path: StagePath,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> dict[str, charts.ChartSpec]:
    """The four charts' Vega-Lite specifications, by name; empty when there is no data."""
    if not histories:
        return {}
    report = build_report(histories, path, prefs, now=now, tz=tz, since=since)
    start = _start_of(_first_day(histories, since, tz), tz)
    events = activity_events(histories, path, now)
    ordered_stages = [s.key for s in path.stages]
    shown = sorted(histories, key=lambda h: (h.started_at, h.id))[-TIMELINE_ROWS:]
    return {
        "cumulative": charts.cumulative_chart(
            cumulative_counts(events, start=min(start, now), now=now), tz
        ),
        "funnel": charts.funnel_chart(report.funnel),
        "timeline": charts.timeline_chart(
            [(label, stage_intervals(h, path)) for h, label in _row_labels(shown)],
            stage_order=ordered_stages,
            stage_labels={s.key: s.label for s in path.stages},
            now=now,
            tz=tz,
            left_out=len(histories) - len(shown),
        ),
        "weekly": charts.weekly_chart(report.weekly, prefs.daily_goal),
    }


def chart_specs(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> dict[str, charts.ChartSpec]:
    """The owner's charts as Vega-Lite specifications, by name (see `CHART_FILES`)."""
    histories = load_histories(session, owner, since=since, tz=tz)
    path = stage_path(session, owner)
    return build_chart_specs(histories, path, prefs, now=now, tz=tz, since=since)


def chart_svgs(
    session: Session,
    owner: int,
    prefs: Preferences,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> dict[str, str]:
    """The owner's charts as SVG documents, by name; empty when there is nothing to chart."""
    specs = chart_specs(session, owner, prefs, now=now, tz=tz, since=since)
    return {name: charts.render_svg(spec) for name, spec in specs.items()}


def write_chart_pngs(
    session: Session,
    owner: int,
    prefs: Preferences,
    directory: Path,
    *,
    now: datetime,
    tz: tzinfo,
    since: date | None = None,
) -> list[Path]:
    """Write the charts as PNG files into `directory` (created if needed); their paths."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(
            f"{directory} is a file, not a folder.", hint="Give a folder for the chart files."
        )
    specs = chart_specs(session, owner, prefs, now=now, tz=tz, since=since)
    if not specs:
        raise InvalidInput(
            "There are no applications to chart"
            + (f" since {since:%Y-%m-%d}." if since else " yet."),
            hint="Track some with `landml add`, or try `landml demo --home /tmp/landml-demo`.",
        )
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, spec in specs.items():
        target = directory / CHART_FILES[name]
        target.write_bytes(charts.render_png(spec))
        written.append(target)
    return written
