"""A person's job-hunt spreadsheet, read and written: pure code, no database.

People keep their search in a sheet long before they find a tracker. This module
reads such a sheet (.csv or .xlsx) the way its owner wrote it: headers in any
order and case under the names people use ("Role", "Date Applied", "Link"), a
title row or two above them, blank rows, real spreadsheet dates or dates typed
as text, and free-text statuses ("Phone screen", "Offer!", "Rejected after
onsite") read into landml's stages. It also holds the small text encodings a
landml export uses for what a cell cannot hold natively (the stage ledger,
dated notes, contacts) and writes .csv/.xlsx files whose text cannot run as a
formula when opened.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from itertools import islice
from pathlib import Path

from landml.errors import InvalidInput

CellValue = str | int | float | date | datetime | None

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
# People put a title, a date or a legend above their headers; look this far down for them.
HEADER_SEARCH_ROWS = 20
# The most characters one xlsx cell can hold (Excel's documented limit).
XLSX_CELL_LIMIT = 32_767

CSV_SUFFIXES = (".csv", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class Field(Enum):
    """What a column of the sheet holds."""

    company = "company"
    company_kind = "company_kind"
    title = "title"
    status = "status"
    applied_on = "applied_on"
    url = "url"
    location = "location"
    work_mode = "work_mode"
    salary = "salary"
    channel = "channel"
    priority = "priority"
    contact = "contact"
    next_action = "next_action"
    next_action_on = "next_action_on"
    notes = "notes"
    history = "history"
    ref = "ref"


def _aliases(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split("|"))


# Header names people use, most specific first: when two columns could hold the same
# field ("Date" and "Date applied"), the one named by the earlier alias wins.
HEADER_ALIASES: dict[Field, tuple[str, ...]] = {
    Field.company: _aliases(
        "company | company name | employer | organization | organisation | org"
    ),
    Field.title: _aliases(
        "title | job title | role | position | position title | role title | job role"
        " | job position | job | opening"
    ),
    Field.status: _aliases(
        "status | stage | application status | current status | current stage | state"
        " | progress | result"
    ),
    Field.applied_on: _aliases(
        "date applied | applied on | application date | applied date | date of application"
        " | date submitted | submitted on | applied | submitted | date"
    ),
    Field.url: _aliases(
        "link | url | job link | job url | posting | posting url | posting link | job posting"
        " | link to posting | listing"
    ),
    Field.contact: _aliases(
        "contact | contacts | contact name | contact person | point of contact | poc"
        " | recruiter | recruiter name | hiring manager"
    ),
    Field.notes: _aliases("notes | note | comments | comment | remarks | details"),
    Field.salary: _aliases(
        "salary | salary range | compensation | comp | pay | pay range | base salary"
        " | total compensation | tc"
    ),
    Field.location: _aliases("location | city | office location | place | country | where"),
    Field.company_kind: _aliases(
        "company type | company kind | type | kind | company category | category | sector"
    ),
    Field.work_mode: _aliases(
        "work mode | workplace | workplace type | work arrangement | arrangement | mode | remote"
    ),
    Field.channel: _aliases(
        "channel | source | applied via | applied through | how applied | how i applied"
    ),
    Field.priority: _aliases("priority | prio | interest level"),
    Field.next_action: _aliases("next action | next step | next steps | to do | todo | action"),
    Field.next_action_on: _aliases(
        "next action date | next action on | next step date | follow up date | follow up on"
        " | follow up by | due date | due"
    ),
    Field.history: _aliases("history | landml history | stage history"),
    Field.ref: _aliases("ref | landml ref | landml id"),
}

_ALIAS_INDEX: dict[str, tuple[Field, int]] = {
    alias: (fld, rank)
    for fld, aliases in HEADER_ALIASES.items()
    for rank, alias in enumerate(aliases)
}

# The columns of an export, in order, with their header text.
EXPORT_COLUMNS: tuple[tuple[Field, str], ...] = (
    (Field.company, "Company"),
    (Field.company_kind, "Company type"),
    (Field.title, "Title"),
    (Field.status, "Stage"),
    (Field.applied_on, "Date applied"),
    (Field.url, "Link"),
    (Field.location, "Location"),
    (Field.work_mode, "Work mode"),
    (Field.salary, "Salary"),
    (Field.channel, "Channel"),
    (Field.priority, "Priority"),
    (Field.contact, "Contact"),
    (Field.next_action, "Next action"),
    (Field.next_action_on, "Next action date"),
    (Field.notes, "Notes"),
    (Field.history, "History"),
    (Field.ref, "Ref"),
)


def words(text: str) -> str:
    """Lower-case words only: "Offer! 🎉" -> "offer", "Date Applied:" -> "date applied"."""
    out = "".join(c if c.isalnum() else " " for c in text.casefold())
    return " ".join(out.split())


# --- headers -------------------------------------------------------------------------


def header_field(text: str) -> tuple[Field, int] | None:
    """The field a header names and how specifically (lower is more specific), if any.

    "Role/Position/Title" is read part by part, so combined headers work too.
    """
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)  # "Date applied (MM/DD)"
    candidates = [words(text)]
    candidates += [words(part) for part in re.split(r"[/|\\&]|\bor\b", text)]
    hits = [_ALIAS_INDEX[c] for c in candidates if c in _ALIAS_INDEX]
    return min(hits, key=lambda hit: hit[1]) if hits else None


def match_header(cells: Sequence[CellValue]) -> dict[int, Field]:
    """Column index -> field for a candidate header row; unknown columns are left out."""
    best: dict[Field, tuple[int, int]] = {}
    for col, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        hit = header_field(cell)
        if hit is None:
            continue
        fld, rank = hit
        if fld not in best or rank < best[fld][0]:
            best[fld] = (rank, col)
    return {col: fld for fld, (_rank, col) in best.items()}


def is_header(columns: Mapping[int, Field]) -> bool:
    """A row is the header when it names at least the company and the title columns."""
    found = set(columns.values())
    return Field.company in found and Field.title in found


def find_header(rows: Sequence[Sequence[CellValue]]) -> tuple[int, dict[int, Field]] | None:
    """The index and columns of the first recognisable header among `rows`."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = match_header(row)
        if is_header(columns):
            return index, columns
    return None


