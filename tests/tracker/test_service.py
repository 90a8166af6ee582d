from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from landml.errors import Conflict, InvalidInput, NotFound
from landml.tracker import service
from landml.tracker.models import Application, StageChange
from landml.tracker.schemas import ApplicationIn, ContactIn, InteractionIn, InterviewIn
from landml.tracker.vocab import CompanyKind, InteractionKind, InterviewKind

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def _add(
    session: Session, owner: int, company: str = "Acme AI", title: str = "ML Engineer", **kw: object
) -> int:
    data = ApplicationIn(company=company, title=title, **kw)  # type: ignore[arg-type]
    return service.add_application(session, owner, data, now=T0).id


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_new_application_starts_the_ledger_at_its_first_stage(session: Session, owner: int) -> None:
    app_id = _add(session, owner, stage="applied", stage_at=T0 - timedelta(days=2))
    detail = service.application_detail(session, owner, app_id)
    assert detail.application.stage == "applied"
    assert [(c.from_stage, c.to_stage) for c in detail.stages] == [(None, "applied")]
    assert detail.stages[0].at == T0 - timedelta(days=2)


def test_a_new_application_can_keep_a_given_uid_and_start_with_a_whole_ledger(
    session: Session, owner: int
) -> None:
    data = ApplicationIn(company="Acme AI", title="ML  Engineer", stage="offer")
    ledger = [
        service.LedgerStep("applied", T0, note="via Priya"),
        service.LedgerStep("tech_screen", T0 + timedelta(days=4), note="45 min coding"),
        service.LedgerStep(
            "rejected", T0 + timedelta(days=9), reason="wants MLOps", skills=(" K8s ", "")
        ),
    ]
    app = service.create_application(session, owner, data, uid="sheetref42", ledger=ledger)
    session.commit()
    detail = service.application_detail(session, owner, app.id)
    assert (detail.application.uid, detail.application.title) == ("sheetref42", "ML Engineer")
    assert [
        (c.from_stage, c.to_stage, c.at, c.note, c.reason, c.skills) for c in detail.stages
    ] == [
        (None, "applied", T0, "via Priya", None, []),
        ("applied", "tech_screen", T0 + timedelta(days=4), "45 min coding", None, []),
        ("tech_screen", "rejected", T0 + timedelta(days=9), None, "wants MLOps", ["K8s"]),
    ]


def test_a_first_closed_ledger_row_keeps_its_reason_and_skills(
    session: Session, owner: int
) -> None:
    step = service.LedgerStep("ghosted", T0, note="never heard back", skills=("Rust",))
    data = ApplicationIn(company="Acme AI", title="MLE")
    app = service.create_application(session, owner, data, ledger=[step])
    session.commit()
    (row,) = service.application_detail(session, owner, app.id).stages
    assert (row.from_stage, row.to_stage, row.note, row.skills) == (
        None,
        "ghosted",
        "never heard back",
        ["Rust"],
    )
    assert len(app.uid) == 12


@pytest.mark.parametrize(
    ("ledger", "error"),
    [
        (
            [service.LedgerStep("onsite", T0), service.LedgerStep("offer", T0 - timedelta(1))],
            "append-only",
        ),
        ([service.LedgerStep("applied", T0, reason="because")], "only be given when closing"),
        # A given ledger holds stage keys; a label is not read as one.
        ([service.LedgerStep("Technical screen", T0)], "Unknown stage 'Technical screen'"),
    ],
)
def test_a_given_ledger_is_checked_like_moves_before_anything_is_kept(
    session: Session, owner: int, ledger: list[service.LedgerStep], error: str
) -> None:
    data = ApplicationIn(company="Acme AI", title="MLE")
    with pytest.raises(InvalidInput, match=error):
        service.create_application(session, owner, data, ledger=ledger)
    session.rollback()
    assert (_count(session, Application), _count(session, StageChange)) == (0, 0)


def test_a_ledger_given_to_a_new_application_keeps_a_custom_stage_named_like_a_label(
    session: Session, owner: int
) -> None:
    # "Technical screen" is the built-in tech_screen's label; resolving this stage's key
    # as text would pick the built-in one.
    service.add_stage(session, owner, "Technical screen", after="onsite")
    data = ApplicationIn(company="Acme AI", title="MLE")
    ledger = [service.LedgerStep("technical_screen", T0)]
    app = service.create_application(session, owner, data, ledger=ledger)
    assert [c.to_stage for c in app.stage_changes] == ["technical_screen"]


