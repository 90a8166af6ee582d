"""`landml rank RESUME`: every posting of the workspace ranked for a resume, with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from landml.cli.context import CliState, command_options, pass_state

if TYPE_CHECKING:
    from landml.match.ranking import RankReport


@click.command("rank")
@click.argument("resume", type=click.Path(path_type=Path))
@click.option(
    "--top", type=click.IntRange(min=1, max=1000), default=20, show_default=True,
    help="How many postings to show.",
)  # fmt: skip
@click.option(
    "--role",
    help="The role to rank for, e.g. 'Senior ML Engineer' (default: the resume's most "
    "recent job title).",
)
@click.option("--rebuild", is_flag=True, help="Rebuild the posting index from scratch first.")
@command_options
@pass_state
def rank(st: CliState, resume: Path, top: int, role: str | None, rebuild: bool) -> None:
    """Rank the workspace's postings for the resume in RESUME (PDF, DOCX, Markdown, text or
    JSON Resume), best first.

    Each posting's score is the sum of its reasons: the skills it asks for that the resume
    has (weighted by how rare they are among your postings and by required / preferred /
    mentioned; broader skills your skills imply count in part), how its title fits your
    target role and level, the words it shares with the resume (BM25, relative to the best
    posting) and, when landml's word vectors are installed, how close the skills it asks
    for are to yours in meaning. The index of postings is kept under LANDML_HOME and updated
    as needed; docs/ranking.md explains every part.
    """
    from landml.match.ranking import rank as rank_postings

    with st.session() as session:
        report = rank_postings(
            session,
            st.owner,
            st.settings,
            resume,
            top=top,
            role=role,
            today=st.now().date(),
            rebuild=rebuild,
        )
    st.emit(report, lambda: _render(st, report))


def _render(st: CliState, report: RankReport) -> None:
    target = report.target
    wanted = ", ".join(x for x in (target.title, target.role_family, target.seniority) if x)
    named = [s.label for s in report.resume_skills if s.via is None]
    st.print_each(
        [
            f"{report.resume}: ranking {report.postings} posting(s) for {wanted or 'no title'} "
            f"({target.source})",
            f"  {len(named)} skills read: {', '.join(named[:12])}"
            + (f" +{len(named) - 12}" if len(named) > 12 else ""),
            f"  Index {report.index.action} in {report.index.seconds:.2f} s"
            + (f" ({report.index.reason})" if report.index.reason else ""),
        ]
    )
    table = Table(box=None, pad_edge=False)
    for column, justify in (("#", "right"), ("score", "right"), ("title", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    table.add_column("company")
    table.add_column("why", overflow="fold")
    for row in report.rows:
        table.add_row(
            str(row.rank),
            f"{row.score:.3f}",
            f"{row.title} [{row.posting_id}]",
            row.company or "",
            row.reason.summary,
        )
    st.console.print(table)
    weights = ", ".join(f"{k} {v:g}" for k, v in report.weights.items() if v)
    parts = "skills + words + title" + (" + meaning (word vectors)" if report.semantic else "")
    st.print_each(
        [
            f"Score = {parts}, weighted {weights}; "
            "`--json` lists every skill and word with its points."
        ]
    )


def register(cli: click.Group) -> None:
    cli.add_command(rank)
