"""Spreadsheet commands: `landml sheet import FILE` and `landml sheet export FILE`."""

from __future__ import annotations

from pathlib import Path

import click

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.tracker.sheets import SheetExportReport, SheetImportReport, export_sheet, import_sheet
from landml.tracker.spreadsheet import parse_status_map


@click.group(cls=LandmlGroup)
def sheet() -> None:
    """Bring your own job-hunt spreadsheet in (.csv, .xlsx), or take the workspace out."""


@sheet.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--map-status",
    "map_status",
    multiple=True,
    metavar='"TEXT=STAGE"',
    help='Read a status of your own as a stage, e.g. --map-status "Interviewing=tech_screen" '
    "(repeatable).",
)
@click.option("--dry-run", is_flag=True, help="Check the sheet and report; write nothing.")
@command_options
@pass_state
def sheet_import(st: CliState, file: Path, map_status: tuple[str, ...], dry_run: bool) -> None:
    """Import FILE (.csv or .xlsx): all rows or none.

    Columns are recognised by their usual names in any order and case (Company,
    Role/Title/Position, Status/Stage, Date applied, Link/URL, Contact, Notes, Salary,
    Location, Type...), even below a title row. Statuses such as "Phone screen",
    "Onsite", "Offer!" or "Rejected after onsite" become stages; a status that names
    no stage stops the import and is listed, to be mapped with --map-status. Importing
    the same sheet again adds nothing.
    """
    status_map = parse_status_map(map_status)
    with st.session() as s:
        report = import_sheet(
            s, st.owner, file, now=st.now(), status_map=status_map, dry_run=dry_run
        )
    st.emit(report, lambda: render_import(st, report))


def render_import(st: CliState, r: SheetImportReport) -> None:
    where = f'sheet "{r.worksheet}", ' if r.worksheet else ""
    verb = "Checked (dry run, nothing written)" if r.dry_run else "Imported"
    added = "would add" if r.dry_run else "added"
    st.console.print(
        f"{verb} {Path(r.path).name} ({where}headers on row {r.header_row}): "
        f"{r.added} {added}, {r.updated} updated, {r.unchanged} unchanged, "
        f"{r.skipped_blank} blank row(s) skipped.",
        markup=False,
    )
    if r.ignored_columns:
        st.console.print(f"Ignored columns: {', '.join(r.ignored_columns)}.", markup=False)
    for line in r.warnings:
        st.console.print(f"Note: {line}", markup=False)


@sheet.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@command_options
@pass_state
def sheet_export(st: CliState, file: Path, force: bool) -> None:
    """Export every application to FILE (.csv or .xlsx).

    One row per application with its company, stage, dates, link, contacts and notes,
    plus a History column holding the whole stage ledger and a Ref column, so that
    importing the file (here or into a new workspace) gives the same workspace back.
    Text that a spreadsheet would run as a formula is written with a leading apostrophe.
    """
    with st.session() as s:
        report = export_sheet(s, st.owner, file, overwrite=force)
    st.emit(report, lambda: render_export(st, report))


def render_export(st: CliState, r: SheetExportReport) -> None:
    st.console.print(f"Exported {r.applications} applications to {r.path}.", markup=False)


def register(cli: click.Group) -> None:
    cli.add_command(sheet)
