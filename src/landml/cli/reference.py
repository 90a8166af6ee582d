"""The CLI reference (docs/cli.md), generated from the commands' own --help."""

from __future__ import annotations

import click


def walk_commands(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            found += walk_commands(cmd.commands[name], [*path, name])
    return found


def cli_reference(root: click.Command) -> str:
    """Markdown with one section per command, holding its --help text."""
    parts = [
        "# landml command reference",
        "",
        "Generated from `--help` by `make docs`; a test fails when it is out of date.",
        "",
    ]
    for path, cmd in walk_commands(root, ["landml"]):
        name = " ".join(path)
        ctx = click.Context(cmd, info_name=name, terminal_width=100, max_content_width=100)
        parts += [f"## {name}", "", "```", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)
