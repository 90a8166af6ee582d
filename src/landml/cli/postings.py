"""Postings commands: import, list, show, track."""

from __future__ import annotations

import sys

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.errors import InvalidInput
from landml.match.ranking import on_postings_imported
from landml.postings import service
from landml.postings.fetch import FetchPolicy
from landml.postings.service import PostingFilters


@click.group(cls=LandmlGroup)
def postings() -> None:
    """Job postings: bring them in, see what they ask for, track the good ones."""


def _mapping(pairs: tuple[str, ...]) -> dict[str, str] | None:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InvalidInput(f"--map {pair!r} is not FIELD=COLUMN.")
        mapping[field.strip()] = column.strip()
    return mapping or None


@postings.command("import")
@click.argument("source")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="For a CSV of another layout: which column holds title, company, "
    "description, location, url, salary, posted_at or id (repeatable).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow URLs on private or loopback addresses (your own network).",
)
@command_options
@pass_state
def import_cmd(st: CliState, source: str, maps: tuple[str, ...], allow_private: bool) -> None:
    """Import postings from SOURCE.

    SOURCE is a text or Markdown file, - for pasted text on stdin, an HTML file, an
    http(s) URL (schema.org JobPosting data when the page has it, its main text
    otherwise), greenhouse:BOARD, lever:SITE, ashby:BOARD, workable:ACCOUNT (their
    public job-board APIs), or a CSV (JobSpy's or Glassdoor's layout, or any layout
    with --map). Duplicates and reposts are stored once, with all their sources.
    Nothing is written unless every posting can be imported.
    """
    raws = service.read_source(
        source,
        stdin=sys.stdin.read,
        mapping=_mapping(maps),
        policy=FetchPolicy(allow_private=allow_private),
    )
    with st.session() as s:
        if len(raws) > 20 and not st.json:
            with Progress(
                TextColumn("Importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=st.err,
                transient=True,
            ) as bar:
                task = bar.add_task("import", total=len(raws))
                report = service.import_postings(
                    s,
                    st.owner,
                    raws,
                    now=st.now(),
                    progress=lambda done, _total: bar.update(task, completed=done),
                )
        else:
            report = service.import_postings(s, st.owner, raws, now=st.now())
        # Keep the saved ranking index in step (it also catches up by itself when next used).
        on_postings_imported(s, st.owner, st.settings, report.posting_ids)
    st.emit(
        report,
        lambda: st.console.print(
            f"Read {report.read} posting(s): {report.added} new, {report.merged} merged as "
            f"duplicates or reposts, {report.already_known} already imported."
        ),
    )


@postings.command("list")
@click.option("--family", "role_family", help="mle, ds, rs, as, data_eng, analyst, swe, other.")
@click.option("--kind", "company_kind", help="Company kind, e.g. startup or big_tech.")
@click.option("--seniority", help="intern, junior, mid, senior, staff_plus, lead_manager.")
@click.option("--location", help="Part of the location text.")
@click.option("--search", "query", help="Full-text search in title, company and description.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=200, show_default=True)
@command_options
@pass_state
def list_cmd(
    st: CliState,
    role_family: str | None,
    company_kind: str | None,
    seniority: str | None,
    location: str | None,
    query: str | None,
    limit: int,
) -> None:
    """List stored postings, newest first."""
    filters = PostingFilters(
        role_family=role_family,
        company_kind=company_kind,
        seniority=seniority,
        location=location,
        query=query,
        limit=limit,
    )
    with st.session() as s:
        rows = service.list_postings(s, st.owner, filters)

    def render() -> None:
        if not rows:
            st.console.print("No postings match. Import some with `landml postings import`.")
            return
        table = Table("id", "title", "company", "family", "level", "location", "skills")
        for p in rows:
            table.add_row(
                str(p.id),
                p.title,
                p.company or "",
                p.role_family,
                p.seniority or "",
                p.location or "",
                str(p.skills),
            )
        st.console.print(table)

    st.emit(rows, render)


@postings.command("show")
@click.argument("posting_id", type=int)
@command_options
@pass_state
def show_cmd(st: CliState, posting_id: int) -> None:
    """A posting with its skills (required or preferred) and its sources."""
    with st.session() as s:
        d = service.posting_detail(s, st.owner, posting_id)

    def render() -> None:
        p = d.posting
        st.console.print(f"[bold]#{p.id} {p.title}[/bold] · {p.company or 'company unknown'}")
        st.console.print(
            f"{p.role_family} · {p.seniority} · {p.location or ''} {p.work_mode or ''}",
            markup=False,
        )
        if p.salary_min is not None or p.salary_max is not None:
            st.console.print(
                f"Salary: {p.salary_min or ''}–{p.salary_max or ''} "
                f"{p.salary_currency or ''} per {p.salary_period or '?'}"
                + (" (estimate)" if d.salary_is_estimate else ""),
                markup=False,
            )
        for group in ("required", "preferred", None):
            names = sorted({k.label for k in d.skills if k.requirement == group})
            if names:
                st.console.print(
                    f"{(group or 'mentioned').capitalize()}: {', '.join(names)}", markup=False
                )
        for src in d.sources:
            why = f" (merged: {src.duplicate_reason})" if src.duplicate_reason else ""
            st.console.print(
                f"Source: {src.source} {src.url or src.external_id}{why}", markup=False
            )

    st.emit(d, render)


@postings.command("track")
@click.argument("posting_id", type=int)
@command_options
@pass_state
def track_cmd(st: CliState, posting_id: int) -> None:
    """Track a posting as an application (stage saved)."""
    with st.session() as s:
        app = service.track_posting(s, st.owner, posting_id, now=st.now())
    st.emit(app, lambda: st.console.print(f"Tracking #{app.id}: {app.title} at {app.company}."))


def register(cli: click.Group) -> None:
    cli.add_command(postings)
