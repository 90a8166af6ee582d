"""`landml skills ...` through its click group (the lead wires it into `landml`)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from landml.cli.skills import skills

POSTING = """Senior ML Engineer
Requirements
- 3+ years of Python and PyTorch
Nice to have
- Kubernetes
"""


def test_extract_file_as_json_gives_offsets_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    result = CliRunner().invoke(skills, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert {f["skill_id"] for f in found} >= {"ml:python", "ml:pytorch", "ml:kubernetes"}
    for f in found:
        assert POSTING[f["start"] : f["end"]] == f["text"]
        assert set(f) >= {"skill_id", "label", "category", "requirement", "years"}
        assert f["requirement"] is None  # not read as a posting without --posting


def test_extract_posting_from_stdin_marks_requirements() -> None:
    result = CliRunner().invoke(skills, ["extract", "-", "--posting", "--json"], input=POSTING)
    assert result.exit_code == 0, result.output
    by_id = {f["skill_id"]: f for f in json.loads(result.output)}
    assert (by_id["ml:python"]["requirement"], by_id["ml:python"]["years"]) == ("required", 3.0)
    assert by_id["ml:kubernetes"]["requirement"] == "preferred"


def test_extract_renders_a_table_for_people() -> None:
    result = CliRunner().invoke(skills, ["extract", "--posting", "--distinct"], input=POSTING)
    assert result.exit_code == 0, result.output
    assert "PyTorch" in result.output and "framework/library" in result.output
    assert "required" in result.output and "3+" in result.output


def test_extract_empty_text_is_a_clear_error() -> None:
    result = CliRunner().invoke(skills, ["extract", "-"], input="  \n")
    assert result.exit_code == 1
    assert "The text is empty" in result.output


def test_show_a_skill_by_alias() -> None:
    result = CliRunner().invoke(skills, ["show", "torch"])
    assert result.exit_code == 0, result.output
    assert "PyTorch" in result.output and "ml:pytorch" in result.output
    assert "Under: deep learning frameworks" in result.output
    data = json.loads(CliRunner().invoke(skills, ["show", "PyTorch", "--json"]).output)
    assert data["category"] == "framework_library"
    assert [p["id"] for p in data["parents"]] == ["ml:deep-learning-frameworks"]
    assert "torch" in data["aliases"]


def test_show_unknown_skill_fails_with_a_hint() -> None:
    result = CliRunner().invoke(skills, ["show", "zzz no such skill"])
    assert result.exit_code == 1
    assert "No skill called 'zzz no such skill'" in result.output
