"""Importing a person's own sheet: recognition, all-or-nothing, idempotence, locking."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.errors import ImportRejected, InvalidInput, WorkspaceError
from landml.tracker import service
from landml.tracker.models import Application, Company, Contact, Note, StageChange
from landml.tracker.schemas import ApplicationIn
from landml.tracker.sheets import SheetImportReport, UnmappedStatuses, import_sheet

NOW = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)
TABLES = (Application, StageChange, Company, Contact, Note)

MESSY_CSV = (
    "ML job hunt - winter 2026,,,,,,,,,,\n"
    ",,,,,,,,,,\n"
    "company,ROLE,Date Applied,status,Link,Contact,Notes,Salary,Location,Type,Days since\n"
    "Acme AI,ML Engineer,2026-01-05,Phone screen,https://acme.ai/jobs/1,"
    'Priya Raman <priya@acme.ai>,Great team; ask about infra,$180k-$210k,"Paris, FR",'
    "Startup,27\n"
    "Helix Labs,Research Scientist,01/12/2026,Rejected after onsite,,,,,,Research lab,20\n"
    ",,,,,,,,,,5\n"
    "Quanta,Data Scientist,,Offer!,,,,,,,\n"
    "Nova Bank,MLE,Jan 3 2026,Referred,,Sam <sam@nova.com>; Priya Raman <priya@acme.ai>,"
    ",,,bank,29\n"
    "Orbit,Applied Scientist,,Interested,,,,,,,\n"
    ",,,,,,,,,,\n"
)


def write(tmp_path: Path, text: str, name: str = "jobs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts(session: Session) -> dict[str, int]:
    session.expire_all()
    return {
        m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES
    }


def ledger(session: Session, owner: int, company: str) -> list[tuple[str, datetime, str | None]]:
    app = next(a for a in service.load_applications(session, owner) if a.company.name == company)
    return [(c.to_stage, c.at, c.note) for c in app.stage_changes]


def test_a_messy_sheet_is_read_into_applications_and_stages(
    session: Session, owner: int, tmp_path: Path
) -> None:
    report = import_sheet(session, owner, write(tmp_path, MESSY_CSV), now=NOW)
    assert (report.added, report.updated, report.unchanged, report.skipped_blank) == (5, 0, 0, 1)
    assert report.header_row == 3
    assert report.ignored_columns == ["Days since"]
    board = {a.company: a for a in service.list_applications(session, owner)}
    assert {name: a.stage for name, a in board.items()} == {
        "Acme AI": "recruiter_call",
        "Helix Labs": "rejected",
        "Quanta": "offer",
        "Nova Bank": "applied",
        "Orbit": "saved",
    }
    assert board["Nova Bank"].channel == "referral"
    assert board["Acme AI"].company_kind == "startup"
    assert board["Helix Labs"].company_kind == "research_lab"
    assert board["Nova Bank"].company_kind == "finance"
    assert (board["Acme AI"].location, board["Acme AI"].url) == (
        "Paris, FR",
        "https://acme.ai/jobs/1",
    )


def test_the_ledger_starts_at_the_date_applied_and_later_stages_quote_the_sheet(
    session: Session, owner: int, tmp_path: Path
) -> None:
    import_sheet(session, owner, write(tmp_path, MESSY_CSV), now=NOW)
    applied = datetime(2026, 1, 5, 12, tzinfo=UTC)
    assert ledger(session, owner, "Acme AI") == [
        ("applied", applied, None),
        ("recruiter_call", NOW, "Status in the imported sheet: “Phone screen”."),
    ]
    helix = ledger(session, owner, "Helix Labs")
    assert [(stage, at) for stage, at, _ in helix] == [
        ("applied", datetime(2026, 1, 12, 12, tzinfo=UTC)),
        ("onsite", NOW),
        ("rejected", NOW),
    ]
    assert helix[1][2] is not None and "no date" in helix[1][2] and "import time" in helix[1][2]
    assert ledger(session, owner, "Quanta") == [
        ("offer", NOW, "Status in the imported sheet: “Offer!”."),
    ]
    assert ledger(session, owner, "Nova Bank")[0][:2] == (
        "applied",
        datetime(2026, 1, 3, 12, tzinfo=UTC),
    )


def test_contacts_notes_and_salary_come_along(session: Session, owner: int, tmp_path: Path) -> None:
    import_sheet(session, owner, write(tmp_path, MESSY_CSV), now=NOW)
    apps = {a.company.name: a for a in service.load_applications(session, owner)}
    acme = service.application_detail(session, owner, apps["Acme AI"].id)
    assert acme.salary_text == "$180k-$210k"
    assert [(n.body, n.at) for n in acme.notes] == [("Great team; ask about infra", NOW)]
    nova = service.application_detail(session, owner, apps["Nova Bank"].id)
    assert sorted((c.name, c.email) for c in nova.contacts) == [
        ("Priya Raman", "priya@acme.ai"),
        ("Sam", "sam@nova.com"),
    ]
    # Priya is named on two rows and is one contact linked to both applications.
    assert [c.name for c in service.list_contacts(session, owner)] == ["Priya Raman", "Sam"]


def test_the_first_ledger_row_of_an_imported_application_keeps_its_note_reason_and_skills(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = tmp_path / "history.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["Company", "Title", "History"],
                [
                    "Acme AI",
                    "MLE",
                    '2026-01-05T09:00:00Z applied | note: "sent via the careers page"; '
                    '2026-01-20T16:30:00Z tech_screen | note: "45 min"',
                ],
                [
                    "Helix Labs",
                    "Research Scientist",
                    '2026-01-10T08:00:00Z rejected | note: "form letter" | '
                    'reason: "no PhD" | skills: ["JAX", "CUDA"]',
                ],
            ]
        )
    import_sheet(session, owner, path, now=NOW)
    assert ledger(session, owner, "Acme AI") == [
        ("applied", datetime(2026, 1, 5, 9, tzinfo=UTC), "sent via the careers page"),
        ("tech_screen", datetime(2026, 1, 20, 16, 30, tzinfo=UTC), "45 min"),
    ]
    helix = next(a for a in service.load_applications(session, owner) if a.title != "MLE")
    assert [
        (c.from_stage, c.to_stage, c.note, c.reason, c.skills) for c in helix.stage_changes
    ] == [(None, "rejected", "form letter", "no PhD", ["JAX", "CUDA"])]


def test_a_history_naming_a_custom_stage_like_a_built_in_label_keeps_the_custom_stage(
    session: Session, owner: int, tmp_path: Path
) -> None:
    # Its key, technical_screen, is also the key form of the built-in tech_screen's label.
    service.add_stage(session, owner, "Technical screen", after="onsite")
    path = write(
        tmp_path,
        "Company,Title,History\n"
        "Acme,MLE,2026-01-05T09:00:00Z technical_screen; 2026-01-09T09:00:00Z rejected\n",
    )
    import_sheet(session, owner, path, now=NOW)
    assert [s for s, _, _ in ledger(session, owner, "Acme")] == ["technical_screen", "rejected"]


def test_an_xlsx_sheet_with_real_dates_and_a_title_row(
    session: Session, owner: int, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Search"
    ws.append(["Where I applied", None, None, None])
    ws.append(["Position", "Stage", "Company", "Applied"])
    ws.append(["MLE", "Tech interview", "Acme", datetime(2026, 1, 20)])
    ws.append([None, None, None, None])
    ws.append(["Data Scientist", "Waiting", "Helix", 46027])  # an Excel serial: 2026-01-05
    ws.append(["Research Engineer", "Ghosted", "Orbit", date(2025, 12, 1)])
    path = tmp_path / "mine.xlsx"
    book.save(path)
    report = import_sheet(session, owner, path, now=NOW)
    assert (report.format, report.worksheet, report.header_row) == ("xlsx", "Search", 2)
    assert (report.added, report.skipped_blank) == (3, 1)
    assert [(r.row, r.company, r.stage) for r in report.rows] == [
        (3, "Acme", "tech_screen"),
        (5, "Helix", "applied"),
        (6, "Orbit", "ghosted"),
    ]
    assert ledger(session, owner, "Helix")[0][:2] == (
        "applied",
        datetime(2026, 1, 5, 12, tzinfo=UTC),
    )
    assert [s for s, _, _ in ledger(session, owner, "Orbit")] == ["applied", "ghosted"]


def test_unmapped_statuses_reject_the_sheet_with_a_report_and_write_nothing(
    session: Session, owner: int, tmp_path: Path
) -> None:
    service.add_application(session, owner, ApplicationIn(company="Kept", title="MLE"), now=NOW)
    before = counts(session)
    path = write(
        tmp_path,
        "Company,Title,Status\n"
        "Acme,MLE,Interviewing\n"
        "Helix,DS,Applied\n"
        "Orbit,RS,interviewing\n"
        "Nova,MLE,Blocked on visa\n",
    )
    with pytest.raises(UnmappedStatuses) as caught:
        import_sheet(session, owner, path, now=NOW)
    assert caught.value.statuses == {
        "Interviewing": [2],
        "interviewing": [4],
        "Blocked on visa": [5],
    }
    assert caught.value.problems == [
        'status "Interviewing" (row 2) does not name a stage',
        'status "interviewing" (row 4) does not name a stage',
        'status "Blocked on visa" (row 5) does not name a stage',
    ]
    assert caught.value.hint is not None and "--map-status" in caught.value.hint
    assert "landml stage add" in caught.value.hint
    assert counts(session) == before


def test_a_status_map_reads_a_persons_own_statuses(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "Company,Title,Status\nAcme,MLE,Interviewing\nHelix,DS,Blocked\n")
    report = import_sheet(
        session,
        owner,
        path,
        now=NOW,
        status_map={"INTERVIEWING": "Technical screen", "Blocked": "withdrawn"},
    )
    assert [r.stage for r in report.rows] == ["tech_screen", "withdrawn"]


def test_a_status_map_to_an_unknown_stage_is_refused(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "Company,Title,Status\nAcme,MLE,Interviewing\n")
    with pytest.raises(InvalidInput, match="Unknown stage 'chatting'"):
        import_sheet(session, owner, path, now=NOW, status_map={"Interviewing": "chatting"})
    assert counts(session)["applications"] == 0


def test_a_stage_of_ones_own_is_recognised_by_its_name(
    session: Session, owner: int, tmp_path: Path
) -> None:
    service.add_stage(session, owner, "Hiring committee", after="onsite")
    path = write(tmp_path, "Company,Title,Status\nAcme,MLE,hiring committee\n")
    report = import_sheet(session, owner, path, now=NOW)
    assert report.rows[0].stage == "hiring_committee"


def test_a_half_valid_sheet_is_rejected_whole_and_the_workspace_is_unchanged(
    session: Session, owner: int, tmp_path: Path
) -> None:
    import_sheet(session, owner, write(tmp_path, MESSY_CSV, "first.csv"), now=NOW)
    before = counts(session)
    path = write(
        tmp_path,
        "Company,Role,Date applied,Status,Contact,Ref\n"
        "Good One,MLE,2026-01-02,Applied,,\n"
        "Bad Date,MLE,31/31/2026,Applied,,\n"
        ",Orphan title,2026-01-02,Applied,,\n"
        "Future,MLE,2027-03-01,Onsite,,\n"
        "Good Two,DS,,Offer,Ann <ann@x.org>,\n"
        "Bad Ref,DS,,Offer,,not a ref!\n"
        f"Long,{'x' * 301},,Applied,,\n",
    )
    with pytest.raises(ImportRejected) as caught:
        import_sheet(session, owner, path, now=NOW)
    assert caught.value.problems == [
        "row 3: Date applied '31/31/2026' is not a date (write it for example as 2026-01-31)",
        "row 4: Company is empty",
        "row 5: Date applied 2027-03-01 is in the future",
        "row 7: Ref 'not a ref!' is not a landml reference",
        "row 8: Role: String should have at most 300 characters",
    ]
    assert "nothing was written" in caught.value.message
    assert counts(session) == before


def test_importing_the_same_sheet_again_adds_nothing(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(tmp_path, MESSY_CSV)
    import_sheet(session, owner, path, now=NOW)
    after_first = counts(session)
    again = import_sheet(session, owner, path, now=NOW + timedelta(days=3))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert counts(session) == after_first


def test_a_status_changed_in_the_sheet_appends_one_stage_change(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(tmp_path, MESSY_CSV)
    import_sheet(session, owner, path, now=NOW)
    later = NOW + timedelta(days=4)
    path.write_text(MESSY_CSV.replace("Phone screen", "Onsite"), encoding="utf-8")
    report = import_sheet(session, owner, path, now=later)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
    assert ledger(session, owner, "Acme AI")[1:] == [
        ("recruiter_call", NOW, "Status in the imported sheet: “Phone screen”."),
        ("onsite", later, "Status in the imported sheet: “Onsite”."),
    ]


def test_a_blank_status_never_moves_an_application_on_reimport(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "Company,Title,Status\nAcme,MLE,\n")
    import_sheet(session, owner, path, now=NOW)
    app_id = service.list_applications(session, owner)[0].id
    service.move(session, owner, app_id, "onsite", at=NOW + timedelta(days=1))
    report = import_sheet(session, owner, path, now=NOW + timedelta(days=2))
    assert (report.unchanged, report.rows[0].stage) == (1, "onsite")


def test_a_dry_run_reports_what_it_would_do_and_writes_nothing(
    session: Session, owner: int, tmp_path: Path
) -> None:
    report = import_sheet(session, owner, write(tmp_path, MESSY_CSV), now=NOW, dry_run=True)
    assert isinstance(report, SheetImportReport)
    assert (report.dry_run, report.added) == (True, 5)
    assert all(r.application_id is None for r in report.rows)
    assert counts(session) == dict.fromkeys(counts(session), 0)


def test_values_it_cannot_use_and_ambiguous_dates_are_reported(
    session: Session, owner: int, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "Company,Title,Type,Priority,Date applied\n"
        "Acme,MLE,Full-time,urgent,03/04/2026\n"
        "Helix,DS,Full-time,low,\n",
    )
    report = import_sheet(session, owner, path, now=datetime(2026, 5, 1, tzinfo=UTC))
    assert report.warnings == [
        'Type "Full-time" is not a value landml knows; it was ignored (rows 2, 3).',
        'Priority "urgent" is not a value landml knows; priority 2 was used (row 2).',
        "Date applied: dates such as “03/04/2026” read either way (day or month first); "
        "“03/04/2026” was read as 04 March 2026 (row 2). Write dates as YYYY-MM-DD to be sure.",
    ]
    assert [a.priority for a in service.list_applications(session, owner)] == [2, 3]


def test_a_locked_database_gives_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "ws", busy_timeout_s=0.2)
    ws = Workspace.open(settings)
    path = write(tmp_path, MESSY_CSV)
    with ws.session() as s:
        service.add_application(s, 1, ApplicationIn(company="Kept", title="MLE"), now=NOW)
        before = counts(s)
    holder = sqlite3.connect(settings.sqlite_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with ws.session() as s, pytest.raises(WorkspaceError, match="locked"):
            import_sheet(s, 1, path, now=NOW)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with ws.session() as s:
        assert counts(s) == before
        assert import_sheet(s, 1, path, now=NOW).added == 5
    ws.close()
