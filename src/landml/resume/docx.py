"""DOCX resumes: paragraphs and tables in body order, headers and footers, text boxes, images.

python-docx opens the package; the text is read from the document XML, because python-docx
leaves out what resumes often hold: text boxes (w:txbxContent), content controls and soft
line breaks. Word writes every modern text box twice, as a DrawingML shape in
mc:AlternateContent/mc:Choice and again as a VML copy in mc:Fallback for older readers;
only the first is read, so no text appears twice.

A DOCX has no fixed pages: the page count is the one the editor saved in
docProps/app.xml when there is one, otherwise an estimate, and the document says which.
The zip is checked before anything is unpacked: too many members, too many bytes once
expanded, or a member that expands a hundredfold is refused as a zip bomb.
"""

from __future__ import annotations

import math
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml

from landml.resume.document import (
    Columns,
    Extraction,
    FontUse,
    ImageBox,
    Line,
    LineOrigin,
    PageLayout,
    TableBox,
    TextBox,
)
from landml.resume.errors import CorruptFile, FileTooLarge, WrongFormat, ZipBomb
from landml.resume.pdf import MAX_PAGES, looks_like_photo

MAX_MEMBERS = 1000
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
# Small members may compress very well (a run of spaces); only larger ones are ratio-checked.
RATIO_FROM = 1024 * 1024
EMU_PER_POINT = 12700
# For the page estimate: what one page of a dense resume holds.
WORDS_PER_PAGE = 600
LINES_PER_PAGE = 55
# A table cell holding this many paragraphs is page layout, not tabular data.
LAYOUT_CELL_LINES = 5
# Images anchored in the first paragraphs (or a header) sit at the top of the page.
TOP_PARAGRAPHS = 6

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V = "urn:schemas-microsoft-com:vml"
PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Subtrees whose text is not part of the paragraph that holds them: text boxes are read
# on their own, fallbacks repeat what their mc:Choice already says, and deleted or moved
# text (tracked changes) and field codes are not on the page.
SKIP = {w("txbxContent"), f"{{{MC}}}Fallback", w("delText"), w("instrText"), w("moveFrom")}
BLOCK_CONTAINERS = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}


def read_docx(path: Path, name: str) -> Extraction:
    """Lines in reading order and layout facts of a DOCX resume."""
    app_xml = refuse_unsafe_zip(path, name)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx and lxml raise many types on damaged packages
        raise CorruptFile(
            f"{name} is a damaged Word document: {type(exc).__name__}: {exc}".rstrip(": "),
            hint="Open it in Word or LibreOffice and save it again as .docx, or export a PDF.",
        ) from exc
    reader = _BodyReader(styles=_style_names(document), document=document)
    for part_xml, origin in _header_footer_parts(document, "header"):
        reader.read_blocks(part_xml, origin, in_header=True)
    reader.read_blocks(document.element.body, "body")
    for part_xml, origin in _header_footer_parts(document, "footer"):
        reader.read_blocks(part_xml, origin, in_header=True)
    pages, basis, note = _page_count(app_xml, reader)
    if pages > MAX_PAGES:
        raise FileTooLarge(
            f"{name} runs to about {pages} pages; landml reads resumes of up to {MAX_PAGES}.",
            hint="Check the resume itself, not a portfolio or a thesis it is bound with.",
        )
    return Extraction(
        format="docx",
        parser="python-docx",
        pages=pages,
        pages_basis=basis,
        pages_note=note,
        layout=[
            PageLayout(
                number=None,
                chars=sum(len(line.text.replace(" ", "")) for line in reader.lines),
                columns=_columns(document, reader),
                images=reader.images,
                tables=reader.tables,
                text_boxes=reader.text_boxes,
                fonts=[
                    FontUse(name=n, size=s, chars=c) for (n, s), c in reader.fonts.most_common()
                ],
            )
        ],
        lines=_dedupe_header_lines(reader.lines),
        link_targets=[(url, None) for url in _hyperlinks(document)],
    )


# --- the zip --------------------------------------------------------------------------------