# --- reading files -------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    """One non-blank data row; `number` is the row number the spreadsheet shows."""

    number: int
    cells: dict[Field, CellValue]


@dataclass(frozen=True)
class Sheet:
    """The data rows of a sheet, keyed by what each column holds."""

    format: str
    worksheet: str | None
    header_row: int
    columns: list[tuple[str, Field]]
    ignored_columns: list[str]
    rows: list[SheetRow]
    blank_rows: int

    def header_of(self, fld: Field) -> str:
        """The sheet's own name for a column (for messages that quote it)."""
        return next((h for h, f in self.columns if f == fld), fld.value)


def sheet_format(path: Path) -> str:
    """A file's format from its name, "csv" or "xlsx"; other names are refused."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    raise InvalidInput(
        f"{path.name} is not a .csv or .xlsx file.",
        hint="Save the sheet as .xlsx (Excel workbook) or .csv and try again.",
    )


def read_sheet(path: Path, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> Sheet:
    """Read a .csv or .xlsx job-hunt sheet: find its header row and its data rows."""
    fmt = sheet_format(path)
    if not path.is_file():
        raise InvalidInput(f"There is no file at {path}.", hint="Check the path and try again.")
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput(f"{path.name} is empty.", hint="Export the sheet again and retry.")
    if size > max_bytes:
        raise InvalidInput(
            f"{path.name} is {size / 1e6:.1f} MB; sheets larger than "
            f"{max_bytes / 1e6:.0f} MB are not imported.",
            hint="Remove columns or sheets you do not need (images, pivot tables) and retry.",
        )
    if fmt == "csv":
        name, rows = None, _read_csv(path)
    else:
        name, rows = _read_xlsx(path, max_rows)
    return _sheet_from_rows(path, fmt, name, rows, max_rows)


def _sheet_from_rows(
    path: Path, fmt: str, worksheet: str | None, rows: list[list[CellValue]], max_rows: int
) -> Sheet:
    if not any(_filled(cell) for row in rows for cell in row):
        raise InvalidInput(f"{path.name} is empty.", hint="Export the sheet again and retry.")
    found = find_header(rows)
    if found is None:
        raise _no_header(path, rows)
    header_index, columns = found
    header = rows[header_index]
    data = rows[header_index + 1 :]
    while data and not _row_has_data(data[-1], columns):
        data.pop()  # trailing formatted-but-empty rows are not "blank rows" a person left
    if len(data) > max_rows:
        raise InvalidInput(
            f"{path.name} has {len(data)} rows; at most {max_rows} are imported at once.",
            hint="Split the sheet into smaller files.",
        )
    kept: list[SheetRow] = []
    blank = 0
    for offset, row in enumerate(data):
        if not _row_has_data(row, columns):
            blank += 1
            continue
        cells = {fld: row[col] if col < len(row) else None for col, fld in columns.items()}
        kept.append(SheetRow(number=header_index + offset + 2, cells=cells))
    named = [(str(header[col]).strip(), fld) for col, fld in sorted(columns.items())]
    ignored = [
        str(cell).strip() for col, cell in enumerate(header) if col not in columns and _filled(cell)
    ]
    return Sheet(fmt, worksheet, header_index + 1, named, ignored, kept, blank)


def _filled(cell: CellValue) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _row_has_data(row: Sequence[CellValue], columns: Mapping[int, Field]) -> bool:
    # Only recognised columns count: a filled-down formula column ("days since applied")
    # leaves values on rows that are otherwise empty.
    return any(_filled(row[col]) for col in columns if col < len(row))


def _no_header(path: Path, rows: Sequence[Sequence[CellValue]]) -> InvalidInput:
    first = next((r for r in rows if any(_filled(c) for c in r)), [])
    seen = ", ".join(repr(str(c).strip()) for c in first if _filled(c))[:300]
    return InvalidInput(
        f"{path.name} has no recognisable Company and Title columns "
        f"(searched the first {HEADER_SEARCH_ROWS} rows; first row: {seen or 'empty'}).",
        hint="Name the columns for example Company and Role (or Title, Position).",
    )


def decode_text(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252
    or Latin-1, the encodings spreadsheet programs write."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _read_csv(path: Path) -> list[list[CellValue]]:
    text = decode_text(path.read_bytes())
    # A landml History cell can be long; the csv module's default cap is 128 kB per field.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    delimiter = _delimiter(text)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InvalidInput(
            f"{path.name} is not a readable CSV file: {exc}.",
            hint="Open it in a spreadsheet program and save it again as CSV.",
        ) from exc


def _delimiter(text: str) -> str:
    """The delimiter under which the header is recognised (comma, semicolon or tab).

    Chosen by what makes the header readable rather than by character counts, since
    notes and history cells are full of commas and semicolons.
    """
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            head: list[Sequence[CellValue]] = [list(r) for r in islice(reader, HEADER_SEARCH_ROWS)]
        except csv.Error:
            continue
        found = find_header(head)
        score = len(found[1]) if found else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_xlsx(path: Path, max_rows: int) -> tuple[str | None, list[list[CellValue]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InvalidInput(
            f"{path.name} is not a readable .xlsx workbook ({exc}).",
            hint="Open it in a spreadsheet program and save it again as .xlsx.",
        ) from exc
    try:
        first_rows: list[list[CellValue]] = []
        for ws in book.worksheets:
            rows = ws.iter_rows(values_only=True)
            head = [_xlsx_row(r) for r in islice(rows, HEADER_SEARCH_ROWS)]
            if find_header(head) is None:
                first_rows = first_rows or head
                continue
            filled = 0
            for r in rows:
                head.append(_xlsx_row(r))
                filled += any(_filled(c) for c in head[-1])
                if filled > max_rows:
                    break  # the row limit check reports it; no need to read further
            return ws.title, head
        return None, first_rows
    finally:
        book.close()


def _xlsx_row(values: Iterable[object]) -> list[CellValue]:
    return [_xlsx_cell(v) for v in values]


def _xlsx_cell(value: object) -> CellValue:
    if value is None or isinstance(value, str | int | float | date):
        return value
    return str(value)  # times of day, durations, error values such as #N/A


# --- cells --------------------------------------------------------------------------

# Text a spreadsheet program would run as a formula (or that hides one behind a tab or
# carriage return). Apostrophes already in front are counted, so that neutralising and
# restoring are exact inverses.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Make text safe to open in a spreadsheet: "=HYPERLINK(...)" -> "'=HYPERLINK(...)"."""
    return "'" + text if _FORMULA_START.match(text) else text


