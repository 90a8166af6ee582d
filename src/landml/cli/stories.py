"""`landml stories`: the STAR story bank and its checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import click
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.cli.prep import read_submission
from landml.cli.prep_plan import findings_lines
from landml.errors import InvalidInput
from landml.prep import service
from landml.prep.service import StoryOut, StoryReport
from landml.prep.stories import Seniority, StoryIn
from landml.prep.storyfile import read_stories

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")
SENIORITIES = list(get_args(Seniority))


@click.group("stories", cls=LandmlGroup)
def stories() -> None:
    """Your STAR story bank: add stories, list them, check them.

    A check finds missing or thin Situation, Task, Action and Result parts, results
    without a measure, "we" where the interviewer wants "I", a length that does not fit
    two minutes, and clichés; it names the behavioral questions each story answers and
    the published values it shows of the companies you apply to.
    """


def _part_options(fn: Any) -> Any:
    for name, text in reversed(
        (
            ("title", "A short title you will recognise."),
            ("situation", "Situation: where and when, in one or two sentences."),
            ("task", "Task: what you had to achieve."),
            ("action", "Action: what YOU did, step by step."),
            ("result", "Result: what changed, with a number."),
            ("text", "The whole story as one text (parts are found from cue phrases)."),
        )
    ):
        fn = click.option(f"--{name}", name, help=text)(fn)
    return click.option("--tag", "tags", multiple=True, help="A tag (theme). Repeatable.")(fn)


def _from_flags(base: dict[str, Any], flags: dict[str, Any]) -> StoryIn:
    given = {key: value for key, value in flags.items() if value not in (None, ())}
    try:
        return StoryIn.model_validate({**base, **given})
    except ValueError as exc:
        raise InvalidInput(
            "A story needs a title and its STAR parts (or a free text).",
            hint="Give --title with --situation, --task, --action, --result, or --text, "
            "or a Markdown/YAML file.",
        ) from exc


def _from_file(file: Path) -> list[StoryIn]:
    return read_stories(read_submission(file), markdown=file.suffix.lower() in MARKDOWN_SUFFIXES)


@stories.command("add")
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@_part_options
@command_options
@pass_state
def add_cmd(st: CliState, file: Path | None, **flags: Any) -> None:
    """Add stories from FILE (Markdown or YAML), or one story from the flags."""
    if file is not None and any(value not in (None, ()) for value in flags.values()):
        raise InvalidInput("Give a file or flags, not both.", hint="Edit the file instead.")
    entered = _from_file(file) if file is not None else [_from_flags({}, flags)]
    with st.session() as s:
        added = service.add_stories(s, st.owner, entered, now=st.now())
    st.emit(
        added,
        lambda: st.print_each(
            [*(f"Added story {story.id}: {story.title}" for story in added), _CHECK_HINT]
        ),
    )


_CHECK_HINT = "Check your stories with `landml stories check`."


@stories.command("edit")
@click.argument("story_id", metavar="ID", type=int)
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@_part_options
@command_options
@pass_state
def edit_cmd(st: CliState, story_id: int, file: Path | None, **flags: Any) -> None:
    """Change story ID: FILE (one story) replaces it; flags replace the parts they name."""
    with st.session() as s:
        current = service.get_story(s, st.owner, story_id)
        if file is not None:
            found = _from_file(file)
            if len(found) != 1:
                raise InvalidInput(f"{file} holds {len(found)} stories; give a file with one.")
            base = found[0].model_dump()
        else:
            base = current.as_input().model_dump()
        data = _from_flags(base, flags)
        out = service.update_story(s, st.owner, story_id, data, now=st.now())
    st.emit(out, lambda: st.console.print(f"Updated story {out.id}: {out.title}", markup=False))


@stories.command("delete")
@click.argument("story_id", metavar="ID", type=int)
@command_options
@pass_state
def delete_cmd(st: CliState, story_id: int) -> None:
    """Delete story ID."""
    with st.session() as s:
        out = service.delete_story(s, st.owner, story_id)
    st.emit(out, lambda: st.console.print(f"Deleted story {out.id}: {out.title}", markup=False))


@stories.command("list")
@command_options
@pass_state
def list_cmd(st: CliState) -> None:
    """Your stories: id, title, tags."""
    with st.session() as s:
        found = service.list_stories(s, st.owner)

    def render() -> None:
        if not found:
            st.console.print("No stories yet. Add one with `landml stories add`.", markup=False)
            return
        table = Table(box=None, pad_edge=False)
        for column in ("id", "title", "tags"):
            table.add_column(column)
        for story in found:
            table.add_row(str(story.id), story.title, ", ".join(story.tags))
        st.console.print(table)

    st.emit(found, render)


def story_lines(story: StoryOut) -> list[str]:
    lines = [f"{story.id}. {story.title}" + (f"  [{', '.join(story.tags)}]" if story.tags else "")]
    for part in ("situation", "task", "action", "result"):
        text = getattr(story, part)
        if text:
            lines.append(f"{part.capitalize()}: {text}")
    if story.text:
        lines.append(story.text)
    return lines


@stories.command("show")
@click.argument("story_id", metavar="ID", type=int)
@command_options
@pass_state
def show_cmd(st: CliState, story_id: int) -> None:
    """Show story ID."""
    with st.session() as s:
        story = service.get_story(s, st.owner, story_id)
    st.emit(story, lambda: st.print_each(story_lines(story)))


def report_lines(report: StoryReport) -> list[str]:
    check = report.check
    verdict = "ready" if report.ok else "needs work"
    lines = [
        f"{report.story.id}. {report.story.title}: {verdict} ({check.words} words, "
        f"{check.seconds_low}-{check.seconds_high} s spoken; reads as {check.seniority.level})"
    ]
    lines += findings_lines(check.findings)
    if report.questions:
        lines.append("  Answers:")
        lines += [f"    - {match.prompt} ({match.item_id})" for match in report.questions[:3]]
    if report.values:
        lines.append("  Shows:")
        lines += [f"    - {m.company}: {m.value} ({', '.join(m.themes)})" for m in report.values]
    return lines


@stories.command("check")
@click.argument("story_id", metavar="[ID]", type=int, required=False)
@click.option("--company", help="Map to this company's published values (default: yours).")
@click.option("--seniority", type=click.Choice(SENIORITIES), help="The level you interview for.")
@command_options
@pass_state
def check_cmd(
    st: CliState, story_id: int | None, company: str | None, seniority: str | None
) -> None:
    """Check every story (or story ID): findings, questions it answers, values it shows."""
    level: Seniority | None = seniority  # type: ignore[assignment]
    with st.session() as s:
        if story_id is not None:
            reports = [
                service.check_one(s, st.owner, story_id, company=company, target_seniority=level)
            ]
        else:
            reports = service.check_all(s, st.owner, company=company, target_seniority=level)

    def render() -> None:
        if not reports:
            st.console.print("No stories yet. Add one with `landml stories add`.", markup=False)
            return
        for report in reports:
            st.print_each([*report_lines(report), ""])
        ready = sum(1 for report in reports if report.ok)
        st.console.print(f"{ready} of {len(reports)} stories ready.", markup=False)

    st.emit(reports, render)


def register(cli: click.Group) -> None:
    cli.add_command(stories)