def refuse_unsafe_zip(path: Path, name: str) -> bytes | None:
    """Check the zip's directory before unpacking anything; returns docProps/app.xml.

    The sizes checked are the ones the directory declares; Python's zipfile stops reading
    a member at its declared size and fails its checksum, so a member that lies about its
    size cannot expand further when python-docx reads it.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _refuse_bomb(infos, name)
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise WrongFormat(
                    f"{name} is a zip archive but not a Word document (it has no "
                    "word/document.xml).",
                    hint="Save the resume from your editor as .docx or PDF.",
                )
            return zf.read("docProps/app.xml") if "docProps/app.xml" in names else None
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error) as exc:
        raise CorruptFile(
            f"{name} is a damaged Word document: its zip structure is broken ({exc}).",
            hint="Open it in Word or LibreOffice and save it again, or export a PDF.",
        ) from exc


def _refuse_bomb(infos: list[zipfile.ZipInfo], name: str) -> None:
    hint = "A real resume is a few hundred kilobytes; export it again from your editor."
    if len(infos) > MAX_MEMBERS:
        raise ZipBomb(
            f"{name} holds {len(infos)} files inside its zip; a Word document has a few "
            f"dozen, and landml refuses more than {MAX_MEMBERS} (zip bomb protection).",
            hint=hint,
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ZipBomb(
            f"{name} would expand to {total / 2**20:.0f} MB when unpacked; landml refuses "
            f"DOCX files over {MAX_UNCOMPRESSED // 2**20} MB unpacked (zip bomb protection).",
            hint=hint,
        )
    for i in infos:
        if i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            ratio = i.file_size / max(i.compress_size, 1)
            raise ZipBomb(
                f"{name} contains {i.filename}, which expands {ratio:.0f} times (from "
                f"{i.compress_size / 1024:.0f} KB to {i.file_size / 2**20:.1f} MB); landml "
                f"refuses ratios over {MAX_RATIO} (zip bomb protection).",
                hint=hint,
            )


# --- the body -------------------------------------------------------------------------------


@dataclass
class _BodyReader:
    styles: dict[str, str]
    lines: list[Line] = field(default_factory=list)
    tables: list[TableBox] = field(default_factory=list)
    text_boxes: list[TextBox] = field(default_factory=list)
    images: list[ImageBox] = field(default_factory=list)
    fonts: Counter[tuple[str, float | None]] = field(default_factory=Counter)
    layout_tables: list[tuple[int, str]] = field(default_factory=list)  # (columns, evidence)
    paragraphs_seen: int = 0
    document: Any = None  # for the pixel size of pictures
    page_breaks: int = 0
    rendered_breaks: int = 0

    def read_blocks(self, parent: Any, origin: LineOrigin, *, in_header: bool = False) -> None:
        for block in _blocks(parent):
            if block.tag == w("p"):
                self.read_paragraph(block, origin, in_header=in_header)
            else:
                self.read_table(block, origin, in_header=in_header)

    def read_paragraph(self, p: Any, origin: LineOrigin, *, in_header: bool = False) -> None:
        style = self.styles.get(_attr(p.find(f"{w('pPr')}/{w('pStyle')}"), "val") or "", "")
        heading = style.lower().startswith(("heading", "title"))
        listed = p.find(f"{w('pPr')}/{w('numPr')}") is not None or "list" in style.lower()
        segments, bold_chars, chars = self._paragraph_text(p)
        for text in segments:
            text = " ".join(text.split())
            if text:
                self.lines.append(
                    Line(
                        text=text,
                        origin=origin,
                        bold=bold_chars * 2 > chars,
                        heading_hint=heading,
                        list_item=listed and not heading,
                    )
                )
        if origin == "body":
            self.paragraphs_seen += 1
        at_top = in_header or self.paragraphs_seen <= TOP_PARAGRAPHS
        for drawing in p.iter(f"{{{WP}}}inline", f"{{{WP}}}anchor"):
            if _inside(drawing, {f"{{{MC}}}Fallback", w("txbxContent")}, stop=p):
                continue  # a fallback copy, or a picture read with its text box
            data = drawing.find(f"{{{A}}}graphic/{{{A}}}graphicData")
            if data is not None and data.get("uri") == PICTURE_URI:
                self.images.append(_image(self.document, drawing, at_top=at_top))
        self.read_text_boxes(p, in_header=in_header)

    def _paragraph_text(self, p: Any) -> tuple[list[str], int, int]:
        segments = [""]
        bold_chars = chars = 0
        for el in _walk(p):
            tag = el.tag
            if tag == w("t"):
                text = el.text or ""
                segments[-1] += text
                chars += len(text)
                run = el.getparent()
                if _is_bold(run):
                    bold_chars += len(text)
                self._count_font(run, len(text))
            elif tag in (w("tab"), w("ptab")):
                segments[-1] += " "
            elif tag in (w("br"), w("cr")):
                if _attr(el, "type") == "page":
                    self.page_breaks += 1
                segments.append("")
            elif tag == w("noBreakHyphen"):
                segments[-1] += "-"
            elif tag == w("lastRenderedPageBreak"):
                self.rendered_breaks += 1
            elif tag == w("pageBreakBefore") and _attr(el, "val") not in ("0", "false"):
                self.page_breaks += 1
        return segments, bold_chars, chars

    def _count_font(self, run: Any, n: int) -> None:
        props = run.find(w("rPr")) if run is not None else None
        if props is None:
            return
        name = _attr(props.find(w("rFonts")), "ascii")
        size = _attr(props.find(w("sz")), "val")
        if name or size:
            half_points = float(size) if size and size.replace(".", "").isdigit() else None
            self.fonts[(name or "(style font)", half_points / 2 if half_points else None)] += n

    def read_text_boxes(self, p: Any, *, in_header: bool) -> None:
        for box in p.iter(w("txbxContent")):
            if _inside(box, {f"{{{MC}}}Fallback", w("txbxContent")}, stop=p):
                continue  # the VML copy of a box already read, or a box inside a box
            start = len(self.lines)
            for block in _blocks(box):
                if block.tag == w("p"):
                    self.read_paragraph(block, "text_box", in_header=in_header)
                else:
                    self.read_table(block, "text_box", in_header=in_header)
            text = " / ".join(line.text for line in self.lines[start:])
            if text:
                self.text_boxes.append(TextBox(page=None, text=text))

    def read_table(self, tbl: Any, origin: LineOrigin, *, in_header: bool = False) -> None:
        rows = [tr for tr in tbl if tr.tag == w("tr")]
        cells = [[tc for tc in tr if tc.tag == w("tc")] for tr in rows]
        start = len(self.lines)
        per_cell: list[list[int]] = []
        for row in cells:
            counts = []
            for tc in row:
                before = len(self.lines)
                inner: LineOrigin = "text_box" if origin == "text_box" else "table"
                self.read_blocks(tc, inner, in_header=in_header)
                counts.append(len(self.lines) - before)
            per_cell.append(counts)
        ncols = max((len(r) for r in cells), default=0)
        first = " | ".join(line.text for line in self.lines[start : start + max(1, ncols)])
        self.tables.append(TableBox(page=None, rows=len(rows), cols=ncols, preview=first[:120]))
        for counts in per_cell:
            full = [c for c in counts if c >= LAYOUT_CELL_LINES]
            if len(full) >= 2:
                evidence = (
                    f"A {len(rows)}x{ncols} table lays text out side by side: "
                    + ", ".join(f"{c} lines" for c in counts)
                    + " in the cells of one row."
                )
                self.layout_tables.append((len(full), evidence))
                break


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in document order, through content controls and wrappers."""
    for child in parent:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in BLOCK_CONTAINERS:
            yield from _blocks(child)


