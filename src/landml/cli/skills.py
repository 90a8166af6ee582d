"""Skills commands: extract skills from a text, show a skill of the taxonomy."""

from __future__ import annotations

from typing import Any, TextIO

import click
from rich.table import Table

from landml.cli.context import CliState, LandmlGroup, command_options, pass_state
from landml.errors import InvalidInput
from landml.skills.extract import FoundSkill, distinct_skills, extract_skills
from landml.skills.taxonomy import CATEGORIES, load_taxonomy


@click.group("skills", cls=LandmlGroup)
def skills() -> None:
    """The skills taxonomy (ESCO, O*NET and an ML layer) and the skill extractor."""


@skills.command("extract")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--posting",
    is_flag=True,
    help="Read FILE as a job posting: mark each skill required or preferred, and its years.",
)
@click.option("--distinct", is_flag=True, help="One line per skill instead of every mention.")
@command_options
@pass_state
def skills_extract(st: CliState, file: TextIO, posting: bool, distinct: bool) -> None:
    """Skills named in FILE (or - for standard input), with character offsets.

    Each skill comes with its taxonomy id, label and category, and the exact span of
    the text that names it (text[start:end]).
    """
    text = file.read()
    if not text.strip():
        raise InvalidInput("The text is empty.", hint="Give a file or pipe text into `-`.")
    found = extract_skills(text, posting=posting)
    if distinct:
        found = distinct_skills(found)
    st.emit([f.to_dict() for f in found], lambda: _render_found(st, found, posting))


def _render_found(st: CliState, found: list[FoundSkill], posting: bool) -> None:
    if not found:
        st.console.print("No skills found.")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("skill", "category", "text", "at"):
        table.add_column(column)
    if posting:
        table.add_column("requirement")
        table.add_column("years")
    for f in found:
        row = [f.label, CATEGORIES.get(f.category, f.category), f.text, f"{f.start}-{f.end}"]
        if posting:
            row += [f.requirement or "", f"{f.years:g}+" if f.years is not None else ""]
        table.add_row(*row)
    st.console.print(table)


@skills.command("show")
@click.argument("name")
@command_options
@pass_state
def skills_show(st: CliState, name: str) -> None:
    """A skill by id or alias: its aliases, category, parents and sources."""
    taxonomy = load_taxonomy()
    skill = taxonomy.resolve(name)
    data: dict[str, Any] = {
        "id": skill.id,
        "label": skill.label,
        "category": skill.category,
        "aliases": list(skill.aliases),
        "parents": [{"id": p.id, "label": p.label} for p in taxonomy.parents(skill.id)],
        "ancestors": [{"id": a.id, "label": a.label} for a in taxonomy.ancestors(skill.id)],
        "sources": list(skill.sources),
        "taxonomy_version": taxonomy.version,
    }

    def render() -> None:
        st.console.print(f"[bold]{skill.label}[/bold]  ({skill.id})", highlight=False)
        st.console.print(f"Category: {skill.category_label}", markup=False)
        if skill.aliases:
            shown = ", ".join(skill.aliases[:30])
            more = f" and {len(skill.aliases) - 30} more" if len(skill.aliases) > 30 else ""
            st.console.print(f"Also called: {shown}{more}", markup=False)
        parents = taxonomy.parents(skill.id)
        if parents:
            st.console.print("Under: " + ", ".join(p.label for p in parents), markup=False)
        st.console.print("Sources: " + ", ".join(skill.sources), markup=False)

    st.emit(data, render)


def register(cli: click.Group) -> None:
    cli.add_command(skills)
