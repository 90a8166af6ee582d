from __future__ import annotations

from pathlib import Path

from landml.cli.main import cli
from landml.cli.reference import cli_reference, walk_commands

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date() -> None:
    expected = cli_reference(cli)
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    if current != expected:
        import difflib

        diff = "\n".join(
            difflib.unified_diff(
                current.splitlines(), expected.splitlines(), "docs/cli.md", "--help", lineterm=""
            )
        )
        raise AssertionError(f"docs/cli.md is stale: run `make docs`\n{diff[:3000]}")


def test_every_command_has_help_text() -> None:
    missing = [
        " ".join(path)
        for path, cmd in walk_commands(cli, ["landml"])
        if not (cmd.help or "").strip()
    ]
    assert missing == []


def test_every_command_takes_json_and_home() -> None:
    import click

    missing = []
    for path, cmd in walk_commands(cli, ["landml"]):
        if isinstance(cmd, click.Group):
            continue
        options = {opt for param in cmd.params for opt in getattr(param, "opts", [])}
        missing += [f"{' '.join(path)} {o}" for o in ("--json", "--home") if o not in options]
    assert missing == []