def restore(text: str) -> str:
    """Undo `neutralise`: strip exactly the apostrophe it added."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text, 1) else text


def cell_text(cell: CellValue) -> str | None:
    """A cell as trimmed text (None when empty); whole numbers lose their ".0"."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    text = restore(str(cell)).strip()
    return text or None


# --- dates ----------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers of 1970-01-01 and 2100-01-01: anything outside is not a job-hunt date.
_SERIAL_RANGE = (25_569, 73_051)
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ].*)?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
# What people write in a date column when there is no date yet.
_NO_DATE = frozenset({"", "n a", "na", "none", "tbd", "tba", "unknown", "not yet", "pending"})


class NotADate(ValueError):
    """A cell that should hold a date but does not; the message quotes it."""


def excel_serial_date(serial: float) -> date:
    """The date of an Excel serial day number (the 1900 date system)."""
    if not _SERIAL_RANGE[0] <= serial < _SERIAL_RANGE[1]:
        raise NotADate(f"{serial:g} is not a date between 1970 and 2099")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def read_date(cell: CellValue, *, day_first: bool | None = None) -> date | None:
    """A date from a spreadsheet cell: a real date cell, an Excel serial, or typed text.

    Text may be ISO (2026-01-05), numeric (05/01/2026, 1.5.26) or with a month name
    (Jan 5, 2026). For numeric dates where both orders are valid, `day_first` decides;
    when unknown, dots mean day first (European) and slashes month first (US).
    """
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, bool):
        raise NotADate(f"{cell!r} is not a date")
    if isinstance(cell, int | float):
        return excel_serial_date(cell)
    # A leading apostrophe is how people force a spreadsheet to keep a date as text.
    text = cell.strip().lstrip("'").strip()
    if not text or words(text) in _NO_DATE:
        return None
    try:
        return _plausible(_date_from_text(text, day_first), text)
    except (ValueError, OverflowError) as exc:
        raise NotADate(f"{text!r} is not a date (write it for example as 2026-01-31)") from exc


