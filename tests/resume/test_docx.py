"""DOCX reading: body order, headers, tables, text boxes without duplicates, pictures,
page counts, columns, and zip bombs refused before anything is unpacked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from landml.resume.errors import CorruptFile, FileTooLarge, WrongFormat, ZipBomb
from landml.resume.parse import parse_resume
from tests.resume.make_fixtures import (
    PRIYA_TEXT_BOX,
    DocxParts,
    docx_bytes,
    p,
    text_box_run,
    zip_bomb,
)


def _docx(tmp_path: Path, parts: DocxParts, name: str = "resume.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(docx_bytes(parts))
    return path


def test_header_body_table_and_text_box_come_in_reading_order(files: Path) -> None:
    doc = parse_resume(files / "table_header_textbox.docx")
    texts = [(line.origin, line.text) for line in doc.lines]
    assert texts[:5] == [
        ("header", "Priya Raman"),
        ("header", "priya.raman@example.com | London"),
        ("body", "Summary"),
        ("body", texts[3][1]),
        ("text_box", "Key results"),
    ]
    assert texts[3][1].startswith("NLP engineer who builds search")
    assert ("table", "PyTorch, Hugging Face Transformers") in texts


def test_text_box_text_appears_once_although_the_file_holds_it_twice(files: Path) -> None:
    path = files / "table_header_textbox.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count(PRIYA_TEXT_BOX[1]) == 2  # wps:txbx and its v:textbox fallback
    assert "mc:Fallback" in xml and "v:textbox" in xml
    doc = parse_resume(path)
    assert doc.text.count(PRIYA_TEXT_BOX[1]) == 1
    (box,) = doc.layout[0].text_boxes
    assert box.text == " / ".join(PRIYA_TEXT_BOX)


def test_table_is_recorded_and_its_row_labels_open_no_section(files: Path) -> None:
    doc = parse_resume(files / "table_header_textbox.docx")
    (table,) = doc.layout[0].tables
    assert (table.rows, table.cols, table.preview) == (2, 2, "Languages | Python, SQL")
    assert "languages" not in {s.kind for s in doc.sections}
    skills = doc.section_text("skills").splitlines()
    assert skills == ["Languages", "Python, SQL", "ML", "PyTorch, Hugging Face Transformers"]


def test_numbered_paragraphs_are_bullets_and_headings_styles_open_sections(files: Path) -> None:
    doc = parse_resume(files / "table_header_textbox.docx")
    assert [b.text for b in doc.bullets] == [
        "Built a retrieval model over 40 years of articles; search clicks rose 22%.",
        "Helped the team with data labelling.",
    ]
    assert [s.kind for s in doc.sections] == [
        "top", "summary", "experience", "education", "skills", "contact",
    ]  # fmt: skip


def test_hyperlink_targets_become_contacts(files: Path) -> None:
    contacts = parse_resume(files / "table_header_textbox.docx").contacts
    assert [(c.kind, c.url, c.line) for c in contacts] == [
        ("email", "mailto:priya.raman@example.com", 1),
        ("github", "https://github.com/priya-raman-nlp", None),
    ]


def test_page_count_from_the_editor_is_labelled_as_such(files: Path) -> None:
    doc = parse_resume(files / "table_header_textbox.docx")
    assert (doc.pages, doc.pages_basis) == (1, "editor")
    assert "docProps/app.xml" in doc.pages_note


def test_page_count_without_the_editor_count_is_an_estimate(files: Path, tmp_path: Path) -> None:
    doc = parse_resume(files / "lebenslauf.docx")
    assert (doc.pages, doc.pages_basis) == (1, "estimate")
    assert doc.pages_note.startswith("About 1 page, estimated by landml")
    breaks = "".join(
        p(f"Page {i}") + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' for i in range(3)
    )
    doc = parse_resume(_docx(tmp_path, DocxParts(body=breaks)))
    assert (doc.pages, doc.pages_basis) == (4, "estimate")


def test_photo_at_the_top_of_a_german_cv(files: Path) -> None:
    doc = parse_resume(files / "lebenslauf.docx")
    (image,) = doc.layout[0].images
    assert image.likely_photo
    assert image.pixels == (240, 305)
    assert (image.width, image.height) == (85.0, 108.0)


def test_german_cv_sections_dates_and_bullets(files: Path) -> None:
    doc = parse_resume(files / "lebenslauf.docx")
    assert [s.kind for s in doc.sections] == [
        "top", "experience", "education", "skills", "interests",
    ]  # fmt: skip
    assert [(d.start, d.end, d.ongoing) for d in doc.dates] == [
        ("2020-03", None, True),
        ("2017-10", "2019-09", False),
    ]
    assert len(doc.bullets) == 2


def test_section_set_to_two_columns_is_a_column_layout(tmp_path: Path) -> None:
    doc = parse_resume(_docx(tmp_path, DocxParts(body=p("Experience") + p("x"), columns=2)))
    columns = doc.layout[0].columns
    assert columns is not None and columns.count == 2
    assert "2 text columns" in columns.evidence


def test_table_holding_two_columns_of_text_is_a_column_layout(tmp_path: Path) -> None:
    left = "".join(p(t) for t in ["Skills", "Python", "PyTorch", "SQL", "Docker", "Git"])
    right = "".join(p(f"Experience line {i}") for i in range(8))
    body = f"<w:tbl><w:tr><w:tc>{left}</w:tc><w:tc>{right}</w:tc></w:tr></w:tbl>"
    doc = parse_resume(_docx(tmp_path, DocxParts(body=body)))
    columns = doc.layout[0].columns
    assert columns is not None and columns.count == 2
    assert "6 lines, 8 lines" in columns.evidence
    texts = [line.text for line in doc.lines]
    assert texts.index("Git") < texts.index("Experience line 0")  # left cell first


def test_one_column_docx_has_one_column(files: Path) -> None:
    columns = parse_resume(files / "table_header_textbox.docx").layout[0].columns
    assert columns is not None and columns.count == 1


def test_legacy_vml_text_box_without_fallback_is_read_once(tmp_path: Path) -> None:
    vml = (
        '<w:r><w:pict><v:shape id="b1" type="#_x0000_t202"><v:textbox><w:txbxContent>'
        + p("Only in VML")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    body = p("Anchor", extra_runs=vml) + p("Next", extra_runs=text_box_run(["Boxed"], 3))
    doc = parse_resume(_docx(tmp_path, DocxParts(body=body)))
    assert [line.text for line in doc.lines] == ["Anchor", "Only in VML", "Next", "Boxed"]


def test_zip_bomb_by_total_size_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "resume.docx"
    zip_bomb(bomb, uncompressed=64 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(
        ZipBomb, match=r"would expand to 64 MB when unpacked.*\(zip bomb protection\)"
    ):
        parse_resume(bomb)


def test_zip_bomb_by_compression_ratio_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "resume.docx"
    zip_bomb(bomb, uncompressed=8 * 1024 * 1024)  # under the size cap, about 1000:1
    with pytest.raises(ZipBomb, match=r"word/document.xml, which expands \d+ times"):
        parse_resume(bomb)


def test_zip_with_too_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "resume.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        for i in range(1001):
            zf.writestr(f"word/media/{i}.xml", "x")
    with pytest.raises(ZipBomb, match="holds 1002 files inside its zip"):
        parse_resume(path)


def test_zip_that_is_not_a_word_document_is_named(tmp_path: Path) -> None:
    path = tmp_path / "resume.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(WrongFormat, match=r"named \.docx but it is an Excel workbook"):
        parse_resume(path)


def test_damaged_docx_is_refused(files: Path, tmp_path: Path) -> None:
    data = (files / "table_header_textbox.docx").read_bytes()
    path = tmp_path / "resume.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFile, match=r"resume\.docx is a damaged Word document"):
        parse_resume(path)


def test_stale_editor_page_count_gives_way_to_the_estimate(tmp_path: Path) -> None:
    body = "".join(p(f"Line {i} of a long resume body") for i in range(170))
    doc = parse_resume(_docx(tmp_path, DocxParts(body=body, pages=1)))
    assert (doc.pages, doc.pages_basis) == (4, "estimate")
    assert "the file says 1 page (docProps/app.xml)" in doc.pages_note
    assert "looks stale" in doc.pages_note


def test_docx_longer_than_a_resume_is_refused(tmp_path: Path) -> None:
    body = '<w:p><w:r><w:t>Chapter</w:t><w:br w:type="page"/></w:r></w:p>' * 25
    with pytest.raises(FileTooLarge, match=r"runs to about 26 pages"):
        parse_resume(_docx(tmp_path, DocxParts(body=body)))
