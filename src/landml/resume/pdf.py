"""PDF resumes: text lines in reading order with their layout, read with pdfplumber (pdfminer).

What it reads per page: words with positions and fonts, images (and which one looks like a
photo), ruled tables, link targets, and whether the page has two text columns. Columns
are found from where the words are, not from how the file was made: a column layout has a
gutter, a vertical band with no text that runs down most of the text's height with a mass
of text on each side. The reading order is then what a person does: the full-width
header, the left column top to bottom, the right column, the full-width footer. An ATS
that reads straight across such a page interleaves the two columns, which is why the
checker flags them.

When pdfminer cannot read the file, pypdf gives the text without layout (and says so);
when neither can, the file is refused as damaged. Encrypted files, files with no text
layer and files with more pages than a resume has are refused with a message saying what
to do.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pypdf
from pdfplumber.page import Page

from landml.resume.document import (
    Columns,
    Extraction,
    FontUse,
    ImageBox,
    Line,
    PageLayout,
    TableBox,
)
from landml.resume.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    ImageOnlyPDF,
    ResumeError,
)

MAX_PAGES = 20
# A page with fewer printable characters than this has no usable text layer (a scan may
# still carry a page number or a scanner's watermark).
MIN_TEXT_CHARS = 40
# ...when the page shows something else instead: a large image, or this many shapes.
MIN_SHAPES = 5
# Column detection works on a grid of square cells this many points wide.
CELL = 2.0
MIN_GUTTER = 12.0  # points; wider than any gap between words on one line
GUTTER_SHARE = 0.55  # the gutter must stay empty over this share of the text's height
MIN_COLUMN_LINES = 4
MIN_COLUMN_WORD_SHARE = 0.05
MIN_COLUMN_WIDTH = 40.0
ROW_ALIGNED = 0.75
# Bullets drawn as shapes (browsers draw list discs): a small square-ish mark just left of
# a line's first word.
MARK_SIZE = (1.5, 7.0)
MARK_GAP = 20.0
CID = re.compile(r"\(cid:\d+\)")
# Above this share of unmapped glyphs the text is numbers, not words.
MAX_UNMAPPED = 0.5
# Pages with more ruling shapes than this are drawings; tables are not searched there.
MAX_TABLE_SHAPES = 3000
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    """A word and its box, in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class ColumnSplit:
    """Two columns on one page: the gutter's x range and the y range it stays empty over."""

    gutter: tuple[float, float]
    y0: float
    y1: float
    left_lines: int
    right_lines: int
    text_height: float

    @property
    def middle(self) -> float:
        return (self.gutter[0] + self.gutter[1]) / 2

    def evidence(self, page: int) -> str:
        # The grid rounds to whole cells; the band cannot run down more than all the text.
        share = min(1.0, (self.y1 - self.y0) / self.text_height) if self.text_height else 0.0
        return (
            f"Page {page}: an empty band {self.gutter[1] - self.gutter[0]:.0f} pt wide at "
            f"x={self.gutter[0]:.0f}-{self.gutter[1]:.0f} pt runs down {share:.0%} of the "
            f"text's height, with {self.left_lines} lines of text to its left and "
            f"{self.right_lines} to its right."
        )


def read_pdf(path: Path, name: str) -> Extraction:
    """Lines in reading order and layout facts of a PDF resume."""
    with _quiet_pdf_libraries():
        encrypted = _refuse_locked_or_long(path, name)
        try:
            extraction = _read_with_pdfplumber(path, name)
        except ResumeError:
            raise
        except Exception as exc:  # pdfminer raises many types on damaged files
            extraction = _read_with_pypdf(path, name, why=exc, encrypted=encrypted)
    _refuse_without_text(extraction, name)
    return extraction


# --- refusals -------------------------------------------------------------------------------


