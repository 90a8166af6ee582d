"""`parse_resume(path)`: any resume file to a `ResumeDocument`.

The file is refused early when it cannot be a resume (empty, too large, an extension that
lies about the content, a format landml does not read). Otherwise a format reader
(pdf.py, docx.py, textformats.py) gives lines in reading order, and this module finds
what they say: sections under headings in many styles and a few languages, bullets
(glyphs, numbers, list paragraphs, with wrapped PDF lines joined back), dates and date
ranges, and contact links. Everything found points back to the line it came from.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from landml.errors import InvalidInput, LandmlError, NotFound
from landml.resume.document import (
    Bullet,
    ContactLink,
    DateSpan,
    Extraction,
    Line,
    LinkKind,
    ResumeDocument,
    Section,
    SectionKind,
)
from landml.resume.docx import read_docx
from landml.resume.errors import CorruptFile, EmptyFile, FileTooLarge, WrongFormat
from landml.resume.pdf import read_pdf
from landml.resume.textformats import (
    decode_text,
    read_json_resume,
    read_markdown,
    read_plain_text,
)

MAX_BYTES = 10 * 1024 * 1024
MAX_TEXT_BYTES = 1024 * 1024  # about 150 pages of plain text
SUPPORTED = "PDF, DOCX, Markdown (.md), plain text (.txt) and JSON Resume (.json)"
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".json": "json",
}
WHAT_IT_IS = {
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "xlsx": "an Excel workbook (.xlsx)",
    "pptx": "a PowerPoint presentation (.pptx)",
    "odt": "an OpenDocument text (.odt)",
    "zip": "a zip archive",
    "doc": "an old Word 97-2003 document (.doc)",
    "rtf": "a Rich Text Format document (.rtf)",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "html": "a web page (HTML)",
    "text": "a text file",
    "binary": "a binary file of unknown type",
}
SAVE_AS = {
    "doc": "Open it in Word or LibreOffice and save it as .docx, or export a PDF.",
    "rtf": "Open it in your editor and save it as .docx, or export a PDF.",
    "odt": "In LibreOffice use File > Save As > Word (.docx), or export a PDF.",
    "html": "Print the page to PDF from your browser, or save the resume as Markdown.",
    "png": "An image holds no text landml can read; export a text PDF from your editor.",
    "jpeg": "An image holds no text landml can read; export a text PDF from your editor.",
}


def parse_resume(path: Path | str) -> ResumeDocument:
    """Read a resume file (PDF, DOCX, Markdown, plain text, JSON Resume)."""
    path = Path(path)
    name = path.name
    data = _read_bytes(path)
    kind = sniff(data, path)
    declared = EXTENSIONS.get(path.suffix.lower())
    _refuse_mismatch(name, path.suffix.lower(), declared, kind)
    try:
        extraction = _extract(path, name, data, declared or kind)
        return build_document(name, extraction)
    except LandmlError:
        raise
    except Exception as exc:  # a file no reader foresaw must give a message, not a traceback
        raise CorruptFile(
            f"landml could not read {name}: {type(exc).__name__}: {exc}"[:300],
            hint="Export or save the resume again (PDF from your editor, or .docx) and "
            "check the new file; if it still fails, please report it with the file.",
        ) from exc


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise NotFound(f"No file at {path}.", hint="Check the path and the file name.")
    if not path.is_file():
        raise InvalidInput(f"{path} is a folder, not a file.", hint="Give the resume file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FileTooLarge(
            f"{path.name} is {size / 2**20:.1f} MB; landml reads resumes of up to "
            f"{MAX_BYTES // 2**20} MB.",
            hint="Large files are usually big images; export the resume again with "
            "compressed images, or without them.",
        )
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\f\v\0\xef\xbb\xbf"):
        raise EmptyFile(
            f"{path.name} is empty ({size} bytes, no text).",
            hint="Export or save the resume again and check the new file opens.",
        )
    return data


def sniff(data: bytes, path: Path | None = None) -> str:
    """What the bytes are, whatever the extension says."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path) if path is not None else "zip"
    signatures = {
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "doc",
        b"{\\rtf": "rtf",
        b"\x89PNG": "png",
        b"\xff\xd8\xff": "jpeg",
        b"GIF8": "gif",
    }
    for magic, kind in signatures.items():
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if re.match(rb"\s*(<!doctype html|<html)", head, re.IGNORECASE):
        return "html"
    if b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "ppt/presentation.xml" in names:
                return "pptx"
            if "mimetype" in names:
                with zf.open("mimetype") as fh:
                    if b"opendocument.text" in fh.read(100):
                        return "odt"
    except Exception:  # a damaged zip: the DOCX reader names the damage precisely
        pass
    return "docx" if path.suffix.lower() == ".docx" else "zip"


