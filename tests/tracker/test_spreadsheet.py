"""The pure spreadsheet layer: headers, statuses, dates, cell encodings, files."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from landml.errors import InvalidInput
from landml.tracker.spreadsheet import (
    CellValue,
    Field,
    HistoryEntry,
    HistoryError,
    NotADate,
    StatusReading,
    header_field,
    infer_day_first,
    match_header,
    neutralise,
    parse_status_map,
    read_contacts,
    read_date,
    read_history,
    read_notes,
    read_sheet,
    read_status,
    restore,
    words,
    write_contacts,
    write_history,
    write_notes,
    write_sheet,
)
from landml.tracker.stages import BUILTIN_STAGES

KNOWN = {words(s.key): s.key for s in BUILTIN_STAGES} | {
    words(s.label): s.key for s in BUILTIN_STAGES
}


# --- headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Company", Field.company),
        ("COMPANY NAME", Field.company),
        ("Employer", Field.company),
        ("Role", Field.title),
        ("Position", Field.title),
        ("Job Title", Field.title),
        ("Role/Position/Title", Field.title),
        ("Status", Field.status),
        ("stage", Field.status),
        ("Status 🚦", Field.status),
        ("Date applied", Field.applied_on),
        ("Date Applied (MM/DD)", Field.applied_on),
        ("Applied on:", Field.applied_on),
        ("Link", Field.url),
        ("Link / URL", Field.url),
        ("URL", Field.url),
        ("Contact", Field.contact),
        ("Recruiter", Field.contact),
        ("Notes", Field.notes),
        ("Comments", Field.notes),
        ("Salary", Field.salary),
        ("Compensation", Field.salary),
        ("Location", Field.location),
        ("Type", Field.company_kind),
        ("Company type", Field.company_kind),
        ("Remote?", Field.work_mode),
        ("Source", Field.channel),
        ("Next action date", Field.next_action_on),
        ("Next step", Field.next_action),
        ("History", Field.history),
        ("Ref", Field.ref),
    ],
)
def test_headers_people_write_are_recognised(header: str, expected: Field) -> None:
    found = header_field(header)
    assert found is not None and found[0] is expected


@pytest.mark.parametrize("header", ["Days since applied", "Excitement", "", "Company size"])
def test_other_headers_are_not_claimed(header: str) -> None:
    assert header_field(header) is None


def test_the_more_specific_header_wins_whatever_the_column_order() -> None:
    columns = match_header(["Date", "company", "ROLE", "Date applied", "Link", "Job link"])
    assert columns == {
        3: Field.applied_on,
        1: Field.company,
        2: Field.title,
        4: Field.url,
    }


# --- statuses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phone screen", StatusReading("recruiter_call")),
        ("Recruiter call", StatusReading("recruiter_call")),
        ("HR call", StatusReading("recruiter_call")),
        ("Technical screen", StatusReading("tech_screen")),
        ("coding screen", StatusReading("tech_screen")),
        ("Tech interview", StatusReading("tech_screen")),
        ("Take-home", StatusReading("take_home")),
        ("Assignment", StatusReading("take_home")),
        ("Case study", StatusReading("take_home")),
        ("Onsite", StatusReading("onsite")),
        ("Final round", StatusReading("onsite")),
        ("Virtual onsite", StatusReading("onsite")),
        ("Full loop", StatusReading("onsite")),
        ("Superday", StatusReading("onsite")),
        ("Team match", StatusReading("team_match")),
        ("Offer!", StatusReading("offer")),
        ("OFFER 🎉🎉", StatusReading("offer")),
        ("Offered", StatusReading("offer")),
        ("Accepted", StatusReading("accepted")),
        ("Signed!", StatusReading("accepted")),
        ("Waiting", StatusReading("applied")),
        ("Submitted", StatusReading("applied")),
        ("Applied", StatusReading("applied")),
        ("In review", StatusReading("applied")),
        ("pending...", StatusReading("applied")),
        ("Interested", StatusReading("saved")),
        ("To apply", StatusReading("saved")),
        ("Wishlist", StatusReading("saved")),
        ("Bookmarked", StatusReading("saved")),
        ("Saved", StatusReading("saved")),
        ("Referred", StatusReading("applied", channel="referral")),
        ("Rejected", StatusReading("rejected")),
        ("Declined by company", StatusReading("rejected")),
        ("No", StatusReading("rejected")),
        ("Rejected after onsite", StatusReading("rejected", via="onsite")),
        ("rejected (phone screen)", StatusReading("rejected", via="recruiter_call")),
        ("Failed the take home", StatusReading("rejected", via="take_home")),
        ("Rejected - no offer", StatusReading("rejected")),
        ("Withdrew", StatusReading("withdrawn")),
        ("Withdrawn", StatusReading("withdrawn")),
        ("Ghosted 👻", StatusReading("ghosted")),
        ("No response", StatusReading("ghosted")),
        ("Ghosted after tech screen", StatusReading("ghosted", via="tech_screen")),
        ("Declined offer", StatusReading("declined")),
        ("I declined", StatusReading("declined")),
        ("Declined", StatusReading("declined")),
    ],
)
def test_statuses_people_write_are_read_as_stages(text: str, expected: StatusReading) -> None:
    assert read_status(text, KNOWN) == expected


@pytest.mark.parametrize("text", ["Interviewing", "???", "🤞", "Call back Tuesday"])
def test_statuses_that_name_no_stage_are_not_guessed(text: str) -> None:
    assert read_status(text, KNOWN) is None


def test_a_persons_own_mapping_and_own_stages_win() -> None:
    known = KNOWN | {"hiring committee": "hiring_committee"}
    assert read_status("Hiring Committee", known) == StatusReading("hiring_committee")
    own = {words("Interviewing"): "tech_screen", words("Offer!"): "team_match"}
    assert read_status("interviewing", known, own) == StatusReading("tech_screen")
    assert read_status("Offer!", known, own) == StatusReading("team_match")


def test_status_mappings_split_on_the_last_equals_sign() -> None:
    assert parse_status_map(["A=B=onsite", " Waiting = applied "]) == {
        "A=B": "onsite",
        "Waiting": "applied",
    }
    with pytest.raises(InvalidInput, match="TEXT=STAGE"):
        parse_status_map(["Interviewing"])


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-01-05", date(2026, 1, 5)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026-01-05T09:30:00Z", date(2026, 1, 5)),
        ("25/01/2026", date(2026, 1, 25)),
        ("01/25/2026", date(2026, 1, 25)),
        ("1/5/26", date(2026, 1, 5)),
        ("5.1.2026", date(2026, 1, 5)),
        ("Jan 5, 2026", date(2026, 1, 5)),
        ("5 January 2026", date(2026, 1, 5)),
        ("'2026-01-05", date(2026, 1, 5)),
        (datetime(2026, 1, 5, 0, 0), date(2026, 1, 5)),
        (date(2026, 1, 5), date(2026, 1, 5)),
        (46027, date(2026, 1, 5)),
        (46027.75, date(2026, 1, 5)),
        ("46027", date(2026, 1, 5)),
        ("", None),
        ("N/A", None),
        ("tbd", None),
        (None, None),
    ],
)
def test_dates_in_common_formats_and_as_spreadsheet_dates(
    cell: str | int | float | date | None, expected: date | None
) -> None:
    assert read_date(cell) == expected


@pytest.mark.parametrize(
    "cell", ["31/31/2026", "Jan 5", "yesterday", "2026-02-30", 12, "1850-01-01"]
)
def test_what_is_not_a_date_says_so(cell: str | int) -> None:
    with pytest.raises(NotADate, match="not a date"):
        read_date(cell)


def test_a_column_that_shows_its_day_first_order_is_read_that_way() -> None:
    column = ["03/04/2026", "25/04/2026", None, 46027]
    assert infer_day_first(column) is True
    assert read_date("03/04/2026", day_first=True) == date(2026, 4, 3)
    assert infer_day_first(["03/04/2026", "04/25/2026"]) is False
    assert infer_day_first(["03/04/2026"]) is None
    assert infer_day_first(["25/04/2026", "04/25/2026"]) is None


# --- cell encodings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 6 12", "'+33 6 12"),
        ("-5k", "'-5k"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("'=1", "''=1"),
        ("'quoted'", "'quoted'"),
        ("Acme = good", "Acme = good"),
    ],
)
def test_formula_text_is_neutralised_and_restored(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


@given(st.text())
def test_restoring_undoes_neutralising(text: str) -> None:
    safe = neutralise(text)
    assert safe[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore(safe) == text


_INSTANTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)
_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@given(
    st.lists(
        st.builds(
            HistoryEntry,
            at=_INSTANTS,
            stage=st.sampled_from([s.key for s in BUILTIN_STAGES]),
            note=st.none() | _ANY_TEXT,
            reason=st.none() | _ANY_TEXT,
            skills=st.lists(_ANY_TEXT, max_size=3).map(tuple),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_history_cells_hold_any_ledger(entries: list[HistoryEntry]) -> None:
    assert read_history(write_history(entries)) == entries


def test_history_reads_the_form_the_issue_describes() -> None:
    text = (
        '2026-01-05T09:00:00Z applied; 2026-01-12T10:00:00+01:00 tech_screen | note: "a; b | c";'
        ' 2026-02-01T08:00:00Z rejected | reason: "no MLOps" | skills: ["Kubernetes", "Airflow"]'
    )
    assert read_history(text) == [
        HistoryEntry(datetime(2026, 1, 5, 9, tzinfo=UTC), "applied"),
        HistoryEntry(datetime(2026, 1, 12, 9, tzinfo=UTC), "tech_screen", note="a; b | c"),
        HistoryEntry(
            datetime(2026, 2, 1, 8, tzinfo=UTC),
            "rejected",
            reason="no MLOps",
            skills=("Kubernetes", "Airflow"),
        ),
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("applied on monday", "expected a time"),
        ("2026-01-05T09:00:00Z", "expected a stage"),
        ('2026-01-05T09:00:00Z applied | mood: "ok"', "expected note:"),
        ("2026-01-05T09:00:00Z applied | note: unquoted", "not a quoted text"),
        ('2026-01-05T09:00:00Z applied | skills: "one"', "list of quoted texts"),
        ("2026-01-05T09:00:00Z applied 2026-01-06T09:00:00Z offer", "expected ';'"),
    ],
)
def test_a_damaged_history_cell_says_where(text: str, where: str) -> None:
    with pytest.raises(HistoryError, match=where):
        read_history(text)


_BODIES = _ANY_TEXT.filter(lambda s: s.strip() != "")


@given(st.lists(st.tuples(_INSTANTS, _BODIES), max_size=4))
def test_notes_cells_hold_dated_notes_with_any_text(notes: list[tuple[datetime, str]]) -> None:
    assert read_notes(write_notes(notes)) == notes


def test_a_persons_own_notes_cell_is_one_undated_note() -> None:
    text = "Spoke to Priya; she said [team] is hiring\nfollow up in a week"
    assert read_notes(text) == [(None, text)]
    assert read_notes("  ") == []


_NAMES = _ANY_TEXT.map(str.strip).filter(bool)


@given(st.lists(st.tuples(_NAMES, st.none() | _NAMES), max_size=4))
def test_contact_cells_hold_names_and_emails_with_any_text(
    contacts: list[tuple[str, str | None]],
) -> None:
    assert read_contacts(write_contacts(contacts)) == contacts


def test_contacts_as_people_write_them() -> None:
    text = "Priya Raman (priya@acme.ai); Tom\nsam@helix.io\nJo Li <jo@x.org>"
    assert read_contacts(text) == [
        ("Priya Raman", "priya@acme.ai"),
        ("Tom", None),
        ("sam@helix.io", "sam@helix.io"),
        ("Jo Li", "jo@x.org"),
    ]


# --- files ------------------------------------------------------------------------------


def test_csv_with_semicolons_a_title_row_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "search.csv"
    path.write_text(
        "Job search 2026;;\n"
        ";;\n"
        "Status;ROLE;company;Excitement\n"
        "Applied;ML Engineer;Acme;high\n"
        ";;;\n"
        "Offer!;Data Scientist;Helix;\n"
        ";;;\n"
        ";;;\n",
        encoding="utf-8-sig",
    )
    sheet = read_sheet(path)
    assert (sheet.format, sheet.header_row, sheet.blank_rows) == ("csv", 3, 1)
    assert sheet.columns == [
        ("Status", Field.status),
        ("ROLE", Field.title),
        ("company", Field.company),
    ]
    assert sheet.ignored_columns == ["Excitement"]
    assert [(r.number, r.cells[Field.company], r.cells[Field.status]) for r in sheet.rows] == [
        (4, "Acme", "Applied"),
        (6, "Helix", "Offer!"),
    ]


def test_csv_from_windows_excel_in_cp1252_and_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "search.tsv"
    path.write_bytes("Company\tTitle\tSalary\nSociété Générale\tQuant ML\t€120k\n".encode("cp1252"))
    sheet = read_sheet(path)
    assert sheet.rows[0].cells == {
        Field.company: "Société Générale",
        Field.title: "Quant ML",
        Field.salary: "€120k",
    }


def test_xlsx_header_below_a_title_on_the_second_sheet_with_real_dates(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["Applications sent", 12])
    data = book.create_sheet("2026")
    data.append(["My ML job search"])
    data.append([])
    data.append(["Company", "Position", "Date Applied", "Status"])
    data.append(["Acme", "MLE", datetime(2026, 1, 5), "Phone screen"])
    data.append([None, None, None, None])
    data.append(["Helix", "Research Scientist", 46027, "Onsite"])
    path = tmp_path / "search.xlsx"
    book.save(path)
    sheet = read_sheet(path)
    assert (sheet.format, sheet.worksheet, sheet.header_row, sheet.blank_rows) == (
        "xlsx",
        "2026",
        3,
        1,
    )
    dates = [read_date(r.cells[Field.applied_on]) for r in sheet.rows]
    assert dates == [date(2026, 1, 5), date(2026, 1, 5)]
    assert [r.number for r in sheet.rows] == [4, 6]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("jobs.xls", b"whatever", "not a .csv or .xlsx"),
        ("jobs.numbers", b"whatever", "not a .csv or .xlsx"),
        ("jobs.csv", b"", "is empty"),
        ("jobs.csv", b"\n,,\n,,\n", "is empty"),
        ("jobs.csv", b"Name,When,Where\nx,y,z\n", "no recognisable Company and Title"),
        ("jobs.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx"),
    ],
)
def test_files_that_cannot_be_imported_say_why(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        read_sheet(path)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file at"):
        read_sheet(tmp_path / "nowhere.csv")


def test_files_too_large_or_too_long_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Company,Title\n" + "Acme,MLE\n" * 30)
    with pytest.raises(InvalidInput, match="larger than"):
        read_sheet(path, max_bytes=100)
    with pytest.raises(InvalidInput, match="at most 20"):
        read_sheet(path, max_rows=20)
    assert len(read_sheet(path, max_rows=30).rows) == 30


def test_written_files_neutralise_formulas_in_every_text_cell(tmp_path: Path) -> None:
    header = ["Company", "Title", "Notes"]
    rows: list[list[CellValue]] = [["=cmd|'/C calc'!A0", "+MLE", "@SUM(1)"], ["-2", "Plain", None]]
    write_sheet(tmp_path / "out.csv", header, rows)
    written = list(csv.reader((tmp_path / "out.csv").open(encoding="utf-8-sig", newline="")))
    assert written[1:] == [["'=cmd|'/C calc'!A0", "'+MLE", "'@SUM(1)"], ["'-2", "Plain", ""]]
    write_sheet(tmp_path / "out.xlsx", header, rows)
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert [c.value for c in cells] == ["'=cmd|'/C calc'!A0", "'+MLE", "'@SUM(1)", "'-2", "Plain"]
    assert {c.data_type for c in cells} == {"s"}
