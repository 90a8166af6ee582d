"""Importing a person's job-hunt spreadsheet into the tracker, and exporting the tracker
to a spreadsheet that imports back into the same workspace.

An import is all or nothing: every row is read and checked first, and a single row
that cannot be read (a status that names no stage, a date that is not a date) stops
the whole import with one line per problem and nothing written. Importing the same
sheet twice adds nothing: rows are matched to applications by the `Ref` column an
export writes, else by company, title, link and date applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from landml.db.workspace import transactional
from landml.errors import Conflict, ImportRejected
from landml.tracker.models import Application, Contact, Note, new_uid
from landml.tracker.schemas import ApplicationIn, ContactIn
from landml.tracker.service import (
    LedgerStep,
    append_stage_change,
    company_key,
    create_application,
    create_contact,
    load_applications,
    resolve_stage,
    stages,
)
from landml.tracker.spreadsheet import (
    EXPORT_COLUMNS,
    CellValue,
    Field,
    HistoryEntry,
    HistoryError,
    NotADate,
    Sheet,
    SheetRow,
    StatusReading,
    cell_text,
    infer_day_first,
    is_ambiguous_date,
    read_contacts,
    read_date,
    read_history,
    read_notes,
    read_sheet,
    read_status,
    sheet_format,
    words,
    write_contacts,
    write_history,
    write_notes,
    write_sheet,
)
from landml.tracker.stages import Stage
from landml.tracker.vocab import Channel, CompanyKind, label

T = TypeVar("T", str, int)

# Past this many lines a problem report stops helping; the rest are counted.
MAX_PROBLEM_LINES = 200
_STARTING_STAGES = frozenset({"saved", "applied"})
_REF = re.compile(r"[A-Za-z0-9_-]{1,32}")

# What people write in a "Type" or "Source" column, beyond landml's own names.
KIND_WORDS: dict[str, str] = {
    "faang": "big_tech",
    "maang": "big_tech",
    "bigtech": "big_tech",
    "big tech company": "big_tech",
    "start up": "startup",
    "early stage": "startup",
    "scaleup": "mid_size",
    "scale up": "mid_size",
    "midsize": "mid_size",
    "mid": "mid_size",
    "research": "research_lab",
    "lab": "research_lab",
    "academia": "research_lab",
    "fintech": "finance",
    "bank": "finance",
    "hedge fund": "finance",
    "quant": "finance",
    "trading": "finance",
    "nontech": "non_tech",
    "traditional": "non_tech",
}
CHANNEL_WORDS: dict[str, str] = {
    "job board": "job_portal",
    "website": "job_portal",
    "company website": "job_portal",
    "careers page": "job_portal",
    "career page": "job_portal",
    "online": "job_portal",
    "portal": "job_portal",
    "referred": "referral",
    "headhunter": "recruiter",
    "agency": "recruiter",
    "recruiter reached out": "recruiter",
    "job fair": "career_fair",
    "email": "cold_email",
    "cold outreach": "cold_email",
    "professor": "advisor",
}
PRIORITY_WORDS: dict[str, int] = {
    "1": 1,
    "high": 1,
    "top": 1,
    "dream": 1,
    "2": 2,
    "medium": 2,
    "med": 2,
    "normal": 2,
    "mid": 2,
    "3": 3,
    "low": 3,
    "long shot": 3,
    "backup": 3,
}
WORK_MODE_WORDS: dict[str, str] = {
    "remote": "remote",
    "fully remote": "remote",
    "wfh": "remote",
    "yes": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on site": "onsite",
    "in office": "onsite",
    "office": "onsite",
    "in person": "onsite",
}


# --- reports ---------------------------------------------------------------------------


class RowOutcome(StrEnum):
    added = "added"
    updated = "updated"
    unchanged = "unchanged"


class SheetRowResult(BaseModel):
    """What the import did with one row."""

    row: int
    outcome: RowOutcome
    application_id: int | None = None
    company: str
    title: str
    stage: str


class SheetImportReport(BaseModel):
    """The outcome of an import (or, with `dry_run`, what it would do)."""

    path: str
    format: str
    worksheet: str | None = None
    header_row: int
    columns: dict[str, str]
    ignored_columns: list[str]
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_blank: int = 0
    dry_run: bool = False
    warnings: list[str] = []
    rows: list[SheetRowResult] = []


class SheetExportReport(BaseModel):
    path: str
    format: str
    applications: int
    columns: list[str]


class UnmappedStatuses(ImportRejected):
    """An import stopped because some status texts name no stage; `statuses` maps each
    text to the rows that hold it."""

    def __init__(
        self, message: str, problems: list[str], statuses: dict[str, list[int]], *, hint: str
    ) -> None:
        super().__init__(message, problems, hint=hint)
        self.statuses = statuses


# --- reading rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class SheetEntry:
    """A row read and checked, ready to be matched and written."""

    row: int
    ref: str | None
    application: ApplicationIn
    ledger: list[LedgerStep]
    # The status cell as written, and whether the ledger comes from a History cell.
    status: str | None
    from_history: bool
    applied_on: date | None
    contacts: list[ContactIn] = field(default_factory=list)
    notes: list[tuple[datetime, str]] = field(default_factory=list)


def noon_utc(day: date) -> datetime:
    # A date becomes midday UTC, which is the same calendar day from UTC-11 to UTC+11.
    return datetime.combine(day, time(12), tzinfo=UTC)


def sheet_status_note(status: str) -> str:
    return f"Status in the imported sheet: “{status}”."


def status_ledger(
    reading: StatusReading, status: str | None, applied_on: date | None, now: datetime
) -> list[LedgerStep]:
    """The ledger a status cell implies: the first change at the date applied (else
    now), later ones at the import time with a note quoting the sheet."""
    first_at = min(noon_utc(applied_on), now) if applied_on else now
    steps: list[LedgerStep] = []
    if applied_on is not None:
        if reading.stage in _STARTING_STAGES:
            return [LedgerStep(reading.stage, first_at)]
        steps.append(LedgerStep("applied", first_at))
    if reading.via:
        note = (
            f"Passed before the sheet’s status “{status}”; the sheet gives no date for this "
            "stage, so the import time is used."
        )
        steps.append(LedgerStep(reading.via, now, note=note))
    quote = sheet_status_note(status) if status else None
    steps.append(LedgerStep(reading.stage, now, note=quote))
    return steps


def choice(text: str, enum: type[StrEnum], extra: Mapping[str, str]) -> str | None:
    """A vocabulary value from its value, label or a common synonym, in any case."""
    w = words(text)
    for member in enum:
        if w in (words(member.value), words(label(member.value))):
            return member.value
    return extra.get(w)


class RowReader:
    """Reads rows into entries, collecting every problem instead of stopping at the first."""

    def __init__(
        self,
        sheet: Sheet,
        known: Sequence[Stage],
        status_map: Mapping[str, str],
        now: datetime,
    ) -> None:
        self.sheet = sheet
        self.now = now
        self.status_map = status_map
        self.stage_names = {words(s.key): s.key for s in known} | {
            words(s.label): s.key for s in known
        }
        self.stage_keys = [s.key for s in known]
        self.closed = {s.key for s in known if s.closed}
        self.problems: list[str] = []
        self.unmapped: dict[str, list[int]] = {}
        self.odd_values: dict[tuple[Field, str, str], list[int]] = {}
        self.refs: dict[str, int] = {}
        self.day_first = {
            fld: infer_day_first(r.cells.get(fld) for r in sheet.rows)
            for fld in (Field.applied_on, Field.next_action_on)
        }
        self.guessed_order: dict[Field, list[tuple[int, str, date]]] = {}

    def problem(self, row: SheetRow, text: str) -> None:
        self.problems.append(f"row {row.number}: {text}")

    def column(self, fld: Field) -> str:
        return self.sheet.header_of(fld)

    def read(self, row: SheetRow) -> SheetEntry | None:
        """The entry for a row, or None after recording why it cannot be imported."""
        before = len(self.problems)
        text = {fld: cell_text(value) for fld, value in row.cells.items()}
        applied_on = self.date_cell(row, Field.applied_on)
        next_on = self.date_cell(row, Field.next_action_on)
        ledger, channel = self.ledger(row, text, applied_on)
        data = self.application(row, text, next_on, channel)
        contacts = self.contacts(row, text.get(Field.contact))
        notes = self.notes(text.get(Field.notes))
        ref = self.ref(row, text.get(Field.ref))
        if len(self.problems) > before or ledger is None or data is None:
            return None
        data = data.model_copy(update={"stage": ledger[0].stage, "stage_at": ledger[0].at})
        status, from_history = text.get(Field.status), bool(text.get(Field.history))
        return SheetEntry(
            row.number, ref, data, ledger, status, from_history, applied_on, contacts, notes
        )

    def date_cell(self, row: SheetRow, fld: Field) -> date | None:
        cell = row.cells.get(fld)
        try:
            value = read_date(cell, day_first=self.day_first.get(fld))
        except NotADate as exc:
            self.problem(row, f"{self.column(fld)} {exc}")
            return None
        if value is not None and self.day_first.get(fld) is None and is_ambiguous_date(cell):
            self.guessed_order.setdefault(fld, []).append((row.number, str(cell), value))
        return value

    def ledger(
        self, row: SheetRow, text: Mapping[Field, str | None], applied_on: date | None
    ) -> tuple[list[LedgerStep] | None, str | None]:
        status = text.get(Field.status)
        if history := text.get(Field.history):
            return self.history_ledger(row, history, status), None
        if status:
            reading = read_status(status, self.stage_names, self.status_map)
            if reading is None:
                self.unmapped.setdefault(status, []).append(row.number)
                return None, None
        else:
            reading = StatusReading("applied" if applied_on else "saved")
        if applied_on and applied_on > self.now.date():
            self.problem(row, f"{self.column(Field.applied_on)} {applied_on} is in the future")
            return None, None
        return status_ledger(reading, status, applied_on, self.now), reading.channel

    def history_ledger(
        self, row: SheetRow, history: str, status: str | None
    ) -> list[LedgerStep] | None:
        try:
            entries = read_history(history)
        except HistoryError as exc:
            self.problem(row, f"{self.column(Field.history)} cannot be read: {exc}")
            return None
        if not entries or not self.history_is_valid(row, entries):
            return None
        ledger = [LedgerStep(e.stage, e.at, e.note, e.reason, e.skills) for e in entries]
        if status:
            # A person who edits the Stage cell of an exported sheet moves the application.
            reading = read_status(status, self.stage_names, self.status_map)
            if reading is None:
                self.unmapped.setdefault(status, []).append(row.number)
                return None
            if reading.stage != ledger[-1].stage:
                quote = sheet_status_note(status)
                at = max(self.now, ledger[-1].at)
                ledger.append(LedgerStep(reading.stage, at, note=quote))
        return ledger

    def history_is_valid(self, row: SheetRow, entries: Sequence[HistoryEntry]) -> bool:
        column = self.column(Field.history)
        ok = True
        for i, e in enumerate(entries):
            if e.stage not in self.stage_keys:
                self.problem(
                    row,
                    f"{column} names the stage {e.stage!r}, which this workspace does not have "
                    "(add it first with `landml stage add`)",
                )
                ok = False
            elif (e.reason or e.skills) and e.stage not in self.closed:
                self.problem(row, f"{column} gives a reason or skills to the open stage {e.stage}")
                ok = False
            if i and e.at < entries[i - 1].at:
                self.problem(row, f"{column} goes back in time at {e.stage} ({e.at:%Y-%m-%d})")
                ok = False
        return ok

    def application(
        self,
        row: SheetRow,
        text: Mapping[Field, str | None],
        next_on: date | None,
        channel_hint: str | None,
    ) -> ApplicationIn | None:
        company, title = text.get(Field.company), text.get(Field.title)
        for fld, value in ((Field.company, company), (Field.title, title)):
            if not value:
                self.problem(row, f"{self.column(fld)} is empty")
        channel = self.vocabulary(
            row, text, Field.channel, Channel, CHANNEL_WORDS, "it was left as job_portal"
        )
        values: dict[str, object] = {
            "company": company,
            "title": title,
            "company_kind": self.vocabulary(
                row, text, Field.company_kind, CompanyKind, KIND_WORDS, "it was ignored"
            ),
            "url": text.get(Field.url),
            "location": text.get(Field.location),
            "work_mode": self.lookup(row, text, Field.work_mode, WORK_MODE_WORDS, "it was ignored"),
            "salary_text": text.get(Field.salary),
            "channel": channel or channel_hint or Channel.job_portal.value,
            "priority": self.lookup(
                row, text, Field.priority, PRIORITY_WORDS, "priority 2 was used"
            )
            or 2,
            "next_action": text.get(Field.next_action),
            "next_action_on": next_on,
        }
        if not company or not title:
            return None
        try:
            return ApplicationIn.model_validate(values)
        except ValidationError as exc:
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else "row"
                self.problem(row, f"{self.column_of_input(name)}: {err['msg']}")
            return None

    def column_of_input(self, name: str) -> str:
        by_input = {"salary_text": Field.salary, "next_action_on": Field.next_action_on}
        fld = by_input.get(name) or next((f for f in Field if f.value == name), None)
        return self.column(fld) if fld else name

    def vocabulary(
        self,
        row: SheetRow,
        text: Mapping[Field, str | None],
        fld: Field,
        enum: type[StrEnum],
        extra: Mapping[str, str],
        fallback: str,
    ) -> str | None:
        value = text.get(fld)
        if not value:
            return None
        found = choice(value, enum, extra)
        if found is None:
            self.odd_values.setdefault((fld, value, fallback), []).append(row.number)
        return found

    def lookup(
        self,
        row: SheetRow,
        text: Mapping[Field, str | None],
        fld: Field,
        table: Mapping[str, T],
        fallback: str,
    ) -> T | None:
        value = text.get(fld)
        if not value:
            return None
        found = table.get(words(value))
        if found is None:
            self.odd_values.setdefault((fld, value, fallback), []).append(row.number)
        return found

    def contacts(self, row: SheetRow, text: str | None) -> list[ContactIn]:
        found: list[ContactIn] = []
        for name, email in read_contacts(text or ""):
            try:
                found.append(ContactIn(name=name, email=email))
            except ValidationError as exc:
                msg = exc.errors()[0]["msg"]
                self.problem(row, f"{self.column(Field.contact)} {name!r}: {msg}")
        return found

    def notes(self, text: str | None) -> list[tuple[datetime, str]]:
        return [(at or self.now, body) for at, body in read_notes(text or "")]

    def ref(self, row: SheetRow, text: str | None) -> str | None:
        if not text:
            return None
        if not _REF.fullmatch(text):
            self.problem(row, f"{self.column(Field.ref)} {text!r} is not a landml reference")
            return None
        if text in self.refs:
            self.problem(row, f"{self.column(Field.ref)} {text} is also on row {self.refs[text]}")
            return None
        self.refs[text] = row.number
        return text

    def warnings(self) -> list[str]:
        """Values the import could not use (left at their default) and dates it read
        in an assumed order."""
        out = [
            f'{self.column(fld)} "{value}" is not a value landml knows; {fallback} ({_rows(rows)}).'
            for (fld, value, fallback), rows in self.odd_values.items()
        ]
        for fld, guessed in self.guessed_order.items():
            _row, text, value = guessed[0]
            out.append(
                f"{self.column(fld)}: dates such as “{text}” read either way (day or month "
                f"first); “{text}” was read as {value:%d %B %Y} "
                f"({_rows([g[0] for g in guessed])}). Write dates as YYYY-MM-DD to be sure."
            )
        return out

    def rejection(self, path: Path) -> ImportRejected | None:
        """The error that stops the import, or None when every row can be imported."""
        problems = list(self.problems)
        statuses = [
            f'status "{text}" ({_rows(rows)}) does not name a stage'
            for text, rows in self.unmapped.items()
        ]
        if len(problems) > MAX_PROBLEM_LINES:
            problems = [
                *problems[:MAX_PROBLEM_LINES],
                f"... and {len(problems) - MAX_PROBLEM_LINES} more",
            ]
        if self.unmapped:
            others = f" and {len(self.problems)} other problem(s)" if self.problems else ""
            return UnmappedStatuses(
                f"{path.name} was not imported: {len(self.unmapped)} status text(s) name no "
                f"stage{others}; nothing was written.",
                [*problems, *statuses],
                dict(self.unmapped),
                hint='Map each one with --map-status "TEXT=STAGE" (stages: '
                + ", ".join(self.stage_keys)
                + "), or add a stage of your own with `landml stage add`.",
            )
        if problems:
            return ImportRejected(
                f"{path.name} was not imported: {len(self.problems)} problem(s) in its rows; "
                "nothing was written.",
                problems,
                hint="Fix the rows listed and import the sheet again.",
            )
        return None


def _rows(rows: Sequence[int], shown: int = 10) -> str:
    """Row numbers for a message: "row 4", "rows 4, 9", "rows 1, 2, ... and 40 more"."""
    text = ", ".join(str(r) for r in rows[:shown])
    if len(rows) > shown:
        text += f" and {len(rows) - shown} more"
    return ("row " if len(rows) == 1 else "rows ") + text


# --- matching rows to applications -------------------------------------------------------


@dataclass
class PlannedRow:
    entry: SheetEntry
    outcome: RowOutcome
    app: Application | None = None


def title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def date_applied(app: Application) -> date | None:
    """When the application left "saved": the date a sheet calls "Date applied"."""
    first = next((c for c in app.stage_changes if c.to_stage != "saved"), None)
    return first.at.date() if first else None


def _natural_key(company: str, title: str, url: str | None) -> tuple[str, str, str]:
    return company_key(company), title_key(title), (url or "").strip()


def _dates_of(app: Application) -> set[date]:
    found = {app.stage_changes[0].at.date()} if app.stage_changes else set()
    if (applied := date_applied(app)) is not None:
        found.add(applied)
    return found


def plan_rows(session: Session, owner: int, entries: Sequence[SheetEntry]) -> list[PlannedRow]:
    """Match each entry to the application it describes, if any, and decide what to do."""
    apps = load_applications(session, owner)
    by_uid = {a.uid: a for a in apps}
    by_key: dict[tuple[str, str, str], list[Application]] = {}
    for a in apps:
        by_key.setdefault(_natural_key(a.company.name, a.title, a.url), []).append(a)
    used: set[int] = set()
    planned = []
    for entry in entries:
        app = by_uid.get(entry.ref) if entry.ref else _by_key(entry, by_key, used)
        if app is None or app.id in used:
            planned.append(PlannedRow(entry, RowOutcome.added))
            continue
        used.add(app.id)
        # Only a stage the sheet states moves an application; a blank status does not.
        stated = entry.from_history or entry.status is not None
        same = not stated or app.stage_changes[-1].to_stage == entry.ledger[-1].stage
        planned.append(PlannedRow(entry, RowOutcome.unchanged if same else RowOutcome.updated, app))
    return planned


def _by_key(
    entry: SheetEntry,
    by_key: Mapping[tuple[str, str, str], list[Application]],
    used: set[int],
) -> Application | None:
    data = entry.application
    for app in by_key.get(_natural_key(data.company, data.title, data.url), []):
        if app.id not in used and (entry.applied_on is None or entry.applied_on in _dates_of(app)):
            return app
    return None


# --- writing -----------------------------------------------------------------------------


class ContactBook:
    """The owner's contacts by (name, email), so one person named on many rows is one
    contact linked to each application."""

    def __init__(self, session: Session, owner: int) -> None:
        self.session = session
        self.owner = owner
        rows = session.scalars(
            select(Contact).where(Contact.owner_id == owner).order_by(Contact.id)
        )
        self.known: dict[tuple[str, str], Contact] = {}
        for c in rows:
            self.known.setdefault(self.key(c.name, c.email), c)

    @staticmethod
    def key(name: str, email: str | None) -> tuple[str, str]:
        return name.casefold(), (email or "").casefold()

    def get(self, data: ContactIn) -> Contact:
        key = self.key(data.name, data.email)
        if key not in self.known:
            self.known[key] = create_contact(self.session, self.owner, data)
        return self.known[key]


def insert_application(
    session: Session, owner: int, entry: SheetEntry, book: ContactBook
) -> Application:
    """Write a new application with its whole ledger, contacts and notes."""
    app = create_application(
        session,
        owner,
        entry.application,
        uid=_free_uid(session, entry.ref),
        ledger=entry.ledger,
    )
    for contact_in in entry.contacts:
        contact = book.get(contact_in)
        if contact not in app.contacts:
            app.contacts.append(contact)
    for at, body in entry.notes:
        app.notes.append(Note(owner_id=owner, at=at, body=body))
    session.flush()
    return app


def _free_uid(session: Session, ref: str | None) -> str:
    # Keeping the exported Ref lets the new workspace recognise the sheet next time; uids
    # are unique across owners, so a Ref another owner holds gets a fresh uid instead.
    if ref and session.scalar(select(Application.id).where(Application.uid == ref)) is None:
        return ref
    return new_uid()


def advance_application(
    session: Session, owner: int, app: Application, entry: SheetEntry, now: datetime
) -> None:
    """Append one ledger row moving a matched application to the sheet's stage."""
    step = entry.ledger[-1]
    current = app.stage_changes[-1]
    if entry.from_history and step.at >= current.at:
        at, note = step.at, step.note
    else:
        at, note = max(now, current.at), sheet_status_note(entry.status or step.stage)
    stage = resolve_stage(session, owner, step.stage)
    append_stage_change(
        session,
        owner,
        app,
        stage,
        at=at,
        note=note,
        reason=step.reason if stage.closed else None,
        skills=step.skills if stage.closed else (),
    )


