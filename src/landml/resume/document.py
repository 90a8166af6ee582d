"""A parsed resume: what the file says, where it says it, and how it is laid out.

Every reader (PDF, DOCX, Markdown, plain text, JSON Resume) produces the same model, so
the checker and the matcher never care which format a person used. Nothing in it is
guessed to fill a gap: a fact the format does not carry (page positions in a Markdown
file, fonts in a DOCX) is `None` or an empty list, and the one estimate the model holds,
a page count for formats without fixed pages, says that it is one (`pages_basis`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SourceFormat = Literal["pdf", "docx", "markdown", "text", "json_resume"]
# document: the file's own page tree (PDF); editor: the count the word processor saved
# with the file (DOCX docProps/app.xml); estimate: landml's estimate from the text length.
PagesBasis = Literal["document", "editor", "estimate"]
LineOrigin = Literal["body", "header", "footer", "table", "text_box"]
SectionKind = Literal[
    "top",  # the block before the first heading: name, headline, contact
    "summary",
    "experience",
    "education",
    "projects",
    "skills",
    "publications",
    "awards",
    "certifications",
    "courses",
    "languages",
    "interests",
    "volunteering",
    "leadership",
    "teaching",
    "talks",
    "references",
    "contact",
    "personal",
    "other",
]
LinkKind = Literal[
    "email", "github", "gitlab", "linkedin", "scholar", "kaggle", "huggingface", "blog", "website"
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Line(_Model):
    """One line of text in reading order (a PDF text line, a DOCX paragraph, a text line)."""

    index: int = 0
    text: str
    page: int | None = None  # 1-based; None when the format has no fixed pages
    column: int | None = None  # 0 = left, 1 = right on a multi-column page; None otherwise
    origin: LineOrigin = "body"
    x0: float | None = None  # left edge in points from the page's left side
    top: float | None = None  # top edge in points from the page's top
    size: float | None = None  # font size (points) of most of the line's characters
    bold: bool = False
    heading_hint: bool = False  # the source marks it a heading (Markdown #, Word Heading style)
    list_item: bool = False  # the source marks it a list item with no glyph in the text


class Columns(_Model):
    """How many text columns a page has, and what showed it."""

    count: int
    gutter: tuple[float, float] | None = None  # x range (points) of the empty band
    evidence: str


class ImageBox(_Model):
    """An image drawn on a page (PDF) or placed in the document (DOCX)."""

    page: int | None
    x0: float | None = None
    top: float | None = None
    width: float | None = None  # points
    height: float | None = None
    pixels: tuple[int, int] | None = None  # the image's own width and height in pixels
    likely_photo: bool = False
    note: str = ""  # why it reads as a photo, or where it sits


class TableBox(_Model):
    """A table: ruled cells in a PDF, a w:tbl in a DOCX, a pipe table in Markdown."""

    page: int | None
    rows: int
    cols: int
    bbox: tuple[float, float, float, float] | None = None
    preview: str = ""  # the first cells' text, to show which table a finding means


class TextBox(_Model):
    """A floating text box (DOCX w:txbxContent), with its text."""

    page: int | None
    text: str


class FontUse(_Model):
    """A font (name without the subset prefix) and size, with how many characters use it."""

    name: str
    size: float | None  # None when the file leaves the size to a style (DOCX)
    chars: int


class PageLayout(_Model):
    """Layout facts of one page; `number` is None for formats without fixed pages."""

    number: int | None
    width: float | None = None
    height: float | None = None
    chars: int = 0
    has_text_layer: bool = True
    columns: Columns | None = None  # None when the layout could not be read or does not apply
    images: list[ImageBox] = Field(default_factory=list)
    tables: list[TableBox] = Field(default_factory=list)
    text_boxes: list[TextBox] = Field(default_factory=list)
    fonts: list[FontUse] = Field(default_factory=list)


class Section(_Model):
    """A titled part of the resume and the lines under its heading."""

    kind: SectionKind
    heading: str | None  # the heading as written; None for the top block
    heading_line: int | None
    lines: list[int]  # indices into `ResumeDocument.lines`, heading excluded


class Bullet(_Model):
    """A bullet point, with its wrapped continuation lines joined."""

    text: str  # without the bullet glyph
    lines: list[int]
    page: int | None
    section: SectionKind
    has_number: bool  # a figure other than a year: "30%", "2x", "$1.2M", "12 models"


class DateSpan(_Model):
    """A date or a date range as written, with its start and end read as YYYY or YYYY-MM."""

    text: str
    start: str
    end: str | None  # None for a single date or an ongoing range
    ongoing: bool  # "– Present", "– heute", "– actualidad"
    line: int
    page: int | None


class ContactLink(_Model):
    """An email address or a link found in the text or in the file's link targets."""

    kind: LinkKind
    value: str  # as written
    url: str  # absolute URL (https://... or mailto:...)
    line: int | None  # None when the link exists only as a target behind other text
    page: int | None


class ResumeDocument(_Model):
    """A resume read from one file."""

    name: str  # the file name
    format: SourceFormat
    parser: str  # which library read it: "pdfplumber", "pypdf", "python-docx", "landml"
    pages: int
    pages_basis: PagesBasis
    pages_note: str
    layout: list[PageLayout]
    lines: list[Line]
    sections: list[Section]
    bullets: list[Bullet]
    dates: list[DateSpan]
    contacts: list[ContactLink]
    text: str  # every line in reading order, one per line
    notes: list[str] = Field(default_factory=list)  # what the reader could not do

    def sections_of(self, kind: SectionKind) -> list[Section]:
        """Every section of this kind (a resume may have two "Experience" blocks)."""
        return [s for s in self.sections if s.kind == kind]

    def section_text(self, kind: SectionKind) -> str:
        """The text under every heading of this kind, one line per line."""
        return "\n".join(self.lines[i].text for s in self.sections_of(kind) for i in s.lines)

    def section_kind_of(self, line: int) -> SectionKind:
        """The kind of section a line belongs to."""
        for section in self.sections:
            if line == section.heading_line or line in section.lines:
                return section.kind
        return "other"


class Extraction(_Model):
    """What a format reader hands to the parser: lines and layout, before any analysis."""

    format: SourceFormat
    parser: str
    pages: int
    pages_basis: PagesBasis
    pages_note: str
    layout: list[PageLayout]
    lines: list[Line]
    link_targets: list[tuple[str, int | None]] = Field(default_factory=list)  # (url, page)
    notes: list[str] = Field(default_factory=list)