def _refuse_mismatch(name: str, suffix: str, declared: str | None, kind: str) -> None:
    if declared is None and suffix:
        raise WrongFormat(
            f"landml does not read {suffix} files: {name} is {WHAT_IT_IS[kind]}.",
            hint=SAVE_AS.get(kind, f"Give the resume as {SUPPORTED}."),
        )
    if declared is None:
        if kind in ("pdf", "docx", "text"):
            return  # no extension at all: the content decides
        raise WrongFormat(
            f"{name} is {WHAT_IT_IS[kind]}, which landml does not read.",
            hint=SAVE_AS.get(kind, f"Give the resume as {SUPPORTED}."),
        )
    expected = "text" if declared in ("markdown", "text", "json") else declared
    if kind != expected:
        right = {"pdf": ".pdf", "docx": ".docx"}.get(kind)
        fix = f"Rename it to {Path(name).stem}{right}." if right else SAVE_AS.get(kind, "")
        raise WrongFormat(
            f"Wrong extension: {name} is named {suffix} but it is {WHAT_IT_IS[kind]}.",
            hint=fix or f"Give the resume as {SUPPORTED}.",
        )


def _extract(path: Path, name: str, data: bytes, kind: str) -> Extraction:
    if kind == "pdf":
        return read_pdf(path, name)
    if kind == "docx":
        return read_docx(path, name)
    if len(data) > MAX_TEXT_BYTES:
        raise FileTooLarge(
            f"{name} holds {len(data) / 2**20:.1f} MB of text, the length of a book; landml "
            f"reads text resumes of up to {MAX_TEXT_BYTES // 2**20} MB.",
            hint="Check that this is the resume and not an export of something larger.",
        )
    text = decode_text(data, name)
    if kind == "json" or (kind == "text" and not path.suffix and text.lstrip().startswith("{")):
        return read_json_resume(text, name)
    return read_markdown(text) if kind == "markdown" else read_plain_text(text)


def build_document(name: str, extraction: Extraction) -> ResumeDocument:
    """Sections, bullets, dates and contact links found in an extraction's lines."""
    lines = [
        line.model_copy(update={"index": i, "text": clean_text(line.text)})
        for i, line in enumerate(extraction.lines)
    ]
    lines = [line for line in lines if line.text]
    lines = [line.model_copy(update={"index": i}) for i, line in enumerate(lines)]
    sections = find_sections(lines)
    kinds = {i: s.kind for s in sections for i in s.lines}
    notes = list(extraction.notes)
    blind = [p.number for p in extraction.layout if not p.has_text_layer and p.number]
    if blind:
        many = len(blind) > 1
        notes.append(
            f"Page{'s' if many else ''} {', '.join(map(str, blind))} had no text layer (an "
            f"image or shapes); {'their' if many else 'its'} content was not read."
        )
    return ResumeDocument(
        name=name,
        format=extraction.format,
        parser=extraction.parser,
        pages=extraction.pages,
        pages_basis=extraction.pages_basis,
        pages_note=extraction.pages_note,
        layout=extraction.layout,
        lines=lines,
        sections=sections,
        bullets=find_bullets(lines, kinds),
        dates=find_dates(lines),
        contacts=find_contacts(lines, extraction.link_targets),
        text="\n".join(line.text for line in lines),
        notes=notes,
    )


LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": ""})


def clean_text(text: str) -> str:
    """One line's text: NFC, ligatures spelled out, all spaces single ASCII spaces."""
    text = unicodedata.normalize("NFC", text).translate(LIGATURES)
    return " ".join(text.split())


# --- sections -------------------------------------------------------------------------------

