"""PDF reading: pages, columns and reading order, photos, tables, refusals, the pypdf fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from landml.resume import pdf as pdf_reader
from landml.resume.errors import CorruptFile, EncryptedFile, FileTooLarge, ImageOnlyPDF
from landml.resume.parse import parse_resume
from landml.resume.pdf import Word, find_columns
from tests.resume.conftest import encrypted_copy


@pytest.mark.parametrize(
    ("name", "pages"),
    [("one_column.pdf", 1), ("two_column.pdf", 1), ("two_page.pdf", 2), ("cv_fr.pdf", 1)],
)
def test_page_count_comes_from_the_page_tree(files: Path, name: str, pages: int) -> None:
    doc = parse_resume(files / name)
    assert doc.pages == pages
    assert doc.pages_basis == "document"
    assert [p.number for p in doc.layout] == list(range(1, pages + 1))


def test_two_column_page_is_detected_with_its_gutter(files: Path) -> None:
    layout = parse_resume(files / "two_column.pdf").layout[0]
    assert layout.columns is not None
    assert layout.columns.count == 2
    assert layout.columns.gutter is not None
    left_edge, right_edge = layout.columns.gutter
    # The sidebar is drawn at x=40..180 and the main column starts at x=215.
    assert 140 <= left_edge < right_edge <= 215
    assert "empty band" in layout.columns.evidence


@pytest.mark.parametrize("name", ["one_column.pdf", "two_page.pdf", "photo.pdf", "cv_fr.pdf"])
def test_one_column_pages_with_right_aligned_dates_are_not_columns(files: Path, name: str) -> None:
    doc = parse_resume(files / name)
    assert all(p.columns is not None and p.columns.count == 1 for p in doc.layout)
    assert all(line.column is None for line in doc.lines)


def test_two_column_reading_order_is_header_then_left_then_right(files: Path) -> None:
    doc = parse_resume(files / "two_column.pdf")
    texts = [line.text for line in doc.lines]
    assert texts[:2] == ["Tomasz Wren", "Senior data scientist, pricing and forecasting"]
    columns = [line.column for line in doc.lines[2:]]
    assert columns == sorted(columns)  # every left line before every right line
    assert set(columns) == {0, 1}
    # The sidebar's last item comes before the main column's first heading.
    assert texts.index("Birdwatching") < texts.index("PROFILE")
    assert texts.index("Kubernetes") < texts.index("EXPERIENCE")
    # Lines of the two columns at the same height are not merged into one line.
    assert not any("Python" in t and "PROFILE" in t for t in texts)


def test_dates_on_the_title_line_stay_on_that_line(files: Path) -> None:
    texts = [line.text for line in parse_resume(files / "one_column.pdf").lines]
    assert "Senior ML Engineer, Tidewell Logistics Jan 2022 – Present" in texts


def _words_on_rows(rows: list[tuple[float, list[tuple[float, float]]]]) -> list[Word]:
    return [
        Word(text="w", x0=x0, x1=x1, top=top, bottom=top + 10, size=10, bold=False)
        for top, spans in rows
        for x0, x1 in spans
    ]


def test_columns_need_text_beside_each_other_not_one_block_above_another() -> None:
    # A left-aligned block above a right-aligned block leaves an empty band, yet no columns.
    rows = [(20.0 + 14 * i, [(50.0, 250.0)]) for i in range(10)]
    rows += [(160.0 + 14 * i, [(350.0, 550.0)]) for i in range(10)]
    assert find_columns(_words_on_rows(rows), 600, 800) is None


def test_columns_are_found_beside_each_other_with_a_full_width_header() -> None:
    rows = [(10.0, [(50.0, 550.0)])]  # a header across the page
    rows += [(40.0 + 13 * i, [(50.0, 180.0)]) for i in range(20)]  # sidebar
    rows += [(45.0 + 11 * i, [(230.0, 550.0)]) for i in range(22)]  # main column
    split = find_columns(_words_on_rows(rows), 600, 800)
    assert split is not None
    assert 180 <= split.gutter[0] < split.gutter[1] <= 230
    assert split.y0 >= 20  # the header is above the gutter's run


def test_photo_is_a_portrait_image_near_the_top(files: Path) -> None:
    doc = parse_resume(files / "photo.pdf")
    images = doc.layout[0].images
    assert len(images) == 1
    photo = images[0]
    assert photo.likely_photo
    assert (photo.width, photo.height, photo.pixels) == (90.0, 114.0, (300, 380))
    assert photo.top is not None and photo.top < 100


@pytest.mark.parametrize(
    ("width", "height", "top", "photo"),
    [
        (90, 114, 50, True),  # head shot at the top right
        (12, 12, 50, False),  # a GitHub icon
        (200, 40, 30, False),  # a wide logo
        (90, 114, 600, False),  # portrait-shaped but low on the page
        (612, 792, 0, False),  # a whole-page scan
    ],
)
def test_photo_rule(width: float, height: float, top: float, photo: bool) -> None:
    assert pdf_reader.looks_like_photo(width, height, top, 612, 792, (300, 300))[0] is photo


def test_image_only_pdf_is_refused_and_no_text_is_returned(files: Path) -> None:
    with pytest.raises(ImageOnlyPDF) as caught:
        parse_resume(files / "image_only.pdf")
    message = str(caught.value)
    assert message.startswith("This PDF is an image (a scan or a picture of text)")
    assert "without OCR" in message and "Export a text PDF" in message
    assert "Rosa" not in message  # nothing read from the pixels


def test_text_drawn_as_outlines_is_refused_as_having_no_text_layer(files: Path) -> None:
    with pytest.raises(ImageOnlyPDF, match=r"no text layer: the letters .* drawn as shapes"):
        parse_resume(files / "outlined_text.pdf")


def test_password_protected_pdf_is_refused(files: Path, tmp_path: Path) -> None:
    locked = encrypted_copy(files / "one_column.pdf", tmp_path / "locked.pdf", user="s3cret")
    with pytest.raises(EncryptedFile, match=r"^The PDF is password-protected"):
        parse_resume(locked)


def test_pdf_with_only_an_owner_password_is_read(files: Path, tmp_path: Path) -> None:
    # Editors restrict printing or copying with an owner password; it opens without one.
    restricted = encrypted_copy(
        files / "one_column.pdf", tmp_path / "restricted.pdf", user="", algorithm="AES-128"
    )
    doc = parse_resume(restricted)
    assert [line.text for line in doc.lines] == [
        line.text for line in parse_resume(files / "one_column.pdf").lines
    ]


def test_truncated_pdf_is_refused_as_damaged(files: Path) -> None:
    with pytest.raises(CorruptFile, match=r"corrupt\.pdf is damaged or truncated"):
        parse_resume(files / "corrupt.pdf")


def test_pdf_with_more_pages_than_a_resume_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "thesis.pdf"
    canvas = Canvas(str(path), invariant=1)
    for page in range(21):
        canvas.drawString(72, 720, f"Chapter {page + 1}")
        canvas.showPage()
    canvas.save()
    with pytest.raises(
        FileTooLarge, match=r"thesis\.pdf has 21 pages; landml reads resumes of up to 20"
    ):
        parse_resume(path)


def test_pypdf_reads_the_text_when_pdfminer_fails(
    files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("pdfminer cannot parse this file")

    monkeypatch.setattr(pdf_reader.pdfplumber, "open", broken)
    doc = parse_resume(files / "one_column.pdf")
    assert doc.parser == "pypdf"
    assert doc.pages == 1
    assert "Mira Castellanos" in doc.text
    assert doc.layout[0].columns is None  # unknown, not claimed to be one column
    assert any("pdfminer could not read the layout" in n for n in doc.notes)
    assert {s.kind for s in doc.sections} >= {"experience", "education", "skills"}


def test_fonts_and_link_free_text_are_recorded(files: Path) -> None:
    layout = parse_resume(files / "one_column.pdf").layout[0]
    names = {f.name for f in layout.fonts}
    assert names == {"Helvetica", "Helvetica-Bold"}
    assert sum(f.chars for f in layout.fonts) == layout.chars
    assert layout.tables == [] and layout.images == []


def test_ruled_table_is_found_with_its_size_and_its_lines_marked(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 750, "Skills")
    rows = [("Languages", "Python, SQL"), ("ML", "PyTorch, XGBoost"), ("Cloud", "AWS")]
    for i, (left, right) in enumerate(rows):
        y = 700 - 20 * i
        canvas.drawString(78, y + 6, left)
        canvas.drawString(228, y + 6, right)
    for i in range(len(rows) + 1):
        canvas.line(72, 720 - 20 * i, 372, 720 - 20 * i)
    for x in (72, 222, 372):
        canvas.line(x, 720, x, 660)
    canvas.showPage()
    canvas.save()
    doc = parse_resume(path)
    (table,) = doc.layout[0].tables
    assert (table.rows, table.cols) == (3, 2)
    assert table.preview == "Languages | Python, SQL"
    origins = {line.text: line.origin for line in doc.lines}
    assert origins["Skills"] == "body"
    assert origins["ML PyTorch, XGBoost"] == "table"


def test_link_behind_an_icon_is_a_contact_without_a_line(tmp_path: Path) -> None:
    path = tmp_path / "links.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 750, "Ada Quill  ada@example.com  GitHub")
    canvas.linkURL("https://github.com/ada-quill", (250, 745, 300, 760), relative=0)
    canvas.showPage()
    canvas.save()
    contacts = parse_resume(path).contacts
    github = [c for c in contacts if c.kind == "github"]
    assert [(c.url, c.line, c.page) for c in github] == [("https://github.com/ada-quill", None, 1)]
    assert [c.line for c in contacts if c.kind == "email"] == [0]


def test_image_only_pdf_is_refused_even_through_the_fallback(
    files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("pdfminer cannot parse this file")

    monkeypatch.setattr(pdf_reader.pdfplumber, "open", broken)
    with pytest.raises(ImageOnlyPDF, match="This PDF is an image"):
        parse_resume(files / "image_only.pdf")


def test_flush_right_dates_on_every_row_are_fields_not_a_column() -> None:
    # Title at the left margin, a date flush right on the same baseline, row after row.
    rows = [(20.0 + 14 * i, [(50.0, 150.0 + 7 * (i % 3)), (470.0 - 9 * (i % 2), 550.0)])
            for i in range(30)]  # fmt: skip
    assert find_columns(_words_on_rows(rows), 600, 800) is None


def test_dates_beside_titles_with_bullets_between_are_fields_not_a_column() -> None:
    rows: list[tuple[float, list[tuple[float, float]]]] = []
    top = 20.0
    for _entry in range(6):
        rows.append((top, [(50.0, 200.0), (420.0, 500.0)]))  # title and a tab-aligned date
        for _ in range(3):  # short bullets that stop before the dates
            top += 14
            rows.append((top, [(60.0, 330.0)]))
        top += 20
    assert find_columns(_words_on_rows(rows), 600, 800) is None


def test_two_dense_columns_are_columns_even_when_their_baselines_line_up() -> None:
    rows = [(20.0 + 14 * i, [(50.0, 150.0 + 5 * (i % 4)), (230.0, 480.0 + 11 * (i % 5))])
            for i in range(40)]  # fmt: skip
    split = find_columns(_words_on_rows(rows), 600, 800)
    assert split is not None
    assert split.left_lines == split.right_lines == 40