def test_current_stage_is_the_latest_ledger_row(session: Session, owner: int) -> None:
    app_id = _add(session, owner, stage="applied", stage_at=T0)
    service.move(session, owner, app_id, "recruiter call", at=T0 + timedelta(days=3))
    service.move(
        session, owner, app_id, "Technical screen", at=T0 + timedelta(days=9), note="45 min coding"
    )
    detail = service.application_detail(session, owner, app_id)
    assert detail.application.stage == "tech_screen"
    assert [c.to_stage for c in detail.stages] == ["applied", "recruiter_call", "tech_screen"]
    assert [c.from_stage for c in detail.stages] == [None, "applied", "recruiter_call"]
    assert detail.application.stage_since == T0 + timedelta(days=9)


def test_companies_are_one_per_name_whatever_the_case(session: Session, owner: int) -> None:
    _add(session, owner, company="DeepMind", company_kind=CompanyKind.research_lab)
    _add(session, owner, company="deepmind ", title="Research Engineer")
    companies = service.list_companies(session, owner)
    assert [(c.name, c.kind) for c in companies] == [("DeepMind", "research_lab")]


def test_rejection_keeps_its_reason_and_named_skills(session: Session, owner: int) -> None:
    app_id = _add(session, owner, stage="onsite")
    change = service.move(
        session,
        owner,
        app_id,
        "rejected",
        reason="No production experience",
        skills=["Kubernetes", " Airflow ", ""],
        at=T0 + timedelta(days=1),
    )
    assert change.reason == "No production experience"
    assert change.skills == ["Kubernetes", "Airflow"]
    timeline = service.application_detail(session, owner, app_id).timeline
    assert "Kubernetes, Airflow" in timeline[-1].text


def test_reason_is_refused_on_an_open_stage(session: Session, owner: int) -> None:
    app_id = _add(session, owner)
    with pytest.raises(InvalidInput, match="only be given when closing"):
        service.move(session, owner, app_id, "applied", reason="because", at=T0)
    assert _count(session, StageChange) == 1


def test_invalid_stage_leaves_the_workspace_unchanged(session: Session, owner: int) -> None:
    app_id = _add(session, owner)
    with pytest.raises(InvalidInput, match="Unknown stage 'bogus'"):
        service.move(session, owner, app_id, "bogus")
    assert _count(session, StageChange) == 1
    assert service.application_detail(session, owner, app_id).application.stage == "saved"


def test_unknown_id_is_a_clear_not_found(session: Session, owner: int) -> None:
    with pytest.raises(NotFound, match="No application with id 404"):
        service.move(session, owner, 404, "applied")
    with pytest.raises(NotFound):
        service.application_detail(session, owner, 404)
    with pytest.raises(NotFound, match="No contact with id 7"):
        service.link_contact(session, owner, 7, 1)
    assert _count(session, StageChange) == 0


def test_moving_to_the_current_stage_is_refused(session: Session, owner: int) -> None:
    app_id = _add(session, owner, stage="applied")
    with pytest.raises(InvalidInput, match="already at stage 'applied'"):
        service.move(session, owner, app_id, "applied")


def test_a_move_cannot_be_dated_before_the_current_stage(session: Session, owner: int) -> None:
    app_id = _add(session, owner, stage="applied", stage_at=T0)
    with pytest.raises(InvalidInput, match="append-only"):
        service.move(session, owner, app_id, "tech_screen", at=T0 - timedelta(days=1))
    assert _count(session, StageChange) == 1


def test_ledger_rows_cannot_be_rewritten(session: Session, owner: int) -> None:
    app_id = _add(session, owner)
    row = session.scalars(select(StageChange).where(StageChange.application_id == app_id)).one()
    row.to_stage = "offer"
    with pytest.raises(RuntimeError, match="append-only"):
        session.flush()
    session.rollback()
    row = session.scalars(select(StageChange)).one()
    session.delete(row)
    with pytest.raises(RuntimeError, match="append-only"):
        session.flush()
    session.rollback()
    assert session.scalars(select(StageChange)).one().to_stage == "saved"


def test_deleting_an_application_removes_its_history(session: Session, owner: int) -> None:
    app_id = _add(session, owner)
    service.move(session, owner, app_id, "applied", at=T0 + timedelta(hours=1))
    service.delete_application(session, owner, app_id)
    assert _count(session, Application) == 0
    assert _count(session, StageChange) == 0