# Headings as people write them, in English and a few other languages; matched after
# lower-casing, removing accents and punctuation ("EXPÉRIENCE PROFESSIONNELLE:" ->
# "experience professionnelle"). A heading must be the whole line.
HEADINGS: dict[SectionKind, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "personal profile", "about", "about me", "objective",
        "career objective", "overview", "introduction", "personal statement",
        "summary of qualifications", "profil", "profil professionnel", "a propos",
        "a propos de moi", "objectif", "kurzprofil", "zusammenfassung", "uber mich",
        "perfil", "perfil profesional", "resumen", "resumen profesional", "sobre mi",
        "objetivo", "profilo", "sommario",
    ),
    "experience": (
        "experience", "experiences", "work experience", "professional experience",
        "employment", "employment history", "work history", "career history",
        "relevant experience", "industry experience", "research experience",
        "professional background", "positions", "positions held", "internships",
        "internship experience", "technical experience", "ml experience",
        "machine learning experience", "work", "selected experience",
        "relevant work experience", "academic experience", "research and work experience",
        "experience professionnelle", "experiences professionnelles",
        "parcours professionnel", "stages", "berufserfahrung", "erfahrung",
        "berufliche erfahrung", "beruflicher werdegang", "werdegang", "praxiserfahrung",
        "berufspraxis", "praktika", "experiencia", "experiencia laboral",
        "experiencia profesional", "trayectoria profesional", "esperienza",
        "esperienze lavorative", "esperienza professionale", "experiencia profissional",
    ),
    "education": (
        "education", "academic background", "education and training",
        "educational background", "academic history", "academics", "qualifications",
        "academic qualifications", "degrees", "education and certifications", "formation",
        "formations", "etudes", "parcours academique", "diplomes", "formation academique",
        "ausbildung", "bildung", "studium", "akademischer werdegang", "bildungsweg",
        "schulbildung", "akademische ausbildung", "educacion", "formacion",
        "formacion academica", "estudios", "istruzione", "formazione", "educacao",
        "formacao academica",
    ),
    "projects": (
        "projects", "personal projects", "selected projects", "side projects",
        "research projects", "ml projects", "machine learning projects", "academic projects",
        "technical projects", "key projects", "open source", "open source contributions",
        "open source projects", "portfolio", "projets", "projets personnels", "realisations",
        "projekte", "ausgewahlte projekte", "projekterfahrung", "proyectos",
        "proyectos personales", "progetti",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "technologies", "tools",
        "tech stack", "technical stack", "competencies", "core competencies",
        "skills and tools", "tools and technologies", "skills and technologies",
        "technical proficiencies", "expertise", "areas of expertise", "skills summary",
        "programming languages", "computer skills", "it skills", "skill set", "skillset",
        "skills and interests", "competences", "competences techniques", "outils",
        "kenntnisse", "fahigkeiten", "fachkenntnisse", "kompetenzen", "it kenntnisse",
        "technische fahigkeiten", "edv kenntnisse", "habilidades", "competencias",
        "conocimientos", "aptitudes", "habilidades tecnicas", "conocimientos tecnicos",
        "competenze",
    ),
    "publications": (
        "publications", "selected publications", "papers", "peer reviewed publications",
        "conference papers", "preprints", "publications and preprints", "research papers",
        "patents", "publications and patents", "publikationen", "veroffentlichungen",
        "publicaciones", "pubblicazioni",
    ),
    "awards": (
        "awards", "honors", "honours", "awards and honors", "honors and awards",
        "awards and achievements", "achievements", "accomplishments", "scholarships",
        "fellowships", "grants", "distinctions", "prix", "prix et distinctions",
        "auszeichnungen", "preise", "premios", "reconocimientos", "logros",
    ),
    "certifications": (
        "certifications", "certificates", "licenses and certifications",
        "licences and certifications", "certifications and training", "zertifikate",
        "zertifizierungen", "weiterbildung", "fortbildungen", "certificaciones",
        "certificados",
    ),
    "courses": (
        "relevant coursework", "coursework", "courses", "relevant courses", "training",
        "online courses", "cours", "kurse", "cursos",
    ),
    "languages": (
        "languages", "language skills", "spoken languages", "langues", "sprachen",
        "sprachkenntnisse", "idiomas", "lenguas", "lingue",
    ),
    "interests": (
        "interests", "hobbies", "hobbies and interests", "interests and hobbies",
        "personal interests", "fun facts", "fun fact", "outside work", "outside of work",
        "beyond work", "passions", "centres d interet", "centres d interets", "loisirs",
        "interets", "hobbys", "interessen", "freizeit", "freizeitaktivitaten",
        "personliche interessen", "intereses", "aficiones", "pasatiempos", "interessi",
    ),
    "volunteering": (
        "volunteering", "volunteer experience", "volunteer work", "community service",
        "community involvement", "volunteer", "benevolat", "engagement associatif",
        "ehrenamt", "ehrenamtliches engagement", "engagement", "voluntariado",
    ),
    "leadership": (
        "leadership", "leadership experience", "activities", "extracurricular activities",
        "extracurriculars", "leadership and activities", "activities and leadership",
        "campus involvement",
    ),
    "teaching": ("teaching", "teaching experience", "mentoring", "enseignement", "lehre"),
    "talks": ("talks", "invited talks", "presentations", "conference talks", "speaking"),
    "references": ("references", "referees", "referenzen", "referencias"),
    "contact": (
        "contact", "contact information", "contact details", "contact info", "coordonnees",
        "kontakt", "kontaktdaten", "contacto", "datos de contacto", "links", "online",
        "online presence", "profiles", "find me online",
    ),
    "personal": (
        "personal information", "personal details", "personal data",
        "informations personnelles", "etat civil", "personliche daten",
        "personliche angaben", "personliches", "datos personales", "informacion personal",
    ),
}  # fmt: skip
HEADING_INDEX: dict[str, SectionKind] = {
    phrase: kind for kind, phrases in HEADINGS.items() for phrase in phrases
}