def _plausible(value: date, text: str) -> date:
    if not 1970 <= value.year < 2100:
        raise ValueError(f"{text!r} is out of range")
    return value


def _date_from_text(text: str, day_first: bool | None) -> date:
    if m := _ISO_DATE.fullmatch(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_DATE.fullmatch(text):
        return _numeric_date(int(m[1]), int(m[3]), int(m[4]), m[2], day_first)
    if _SERIAL.fullmatch(text):
        return excel_serial_date(float(text))
    return _named_month_date(text)


def _numeric_date(a: int, b: int, year: int, sep: str, day_first: bool | None) -> date:
    year = year + 2000 if year < 100 else year
    if a > 12 >= b:
        return date(year, b, a)
    if b > 12 >= a:
        return date(year, a, b)
    if day_first is None:
        day_first = sep == "."
    return date(year, b, a) if day_first else date(year, a, b)


def _named_month_date(text: str) -> date:
    from dateutil import parser as dateparser

    if not re.search(r"[a-zA-Z]{3}", text):
        raise ValueError(text)
    # Parsing against two different defaults shows whether the text gave a year, a
    # month and a day: any part it left out comes back different.
    one = dateparser.parse(text, default=datetime(2000, 1, 1))
    two = dateparser.parse(text, default=datetime(2004, 2, 2))
    if one.date() != two.date():
        raise ValueError(f"{text!r} lacks a year, month or day")
    return one.date()


def infer_day_first(cells: Iterable[CellValue]) -> bool | None:
    """Whether a column's numeric dates put the day first, when any of them shows it.

    "25/03/2026" can only be day first and "03/25/2026" only month first; a column
    where neither kind appears (or both do) gives None.
    """
    day_first = month_first = False
    for cell in cells:
        if not isinstance(cell, str):
            continue
        m = _NUMERIC_DATE.fullmatch(restore(cell).strip())
        if m is None:
            continue
        a, b = int(m[1]), int(m[3])
        day_first = day_first or a > 12 >= b
        month_first = month_first or b > 12 >= a
    if day_first == month_first:
        return None
    return day_first


def is_ambiguous_date(cell: CellValue) -> bool:
    """Text such as 03/04/2026 that reads as a valid date in both orders."""
    if not isinstance(cell, str):
        return False
    m = _NUMERIC_DATE.fullmatch(restore(cell).strip())
    return m is not None and int(m[1]) <= 12 and int(m[3]) <= 12 and m[1] != m[3]


def write_instant(at: datetime) -> str:
    """An aware time as ISO 8601 in UTC with a Z: 2026-01-05T09:00:00Z."""
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def read_instant(text: str) -> datetime:
    """The inverse of `write_instant`; any offset is accepted, the result is in UTC."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return value.astimezone(UTC)


# --- statuses -----------------------------------------------------------------------


@dataclass(frozen=True)
class StatusReading:
    """What a status cell says: the stage, a stage passed through on the way
    ("rejected after onsite" passed through onsite), and the channel it implies."""

    stage: str
    via: str | None = None
    channel: str | None = None


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


# Checked in order, first match wins: outcomes and later stages come before earlier
# ones, so "waiting after onsite" is onsite and "declined the offer" is declined.
STATUS_RULES: tuple[tuple[re.Pattern[str], StatusReading], ...] = (
    (
        _rule(
            r"(?:i|we) declined|declined (?:the |their |an )?offers?|offers? declined|"
            r"turned down (?:the |their |an )?offers?|rejected (?:the |their |an )?offers?|"
            r"declined by me|reneged"
        ),
        StatusReading("declined"),
    ),
    (
        _rule(
            r"withdrew|withdrawn|withdraw|withdrawal|withdrawing|pulled out|dropped out|"
            r"no longer interested|not interested|lost interest"
        ),
        StatusReading("withdrawn"),
    ),
    (
        _rule(
            r"ghosted|ghost|ghosting|no response|no reply|no answer|never heard back|"
            r"never heard|no news|radio silence"
        ),
        StatusReading("ghosted"),
    ),
    (
        _rule(
            r"rejected|rejection|reject|rej|declined by (?:the )?(?:company|employer|them)|"
            r"not selected|not moving forward|did not move forward|didn t move forward|"
            r"unsuccessful|turned down|denied|dinged|no offer|rescinded|failed|not accepted|^no$"
        ),
        StatusReading("rejected"),
    ),
    (_rule(r"accepted|accept|signed|joined|hired"), StatusReading("accepted")),
    (_rule(r"offers?|offered"), StatusReading("offer")),
    (
        _rule(r"team match(?:ing|ed)?|team fit|team selection|host matching|matching"),
        StatusReading("team_match"),
    ),
    (
        _rule(
            r"on ?site|virtual on ?site|final rounds?|final interviews?|finals?|full loop|"
            r"interview loop|loop|super ?day|panel(?: interview)?"
        ),
        StatusReading("onsite"),
    ),
    (
        _rule(
            r"take ?home(?: assignment| test| task)?|takehome|home assignment|assignment|"
            r"case study|homework|home task|home test"
        ),
        StatusReading("take_home"),
    ),
    (
        _rule(
            r"(?:tech|technical|coding|live coding|ml|machine learning) (?:phone )?"
            r"(?:screen|screening|interview|round|test|assessment|challenge|call)|"
            r"technical|online assessment|oa|hackerrank|codesignal|codility"
        ),
        StatusReading("tech_screen"),
    ),
    (
        _rule(
            r"(?:phone|recruiter|recruiting|hr|intro|introductory|initial|talent|screening) "
            r"(?:screen|screening|call|chat|interview)|phone screen|screening|screen|recruiter"
        ),
        StatusReading("recruiter_call"),
    ),
    (
        _rule(
            r"to apply|not applied|not yet applied|haven t applied|have not applied|"
            r"not submitted|need to apply|will apply|plan(?:ning)? to apply|apply soon"
        ),
        StatusReading("saved"),
    ),
    (_rule(r"referred|referral|referal"), StatusReading("applied", channel="referral")),
    (
        _rule(
            r"applied|submitted|waiting|pending|in review|under review|reviewing|awaiting|"
            r"application sent|app sent|sent"
        ),
        StatusReading("applied"),
    ),
    (
        _rule(
            r"interested|interesting|wishlist|wish list|bookmarked|bookmark|saved|save|"
            r"considering|maybe|researching|not started"
        ),
        StatusReading("saved"),
    ),
)

_OUTCOMES_WITH_VIA = frozenset({"rejected", "ghosted", "withdrawn", "declined"})
_STARTING_STAGES = frozenset({"saved", "applied"})


def read_status(
    text: str,
    known_stages: Mapping[str, str],
    status_map: Mapping[str, str] | None = None,
) -> StatusReading | None:
    """The stage a status cell names, or None when it cannot be read without guessing.

    `known_stages` maps the `words` form of every stage key and label of the workspace
    (its own stages too) to the key; `status_map` maps the `words` form of a person's own
    status texts to stage keys and wins over everything.
    """
    w = words(restore(text))
    if not w:
        return None
    if status_map and w in status_map:
        return StatusReading(status_map[w])
    if w in known_stages:
        return StatusReading(known_stages[w])
    for pattern, reading in STATUS_RULES:
        m = pattern.search(w)
        if m is None:
            continue
        if reading.stage in _OUTCOMES_WITH_VIA:
            rest = (w[: m.start()] + " " + w[m.end() :]).strip()
            return StatusReading(reading.stage, via=_stage_passed(rest, known_stages))
        return reading
    return None


def _stage_passed(rest: str, known_stages: Mapping[str, str]) -> str | None:
    """The stage past "applied" that the rest of an outcome's text names ("after onsite")."""
    skip = _OUTCOMES_WITH_VIA | _STARTING_STAGES
    for pattern, reading in STATUS_RULES:
        if reading.stage in _OUTCOMES_WITH_VIA:
            rest = pattern.sub(" ", rest)  # "rejected, no offer": "no offer" is no stage
    for key in sorted(known_stages, key=len, reverse=True):
        if known_stages[key] not in skip and re.search(rf"\b{re.escape(key)}\b", rest):
            return known_stages[key]
    for pattern, reading in STATUS_RULES:
        if reading.stage not in skip and pattern.search(rest):
            return reading.stage
    return None


def parse_status_map(items: Iterable[str]) -> dict[str, str]:
    """`"TEXT=STAGE"` options as a {TEXT: STAGE} dict (the last `=` separates them)."""
    result: dict[str, str] = {}
    for item in items:
        text, sep, stage = item.rpartition("=")
        if not sep or not text.strip() or not stage.strip():
            raise InvalidInput(
                f"Cannot read the status mapping {item!r}.",
                hint='Write it as "TEXT=STAGE", for example '
                '--map-status "Interviewing=tech_screen".',
            )
        result[text.strip()] = stage.strip()
    return result


# --- encodings of cells a landml export writes ------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One ledger row as written in a History cell."""

    at: datetime
    stage: str
    note: str | None = None
    reason: str | None = None
    skills: tuple[str, ...] = ()


class HistoryError(ValueError):
    """A History cell that is not in the form an export writes."""


def write_history(entries: Iterable[HistoryEntry]) -> str:
    """The ledger as one line: "2026-01-05T09:00:00Z applied; 2026-01-12T10:00:00Z
    tech_screen | note: "went well"". Texts are JSON strings, so any character survives."""
    parts = []
    for e in entries:
        part = f"{write_instant(e.at)} {e.stage}"
        if e.note is not None:
            part += " | note: " + json.dumps(e.note, ensure_ascii=False)
        if e.reason is not None:
            part += " | reason: " + json.dumps(e.reason, ensure_ascii=False)
        if e.skills:
            part += " | skills: " + json.dumps(list(e.skills), ensure_ascii=False)
        parts.append(part)
    return "; ".join(parts)


_HISTORY_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})"
)
_HISTORY_STAGE = re.compile(r"\s+([^\s|;]+)")
_HISTORY_FIELD = re.compile(r"\s*(note|reason|skills)\s*:\s*")
_SPACE = re.compile(r"\s*")
_JSON = json.JSONDecoder()