def _refuse_locked_or_long(path: Path, name: str) -> bool:
    """Encryption and page count, from pypdf, before the slower layout analysis.

    Returns whether the file is encrypted (with an empty user password, it still opens).
    """
    try:
        reader = pypdf.PdfReader(path, strict=False)
        encrypted = bool(reader.is_encrypted)
    except Exception:
        return False  # pypdf is the weaker reader of the two; let pdfminer have its try
    try:
        if encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise _locked(name)
        pages = len(reader.pages)
    except EncryptedFile:
        raise
    except Exception:
        return encrypted
    _refuse_page_count(pages, name)
    return encrypted


def _locked(name: str) -> EncryptedFile:
    return EncryptedFile(
        f"The PDF is password-protected: {name} cannot be opened without its password.",
        hint="Save or export a copy without a password (in most editors: File > "
        "Export as PDF, with security set to none) and check that copy.",
    )


def _refuse_page_count(pages: int, name: str) -> None:
    if pages > MAX_PAGES:
        raise FileTooLarge(
            f"{name} has {pages} pages; landml reads resumes of up to {MAX_PAGES} pages.",
            hint="Check the resume itself, not a portfolio or a thesis it is bound with.",
        )


def _refuse_without_text(extraction: Extraction, name: str) -> None:
    if any(page.has_text_layer for page in extraction.layout):
        if _unmapped_share(extraction.lines) > MAX_UNMAPPED:
            raise ImageOnlyPDF(
                f"This PDF has no readable text layer: the fonts in {name} do not say which "
                "letter each glyph is, so landml, like an ATS, reads only glyph numbers.",
                hint="Export it again as a PDF with standard or embedded Unicode fonts (in "
                "Canva or InDesign: a standard PDF export, not 'flatten' or 'outline text').",
            )
        if not extraction.lines:
            raise EmptyFile(
                f"{name} has no text: its {extraction.pages} page"
                f"{'s are' if extraction.pages != 1 else ' is'} blank.",
                hint="Export the resume again from your editor and check the new file.",
            )
        return
    if any(page.images for page in extraction.layout):
        raise ImageOnlyPDF(
            f"This PDF is an image (a scan or a picture of text): {name} has no text layer, "
            "and landml cannot read it without OCR.",
            hint="Export a text PDF from your editor (Word, Google Docs, LaTeX: File > "
            "Download or Export > PDF), not a scan, a screenshot or a 'print as image'.",
        )
    raise ImageOnlyPDF(
        f"This PDF has no text layer: the letters in {name} are drawn as shapes (for "
        "example text converted to outlines), so landml, like an ATS, cannot read them.",
        hint="Export it again as a text PDF; in Canva, InDesign or Illustrator turn off "
        "'outline text' or 'flatten' in the export settings.",
    )


def _unmapped_share(lines: list[Line]) -> float:
    """Share of characters pdfminer could only give as "(cid:N)" placeholders."""
    text = "".join(line.text.replace(" ", "") for line in lines)
    unmapped = sum(len(m) for m in CID.findall(text))
    return unmapped / len(text) if text else 0.0


