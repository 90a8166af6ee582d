"""`landml resume check`: the text view, --json, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from landml.cli.context import CliState
from landml.cli.resume import resume


def run(*args: str) -> Result:
    # `landml` puts a CliState on its root context; the group alone needs one given.
    return CliRunner().invoke(resume, list(args), obj=CliState())


def test_check_prints_findings_by_severity_score_and_pages(files: Path) -> None:
    result = run("check", str(files / "two_column.pdf"), "--role", "Data Scientist")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("two_column.pdf: pdf, 1 page, 2 columns\n")
    assert "Score 87/100 (100 - 6 x 2 warnings - 1 x 1 note = 87)" in out
    assert out.index("Warnings (2)") < out.index("Notes (1)")
    assert "[layout.columns]" in out and "Fix: Use one column." in out
    assert 'p.1, line 40: "Helped with various reporting tasks."' in out


def test_check_json_is_the_report(files: Path) -> None:
    result = run("check", "--json", str(files / "one_column.pdf"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["pages"] == 1 and data["columns"] == 1
    assert data["score"] == 100 - sum(f["points"] for f in data["findings"])
    assert {f["rule_id"] for f in data["findings"]} == {"bullets.vague_openers"}


def test_unreadable_file_exits_1_with_one_line(files: Path) -> None:
    result = run("check", str(files / "image_only.pdf"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: This PDF is an image (a scan or a picture of text)")


def test_unreadable_file_with_json_prints_the_error_as_json(files: Path) -> None:
    result = run("check", "--json", str(files / "docx_named.pdf"))
    assert result.exit_code == 1
    error = json.loads(result.output)["error"]
    assert error["type"] == "WrongFormat"
    assert error["hint"] == "Rename it to docx_named.docx."
