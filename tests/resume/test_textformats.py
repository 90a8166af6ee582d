"""Markdown, plain text and JSON Resume into the shared document model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landml.resume.errors import CorruptFile, WrongFormat
from landml.resume.parse import parse_resume
from landml.resume.textformats import decode_text, read_markdown
from tests.resume.conftest import parse_text


def test_markdown_resume(files: Path) -> None:
    doc = parse_resume(files / "resume.md")
    assert (doc.format, doc.pages, doc.pages_basis) == ("markdown", 1, "estimate")
    assert [s.kind for s in doc.sections] == [
        "top", "summary", "experience", "projects", "education", "skills",
    ]  # fmt: skip
    assert doc.lines[0].text == "Ana Whitlock" and doc.lines[0].heading_hint
    # Wrapped paragraph lines are one line, links keep their address.
    assert doc.section_text("summary") == (
        "Machine learning engineer focused on recommendation systems, with three years of "
        "production experience in PyTorch."
    )
    assert "GitHub (https://github.com/awhitlock)" in doc.lines[1].text
    assert [b.text for b in doc.bullets][-1] == (
        "Book cover genre classifier: fine-tuned a vision transformer on 20k covers scraped "
        "from open catalogues, 0.83 accuracy."
    )
    assert [c.kind for c in doc.contacts] == ["email", "github", "website"]
    assert [(d.start, d.end, d.ongoing) for d in doc.dates] == [
        ("2021-06", None, True),
        ("2018", "2021", False),
        ("2015", "2018", False),
    ]


def test_markdown_tables_images_and_setext_headings() -> None:
    extraction = read_markdown(
        "Jo Park\n=======\n\n![my photo](img/headshot.jpg)\n\nSkills\n------\n\n"
        "| Area | Tools |\n|---|---|\n| ML | PyTorch |\n| Data | SQL |\n\n"
        "<!-- private note -->\n```\ncode block text\n```\n"
    )
    texts = [(line.text, line.heading_hint, line.origin) for line in extraction.lines]
    assert texts == [
        ("Jo Park", True, "body"),
        ("Skills", True, "body"),
        ("Area | Tools", False, "table"),
        ("ML | PyTorch", False, "table"),
        ("Data | SQL", False, "table"),
        ("code block text", False, "body"),
    ]
    layout = extraction.layout[0]
    assert [(t.rows, t.cols) for t in layout.tables] == [(3, 2)]
    assert [i.likely_photo for i in layout.images] == [True]


def test_json_resume(files: Path) -> None:
    doc = parse_resume(files / "resume.json")
    assert doc.format == "json_resume"
    assert [s.kind for s in doc.sections] == [
        "top", "summary", "experience", "projects", "education", "publications", "skills",
        "interests",
    ]  # fmt: skip
    texts = [line.text for line in doc.lines]
    assert texts[:2] == ["Dev Anand Pillai", "Applied Scientist"]
    assert "Applied Scientist, Marigold Grocers" in texts
    # No endDate in the schema means a current position, as the schema documents.
    assert [(d.start, d.end, d.ongoing) for d in doc.dates][:2] == [
        ("2021-09", None, True),
        ("2018-06", "2021-08", False),
    ]
    assert "Machine learning: PyTorch, scikit-learn, LightGBM" in texts
    assert {c.kind for c in doc.contacts} == {"email", "website", "github", "linkedin"}


def test_json_resume_with_odd_values_never_invents_fields(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "Ola", "email": None, "profiles": "not a list"},
        "work": [{"position": "Analyst", "highlights": ["Built 2 dashboards", 7, None]}, "x"],
        "skills": [{"name": "ML", "keywords": [True, "PyTorch"]}],
    }
    doc = parse_text(tmp_path, json.dumps(data), "cv.json")
    assert [line.text for line in doc.lines] == [
        "Ola", "Work Experience", "Analyst", "Built 2 dashboards", "7", "Skills", "ML: PyTorch",
    ]  # fmt: skip
    assert doc.dates == []


def test_invalid_json_is_refused_with_where_it_breaks(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile, match=r"cv.json is not valid JSON: .* line 1, column 12"):
        parse_text(tmp_path, '{"basics": }', "cv.json")


def test_json_that_is_not_a_json_resume_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WrongFormat, match="is JSON but not a JSON Resume"):
        parse_text(tmp_path, '{"name": "Ola"}', "cv.json")


def test_plain_text_in_windows_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes("Expérience\nIngénieur ML – Lyon\n".encode("cp1252"))
    doc = parse_resume(path)
    assert [line.text for line in doc.lines] == ["Expérience", "Ingénieur ML – Lyon"]
    assert doc.sections[0].kind == "experience"


def test_utf16_text_with_bom_is_read() -> None:
    assert decode_text("Résumé".encode("utf-16"), "cv.txt") == "Résumé"


def test_pages_of_a_long_text_resume_are_estimated(tmp_path: Path) -> None:
    text = "EXPERIENCE\n" + "\n".join(f"- Built system number {i} for the team" for i in range(70))
    doc = parse_text(tmp_path, text, "cv.txt")
    assert (doc.pages, doc.pages_basis) == (2, "estimate")
    assert "71 lines" in doc.pages_note


MARKDOWN_PIECES = [
    "# H", "## Experience", "- item", "1. step", "| a | b |", "|---|---|", "===", "---",
    "```", "![p](x.png)", "[l](https://x.io)", "  cont", "",
]  # fmt: skip


@settings(max_examples=100)
@given(
    st.lists(st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(max_size=40)), max_size=25).map(
        "\n".join
    )
)
def test_markdown_reader_takes_any_text(text: str) -> None:
    extraction = read_markdown(text)
    assert all(line.text and line.text == line.text.strip() for line in extraction.lines)
    assert extraction.pages >= 1