def heading_key(text: str) -> str:
    """A line reduced for heading lookup: no accents, case, punctuation or letter spacing."""
    text = re.sub(r"\(cid:\d+\)", " ", text)
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()
    text = text.replace("&", " and ").replace("ß", "ss")
    words = re.sub(r"[^a-z]+", " ", text).split()
    if len(words) >= 4 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # "E X P E R I E N C E"
    return " ".join(words)


def heading_kind(line: Line) -> SectionKind | None:
    """The section a line opens, when the whole line is a known heading.

    Inside a table only a bold or heading-styled cell counts: a skills table's "Languages"
    cell labels a row, it does not open a section.
    """
    if len(line.text) > 60 or BULLET.match(line.text) or line.list_item:
        return None
    if line.origin == "table" and not (line.bold or line.heading_hint):
        return None
    return HEADING_INDEX.get(heading_key(line.text))


def _is_caps_heading(line: Line, body_size: float | None) -> bool:
    """A short all-capitals line set apart as a heading (bold or larger, when fonts are known);
    acronyms in a list ("SQL", "AWS") are neither."""
    letters = [c for c in line.text if c.isalpha()]
    words = line.text.split()
    if not (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and 1 <= len(words) <= 4
        and not re.search(r"[\d@/,]", line.text)
        and not BULLET.match(line.text)
    ):
        return False
    if line.size is not None and body_size is not None:
        return line.bold or line.size >= 1.1 * body_size
    return line.bold or line.heading_hint or len(letters) >= 5


def _body_size(lines: list[Line]) -> float | None:
    sizes = Counter[float]()
    for line in lines:
        if line.size is not None:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def find_sections(lines: list[Line]) -> list[Section]:
    """Sections in reading order; lines before the first heading form the "top" section.

    An unknown heading is recognised only when the resume writes its known headings in
    capitals and the line is a short all-capitals line set apart the same way; it opens
    an "other" section so that its lines are not counted in the section before it.
    """
    body = _body_size(lines)
    known = [(line, kind) for line in lines if (kind := heading_kind(line)) is not None]
    caps_style = sum(_is_caps_heading(line, body) for line, _ in known) >= 2
    top: list[int] = []
    opened: list[tuple[SectionKind, Line, list[int]]] = []
    for line in lines:
        kind = heading_kind(line)
        if kind is None and caps_style and opened and _is_caps_heading(line, body):
            kind = "other"
        if kind is not None:
            opened.append((kind, line, []))
        elif line.origin == "footer" or not opened:
            top.append(line.index)
        else:
            opened[-1][2].append(line.index)
    sections = [Section(kind="top", heading=None, heading_line=None, lines=top)] if top else []
    return sections + [
        Section(kind=kind, heading=line.text, heading_line=line.index, lines=members)
        for kind, line, members in opened
    ]