def _walk(el: Any) -> Iterator[Any]:
    """Descendants in document order, not entering text boxes or fallback copies."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in SKIP:
            continue
        yield child
        yield from _walk(child)


def _inside(el: Any, tags: set[str], *, stop: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _attr(el: Any, name: str) -> str | None:
    if el is None:
        return None
    value = el.get(w(name))
    return str(value) if value is not None else None


def _is_bold(run: Any) -> bool:
    props = run.find(w("rPr")) if run is not None else None
    b = props.find(w("b")) if props is not None else None
    return b is not None and _attr(b, "val") not in ("0", "false")


def _style_names(document: Any) -> dict[str, str]:
    try:
        return {s.style_id: s.name or "" for s in document.styles}
    except Exception:  # a document without a styles part still has its text
        return {}


def _header_footer_parts(document: Any, kind: str) -> Iterator[tuple[Any, LineOrigin]]:
    origin: LineOrigin = "header" if kind == "header" else "footer"
    parts = [
        part
        for part in document.part.package.iter_parts()
        if str(part.content_type).endswith(f".{kind}+xml")
    ]
    for part in sorted(parts, key=lambda p: str(p.partname)):
        yield parse_xml(part.blob), origin


def _dedupe_header_lines(lines: list[Line]) -> list[Line]:
    """First-page, even-page and default headers often repeat the same line."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for line in lines:
        if line.origin in ("header", "footer"):
            key = (line.origin, line.text)
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return kept


