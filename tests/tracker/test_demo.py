"""The demo hunt: complete, placed around `now`, deterministic, and refused over real data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from landml.accounts.service import Preferences
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.errors import Conflict
from landml.tracker import demo, service
from landml.tracker.demo import load_demo
from landml.tracker.models import (
    Application,
    Company,
    Contact,
    Interaction,
    Interview,
    Note,
    StageChange,
)
from landml.tracker.schemas import ApplicationIn
from landml.tracker.stages import BUILTIN_STAGES
from landml.tracker.today import today
from landml.tracker.vocab import Channel, CompanyKind, ContactRole, Direction, InteractionKind

NOW = datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
# Early morning in Los Angeles, during daylight saving time.
SUMMER_NOW = datetime(2026, 7, 2, 8, 30, tzinfo=UTC)
PREFS = Preferences(daily_goal=5, follow_up_days=7, ghost_after_days=30)


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_demo_fills_about_forty_applications_all_marked_as_demo(
    session: Session, owner: int
) -> None:
    summary = load_demo(session, owner, now=NOW)

    apps = service.list_applications(session, owner)
    assert 35 <= len(apps) <= 45
    assert summary.applications == len(apps)
    assert all(a.demo for a in apps)
    contacts = session.scalars(select(Contact)).all()
    assert summary.contacts == len(contacts) >= 8
    assert all(c.demo for c in contacts)
    assert summary.companies == _count(session, Company)
    assert summary.interactions == _count(session, Interaction)
    assert summary.interviews == _count(session, Interview)
    assert summary.notes == _count(session, Note) > 0
    assert summary.stage_changes == _count(session, StageChange) > len(apps)


def test_demo_covers_every_stage_company_kind_and_channel(session: Session, owner: int) -> None:
    load_demo(session, owner, now=NOW)

    apps = service.list_applications(session, owner)
    assert {a.stage for a in apps} == {s.key for s in BUILTIN_STAGES}
    assert {a.company_kind for a in apps} == {k.value for k in CompanyKind}
    assert {a.channel for a in apps} == {c.value for c in Channel}
    assert all(a.location and a.url for a in apps)


def test_demo_contacts_cover_every_role_and_interactions_every_kind_and_direction(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)

    assert {c.role for c in service.list_contacts(session, owner)} == {r.value for r in ContactRole}
    interactions = session.scalars(select(Interaction)).all()
    assert {i.kind for i in interactions} == {k.value for k in InteractionKind}
    assert {i.direction for i in interactions} == {d.value for d in Direction}
    assert all(c.applications for c in session.scalars(select(Contact)))


def test_demo_rejection_records_the_reason_and_the_skills_it_named(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)

    rejections = session.scalars(select(StageChange).where(StageChange.to_stage == "rejected"))
    by_reason = {r.reason: r for r in rejections}
    kubernetes = by_reason["Needed production Kubernetes experience"]
    assert kubernetes.skills == ["Kubernetes", "model serving"]
    detail = service.application_detail(session, owner, kubernetes.application_id)
    assert any("Kubernetes" in ev.text and ev.kind == "stage" for ev in detail.timeline)
    assert sum(1 for r in by_reason.values() if r.skills) >= 2


@pytest.mark.parametrize(("now", "zone"), [(NOW, "UTC"), (SUMMER_NOW, "America/Los_Angeles")])
def test_today_on_the_demo_has_every_kind_of_work_to_do(
    session: Session, owner: int, now: datetime, zone: str
) -> None:
    load_demo(session, owner, now=now)

    report = today(session, owner, PREFS, now=now, tz=ZoneInfo(zone))

    from_interactions = [f for f in report.follow_ups if "contact done" in (f.command or "")]
    after_applying = [f for f in report.follow_ups if "after applying" in f.text]
    assert len(from_interactions) == 1
    assert len(after_applying) >= 2
    assert len(report.ghosted) >= 2
    assert len(report.interviews) >= 4
    assert len(report.thank_yous) == 1
    assert report.next_actions
    assert 1 <= report.goal.done < report.goal.goal


def test_upcoming_demo_interviews_fall_in_working_hours_of_several_zones(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)

    upcoming = [
        iv
        for iv in service.list_interviews(session, owner, upcoming_from=NOW)
        if iv.outcome != "cancelled"
    ]
    assert len({iv.timezone for iv in upcoming}) >= 4
    for iv in upcoming:
        local = iv.scheduled_at.astimezone(ZoneInfo(iv.timezone))
        assert 8 <= local.hour < 18, iv
        assert iv.scheduled_at - NOW < timedelta(days=7)


def test_the_interview_that_ended_yesterday_has_no_thank_you_yet(
    session: Session, owner: int
) -> None:
    load_demo(session, owner, now=NOW)

    ended = [
        iv
        for iv in session.scalars(select(Interview))
        if timedelta(0) < NOW - iv.scheduled_at < timedelta(days=2)
    ]
    assert len(ended) == 1
    assert ended[0].thank_you_sent_at is None
    assert ended[0].scheduled_at.date() == (NOW - timedelta(days=1)).date()


def _content(session: Session, owner: int) -> dict[str, list[tuple[Any, ...]]]:
    """Everything the demo wrote, without ids and uids (which differ by design)."""
    apps = service.load_applications(session, owner)
    return {
        "applications": [
            (
                a.company.name,
                a.company.kind,
                a.company.notes,
                a.title,
                a.channel,
                a.priority,
                a.url,
                a.next_action,
                a.next_action_on,
                [
                    (c.from_stage, c.to_stage, c.at, c.note, c.reason, c.skills)
                    for c in a.stage_changes
                ],
                [(n.at, n.body) for n in a.notes],
            )
            for a in apps
        ],
        "interviews": [
            (
                iv.application.title,
                iv.kind,
                iv.scheduled_at,
                iv.timezone,
                iv.interviewers,
                iv.outcome,
                iv.notes,
                iv.thank_you_sent_at,
            )
            for iv in session.scalars(select(Interview).order_by(Interview.id))
        ],
        "interactions": [
            (it.contact.name, it.kind, it.direction, it.at, it.summary, it.follow_up_on)
            for it in session.scalars(select(Interaction).order_by(Interaction.id))
        ],
    }


def test_the_same_now_gives_the_same_demo(session: Session, owner: int, tmp_path: Path) -> None:
    load_demo(session, owner, now=NOW)
    other = Workspace.open(Settings(home=tmp_path / "second"))
    try:
        with other.session() as s2:
            load_demo(s2, owner, now=NOW)
            assert _content(s2, owner) == _content(session, owner)
    finally:
        other.close()


def test_a_later_now_moves_the_whole_ledger_by_the_same_amount(
    session: Session, owner: int, tmp_path: Path
) -> None:
    shift = timedelta(days=100, hours=5)
    load_demo(session, owner, now=NOW)
    other = Workspace.open(Settings(home=tmp_path / "later"))
    try:
        with other.session() as s2:
            load_demo(s2, owner, now=NOW + shift)
            early = session.scalars(select(StageChange).order_by(StageChange.id)).all()
            late = s2.scalars(select(StageChange).order_by(StageChange.id)).all()
            assert [c.at + shift for c in early] == [c.at for c in late]
    finally:
        other.close()


def test_demo_refuses_a_workspace_with_data_and_leaves_it_unchanged(
    session: Session, owner: int
) -> None:
    service.add_application(session, owner, ApplicationIn(company="Own Co", title="MLE"), now=NOW)
    before = service.list_applications(session, owner)

    with pytest.raises(Conflict, match="already has data"):
        load_demo(session, owner, now=NOW)

    assert service.list_applications(session, owner) == before
    assert _count(session, Company) == 1
    assert _count(session, Contact) == 0
    assert _count(session, Interview) == 0


def test_a_failure_halfway_leaves_the_workspace_empty(
    session: Session, owner: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "_add_interviews", broken)
    with pytest.raises(RuntimeError):
        load_demo(session, owner, now=NOW)

    assert service.workspace_is_empty(session, owner)
    assert _count(session, Interaction) == 0


def test_every_demo_row_says_it_is_fictional(session: Session, owner: int) -> None:
    load_demo(session, owner, now=NOW)

    for company in session.scalars(select(Company)):
        assert (company.notes or "").startswith("Demo company"), company.name
        assert (urlsplit(company.website or "").hostname or "").endswith(".example")
    for contact in session.scalars(select(Contact)):
        assert (contact.notes or "").startswith("Demo contact"), contact.name
        assert (contact.email or "").endswith(".example")
    for app in session.scalars(select(Application)):
        assert "fictional" in (app.description or "")
        assert (urlsplit(app.url or "").hostname or "").endswith(".example")


def test_demo_has_three_offers_to_compare_of_the_three_kinds(session: Session, owner: int) -> None:
    from landml.offers.service import list_offers

    load_demo(session, owner, now=NOW)

    offers = list_offers(session, owner)
    assert sorted((o.company_kind, o.equity_kind) for o in offers) == [
        ("big_tech", "rsu"),
        ("research_lab", None),
        ("startup", "options"),
    ]