# --- bullets --------------------------------------------------------------------------------

BULLET = re.compile(
    r"^\s*(?:"
    r"[•●○◦▪▫■□‣⁃∙·►▶▸➢➤✓✔❖◆◇♦\uf000-\uf0ff]\s*"  # glyphs; Symbol-font bullets in U+F0xx
    r"|\(cid:\d+\)\s*"  # a glyph pdfminer could not map
    r"|[-–—*+>]\s+"
    r"|\d{1,2}[.)]\s+"
    r")"
)
# A figure that is not a year: 30%, 2x, $1.2M, 40k, 12 models. Digits glued to a letter
# or to a name's hyphen ("S3", "GPT-4", "ResNet-50") name a thing rather than count one.
NUMBER = re.compile(r"(?<![\w.])(?<![A-Za-z]-)[$€£¥~≈+<>]?\d[\d,.]*")
NUMBER_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|"
    r"hundreds?|thousands?|millions?|billions?|doubled|tripled|quadrupled|halved)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(19[5-9]\d|20[0-3]\d)$")


def has_number(text: str) -> bool:
    """Whether a bullet states a figure: digits other than years and dates, or a number word."""
    text = DATE_ANY.sub(" ", text)
    for match in NUMBER.finditer(text):
        digits = match.group().strip("$€£¥~≈+<>.,")
        after = text[match.end() : match.end() + 1]
        if YEAR.match(digits) and after not in ("%", "x", "+"):
            continue
        return True
    return bool(NUMBER_WORDS.search(text))


def find_bullets(lines: list[Line], kinds: dict[int, SectionKind]) -> list[Bullet]:
    """Bullet points with their wrapped lines joined back (PDF lines carry positions)."""
    bullets: list[Bullet] = []
    current: list[Line] = []
    for line in lines:
        starts = bool(BULLET.match(line.text)) or line.list_item
        if current and not starts and _continues(current, line, kinds):
            current.append(line)
            continue
        if current:
            bullets.append(_bullet(current, kinds))
        current = [line] if starts and heading_kind(line) is None else []
    if current:
        bullets.append(_bullet(current, kinds))
    return [b for b in bullets if b.text]


def _continues(bullet: list[Line], line: Line, kinds: dict[int, SectionKind]) -> bool:
    first, last = bullet[0], bullet[-1]
    if first.x0 is None or line.x0 is None or last.top is None or line.top is None:
        return False
    if (line.page, line.column) != (last.page, last.column) or heading_kind(line):
        return False
    if kinds.get(line.index) != kinds.get(first.index):
        return False
    gap = line.top - last.top
    if not 0 < gap < 2.2 * (last.size or 10):
        return False
    hanging = first.x0 + 1.5 < line.x0 <= first.x0 + 30
    # Flush with the bullet's first line: certain when the bullet is a drawn mark (each
    # item has its own mark), likely when the line does not start like a new sentence.
    flush = abs(line.x0 - first.x0) <= 1.5 and (
        (first.list_item and not BULLET.match(first.text)) or not line.text[:1].isupper()
    )
    return hanging or flush


def _bullet(lines: list[Line], kinds: dict[int, SectionKind]) -> Bullet:
    text = BULLET.sub("", lines[0].text, count=1)
    for line in lines[1:]:
        text = text + line.text if text.endswith("-") else f"{text} {line.text}"
    text = " ".join(text.split())
    return Bullet(
        text=text,
        lines=[line.index for line in lines],
        page=lines[0].page,
        section=kinds.get(lines[0].index, "other"),
        has_number=has_number(text),
    )


# --- dates ----------------------------------------------------------------------------------

# Month names and abbreviations in English, French, German, Spanish and Italian.
MONTH_NAMES = [
    "jan january janv janvier januar jänner enero ene gennaio",
    "feb february fev fevr fevrier févr février februar febrero febbraio",
    "mar march mars märz maerz mär marzo",
    "apr april avr avril abr abril aprile",
    "may mai mayo maggio",
    "jun june juin juni junio giugno",
    "jul july juil juillet juli julio luglio",
    "aug august aout août ago agosto",
    "sep sept september septembre septiembre setiembre settembre",
    "oct october octobre okt oktober octubre ottobre",
    "nov november novembre noviembre",
    "dec december déc décembre dez dezember dic diciembre dicembre",
]
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names.split()
}