# --- images, links, columns, pages ----------------------------------------------------------


def _image(document: Any, drawing: Any, *, at_top: bool) -> ImageBox:
    extent = drawing.find(f"{{{WP}}}extent")
    width = int(extent.get("cx", "0")) / EMU_PER_POINT if extent is not None else 0.0
    height = int(extent.get("cy", "0")) / EMU_PER_POINT if extent is not None else 0.0
    pixels = _pixels(document, drawing)
    photo, note = looks_like_photo(width, height, None, None, None, pixels)
    if photo and not at_top:
        photo, note = False, f"{width:.0f}x{height:.0f} pt, placed below the top of the document"
    elif photo:
        note = f"a {width:.0f}x{height:.0f} pt portrait-shaped picture at the top of the document"
    return ImageBox(
        page=None,
        width=round(width, 1),
        height=round(height, 1),
        pixels=pixels,
        likely_photo=photo,
        note=note,
    )


def _pixels(document: Any, drawing: Any) -> tuple[int, int] | None:
    blip = drawing.find(f".//{{{A}}}blip")
    rel_id = blip.get(f"{{{R}}}embed") if blip is not None else None
    try:
        image = document.part.related_parts[rel_id].image
        return int(image.px_width), int(image.px_height)
    except Exception:  # a linked, missing or unreadable image: size unknown, not guessed
        return None


def _hyperlinks(document: Any) -> list[str]:
    parts = [document.part] + [
        part
        for part in document.part.package.iter_parts()
        if str(part.content_type).endswith((".header+xml", ".footer+xml"))
    ]
    urls = []
    for part in parts:
        for rel in part.rels.values():
            if rel.reltype == RT.HYPERLINK and rel.is_external:
                urls.append(str(rel.target_ref))
    return list(dict.fromkeys(urls))


def _columns(document: Any, reader: _BodyReader) -> Columns:
    found: list[tuple[int, str]] = list(reader.layout_tables)
    for i, sect in enumerate(document.element.body.iter(w("sectPr")), start=1):
        cols = sect.find(w("cols"))
        if cols is None:
            continue
        num = _attr(cols, "num") or "1"
        count = max(int(num) if num.isdigit() else 1, len(cols.findall(w("col"))))
        if count >= 2:
            found.append((count, f"Section {i} is set to {count} text columns (Layout > Columns)."))
    if not found:
        return Columns(count=1, evidence="No section has more than one column.")
    return Columns(count=max(c for c, _ in found), evidence=" ".join(e for _, e in found))


def _page_count(app_xml: bytes | None, reader: _BodyReader) -> tuple[int, Any, str]:
    words = sum(len(line.text.split()) for line in reader.lines)
    by_text = max(math.ceil(words / WORDS_PER_PAGE), math.ceil(len(reader.lines) / LINES_PER_PAGE))
    estimate = max(1, by_text, reader.page_breaks + 1)
    basis = (
        f"estimated by landml from {words} words in {len(reader.lines)} lines and "
        f"{reader.page_breaks} page breaks"
    )
    editor = _editor_pages(app_xml)
    if editor and estimate < editor + 2:
        return (
            editor,
            "editor",
            f"{editor} page{'s' if editor != 1 else ''} as counted by the editor that last "
            "saved the file (docProps/app.xml); a DOCX has no fixed pages, so the count can "
            "differ in another editor or with other fonts.",
        )
    if editor:
        why = (
            f"the file says {editor} page{'s' if editor != 1 else ''} (docProps/app.xml), "
            "but holds far more text: the saved count looks stale"
        )
    else:
        why = "the file does not store its editor's page count"
    return (
        estimate,
        "estimate",
        f"About {estimate} page{'s' if estimate != 1 else ''}, {basis}; {why}. Export a PDF "
        "to know the exact count.",
    )


def _editor_pages(app_xml: bytes | None) -> int | None:
    if not app_xml:
        return None
    try:
        root = parse_xml(app_xml)
    except Exception:  # a broken app.xml only costs the editor's page count
        return None
    pages = root.find(f"{{{APP_NS}}}Pages")
    text = (pages.text or "").strip() if pages is not None else ""
    return int(text) if text.isdigit() and int(text) > 0 else None
