"""`landml resume add|list|default|delete`, `landml match`, `landml gaps` and
`landml portfolio plan`: keep resume versions, explain the fit to a posting, see the skills
your targets ask for that you lack, and plan the ONE portfolio project that closes them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state

if TYPE_CHECKING:
    from landml.match.explain import MatchItem, MatchReport
    from landml.match.gaps import GapReport
    from landml.match.portfolio import PortfolioPlan
    from landml.resume.service import ResumeVersionOut

MARKS = {"met": "✓", "partial": "~", "missing": "✗"}


def register(cli: click.Group) -> None:
    """Add the version commands to the `resume` group, and `match`, `gaps`, `portfolio`."""
    group = cli.commands.get("resume")
    if not isinstance(group, click.Group):
        from landml.cli.resume import resume as group_command

        group = group_command
        cli.add_command(group)
    for command in (resume_add, resume_list, resume_default, resume_delete):
        group.add_command(command)
    cli.add_command(match_cmd)
    cli.add_command(gaps_cmd)
    cli.add_command(portfolio)


# --- resume versions ------------------------------------------------------------------------


def _version_line(v: ResumeVersionOut) -> str:
    pages = f"{v.pages} page{'s' if v.pages != 1 else ''}"
    default = ", the default" if v.is_default else ""
    return f"{v.ref} '{v.label}': {v.filename} ({v.format}, {pages}{default})"


@click.command("add")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--label", help="A name for this version (default: the file name).")
@command_options
@pass_state
def resume_add(st: CliState, file: Path, label: str | None) -> None:
    """Store FILE as a resume version (parsed first: nothing is stored if it cannot be read).

    The same file added twice is one version. The first version becomes the default, the
    one `match`, `gaps` and `portfolio plan` use when none is named.
    """
    from landml.resume import service

    with st.session() as session:
        added = service.add_version(session, st.owner, file, label, now=st.now())
    verb = "Stored" if added.created else "Already stored:"
    st.emit(added, lambda: st.print_each([f"{verb} {_version_line(added.version)}"]))


@click.command("list")
@command_options
@pass_state
def resume_list(st: CliState) -> None:
    """List the stored resume versions, newest first (* marks the default)."""
    from landml.resume import service

    with st.session() as session:
        versions = service.list_versions(session, st.owner)

    def render() -> None:
        if not versions:
            st.print_each(["No resume stored yet. Add one with `landml resume add FILE`."])
            return
        table = Table(box=None, pad_edge=False)
        for column in ("", "version", "label", "file", "format", "pages", "added"):
            table.add_column(column, no_wrap=column != "label")
        for v in versions:
            table.add_row(
                "*" if v.is_default else "",
                v.ref,
                v.label,
                v.filename,
                v.format,
                str(v.pages),
                f"{v.created_at:%Y-%m-%d}",
            )
        st.console.print(table)

    st.emit(versions, render)


@click.command("default")
@click.argument("version")
@command_options
@pass_state
def resume_default(st: CliState, version: str) -> None:
    """Make VERSION (e.g. v3) the default resume."""
    from landml.resume import service

    with st.session() as session:
        out = service.set_default(session, st.owner, version)
    st.emit(out, lambda: st.print_each([f"Default resume: {_version_line(out)}"]))


@click.command("delete")
@click.argument("version")
@command_options
@pass_state
def resume_delete(st: CliState, version: str) -> None:
    """Delete VERSION (e.g. v3) and its stored file."""
    from landml.resume import service

    with st.session() as session:
        out = service.delete_version(session, st.owner, version)
    st.emit(out, lambda: st.print_each([f"Deleted {_version_line(out)}"]))


# --- match ----------------------------------------------------------------------------------


@click.command("match")
@click.argument("resume")
@click.option("--posting", "posting_id", type=int, required=True, help="A stored posting's id.")
@command_options
@pass_state
def match_cmd(st: CliState, resume: str, posting_id: int) -> None:
    """Explain how RESUME fits a posting: skills met, partly met and missing, title,
    seniority, years and education, each with its points out of 100.

    RESUME is a file or a stored version such as v3. Suggestions only surface skills the
    resume already shows; skills it lacks are listed as gaps, never as things to add.
    """
    from landml.match import service

    with st.session() as session:
        report = service.match(session, st.owner, resume, posting_id, today=st.now().date())
    st.emit(report, lambda: _render_match(st, report))


def _render_match(st: CliState, report: MatchReport) -> None:
    p = report.posting
    at = f" at {p.company}" if p.company else ""
    resume = report.resume_ref or report.resume_name
    st.print_each(
        [
            f"{resume} vs posting {p.posting_id}: {p.title}{at}",
            f"Score {report.score:g}/100 = {report.score_explanation}",
        ]
    )
    for component in report.components:
        st.print_each(["", f"{component.label} ({component.points:g}/{component.max_points:g})"])
        for item in (i for i in report.items if i.component == component.component):
            st.print_each(
                [f"  {MARKS[item.status]} {item.points:g}/{item.max_points:g}  {item.explanation}"]
            )
            st.print_each(f"      resume line {line + 1}: {text}" for line, text in _lined(item))
    if report.suggestions:
        st.print_each(["", "Suggestions (skills your resume already shows)"])
        st.print_each(f"  - {s.text}" for s in report.suggestions)
    if report.gaps:
        st.print_each(["", "Gaps (build these before you claim them)"])
        st.print_each(
            f"  - {g.label} ({g.requirement}"
            + (f"; {g.relation}" if g.relation else "")
            + f"): {g.advice}"
            for g in report.gaps
        )
    if report.unscored:
        labels = ", ".join(s.label for s in report.unscored)
        st.print_each(["", f"Not scored (shown by your bullets, not named): {labels}"])
    st.print_each(f"Note: {note}" for note in report.notes)


def _lined(item: MatchItem) -> list[tuple[int, str]]:
    return [(e.line, e.text) for e in item.resume_evidence if e.line is not None]


# --- gaps -----------------------------------------------------------------------------------


@click.command("gaps")
@click.option("--resume", help="A stored version such as v3, or a file (default: the default).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@command_options
@pass_state
def gaps_cmd(st: CliState, resume: str | None, limit: int) -> None:
    """Skills your target postings ask for that your resume lacks, heaviest first.

    Each application you track with a posting or a description counts, weighted by its
    priority and how far it got; skills named in rejection reasons count double.
    """
    from landml.match import service

    with st.session() as session:
        report = service.gaps(session, st.owner, resume, today=st.now().date())
    st.emit(report, lambda: _render_gaps(st, report, limit))


def _render_gaps(st: CliState, report: GapReport, limit: int) -> None:
    if not report.targets:
        st.print_each(
            ["No target applications with a posting or a description to read skills from."]
        )
    else:
        table = Table(box=None, pad_edge=False)
        for column in ("weight", "skill", "status", "from"):
            table.add_column(column, justify="right" if column == "weight" else "left")
        for gap in report.gaps[:limit]:
            status = gap.status.replace("_", " ")
            if gap.related_skill:
                status += f" (you have {gap.related_skill})"
            table.add_row(f"{gap.weight:g}", gap.label, status, gap.explanation)
        st.console.print(table)
        st.print_each(["", "Targets"])
        st.print_each(
            f"  #{t.application_id} {t.company}, {t.title}: weight {t.explanation}; "
            f"{t.skills_missing} of {t.skills_asked} skills not on the resume"
            for t in report.targets
        )
    st.print_each(f"Not counted: {line}" for line in report.skipped)
    st.print_each(["", f"How: {report.formula}."])


# --- portfolio ------------------------------------------------------------------------------


@click.group("portfolio", cls=LandmlGroup)
def portfolio() -> None:
    """The ONE portfolio project: from what you know toward what your targets need."""


@portfolio.command("plan")
@click.option(
    "--idea", "ideas", multiple=True, help="A project idea of yours to score (repeatable)."
)
@click.option(
    "--project-file",
    type=click.Path(path_type=Path),
    help="A YAML list of your projects (name, description, skills, link).",
)
@click.option("--resume", help="A stored version such as v3, or a file (default: the default).")
@command_options
@pass_state
def portfolio_plan(
    st: CliState, ideas: tuple[str, ...], project_file: Path | None, resume: str | None
) -> None:
    """Propose ONE project: start from a project you have, add the top missing skills your
    target companies ask for together, aim it at a kind of problem they have; score your
    own ideas on the same scale."""
    from landml.match import service

    projects = service.read_project_file(project_file) if project_file else []
    with st.session() as session:
        plan = service.portfolio(
            session, st.owner, resume, ideas=ideas, projects=projects, today=st.now().date()
        )
    st.emit(plan, lambda: _render_plan(st, plan))


def _render_plan(st: CliState, plan: PortfolioPlan) -> None:
    st.print_each([plan.title])
    if plan.aim:
        st.print_each([f"  Aim: {plan.aim}"])
    st.print_each(["", "Why"])
    st.print_each(f"  - {line}" for line in plan.rationale)
    if plan.base is not None:
        st.print_each(["", f"Start from: {plan.base.project.name}", f"  {plan.base.explanation}"])
    if plan.add_skills:
        st.print_each(["", "Add"])
        st.print_each(f"  + {a.label}: {a.explanation}" for a in plan.add_skills)
    if plan.strengthens:
        st.print_each(["", "Postings it strengthens"])
        for s in plan.strengthens:
            covered = ", ".join(c.label + ("" if c.new else " (have)") for c in s.covers)
            st.print_each([f"  #{s.application_id} {s.company}, {s.title}: {covered}"])
            st.print_each([f"      {s.explanation}"])
    st.print_each(["", "Ideas scored (coverage /50 + known /25 + kind /25)"])
    for row in plan.alternatives:
        name = "landml's plan" if row.is_plan else row.idea
        st.print_each([f"  {row.total:5.1f}  {name}"])
        st.print_each(f"         {line}" for line in row.explanations)
    st.print_each(f"Note: {note}" for note in plan.notes)