@contextmanager
def _quiet_pdf_libraries() -> Iterator[None]:
    """pypdf and pdfminer log every oddity of a file; the reader reports what matters."""
    loggers = [logging.getLogger(n) for n in ("pypdf", "pdfminer")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


# --- pdfplumber -----------------------------------------------------------------------------


def _read_with_pdfplumber(path: Path, name: str) -> Extraction:
    lines: list[Line] = []
    layout: list[PageLayout] = []
    links: list[tuple[str, int | None]] = []
    with pdfplumber.open(path) as pdf:
        _refuse_page_count(len(pdf.pages), name)
        for number, page in enumerate(pdf.pages, start=1):
            page_lines, page_layout = _read_page(page, number)
            lines += page_lines
            layout.append(page_layout)
            links += [(url, number) for url in _hyperlinks(page)]
        count = len(pdf.pages)
    return Extraction(
        format="pdf",
        parser="pdfplumber",
        pages=count,
        pages_basis="document",
        pages_note=f"{count} page{'s' if count != 1 else ''} in the PDF's page tree.",
        layout=layout,
        lines=lines,
        link_targets=links,
    )


def _hyperlinks(page: Page) -> list[str]:
    try:
        return [str(h["uri"]) for h in page.hyperlinks if h.get("uri")]
    except Exception:  # a broken annotation loses a link, not the page
        return []


def _read_page(page: Page, number: int) -> tuple[list[Line], PageLayout]:
    # Word gaps scale with the font: LaTeX sets no space characters, and its tightest
    # interword gap (about 0.22 em) is wider than 0.15 em, while letters sit closer.
    raw = page.extract_words(
        extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance_ratio=0.15
    )
    # Coordinates count from the page box's corner, which is not always (0, 0).
    origin = (float(page.bbox[0]), float(page.bbox[1]))
    upright = [_word(w, origin) for w in raw if w.get("upright", True)]
    rotated = [_word(w, origin) for w in raw if not w.get("upright", True)]
    width, height = float(page.width), float(page.height)
    visible = [
        w for w in upright if w.x0 >= 0 and w.x1 <= width and w.top >= 0 and w.bottom <= height
    ]
    split = find_columns(visible, width, height)
    tables = _tables(page, number, origin)
    lines = reading_order(upright, split, number)
    lines += [_line(ws, number, None) for ws in group_lines(rotated)]
    lines = [_mark_table_line(line, tables) for line in lines]
    lines = _mark_drawn_bullets(lines, _bullet_marks(page, origin))
    chars = sum(1 for c in page.chars if str(c.get("text", "")).strip())
    columns = (
        Columns(count=2, gutter=split.gutter, evidence=split.evidence(number))
        if split
        else Columns(count=1, evidence=f"Page {number}: no empty band runs down the text.")
    )
    layout = PageLayout(
        number=number,
        width=width,
        height=height,
        chars=chars,
        has_text_layer=chars >= MIN_TEXT_CHARS or not _drawn_instead(page),
        columns=columns,
        images=[_image(img, number, width, height, origin) for img in page.images],
        tables=tables,
        fonts=_fonts(page.chars),
    )
    return lines, layout


def _drawn_instead(page: Page) -> bool:
    """Whether a page shows its content as a large image or as shapes, not as characters."""
    area = float(page.width) * float(page.height)
    pictured = sum(float(i["width"]) * float(i["height"]) for i in page.images)
    shapes = len(page.curves) + len(page.rects)
    return pictured >= 0.25 * area or shapes >= MIN_SHAPES


def _word(w: dict[str, Any], origin: tuple[float, float]) -> Word:
    fontname = str(w.get("fontname", ""))
    ox, oy = origin
    return Word(
        text=str(w["text"]),
        x0=float(w["x0"]) - ox,
        x1=float(w["x1"]) - ox,
        top=float(w["top"]) - oy,
        bottom=float(w["bottom"]) - oy,
        size=float(w.get("size", 0.0)),
        bold=bool(BOLD.search(fontname)),
    )


# --- columns and reading order --------------------------------------------------------------


def find_columns(words: Sequence[Word], width: float, height: float) -> ColumnSplit | None:
    """The gutter between two text columns on a page, or None for a one-column page.

    Words are painted onto a grid; a gutter is a band at least MIN_GUTTER wide that stays
    empty over a run of rows covering GUTTER_SHARE of the text's height, with at least
    MIN_COLUMN_LINES lines and MIN_COLUMN_WORD_SHARE of the words on each side, the two
    sides standing next to each other rather than one above the other.
    """
    if len(words) < 2 * MIN_COLUMN_LINES:
        return None
    top = min(w.top for w in words)
    bottom = max(w.bottom for w in words)
    text_height = bottom - top
    if text_height <= 0:
        return None
    grid = _occupancy(words, width, top, text_height)
    band = max(1, int(np.ceil(MIN_GUTTER / CELL)))
    candidates = _gutter_candidates(grid, band)
    for col, (r0, r1) in candidates:
        if (r1 - r0) * CELL < GUTTER_SHARE * text_height:
            break  # candidates come longest run first
        split = _split_if_columns(words, grid, col, band, (r0, r1), top, text_height)
        if split is not None:
            return split
    return None


def _occupancy(words: Sequence[Word], width: float, top: float, text_height: float) -> Any:
    rows = int(np.ceil(text_height / CELL)) + 1
    cols = int(np.ceil(width / CELL)) + 1
    grid = np.zeros((rows, cols), dtype=bool)
    for w in words:
        r0 = int((w.top - top) / CELL)
        r1 = int(np.ceil((w.bottom - top) / CELL))
        c0 = max(0, int(w.x0 / CELL))
        c1 = min(cols, int(np.ceil(w.x1 / CELL)))
        grid[r0:r1, c0:c1] = True
    return grid


def _gutter_candidates(grid: Any, band: int) -> list[tuple[int, tuple[int, int]]]:
    """Per band position, its longest run of empty rows; longest runs first."""
    filled = np.concatenate(
        [np.zeros((grid.shape[0], 1), dtype=np.int64), np.cumsum(grid, axis=1)], axis=1
    )
    band_filled = (filled[:, band:] - filled[:, :-band]) > 0
    text_cols = np.flatnonzero(grid.any(axis=0))
    if text_cols.size == 0:
        return []
    first, last = int(text_cols[0]), int(text_cols[-1])
    found: list[tuple[int, tuple[int, int]]] = []
    for col in range(first + 1, max(first + 1, last - band)):
        run = _longest_false_run(band_filled[:, col])
        if run[1] > run[0]:
            found.append((col, run))
    found.sort(key=lambda c: c[1][0] - c[1][1])
    return found


def _longest_false_run(column: Any) -> tuple[int, int]:
    padded = np.concatenate([[True], column, [True]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    starts, ends = edges[::2], edges[1::2]
    if starts.size == 0:
        return (0, 0)
    best = int(np.argmax(ends - starts))
    return int(starts[best]), int(ends[best])


def _split_if_columns(
    words: Sequence[Word],
    grid: Any,
    col: int,
    band: int,
    rows: tuple[int, int],
    top: float,
    text_height: float,
) -> ColumnSplit | None:
    y0, y1 = top + rows[0] * CELL, top + rows[1] * CELL
    lo, hi = _widen_gutter(grid, col, band, rows)
    gx0, gx1 = lo * CELL, hi * CELL
    inside = [w for w in words if y0 <= w.middle <= y1]
    left = [w for w in inside if w.x1 <= gx0 + CELL]
    right = [w for w in inside if w.x0 >= gx1 - CELL]
    if not _is_column(left, len(inside)) or not _is_column(right, len(inside)):
        return None
    overlap = min(_bottom(left), _bottom(right)) - max(_top(left), _top(right))
    if overlap < 0.25 * text_height:
        return None  # one block above the other, not side by side
    left_lines, right_lines = group_lines(left), group_lines(right)
    if _row_fields(left_lines, right_lines):
        return None  # fields of one-column rows: "Title ........ Jan 2020 - Present"
    return ColumnSplit(
        gutter=(round(gx0, 1), round(gx1, 1)),
        y0=y0,
        y1=y1,
        left_lines=len(left_lines),
        right_lines=len(right_lines),
        text_height=text_height,
    )


def _row_fields(left: list[list[Word]], right: list[list[Word]]) -> bool:
    """Whether the two sides are fields of the same rows rather than two columns.

    Dates or places set beside titles share each baseline with a line opposite and are
    right-aligned (flush right dates) or sparse (one per entry, bullets between them).
    Two real columns are set independently; even when their baselines happen to line up,
    both run densely down the page with a common left edge.
    """
    if _row_aligned_share(left, right) < ROW_ALIGNED:
        return False
    fewer = min(left, right, key=len)
    return _right_aligned(left) or _right_aligned(right) or _sparse(fewer)


def _edge_share(lines: list[list[Word]], edge: str) -> float:
    """Share of lines whose left (or right) edge sits on the most common such edge."""
    xs = sorted(round(min(w.x0 for w in ln) if edge == "left" else max(w.x1 for w in ln))
                for ln in lines)  # fmt: skip
    best = max((sum(1 for x in xs if abs(x - y) <= 1.5) for y in xs), default=0)
    return best / len(xs) if xs else 0.0


def _right_aligned(lines: list[list[Word]]) -> bool:
    right, left = _edge_share(lines, "right"), _edge_share(lines, "left")
    return right >= 0.8 and right > left + 0.1


def _sparse(lines: list[list[Word]]) -> bool:
    """One line here and there (a date per entry), not a column of consecutive lines."""
    if len(lines) < 2:
        return True
    tops = [min(w.top for w in ln) for ln in lines]
    heights = sorted(max(w.bottom - w.top for w in ln) for ln in lines)
    gaps = sorted(b - a for a, b in itertools.pairwise(tops))
    return gaps[len(gaps) // 2] >= 2 * heights[len(heights) // 2]


def _row_aligned_share(left: list[list[Word]], right: list[list[Word]]) -> float:
    """Share of the shorter side's lines that sit on the same baseline as a line opposite.

    Dates or places set flush right in a one-column resume share each baseline with a
    title; two real columns set their lines independently.
    """
    fewer, more = sorted((left, right), key=len)
    bottoms = [max(w.bottom for w in line) for line in more]
    aligned = sum(
        1 for line in fewer if any(abs(max(w.bottom for w in line) - b) <= 1.0 for b in bottoms)
    )
    return aligned / len(fewer) if fewer else 0.0


def _widen_gutter(grid: Any, col: int, band: int, rows: tuple[int, int]) -> tuple[int, int]:
    window = grid[rows[0] : rows[1]]
    lo, hi = col, col + band
    while lo > 0 and not window[:, lo - 1].any():
        lo -= 1
    while hi < window.shape[1] and not window[:, hi].any():
        hi += 1
    return lo, hi


def _is_column(words: Sequence[Word], total: int) -> bool:
    if not words or len(words) < MIN_COLUMN_WORD_SHARE * total:
        return False
    if max(w.x1 for w in words) - min(w.x0 for w in words) < MIN_COLUMN_WIDTH:
        return False
    return len(group_lines(words)) >= MIN_COLUMN_LINES


def _top(words: Sequence[Word]) -> float:
    return min(w.top for w in words)


def _bottom(words: Sequence[Word]) -> float:
    return max(w.bottom for w in words)


def reading_order(words: Sequence[Word], split: ColumnSplit | None, page: int) -> list[Line]:
    """Lines as a person reads them: header, left column, right column, footer."""
    if split is None:
        return [_line(ws, page, None) for ws in group_lines(words)]
    above = [w for w in words if w.middle < split.y0]
    below = [w for w in words if w.middle > split.y1]
    middle = [w for w in words if split.y0 <= w.middle <= split.y1]
    left = [w for w in middle if (w.x0 + w.x1) / 2 < split.middle]
    right = [w for w in middle if (w.x0 + w.x1) / 2 >= split.middle]
    return (
        [_line(ws, page, None) for ws in group_lines(above)]
        + [_line(ws, page, 0) for ws in group_lines(left)]
        + [_line(ws, page, 1) for ws in group_lines(right)]
        + [_line(ws, page, None) for ws in group_lines(below)]
    )


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into text lines (shared baseline band), top to bottom, left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines:
            current = lines[-1]
            middle = sum(w.middle for w in current) / len(current)
            tolerance = 0.4 * max(w.bottom - w.top for w in [*current, word])
            if abs(word.middle - middle) <= tolerance:
                current.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _line(words: list[Word], page: int, column: int | None) -> Line:
    weights = Counter[float]()
    bold = 0
    for w in words:
        weights[round(w.size, 1)] += len(w.text)
        bold += len(w.text) if w.bold else 0
    letters = sum(len(w.text) for w in words)
    text = words[0].text
    for before, word in itertools.pairwise(words):
        # Words split where the font changes ("Engineer" bold, "," regular) touch.
        glued = word.x0 - before.x1 < 0.1 * max(word.size, 1.0)
        text += word.text if glued else f" {word.text}"
    return Line(
        text=text,
        page=page,
        column=column,
        x0=round(min(w.x0 for w in words), 1),
        top=round(min(w.top for w in words), 1),
        size=weights.most_common(1)[0][0] if weights else None,
        bold=bold * 2 > letters,
    )


# --- images, tables, fonts ------------------------------------------------------------------


def _image(
    img: dict[str, Any], page: int, page_w: float, page_h: float, origin: tuple[float, float]
) -> ImageBox:
    x0, top = float(img["x0"]) - origin[0], float(img["top"]) - origin[1]
    w, h = float(img["width"]), float(img["height"])
    src = img.get("srcsize")
    pixels = (int(src[0]), int(src[1])) if src else None
    photo, note = looks_like_photo(w, h, top, page_w, page_h, pixels)
    return ImageBox(
        page=page,
        x0=round(x0, 1),
        top=round(top, 1),
        width=round(w, 1),
        height=round(h, 1),
        pixels=pixels,
        likely_photo=photo,
        note=note,
    )


def looks_like_photo(
    width: float,
    height: float,
    top: float | None,
    page_w: float | None,
    page_h: float | None,
    pixels: tuple[int, int] | None,
) -> tuple[bool, str]:
    """Whether an image reads as a head shot: portrait or square, 40-250 pt wide, near the
    top of the page (when the position is known), made of enough pixels to be a photo."""
    if width < 40 or height < 40 or width > 250:
        return False, f"{width:.0f}x{height:.0f} pt: an icon or a logo, too small for a photo"
    ratio = height / width
    if not 0.8 <= ratio <= 1.7:
        return False, f"{width:.0f}x{height:.0f} pt: not a portrait or square shape"
    if page_w and width > 0.45 * page_w:
        return False, f"{width:.0f}x{height:.0f} pt: wider than a head shot on this page"
    if pixels and min(pixels) < 48:
        return False, f"{pixels[0]}x{pixels[1]} px: too few pixels for a photo"
    if top is not None and page_h and top > 0.4 * page_h:
        return False, f"{width:.0f}x{height:.0f} pt in the lower part of the page"
    where = f" at the top of the page (y={top:.0f} pt)" if top is not None else ""
    return True, f"a {width:.0f}x{height:.0f} pt portrait-shaped image{where}"


def _tables(page: Page, number: int, origin: tuple[float, float]) -> list[TableBox]:
    shapes = len(page.rects) + len(page.lines) + len(page.curves)
    if not shapes or shapes > MAX_TABLE_SHAPES:
        return []  # tables are found from ruling lines; a page of thousands is a drawing
    boxes = []
    for table in page.find_tables():
        cells = table.extract()
        rows = len(cells)
        cols = max((len(r) for r in cells), default=0)
        if rows < 2 or cols < 2:
            continue  # a frame around one block of text is not a table
        first = " | ".join(str(c or "").replace("\n", " ") for c in cells[0])
        ox, oy = origin
        x0, top, x1, bottom = (
            round(float(v) - o, 1) for v, o in zip(table.bbox, (ox, oy, ox, oy), strict=True)
        )
        boxes.append(
            TableBox(
                page=number,
                rows=rows,
                cols=cols,
                bbox=(x0, top, x1, bottom),
                preview=first[:120],
            )
        )
    return boxes


def _mark_table_line(line: Line, tables: list[TableBox]) -> Line:
    for t in tables:
        if t.bbox and line.x0 is not None and line.top is not None:
            x0, top, x1, bottom = t.bbox
            if x0 - 1 <= line.x0 <= x1 and top - 1 <= line.top <= bottom:
                return line.model_copy(update={"origin": "table"})
    return line


def _bullet_marks(page: Page, origin: tuple[float, float]) -> list[tuple[float, float, float]]:
    """(x1, top, bottom) of small square shapes that may be drawn list bullets."""
    lo, hi = MARK_SIZE
    ox, oy = origin
    marks = []
    for shape in [*page.curves, *page.rects]:
        w, h = float(shape["width"]), float(shape["height"])
        if lo <= w <= hi and lo <= h <= hi and abs(w - h) <= 1.5:
            marks.append(
                (float(shape["x1"]) - ox, float(shape["top"]) - oy, float(shape["bottom"]) - oy)
            )
    return marks


def _mark_drawn_bullets(lines: list[Line], marks: list[tuple[float, float, float]]) -> list[Line]:
    if not marks:
        return lines
    marked = []
    for line in lines:
        x0, top, size = line.x0, line.top, line.size or 10.0
        hit = (
            x0 is not None
            and top is not None
            and any(
                0 <= x0 - x1 <= MARK_GAP and top - 1 <= (mt + mb) / 2 <= top + size + 1
                for x1, mt, mb in marks
            )
        )
        marked.append(line.model_copy(update={"list_item": True}) if hit else line)
    return marked


def _fonts(chars: list[dict[str, Any]]) -> list[FontUse]:
    counts = Counter[tuple[str, float]]()
    for c in chars:
        if str(c.get("text", "")).strip():
            name = str(c.get("fontname", "")).split("+", 1)[-1]
            counts[(name, round(float(c.get("size", 0.0)), 1))] += 1
    return [FontUse(name=n, size=s, chars=k) for (n, s), k in counts.most_common()]


# --- pypdf fallback -------------------------------------------------------------------------


def _read_with_pypdf(path: Path, name: str, *, why: Exception, encrypted: bool) -> Extraction:
    try:
        reader = pypdf.PdfReader(path, strict=False)
        texts = [page.extract_text() or "" for page in reader.pages]
        images = [_pypdf_image_count(page) for page in reader.pages]
    except Exception as exc:
        if encrypted:
            raise _locked(name) from exc
        raise CorruptFile(
            f"{name} is damaged or truncated: no PDF reader can open it "
            f"({_reason(why)}; {_reason(exc)}).",
            hint="Open it in a PDF viewer; if it shows, export or print it to a new PDF, "
            "otherwise export it again from your editor.",
        ) from exc
    _refuse_page_count(len(texts), name)
    lines: list[Line] = []
    layout: list[PageLayout] = []
    for number, (text, count) in enumerate(zip(texts, images, strict=True), start=1):
        page_lines = [s.strip() for s in text.splitlines() if s.strip()]
        lines += [Line(text=s, page=number) for s in page_lines]
        chars = sum(len(s.replace(" ", "")) for s in page_lines)
        layout.append(
            PageLayout(
                number=number,
                chars=chars,
                has_text_layer=chars >= MIN_TEXT_CHARS or count == 0,
                # pypdf tells that an image is there, not where or how large.
                images=[ImageBox(page=number, note="position unknown") for _ in range(count)],
            )
        )
    count = len(texts)
    return Extraction(
        format="pdf",
        parser="pypdf",
        pages=count,
        pages_basis="document",
        pages_note=f"{count} page{'s' if count != 1 else ''} in the PDF's page tree.",
        layout=layout,
        lines=lines,
        notes=[
            f"pdfminer could not read the layout ({_reason(why)}); the text comes from pypdf, "
            "so columns, images, tables and fonts were not checked."
        ],
    )


def _pypdf_image_count(page: Any) -> int:
    try:
        return len(page.images)
    except Exception:  # an image pypdf cannot decode is still an image
        return 1


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