_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-3]\d)"
_MONTH_YEAR = rf"(?:{_MONTH})\.?,?\s*(?:de\s+)?(?:{_YEAR}|['’]\d\d)"
_NUMERIC = rf"(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
_ISO = rf"{_YEAR}[-/.](?:0[1-9]|1[0-2])(?![\d])"
_DATE = rf"(?:{_MONTH_YEAR}|{_NUMERIC}|{_ISO}|{_YEAR})"
_PRESENT = (
    r"(?:present|current|now|today|ongoing|to date|aujourd['’]hui|présent|present|actuel|"
    r"en cours|heute|jetzt|dato|laufend|actualidad|presente|actual|hoy|oggi)"
)
_SEP = r"\s*(?:[-–—−~]+|\s(?:to|until|till|through|thru|à|au|bis|hasta|a|al)\s)\s*"
_SINCE = r"(?:since|seit|depuis|desde|dal)\s+"
_BEFORE = r"(?<![\w/.\-])"
_AFTER = r"(?![\w/%])"
DATE_RANGE = re.compile(
    rf"{_BEFORE}(?P<start>{_DATE}){_SEP}(?P<end>{_DATE}|{_PRESENT}){_AFTER}", re.IGNORECASE
)
DATE_SINCE = re.compile(rf"{_BEFORE}{_SINCE}(?P<start>{_DATE}){_AFTER}", re.IGNORECASE)
DATE_SINGLE = re.compile(rf"{_BEFORE}(?P<start>{_DATE}){_AFTER}", re.IGNORECASE)
DATE_ANY = re.compile(
    rf"{DATE_RANGE.pattern}|{_BEFORE}{_SINCE}{_DATE}{_AFTER}|{_BEFORE}{_DATE}{_AFTER}",
    re.IGNORECASE,
)
_ONLY_YEAR = re.compile(rf"{_YEAR}")


def read_date(text: str) -> str | None:
    """ "Jan 2022", "05/2020", "2020-05", "2019", "mars '21" as "YYYY-MM" or "YYYY"."""
    text = text.strip().lower()
    if m := re.fullmatch(rf"({_MONTH})\.?,?\s*(?:de\s+)?({_YEAR}|['’]\d\d)", text):
        year = m[2] if m[2][0].isdigit() else _two_digit_year(m[2][1:])
        return f"{year}-{MONTHS[m[1]]:02d}"
    if m := re.fullmatch(rf"(0?[1-9]|1[0-2])\s*[/.]\s*({_YEAR})", text):
        return f"{m[2]}-{int(m[1]):02d}"
    if m := re.fullmatch(rf"({_YEAR})[-/.](0[1-9]|1[0-2])", text):
        return f"{m[1]}-{m[2]}"
    if re.fullmatch(_YEAR, text):
        return text
    return None


def _two_digit_year(digits: str) -> str:
    # '95 is 1995, '21 is 2021: resumes hold no dates from the 1930s.
    return f"{'19' if int(digits) > 40 else '20'}{digits}"


