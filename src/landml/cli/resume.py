"""Resume commands: check a resume file against what ML hiring rewards and ATS parsers need."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state

if TYPE_CHECKING:
    from landml.resume.check import Finding, ResumeReport, Severity

HEADINGS: dict[Severity, str] = {"error": "Errors", "warning": "Warnings", "info": "Notes"}


@click.group("resume", cls=LandmlGroup)
def resume() -> None:
    """Resumes: read PDF, DOCX, Markdown, text or JSON Resume files and check them."""


@resume.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--role", help="The role you apply for, e.g. 'Machine Learning Engineer'.")
@click.option(
    "--years",
    type=click.FloatRange(min=0),
    help="Years of work experience (default: read from the resume's dates).",
)
@click.option("--phd", is_flag=True, help="You hold a PhD (two pages are then acceptable).")
@command_options
@pass_state
def resume_check(
    st: CliState, file: Path, role: str | None, years: float | None, phd: bool
) -> None:
    """Check FILE: layout an ATS scrambles, length, bullets, summary, projects, tools, links.

    Prints findings by severity, each with its evidence and a fix, and a score that is
    100 minus the points of the findings. Exits 0 whatever the findings; exits 1 when the
    file cannot be read (empty, encrypted, an image-only PDF, a wrong extension...).
    """
    # Imported here: the PDF and DOCX libraries cost half a second that `landml --help`
    # and every other command should not pay.
    from landml.resume.check import check_resume
    from landml.resume.parse import parse_resume

    report = check_resume(parse_resume(file), target_role=role, career_years=years, phd=phd)
    st.emit(report, lambda: _render(st, report))


def _render(st: CliState, report: ResumeReport) -> None:
    columns = (
        f", {report.columns} column{'s' if report.columns != 1 else ''}" if report.columns else ""
    )
    st.print_each(
        [
            f"{report.name}: {report.format}, {report.pages} page{'s' if report.pages != 1 else ''}"
            f"{columns}",
            f"  Pages: {report.pages_note}",
            f"Score {report.score}/100 ({report.score_explanation})",
        ]
    )
    if report.quantified_share is not None:
        st.print_each(
            [
                f"Bullets with a figure: {report.bullets_with_number} of {report.bullets_total} "
                f"({report.quantified_share:.0%})"
            ]
        )
    for severity, title in HEADINGS.items():
        group = [f for f in report.findings if f.severity == severity]
        if group:
            st.print_each(["", f"{title} ({len(group)})"])
            for finding in group:
                st.print_each(_finding_lines(finding))
    if report.weakest_bullets:
        st.print_each(["", "Weakest bullets"])
        st.print_each(
            f'  {_where(b.page, b.line)}"{b.text}" ({", ".join(b.reasons)})'
            for b in report.weakest_bullets
        )
    if not report.findings:
        st.print_each(["", "No findings."])
    for note in report.notes:
        st.print_each([f"Note: {note}"])


def _finding_lines(finding: Finding) -> list[str]:
    lines = [f"  [{finding.rule_id}] {finding.message} (-{finding.points})"]
    lines += [f"      {_where(e.page, e.line)}{e.text}" for e in finding.evidence]
    lines.append(f"      Fix: {finding.fix}")
    return lines


def _where(page: int | None, line: int | None) -> str:
    parts = []
    if page is not None:
        parts.append(f"p.{page}")
    if line is not None:
        parts.append(f"line {line + 1}")
    return f"{', '.join(parts)}: " if parts else ""


def register(cli: click.Group) -> None:
    cli.add_command(resume)
