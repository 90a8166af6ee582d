from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.errors import InvalidInput
from landml.insights import charts, service
from landml.insights.funnel import StagePath
from landml.tracker import service as tracker
from landml.tracker.schemas import ApplicationIn, InterviewIn
from landml.tracker.vocab import Channel, CompanyKind, InterviewKind, InterviewOutcome

from .histories import day, history

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PREFS = Preferences(daily_goal=3, follow_up_days=7, ghost_after_days=30)
UTC_ZONE = ZoneInfo("UTC")


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def _add(
    session: Session,
    owner: int,
    company: str,
    title: str,
    kind: CompanyKind,
    channel: Channel,
    applied_days_ago: float,
    stage: str = "applied",
) -> int:
    data = ApplicationIn(
        company=company,
        title=title,
        company_kind=kind,
        channel=channel,
        stage=stage,
        stage_at=ago(applied_days_ago),
    )
    return tracker.add_application(session, owner, data, now=NOW).id


def _small_hunt(session: Session, owner: int) -> dict[str, int]:
    """Four applications: rejected after a screen, waiting, at offer, and only saved."""
    tracker.add_stage(session, owner, "Hiring committee", after="onsite")
    acme = _add(
        session,
        owner,
        "Acme",
        "Machine Learning Engineer",
        CompanyKind.startup,
        Channel.referral,
        20,
    )
    tracker.move(session, owner, acme, "recruiter_call", at=ago(15))
    tracker.move(session, owner, acme, "tech_screen", at=ago(10))
    tracker.move(
        session,
        owner,
        acme,
        "rejected",
        at=ago(5),
        reason="Needed production Kubernetes",
        skills=["Kubernetes", "Helm"],
    )
    held = tracker.schedule_interview(
        session,
        owner,
        InterviewIn(application_id=acme, kind=InterviewKind.coding, scheduled_at=ago(9)),
    )
    tracker.record_interview(session, owner, held.id, outcome=InterviewOutcome.failed)
    cancelled = tracker.schedule_interview(
        session,
        owner,
        InterviewIn(application_id=acme, kind=InterviewKind.behavioral, scheduled_at=ago(8)),
    )
    tracker.record_interview(session, owner, cancelled.id, outcome=InterviewOutcome.cancelled)
    bigco = _add(
        session, owner, "Bigco", "Data Scientist", CompanyKind.big_tech, Channel.job_portal, 12
    )
    lab = _add(
        session, owner, "Lab", "Research Scientist", CompanyKind.research_lab, Channel.advisor, 30
    )
    tracker.move(session, owner, lab, "onsite", at=ago(20))
    tracker.move(session, owner, lab, "Hiring committee", at=ago(16))
    tracker.move(session, owner, lab, "offer", at=ago(10))
    saved = _add(
        session,
        owner,
        "Pipes Inc",
        "Data Engineer",
        CompanyKind.mid_size,
        Channel.job_portal,
        2,
        stage="saved",
    )
    return {"acme": acme, "bigco": bigco, "lab": lab, "saved": saved}


def test_stats_funnel_and_groups_from_a_real_workspace(session: Session, owner: int) -> None:
    _small_hunt(session, owner)
    report = service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE)
    assert report.applications == 4
    assert [(s.key, s.count) for s in report.funnel.steps] == [
        ("applied", 3),
        ("answered", 2),
        ("screened", 2),
        ("onsite", 1),
        ("offer", 1),
    ]
    assert {f.group: f.count("answered") for f in report.by_channel} == {
        "referral": 1,
        "job_portal": 0,
        "advisor": 1,
    }
    assert {f.label for f in report.by_company_kind} == {"Startup", "Big tech", "Research lab"}
    assert {f.group: f.label for f in report.by_role_family} == {
        "mle": "ML engineer",
        "ds": "Data scientist",
        "rs": "Research scientist",
    }
    assert (report.response.applied, report.response.answered, report.response.waiting) == (
        3,
        2,
        1,
    )


def test_stats_time_in_stage_counts_the_open_application(session: Session, owner: int) -> None:
    _small_hunt(session, owner)
    report = service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE)
    by_stage = {t.stage: t for t in report.time_in_stage}
    applied = by_stage["applied"]
    # Acme left applied after 5 days, Lab after 10; Bigco is still there after 12 (censored).
    # S(5) = 2/3, S(10) = 2/3 * 1/2 = 1/3: the median is 10 days, where the finished stays
    # alone (5 and 10) say 5.
    assert (applied.spells, applied.open, applied.finished) == (3, 1, 2)
    assert applied.median_days == pytest.approx(10.0)
    assert applied.finished_median_days == pytest.approx(5.0)
    assert applied.p75_days is None and applied.longest_observed_days == pytest.approx(12.0)
    assert by_stage["hiring_committee"].label == "Hiring committee"
    assert by_stage["hiring_committee"].median_days == pytest.approx(6.0)
    assert by_stage["offer"].open == 1
    assert list(by_stage) == [
        "saved",
        "applied",
        "recruiter_call",
        "tech_screen",
        "onsite",
        "hiring_committee",
        "offer",
    ]