def read_history(text: str) -> list[HistoryEntry]:
    """The inverse of `write_history`; raises HistoryError saying where it went wrong."""
    entries: list[HistoryEntry] = []
    pos = _skip(text, 0)
    while pos < len(text):
        entry, pos = _history_entry(text, pos)
        entries.append(entry)
        pos = _skip(text, pos)
        if pos < len(text):
            if text[pos] != ";":
                raise HistoryError(f"expected ';' at character {pos + 1}")
            pos = _skip(text, pos + 1)
    return entries


def _skip(text: str, pos: int) -> int:
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


def _history_entry(text: str, pos: int) -> tuple[HistoryEntry, int]:
    m = _HISTORY_TIME.match(text, pos)
    if m is None:
        raise HistoryError(f"expected a time such as 2026-01-05T09:00:00Z at character {pos + 1}")
    try:
        at = read_instant(m.group())
    except ValueError as exc:
        raise HistoryError(f"{m.group()!r} is not a valid time") from exc
    stage_match = _HISTORY_STAGE.match(text, m.end())
    if stage_match is None:
        raise HistoryError(f"expected a stage after the time at character {m.end() + 1}")
    values: dict[str, object] = {}
    pos = stage_match.end()
    while (bar := _skip(text, pos)) < len(text) and text[bar] == "|":
        fm = _HISTORY_FIELD.match(text, bar + 1)
        if fm is None:
            raise HistoryError(f"expected note:, reason: or skills: at character {bar + 2}")
        if fm[1] in values:
            raise HistoryError(f"{fm[1]} is given twice at character {fm.start(1) + 1}")
        try:
            values[fm[1]], pos = _JSON.raw_decode(text, fm.end())
        except json.JSONDecodeError as exc:
            raise HistoryError(f"{fm[1]} is not a quoted text at character {fm.end() + 1}") from exc
    return _history_values(at, stage_match[1], values), pos