# --- the use cases -----------------------------------------------------------------------


@transactional
def import_sheet(
    session: Session,
    owner: int,
    path: Path | str,
    *,
    now: datetime,
    status_map: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> SheetImportReport:
    """Import a .csv/.xlsx job-hunt sheet as one transaction, or reject it whole.

    `status_map` maps a person's own status texts to stages ({"Interviewing":
    "tech_screen"}); with `dry_run` nothing is written and the report says what would be.
    """
    if now.tzinfo is None:
        raise ValueError("import_sheet needs an aware `now`")
    path = Path(path)
    sheet = read_sheet(path)
    mapping = {
        words(text): resolve_stage(session, owner, stage).key
        for text, stage in (status_map or {}).items()
    }
    reader = RowReader(sheet, stages(session, owner), mapping, now)
    entries = [e for row in sheet.rows if (e := reader.read(row)) is not None]
    if (rejection := reader.rejection(path)) is not None:
        raise rejection
    planned = plan_rows(session, owner, entries)
    if not dry_run:
        book = ContactBook(session, owner)
        for p in planned:
            if p.outcome is RowOutcome.added:
                p.app = insert_application(session, owner, p.entry, book)
            elif p.outcome is RowOutcome.updated and p.app is not None:
                advance_application(session, owner, p.app, p.entry, now)
    warnings = reader.warnings() + _backward_moves(planned)
    return _import_report(path, sheet, planned, warnings, dry_run)


def _backward_moves(planned: Iterable[PlannedRow]) -> list[str]:
    """Rows that move an application back to an earlier stage than landml has."""
    out = []
    for p in planned:
        if p.outcome is RowOutcome.updated and p.app is not None:
            ledger = [c.to_stage for c in p.app.stage_changes]
            target = p.entry.ledger[-1].stage
            if target in ledger[:-1] and target != ledger[-1]:
                out.append(f"row {p.entry.row}: moves back to {target}, a stage it had passed.")
    return out


def _import_report(
    path: Path,
    sheet: Sheet,
    planned: Sequence[PlannedRow],
    warnings: list[str],
    dry_run: bool,
) -> SheetImportReport:
    rows = [
        SheetRowResult(
            row=p.entry.row,
            outcome=p.outcome,
            application_id=p.app.id if p.app is not None else None,
            company=p.entry.application.company,
            title=p.entry.application.title,
            stage=p.app.stage_changes[-1].to_stage
            if p.app is not None and p.outcome is RowOutcome.unchanged
            else p.entry.ledger[-1].stage,
        )
        for p in planned
    ]
    return SheetImportReport(
        path=str(path),
        format=sheet.format,
        worksheet=sheet.worksheet,
        header_row=sheet.header_row,
        columns={header: fld.value for header, fld in sheet.columns},
        ignored_columns=sheet.ignored_columns,
        added=sum(p.outcome is RowOutcome.added for p in planned),
        updated=sum(p.outcome is RowOutcome.updated for p in planned),
        unchanged=sum(p.outcome is RowOutcome.unchanged for p in planned),
        skipped_blank=sheet.blank_rows,
        dry_run=dry_run,
        warnings=warnings,
        rows=rows,
    )


def export_row(app: Application, stage_labels: Mapping[str, str]) -> list[CellValue]:
    """One application as a row of `EXPORT_COLUMNS`."""
    current = app.stage_changes[-1].to_stage
    contacts = sorted(app.contacts, key=lambda c: c.id)
    values: dict[Field, CellValue] = {
        Field.company: app.company.name,
        Field.company_kind: label(app.company.kind),
        Field.title: app.title,
        Field.status: stage_labels.get(current, current),
        Field.applied_on: date_applied(app),
        Field.url: app.url,
        Field.location: app.location,
        Field.work_mode: app.work_mode,
        Field.salary: app.salary_text,
        Field.channel: label(app.channel),
        Field.priority: app.priority,
        Field.contact: write_contacts((c.name, c.email) for c in contacts) or None,
        Field.next_action: app.next_action,
        Field.next_action_on: app.next_action_on,
        Field.notes: write_notes((n.at, n.body) for n in app.notes) or None,
        Field.history: write_history(
            HistoryEntry(c.at, c.to_stage, c.note, c.reason, tuple(c.skills))
            for c in app.stage_changes
        ),
        Field.ref: app.uid,
    }
    return [values[fld] for fld, _header in EXPORT_COLUMNS]


def export_sheet(
    session: Session, owner: int, path: Path | str, *, overwrite: bool = True
) -> SheetExportReport:
    """Write every application to a .csv or .xlsx sheet that imports back losslessly
    (applications, ledgers, companies and kinds, linked contacts, notes)."""
    path = Path(path)
    fmt = sheet_format(path)
    if path.exists() and not overwrite:
        raise Conflict(f"{path} already exists.", hint="Choose another name or pass --force.")
    apps = session.scalars(
        select(Application)
        .where(Application.owner_id == owner)
        .options(
            selectinload(Application.stage_changes),
            selectinload(Application.contacts),
            selectinload(Application.notes),
        )
        .order_by(Application.id)
    ).all()
    stage_labels = {s.key: s.label for s in stages(session, owner)}
    header = [h for _fld, h in EXPORT_COLUMNS]
    write_sheet(path, header, (export_row(a, stage_labels) for a in apps))
    return SheetExportReport(path=str(path), format=fmt, applications=len(apps), columns=header)
