"""Markdown, plain text and JSON Resume files, read into the same lines as PDF and DOCX.

Markdown keeps its structure: headings are marked, list items lose their marker but stay
list items, wrapped paragraph and list lines are joined, pipe tables and images are
recorded as layout facts. JSON Resume (https://jsonresume.org/schema) is written out as
the resume its fields describe, with a heading per section, so the one section and bullet
reader serves every format. None of these formats has pages; the count is an estimate
from the text length and says so.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from landml.resume.document import Extraction, ImageBox, Line, PageLayout, TableBox
from landml.resume.errors import CorruptFile, WrongFormat

WORDS_PER_PAGE = 600
LINES_PER_PAGE = 55

LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")
ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
PHOTO_NAMES = re.compile(r"photo|headshot|portrait|avatar|profile|foto|me\.(?:jpe?g|png)", re.I)


def decode_text(data: bytes, name: str) -> str:
    """The text of a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\0" in data[:4096]:
        raise WrongFormat(
            f"{name} is a binary file, not text.",
            hint="landml reads PDF, DOCX, Markdown, plain text and JSON Resume files.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows editors still save resumes in cp1252; it decodes any byte but five.
        return data.decode("cp1252", errors="replace")


def estimate_pages(lines: list[Line]) -> tuple[int, str]:
    """Pages from text length, for formats that have none; with the note saying so."""
    words = sum(len(line.text.split()) for line in lines)
    pages = max(1, math.ceil(words / WORDS_PER_PAGE), math.ceil(len(lines) / LINES_PER_PAGE))
    return pages, (
        f"About {pages} page{'s' if pages != 1 else ''}, estimated by landml from {words} "
        f"words in {len(lines)} lines (about {WORDS_PER_PAGE} words or {LINES_PER_PAGE} "
        "lines to a page); this format has no pages of its own."
    )


def _extraction(
    fmt: Any, lines: list[Line], layout: PageLayout, links: list[str] | None = None
) -> Extraction:
    pages, note = estimate_pages(lines)
    return Extraction(
        format=fmt,
        parser="landml",
        pages=pages,
        pages_basis="estimate",
        pages_note=note,
        layout=[layout],
        lines=lines,
        link_targets=[(url, None) for url in links or []],
    )


# --- plain text -----------------------------------------------------------------------------


def read_plain_text(text: str) -> Extraction:
    """One line per text line; an indented line after a list item continues it."""
    lines: list[Line] = []
    for raw in text.replace("\t", "    ").replace("\f", "\n").splitlines():
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        indented = len(raw) - len(raw.lstrip()) >= 2
        if indented and lines and _starts_list(lines[-1].text) and not _starts_list(stripped):
            lines[-1] = lines[-1].model_copy(update={"text": f"{lines[-1].text} {stripped}"})
            continue
        lines.append(Line(text=stripped))
    return _extraction("text", lines, PageLayout(number=None, chars=_chars(lines)))


def _starts_list(text: str) -> bool:
    return bool(LIST_ITEM.match(text)) or text[:1] in "•●▪■◦‣–"


def _chars(lines: list[Line]) -> int:
    return sum(len(line.text.replace(" ", "")) for line in lines)


# --- Markdown -------------------------------------------------------------------------------


@dataclass
class _MarkdownReader:
    lines: list[Line] = field(default_factory=list)
    tables: list[TableBox] = field(default_factory=list)
    images: list[ImageBox] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    block: list[str] = field(default_factory=list)  # the open paragraph or list item
    block_is_item: bool = False
    table_rows: list[list[str]] = field(default_factory=list)

    def flush(self) -> None:
        if self.block:
            text = self.inline(" ".join(s.strip() for s in self.block))
            if text:
                self.lines.append(Line(text=text, list_item=self.block_is_item))
        self.block, self.block_is_item = [], False
        if self.table_rows:
            rows = [r for r in self.table_rows if not TABLE_RULE.match("|" + "|".join(r) + "|")]
            for row in rows:
                self.lines.append(Line(text=" | ".join(row), origin="table"))
            cols = max((len(r) for r in rows), default=0)
            preview = " | ".join(rows[0])[:120] if rows else ""
            self.tables.append(TableBox(page=None, rows=len(rows), cols=cols, preview=preview))
            self.table_rows = []

    def inline(self, text: str) -> str:
        for alt, src in IMAGE.findall(text):
            photo = bool(PHOTO_NAMES.search(alt) or PHOTO_NAMES.search(src))
            note = f"an image named like a photo ({src})" if photo else f"an image ({src})"
            self.images.append(ImageBox(page=None, likely_photo=photo, note=note))
        text = IMAGE.sub("", text)
        self.links += [url for _, url in LINK.findall(text)] + AUTOLINK.findall(text)
        text = LINK.sub(lambda m: m[1] if m[1] == m[2] else f"{m[1]} ({m[2]})", text)
        text = AUTOLINK.sub(r"\1", text)
        text = HTML_TAG.sub(" ", text)
        for _ in range(2):  # nested emphasis: ***bold italic***
            text = EMPHASIS.sub(r"\2", text)
        text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
        return " ".join(text.split())

    def feed(self, raw: str) -> None:
        if not raw.strip():
            self.flush()
            return
        if TABLE_ROW.match(raw):
            if self.block:
                self.flush()
            self.table_rows.append([self.inline(c) for c in raw.strip().strip("|").split("|")])
            return
        if self.table_rows:
            self.flush()
        if self._heading(raw) or self._list_item(raw):
            return
        if THEMATIC_BREAK.match(raw):
            self.flush()
            return
        self.block.append(raw)

    def _heading(self, raw: str) -> bool:
        atx = ATX_HEADING.match(raw)
        setext = SETEXT_RULE.match(raw)
        if setext and len(self.block) == 1 and not self.block_is_item:
            text = self.inline(self.block[0])
            self.block = []
        elif atx:
            self.flush()
            text = self.inline(atx[2])
        else:
            return False
        if text:  # a heading that was only an image leaves no line
            self.lines.append(Line(text=text, heading_hint=True, bold=True))
        return True

    def _list_item(self, raw: str) -> bool:
        item = LIST_ITEM.match(raw)
        if item is None or THEMATIC_BREAK.match(raw):
            return False
        self.flush()
        self.block, self.block_is_item = [item[2]], True
        return True


def read_markdown(text: str) -> Extraction:
    """Headings, paragraphs, list items, pipe tables and images of a Markdown resume."""
    reader = _MarkdownReader()
    for raw in _markdown_lines(text):
        reader.feed(raw)
    reader.flush()
    layout = PageLayout(
        number=None, chars=_chars(reader.lines), tables=reader.tables, images=reader.images
    )
    return _extraction("markdown", reader.lines, layout, list(dict.fromkeys(reader.links)))


def _markdown_lines(text: str) -> Iterator[str]:
    """Source lines without front matter, comments and code fences (their text stays)."""
    text = COMMENT.sub("", text.replace("\t", "    "))
    lines = text.splitlines()
    if lines and lines[0].strip() == "---" and "---" in (s.strip() for s in lines[1:]):
        end = next(i for i, s in enumerate(lines[1:], start=1) if s.strip() == "---")
        lines = lines[end + 1 :]
    for raw in lines:
        if raw.strip().startswith(("```", "~~~")):
            yield ""
            continue
        yield re.sub(r"^\s{0,3}>\s?", "", raw)


# --- JSON Resume ----------------------------------------------------------------------------

SECTION_KEYS = (
    "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects",
)  # fmt: skip


def read_json_resume(text: str, name: str) -> Extraction:
    """A JSON Resume document written out as headings, entries, dates and bullets."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptFile(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
            hint="Fix the JSON (a validator or `python -m json.tool` shows where), or save "
            "the resume as Markdown or PDF.",
        ) from exc
    if not isinstance(data, dict) or not any(k in data for k in SECTION_KEYS):
        raise WrongFormat(
            f"{name} is JSON but not a JSON Resume: it has none of the schema's sections "
            "(basics, work, education, skills, projects...).",
            hint="See https://jsonresume.org/schema, or give the resume as PDF, DOCX or Markdown.",
        )
    writer = _JsonResumeWriter()
    writer.write(data)
    layout = PageLayout(number=None, chars=_chars(writer.lines))
    return _extraction("json_resume", writer.lines, layout)


def _s(value: Any) -> str:
    """A field as text; numbers become text, anything else is left out (never guessed)."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [t for t in (_s(v) for v in value) if t] if isinstance(value, list) else []


def _join(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


@dataclass
class _JsonResumeWriter:
    lines: list[Line] = field(default_factory=list)

    def add(self, text: str, **kw: Any) -> None:
        if text:
            self.lines.append(Line(text=text, **kw))

    def heading(self, text: str) -> None:
        self.add(text, heading_hint=True, bold=True)

    def dates(self, entry: dict[str, Any], start_key: str = "startDate") -> None:
        start, end = _s(entry.get(start_key)), _s(entry.get("endDate"))
        if start:
            # The schema leaves endDate out for a current position.
            self.add(f"{_month(start)} – {_month(end) if end else 'Present'}")
        elif end:
            self.add(_month(end))

    def bullets(self, values: Any) -> None:
        for text in _strings(values):
            self.add(text, list_item=True)

    def write(self, data: dict[str, Any]) -> None:
        self.basics(data.get("basics"))
        for key, title in (("work", "Work Experience"), ("volunteer", "Volunteering")):
            if _items(data.get(key)):
                self.heading(title)
                for job in _items(data.get(key)):
                    self.job(job)
        self.projects(data.get("projects"))
        self.education(data.get("education"))
        self.simple(data, "publications", "Publications", ("name", "publisher"), "releaseDate")
        self.simple(data, "awards", "Awards", ("title", "awarder"), "date")
        self.simple(data, "certificates", "Certifications", ("name", "issuer"), "date")
        self.keyed(data, "skills", "Skills", "name", "keywords")
        self.keyed(data, "languages", "Languages", "language", "fluency")
        self.keyed(data, "interests", "Interests", "name", "keywords")
        self.keyed(data, "references", "References", "name", "reference")

    def basics(self, basics: Any) -> None:
        if not isinstance(basics, dict):
            return
        self.add(_s(basics.get("name")), bold=True)
        self.add(_s(basics.get("label")))
        location = basics.get("location")
        place = (
            _join(*(_s(location.get(k)) for k in ("city", "region", "countryCode")))
            if isinstance(location, dict)
            else ""
        )
        self.add(_join(_s(basics.get("email")), _s(basics.get("phone")), place, sep=" | "))
        self.add(_s(basics.get("url")) or _s(basics.get("website")))
        for profile in _items(basics.get("profiles")):
            network, url = _s(profile.get("network")), _s(profile.get("url"))
            self.add(_join(network, url or _s(profile.get("username")), sep=": "))
        if _s(basics.get("summary")):
            self.heading("Summary")
            self.add(_s(basics.get("summary")))

    def job(self, job: dict[str, Any]) -> None:
        self.add(_join(_s(job.get("position")), _s(job.get("name") or job.get("organization"))),
                 bold=True)  # fmt: skip
        self.dates(job)
        self.add(_s(job.get("url")))
        self.add(_s(job.get("summary")))
        self.bullets(job.get("highlights"))

    def projects(self, projects: Any) -> None:
        if not _items(projects):
            return
        self.heading("Projects")
        for project in _items(projects):
            self.add(_join(_s(project.get("name")), _s(project.get("url")), sep=": "), bold=True)
            self.dates(project)
            self.add(_s(project.get("description")))
            self.bullets(project.get("highlights"))
            self.add(", ".join(_strings(project.get("keywords"))))

    def education(self, education: Any) -> None:
        if not _items(education):
            return
        self.heading("Education")
        for school in _items(education):
            degree = _join(_s(school.get("studyType")), _s(school.get("area")), sep=" ")
            self.add(_join(degree, _s(school.get("institution"))), bold=True)
            self.dates(school)
            self.add(_s(school.get("score")))
            self.bullets(school.get("courses"))

    def simple(self, data: dict[str, Any], key: str, title: str, fields: tuple[str, str],
               date_key: str) -> None:  # fmt: skip
        if not _items(data.get(key)):
            return
        self.heading(title)
        for item in _items(data.get(key)):
            date = _month(_s(item.get(date_key)))
            self.add(_join(*(_s(item.get(f)) for f in fields), date), list_item=True)
            self.add(_s(item.get("url")))
            self.add(_s(item.get("summary")))

    def keyed(self, data: dict[str, Any], key: str, title: str, name_key: str,
              detail_key: str) -> None:  # fmt: skip
        if not _items(data.get(key)):
            return
        self.heading(title)
        for item in _items(data.get(key)):
            detail = item.get(detail_key)
            details = ", ".join(_strings(detail)) if isinstance(detail, list) else _s(detail)
            self.add(_join(_s(item.get(name_key)), details, sep=": "))


def _month(iso: str) -> str:
    """ "2021-09-01" -> "2021-09": the schema's dates at the precision resumes show."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", iso)
    return f"{match[1]}-{match[2]}" if match else iso
