"""Write docs/cli.md from the commands' --help (run by `make docs`)."""

from pathlib import Path

from landml.cli.main import cli
from landml.cli.reference import cli_reference

target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
target.write_text(cli_reference(cli), encoding="utf-8")
print(f"wrote {target}")