def test_stats_weekly_activity_and_rejections(session: Session, owner: int) -> None:
    _small_hunt(session, owner)
    report = service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE)
    assert report.daily_goal == 3
    assert sum(w.applications for w in report.weekly) == 3
    assert sum(w.answers for w in report.weekly) == 2
    # The coding interview was held, the behavioral one cancelled; Lab logged none, so its
    # move to onsite counts as one.
    assert sum(w.interviews for w in report.weekly) == 2
    assert report.weekly[-1].week_start == NOW.date() - timedelta(days=NOW.weekday())
    assert report.weekly[-1].goal == 3 * (NOW.weekday() + 1)
    assert [(s.text, s.count) for s in report.rejections.skills] == [("Helm", 1), ("Kubernetes", 1)]
    assert [r.text for r in report.rejections.reasons] == ["Needed production Kubernetes"]
    assert [r.text for r in report.rejections.after_stage] == ["Technical screen"]


def test_stats_since_keeps_applications_started_on_or_after_the_day(
    session: Session, owner: int
) -> None:
    _small_hunt(session, owner)
    since = ago(13).date()
    report = service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE, since=since)
    assert report.applications == 2  # Bigco and the saved one
    assert report.since == since
    assert report.weekly[0].week_start <= since
    assert report.weekly[0].active_days == 7 - since.weekday()


def test_stats_reads_without_writing(session: Session, owner: int) -> None:
    _small_hunt(session, owner)
    before = tracker.application_detail(session, owner, 1).stages
    service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE)
    assert not session.new and not session.dirty and not session.deleted
    assert tracker.application_detail(session, owner, 1).stages == before


def test_stats_of_an_empty_workspace_is_empty_not_an_error(session: Session, owner: int) -> None:
    report = service.stats(session, owner, PREFS, now=NOW, tz=UTC_ZONE)
    assert report.applications == 0 and report.weekly == [] and report.time_in_stage == []
    assert service.chart_svgs(session, owner, PREFS, now=NOW, tz=UTC_ZONE) == {}
    with pytest.raises(InvalidInput, match="no applications to chart"):
        service.write_chart_pngs(session, owner, PREFS, Path("unused"), now=NOW, tz=UTC_ZONE)


def test_chart_pngs_refuse_a_file_as_folder(session: Session, owner: int, tmp_path: Path) -> None:
    _small_hunt(session, owner)
    target = tmp_path / "charts.png"
    target.write_bytes(b"")
    with pytest.raises(InvalidInput, match="is a file"):
        service.write_chart_pngs(session, owner, PREFS, target, now=NOW, tz=UTC_ZONE)


def test_chart_svgs_render_every_chart_with_its_title(session: Session, owner: int) -> None:
    _small_hunt(session, owner)
    svgs = service.chart_svgs(session, owner, PREFS, now=NOW, tz=ZoneInfo("Europe/Paris"))
    assert set(svgs) == set(service.CHART_FILES)
    assert all(svg.startswith("<svg") for svg in svgs.values())
    assert "Applications, answers and interviews over time" in svgs["cumulative"]
    assert "Funnel: how far applications get" in svgs["funnel"]
    assert "Acme · Machine Learning Engineer" in svgs["timeline"]
    assert "Hiring committee" in svgs["timeline"]
    assert "Weekly activity against the daily goal" in svgs["weekly"]
    assert "Goal: 3 a day" in svgs["weekly"]


def test_timeline_shows_the_latest_applications_with_distinct_row_labels() -> None:
    older = [history(i, ("applied", i / 10)) for i in range(1, 71)]
    again = [
        replace(history(i, ("applied", 10 + i)), company="Acme", title="MLE") for i in (71, 72)
    ]
    histories = older + again
    specs = service.build_chart_specs(histories, StagePath(), PREFS, now=day(30), tz=UTC_ZONE)
    timeline = specs["timeline"]
    rows = {row.get("application") for data in timeline["datasets"].values() for row in data}
    assert len(rows & {f"Company {i} · Role {i}" for i in range(1, 71)}) == 58
    assert {"Acme · MLE (#71)", "Acme · MLE (#72)"} <= rows
    assert timeline["height"] == service.TIMELINE_ROWS * charts.ROW_HEIGHT
    assert "The 12 oldest applications are left out." in timeline["title"]["subtitle"]