def test_custom_stage_sits_after_its_anchor(session: Session, owner: int) -> None:
    stage = service.add_stage(session, owner, "Hiring committee", after="onsite")
    assert stage.key == "hiring_committee"
    keys = [s.key for s in service.list_stages(session, owner)]
    assert keys.index("hiring_committee") == keys.index("onsite") + 1
    app_id = _add(session, owner, stage="onsite")
    service.move(session, owner, app_id, "hiring committee", at=T0 + timedelta(days=1))
    board = service.board(session, owner)
    column = next(c for c in board.columns if c.stage.key == "hiring_committee")
    assert [a.id for a in column.applications] == [app_id]
    with pytest.raises(Conflict):
        service.add_stage(session, owner, "hiring-committee", after="onsite")
    with pytest.raises(Conflict):
        service.add_stage(session, owner, "Offer", after="onsite")


def test_board_groups_by_stage_in_path_order(session: Session, owner: int) -> None:
    a = _add(session, owner, title="A", stage="applied")
    b = _add(session, owner, title="B", stage="offer")
    c = _add(session, owner, title="C", stage="applied", priority=1)
    board = service.board(session, owner)
    assert board.total == 3
    keys = [col.stage.key for col in board.columns]
    assert keys[:9] == [
        "saved",
        "applied",
        "recruiter_call",
        "tech_screen",
        "take_home",
        "onsite",
        "team_match",
        "offer",
        "accepted",
    ]
    applied = next(col for col in board.columns if col.stage.key == "applied")
    assert [x.id for x in applied.applications] == [c, a]  # priority 1 first
    offer = next(col for col in board.columns if col.stage.key == "offer")
    assert [x.id for x in offer.applications] == [b]


def test_timeline_merges_stages_interactions_interviews_and_notes(
    session: Session, owner: int
) -> None:
    app_id = _add(session, owner, stage="applied", stage_at=T0)
    contact = service.add_contact(
        session,
        owner,
        ContactIn(name="Ana Ruiz", role="recruiter"),  # type: ignore[arg-type]
        application_id=app_id,
    )
    service.log_interaction(
        session,
        owner,
        InteractionIn(
            contact_id=contact.id,
            kind=InteractionKind.email,
            at=T0 + timedelta(days=2),
            summary="Asked for a call",
            application_id=app_id,
            direction="inbound",
        ),
    )  # type: ignore[arg-type]
    service.schedule_interview(
        session,
        owner,
        InterviewIn(
            application_id=app_id,
            kind=InterviewKind.ml_coding,
            scheduled_at=datetime(2026, 10, 10, 15, 0, tzinfo=UTC),
            timezone="Europe/Paris",
            interviewers=["Li Wei"],
        ),
    )
    service.add_note(session, owner, app_id, "Read their RecSys paper", at=T0 + timedelta(days=1))
    detail = service.application_detail(session, owner, app_id)
    assert [e.kind for e in detail.timeline] == ["stage", "note", "interaction", "interview"]
    assert detail.interviews[0].local_time == "Sat 10 Oct 2026 17:00 Europe/Paris"
    assert detail.contacts[0].name == "Ana Ruiz"


def test_interview_time_zone_must_exist(session: Session, owner: int) -> None:
    app_id = _add(session, owner)
    with pytest.raises(InvalidInput, match="Unknown time zone"):
        service.schedule_interview(
            session,
            owner,
            InterviewIn(
                application_id=app_id,
                kind=InterviewKind.coding,
                scheduled_at=T0,
                timezone="Mars/Olympus",
            ),
        )


def test_owners_do_not_see_each_other(session: Session, owner: int) -> None:
    from landml.accounts.models import Owner

    other = Owner(name="someone else")
    session.add(other)
    session.commit()
    app_id = _add(session, owner)
    with pytest.raises(NotFound):
        service.application_detail(session, other.id, app_id)
    assert service.board(session, other.id).total == 0
    assert service.workspace_is_empty(session, other.id)
    assert not service.workspace_is_empty(session, owner)


def test_a_stage_key_wins_over_a_label_that_reads_as_that_key(session: Session, owner: int) -> None:
    # "Technical screen" is the built-in tech_screen's label; a custom stage of that name is
    # keyed technical_screen. Its key names it; the built-in is still found by its own key.
    service.add_stage(session, owner, "Technical screen", after="onsite")
    assert service.resolve_stage(session, owner, "technical_screen").builtin is False
    assert service.resolve_stage(session, owner, "tech_screen").builtin is True
