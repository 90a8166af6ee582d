"""The CLI reference (docs/cli.md), generated from the commands' own --help."""

from __future__ import annotations

import click


def walk_commands(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            found += walk_commands(cmd.commands[name], [*path, name])
    return found


def _help(cmd: click.Command, path: list[str], root: click.Command) -> str:
    # Each command's context is built as a child of its parents, as when it runs, so
    # settings inherited from the root (such as `-h` for help) show the same way
    # whether or not the command was invoked before in this process.
    ctx = click.Context(
        root, info_name=path[0], terminal_width=100, max_content_width=100, **root.context_settings
    )
    command: click.Command = root
    for name in path[1:]:
        assert isinstance(command, click.Group)
        command = command.commands[name]
        ctx = click.Context(command, info_name=name, parent=ctx)
    assert command is cmd
    # Click caches a command's help option the first time it is built, with the option
    # names of whatever context built it (a test invoking the command under another group
    # leaves `--help` without `-h`); drop the cache so the reference never depends on that.
    if hasattr(cmd, "_help_option"):
        cmd._help_option = None
    return cmd.get_help(ctx).rstrip()


def cli_reference(root: click.Command) -> str:
    """Markdown with one section per command, holding its --help text."""
    parts = [
        "# landml command reference",
        "",
        "Generated from `--help` by `make docs`; a test fails when it is out of date.",
        "",
    ]
    for path, cmd in walk_commands(root, ["landml"]):
        parts += [f"## {' '.join(path)}", "", "```", _help(cmd, path, root), "```", ""]
    return "\n".join(parts)