def find_dates(lines: list[Line]) -> list[DateSpan]:
    """Date ranges, "since" dates and single dates, in reading order.

    A bare year counts as a date only outside bullets, where a four-digit number is more
    often a count ("indexed 2000 documents") than a year.
    """
    found: list[DateSpan] = []
    for line in lines:
        taken: list[tuple[int, int]] = []
        bullet = bool(BULLET.match(line.text)) or line.list_item
        for pattern in (DATE_RANGE, DATE_SINCE, DATE_SINGLE):
            for m in pattern.finditer(line.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                span = _date_span(m, pattern, line, bullet)
                if span is not None:
                    found.append(span)
                    taken.append((m.start(), m.end()))
    return found


def _date_span(
    m: re.Match[str], pattern: re.Pattern[str], line: Line, bullet: bool
) -> DateSpan | None:
    start = read_date(m["start"])
    if start is None:
        return None
    if pattern is DATE_SINGLE and bullet and _ONLY_YEAR.fullmatch(m["start"].strip()):
        return None
    end: str | None = None
    ongoing = pattern is DATE_SINCE
    if pattern is DATE_RANGE:
        end = read_date(m["end"])
        ongoing = end is None
        if end is not None and end < start:
            return None  # "2021-2019" is no range; more likely two numbers
    return DateSpan(
        text=m.group().strip(), start=start, end=end, ongoing=ongoing, line=line.index,
        page=line.page,
    )  # fmt: skip


# --- contact links --------------------------------------------------------------------------

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()|,;\"'\]]+", re.IGNORECASE)
TLDS = (
    "com|org|net|io|dev|ai|me|co|app|page|blog|site|xyz|tech|info|de|fr|es|uk|ca|eu|ch|nl|se|"
    "it|pl|in|us"
)
BARE_DOMAIN = re.compile(
    rf"(?<![@\w./-])(?:[a-z0-9][a-z0-9-]*\.)+(?:{TLDS})(?:/[^\s<>()|,;\"']*)?(?![\w@])"
)
SOCIAL = ("twitter.com", "x.com", "instagram.com", "facebook.com", "tiktok.com", "youtube.com")
BLOG_HOSTS = ("medium.com", "substack.com", "dev.to", "hashnode", "wordpress.com", "blogspot.",
              "ghost.io", "quarto.pub")  # fmt: skip


def find_contacts(
    lines: list[Line], targets: Iterable[tuple[str, int | None]]
) -> list[ContactLink]:
    """Emails and links in the text, then link targets the text does not show."""
    found: dict[str, ContactLink] = {}
    for line in lines:
        text = line.text
        for m in EMAIL.finditer(text):
            _add(found, "email", m.group(), f"mailto:{m.group()}", line.index, line.page)
        for value in _links_in(EMAIL.sub(" ", text)):
            kind = link_kind(value)
            if kind is not None:
                _add(found, kind, value, absolute_url(value), line.index, line.page)
    for url, page in targets:
        value = url.strip()
        if value.lower().startswith("mailto:"):
            address = value[7:].split("?")[0]
            if EMAIL.fullmatch(address):
                _add(found, "email", address, f"mailto:{address}", None, page)
            continue
        kind = link_kind(value) if value.lower().startswith(("http://", "https://")) else None
        if kind is not None:
            _add(found, kind, value, absolute_url(value), None, page)
    return list(found.values())


def _links_in(text: str) -> list[str]:
    """URLs with a scheme or www., then bare domains elsewhere, in the order written."""
    spans = [(m.start(), m.group()) for m in URL.finditer(text)]
    blanked = URL.sub(lambda m: " " * len(m.group()), text)
    spans += [(m.start(), m.group()) for m in BARE_DOMAIN.finditer(blanked)]
    return [value.rstrip(".:!?") for _, value in sorted(spans)]


def _add(found: dict[str, ContactLink], kind: LinkKind, value: str, url: str,
         line: int | None, page: int | None) -> None:  # fmt: skip
    key = url.lower().rstrip("/").replace("://www.", "://").replace("http://", "https://")
    if key not in found:
        found[key] = ContactLink(kind=kind, value=value, url=url, line=line, page=page)


def absolute_url(value: str) -> str:
    return value if re.match(r"https?://", value, re.IGNORECASE) else f"https://{value}"


def link_kind(value: str) -> LinkKind | None:
    """What a link points to; None for social media, which is not a contact or portfolio."""
    url = absolute_url(value).lower()
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    rules: list[tuple[tuple[str, ...], LinkKind]] = [
        (("github.io",), "website"),
        (("github.com",), "github"),
        (("gitlab.com", "codeberg.org", "bitbucket.org"), "gitlab"),
        (("linkedin.com",), "linkedin"),
        (("scholar.google.", "semanticscholar.org", "orcid.org"), "scholar"),
        (("kaggle.com",), "kaggle"),
        (("huggingface.co", "hf.co"), "huggingface"),
        (BLOG_HOSTS, "blog"),
    ]
    if host.endswith(SOCIAL) or not host:
        return None
    for hosts, kind in rules:
        if any(h in host for h in hosts):
            return kind
    return "blog" if "blog" in url else "website"
