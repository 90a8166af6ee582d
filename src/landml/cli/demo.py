"""`landml demo`: fill an empty workspace with a fictional job hunt to look around."""

from __future__ import annotations

import shlex

import click
from sqlalchemy.engine import make_url

from landml.cli.context import CliState, command_options, pass_state
from landml.tracker.demo import load_demo


def _where(st: CliState) -> str:
    settings = st.settings
    if settings.is_sqlite:
        return str(settings.sqlite_path)
    return make_url(settings.url).render_as_string(hide_password=True)


@click.command("demo")
@command_options
@pass_state
def demo(st: CliState) -> None:
    """Fill an empty workspace with a realistic demo job hunt.

    About 40 applications at fictional companies, at every stage, with contacts,
    interactions, interviews this week and follow-ups due, placed around today so
    `landml today` has something to show. Every demo row is marked as demo. A
    workspace that already has data is refused; use a new one, for example
    `landml demo --home /tmp/landml-demo`.
    """
    with st.session() as s:
        summary = load_demo(s, st.owner, now=st.now())
    where = _where(st)
    home = f" --home {shlex.quote(str(st.home))}" if st.home is not None else ""

    def render() -> None:
        st.console.print(
            f"Loaded a demo job hunt into {where}: {summary.applications} applications "
            f"at {summary.companies} fictional companies, {summary.contacts} contacts, "
            f"{summary.interactions} interactions and {summary.interviews} interviews.",
            markup=False,
        )
        st.console.print("Everything in it is invented and marked as demo. Try:", markup=False)
        for command in ("today", "board", "interview list --upcoming", "calendar export demo.ics"):
            st.console.print(f"  landml {command}{home}", markup=False)

    st.emit({"workspace": where, **summary.model_dump()}, render)


def register(cli: click.Group) -> None:
    cli.add_command(demo)
