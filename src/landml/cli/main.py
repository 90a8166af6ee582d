"""The `landml` command."""

from __future__ import annotations

import click

from landml import __version__
from landml.cli import (
    calendar,
    demo,
    market,
    match,
    offers,
    postings,
    prep_plan,
    rank,
    resume,
    serve,
    sheet,
    skills,
    stats,
    stories,
    tracker,
)
from landml.cli.context import CliState, LandmlGroup, home_option


@click.group(cls=LandmlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@home_option
@click.version_option(__version__, prog_name="landml")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """landml: run your Machine Learning job hunt from one local workspace.

    Your data stays in one SQLite file on this machine (see `--home`), or in the
    PostgreSQL database named by LANDML_DATABASE_URL. Start with `landml demo` to
    look around, or `landml add COMPANY TITLE` to track your first application.
    """
    obj = ctx.ensure_object(CliState)
    ctx.call_on_close(obj.close)


for module in (
    tracker,
    postings,
    sheet,
    calendar,
    demo,
    stats,
    market,
    offers,
    prep_plan,
    stories,
    resume,
    match,
    rank,
    skills,
    serve,
):
    module.register(cli)


def main() -> None:
    cli(prog_name="landml")