def _history_values(at: datetime, stage: str, values: Mapping[str, object]) -> HistoryEntry:
    skills = values.get("skills", [])
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        raise HistoryError(f"the skills of {stage} must be a list of quoted texts")
    note, reason = _history_text(values, "note", stage), _history_text(values, "reason", stage)
    return HistoryEntry(at, stage, note, reason, tuple(skills))


def _history_text(values: Mapping[str, object], name: str, stage: str) -> str | None:
    value = values.get(name)
    if value is None or isinstance(value, str):
        return value
    raise HistoryError(f"the {name} of {stage} must be a quoted text")


# Escapes for text cells that hold several items, one per line.
_ESCAPE_LINE = {"\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_ESCAPE_CONTACT = {**_ESCAPE_LINE, ";": "\\;", "<": "\\<", ">": "\\>"}
_UNESCAPE = re.compile(r"\\(x[0-9a-f]{2}|.)", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _escape(text: str, table: Mapping[str, str]) -> str:
    out = "".join(table.get(c, c) for c in text)
    # Other control characters cannot be stored in an .xlsx cell at all.
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", out)


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m[1]
        if code.startswith("x") and len(code) == 3:
            return chr(int(code[1:], 16))
        return {"n": "\n", "r": "\r"}.get(code, code)

    return _UNESCAPE.sub(one, text)


_NOTE_LINE = re.compile(rf"\[({_HISTORY_TIME.pattern})\] (.*)")


def write_notes(notes: Iterable[tuple[datetime, str]]) -> str:
    """Dated notes, one per line: "[2026-01-02T10:00:00Z] called the recruiter"."""
    return "\n".join(f"[{write_instant(at)}] {_escape(body, _ESCAPE_LINE)}" for at, body in notes)


def read_notes(text: str) -> list[tuple[datetime | None, str]]:
    """Notes from a Notes cell: dated lines as an export writes them, or else the whole
    cell as one undated note (a person's own free text)."""
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines:
        return []
    matches = [_NOTE_LINE.fullmatch(line) for line in lines]
    dated: list[tuple[datetime | None, str]] = []
    for m in matches:
        if m is None:
            return [(None, text.strip())]
        try:
            at = read_instant(m[1])
        except ValueError:
            return [(None, text.strip())]
        body = _unescape(m[2])
        if body.strip():
            dated.append((at, body))
    return dated


_EMAIL = re.compile(r"[^\s<>;,()\[\]\"']+@[^\s<>;,()\[\]\"']+\.[^\s<>;,()\[\]\"']+")
_NAME_AND_EMAIL = re.compile(r"((?:[^<\\]|\\.)*?)\s*<((?:[^<>\\]|\\.)*)>\s*", re.DOTALL)


def write_contacts(contacts: Iterable[tuple[str, str | None]]) -> str:
    """Contacts, one per line: "Priya Raman <priya@example.com>"; "Name <>" marks a
    name that looks like an email address but is not one."""
    lines = []
    for name, email in contacts:
        line = _escape(name, _ESCAPE_CONTACT)
        if email:
            line += f" <{_escape(email, _ESCAPE_CONTACT)}>"
        elif _EMAIL.search(name):
            line += " <>"
        lines.append(line)
    return "\n".join(lines)


def read_contacts(text: str) -> list[tuple[str, str | None]]:
    """Contacts from a Contact cell, one per line or separated by ';': "Name <email>",
    "Name (email)", "email", or just a name."""
    contacts = []
    for part in _split_unescaped(text, "\n;"):
        if not part.strip():
            continue
        if m := _NAME_AND_EMAIL.fullmatch(part.strip()):
            name, email = _unescape(m[1]).strip(), _unescape(m[2]).strip() or None
            contacts.append((name or email or "", email))
            continue
        plain = _unescape(part).strip()
        found = _EMAIL.search(plain)
        if found is None:
            contacts.append((plain, None))
            continue
        rest = (plain[: found.start()] + plain[found.end() :]).strip(" ,;:-|()[]\t")
        contacts.append((" ".join(rest.split()) or found.group(), found.group()))
    return [(name, email) for name, email in contacts if name]


def _split_unescaped(text: str, separators: str) -> Iterator[str]:
    start, i = 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in separators:
            yield text[start:i]
            start = i + 1
        i += 1
    yield text[start:]


# --- writing files ---------------------------------------------------------------------


def write_sheet(path: Path, header: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> str:
    """Write a .csv or .xlsx file (chosen by the suffix) in one step: the file appears
    complete or not at all. Text that would run as a formula is neutralised."""
    fmt = sheet_format(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "csv":
            _write_csv(tmp, header, rows)
        else:
            _write_xlsx(tmp, header, rows)
        tmp.replace(path)
    except OSError as exc:
        raise InvalidInput(
            f"Cannot write {path}: {exc.strerror or exc}.",
            hint="Check that the folder exists and that you may write to it.",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return fmt


def _csv_cell(cell: CellValue) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return write_instant(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, str):
        return neutralise(cell)
    return str(cell)


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> None:
    # utf-8 with a BOM: Excel then opens the file as UTF-8 instead of the system code page.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_cell(c) for c in row])


def _xlsx_text(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters other than tab and line breaks cannot exist in an xlsx file.
    text = ILLEGAL_CHARACTERS_RE.sub("", neutralise(text))
    if len(text) > XLSX_CELL_LIMIT:
        raise InvalidInput(
            f"A cell holds {len(text)} characters, more than an .xlsx cell can "
            f"({XLSX_CELL_LIMIT}); nothing was written.",
            hint="Export to .csv instead, which has no such limit.",
        )
    return text


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = "Applications"
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append([_xlsx_text(c) if isinstance(c, str) else c for c in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, datetime | date):
                cell.number_format = "yyyy-mm-dd"
    book.save(path)
