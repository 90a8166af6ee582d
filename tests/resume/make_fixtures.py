"""Build the resume files the tests read, into tests/resume/files/ (or a given folder).

    .venv/bin/python -m tests.resume.make_fixtures [DEST]

Every person, employer and sentence here is invented for landml's tests. The output is
deterministic (reportlab's invariant mode, fixed zip timestamps, drawn images), so running
the script again gives byte-identical files. Files that cannot be made deterministically
(an encrypted PDF gets a random salt) or that must not sit in the repository (a zip bomb)
are built by the tests into a temporary folder with the functions below.

Needs reportlab (BSD) and Pillow; both are test-only dependencies.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

FILES = Path(__file__).resolve().parent / "files"

# --- PDF writing ------------------------------------------------------------------------


@dataclass
class Column:
    """A text column on a reportlab canvas that wraps lines and breaks pages."""

    canvas: Canvas
    x: float
    width: float
    top: float
    bottom: float = 50.0
    y: float = field(init=False)
    on_new_page: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self.y = self.top

    def _room(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.canvas.showPage()
            self.y = self.top
            if self.on_new_page:
                self.on_new_page()

    def text(self, text: str, *, size: float = 10, bold: bool = False, right: str = "") -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        self._room(size * 1.4)
        self.y -= size * 1.4
        self.canvas.setFont(font, size)
        self.canvas.drawString(self.x, self.y, text)
        if right:
            self.canvas.setFont("Helvetica", size)
            self.canvas.drawRightString(self.x + self.width, self.y, right)

    def heading(self, text: str) -> None:
        self.gap(6)
        self.text(text, size=11.5, bold=True)
        self.gap(2)

    def wrapped(self, text: str, *, size: float = 10, indent: float = 0, glyph: str = "") -> None:
        lines = wrap(text, self.width - indent - (10 if glyph else 0), size)
        for i, line in enumerate(lines):
            self._room(size * 1.3)
            self.y -= size * 1.3
            self.canvas.setFont("Helvetica", size)
            if glyph and i == 0:
                self.canvas.drawString(self.x + indent, self.y, glyph)
            self.canvas.drawString(self.x + indent + (10 if glyph else 0), self.y, line)

    def bullet(self, text: str, *, size: float = 10) -> None:
        self.wrapped(text, size=size, indent=4, glyph="•")

    def gap(self, points: float) -> None:
        self.y -= points


def wrap(text: str, width: float, size: float) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, "Helvetica", size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def new_canvas(path: Path, pagesize: tuple[float, float] = LETTER) -> Canvas:
    canvas = Canvas(str(path), pagesize=pagesize, invariant=1)
    canvas.setTitle("Resume")
    canvas.setAuthor("landml test fixture")
    return canvas


# --- the resumes' content -----------------------------------------------------------------

MIRA_CONTACT = (
    "mira.castellanos@example.com | github.com/mcastellanos-ml | "
    "linkedin.com/in/mira-castellanos | miracastellanos.dev"
)
MIRA_SUMMARY = (
    "Machine learning engineer with four years of experience shipping forecasting and "
    "ranking models to production, now looking for an ML engineering role on a team "
    "that owns its models end to end."
)
MIRA_JOBS = [
    (
        "Senior ML Engineer, Tidewell Logistics",
        "Jan 2022 – Present",
        [
            "Cut delivery-time forecast error by 18% by replacing a gradient-boosting baseline "
            "with a temporal convolution model in PyTorch, served to 40 warehouses.",
            "Built the feature pipeline on Spark, bringing nightly training from 6 hours "
            "down to 50 minutes.",
            "Worked on the monitoring dashboard.",
        ],
    ),
    (
        "Data Analyst, Corvid Insurance",
        "05/2019 - 12/2021",
        [
            "Responsible for weekly claims reports.",
            "Automated the fraud triage score with scikit-learn, flagging 2,300 suspicious "
            "claims a year for review.",
        ],
    ),
]
MIRA_PROJECT = (
    "Seabird call classifier (github.com/mcastellanos-ml/seabirds)",
    [
        "Fine-tuned an audio transformer on 9,000 labelled clips; 0.91 macro-F1 on colonies "
        "held out from training."
    ],
)
MIRA_EDUCATION = ("MSc Computer Science, University of Porto", "2017-2019")
MIRA_SKILLS = "Python, SQL, PyTorch, scikit-learn, Spark, Docker, AWS SageMaker"


def write_mira(col: Column, *, extra_jobs: int = 0) -> None:
    col.text("Mira Castellanos", size=18, bold=True)
    col.text(MIRA_CONTACT, size=9)
    col.heading("SUMMARY")
    col.wrapped(MIRA_SUMMARY)
    col.heading("EXPERIENCE")
    jobs = MIRA_JOBS + [extra_job(i) for i in range(extra_jobs)]
    for title, dates, bullets in jobs:
        col.gap(3)
        col.text(title, bold=True, right=dates)
        for b in bullets:
            col.bullet(b)
    col.heading("PROJECTS")
    col.text(MIRA_PROJECT[0], bold=True)
    for b in MIRA_PROJECT[1]:
        col.bullet(b)
    col.heading("EDUCATION")
    col.text(MIRA_EDUCATION[0], right=MIRA_EDUCATION[1])
    col.heading("SKILLS")
    col.wrapped(MIRA_SKILLS)


def extra_job(i: int) -> tuple[str, str, list[str]]:
    year = 2018 - 2 * i
    return (
        f"Research Assistant {i + 1}, Harbour Institute",
        f"{year - 2}-{year}",
        [
            f"Labelled and cleaned {1200 + 100 * i} sonar recordings for a detection study, "
            "and wrote the evaluation scripts the group still uses.",
            "Presented monthly results to the lab and rewrote the data loader so that "
            f"experiments ran {2 + i} times faster on the shared GPU.",
            "Kept the cluster documentation current for new students.",
        ],
    )


def one_column_pdf(path: Path) -> None:
    canvas = new_canvas(path)
    write_mira(Column(canvas, x=54, width=504, top=750))
    canvas.showPage()
    canvas.save()


def two_page_pdf(path: Path) -> None:
    canvas = new_canvas(path)
    write_mira(Column(canvas, x=54, width=504, top=750), extra_jobs=5)
    canvas.showPage()
    canvas.save()


TOMASZ_LEFT: list[tuple[str, list[str]]] = [
    ("CONTACT", ["tomasz.wren@example.org", "github.com/twren", "Gdansk, Poland"]),
    ("SKILLS", ["Python", "PyTorch", "TensorFlow", "pandas", "SQL", "Airflow", "Kubernetes"]),
    ("EDUCATION", ["MSc Applied Mathematics", "Gdansk University of", "Technology", "2014-2016"]),
    ("LANGUAGES", ["Polish (native)", "English (C1)", "German (B1)"]),
]
TOMASZ_RIGHT: list[tuple[str, list[tuple[str, str, list[str]]]]] = [
    (
        "PROFILE",
        [("", "", ["Data scientist who turns messy retail data into pricing models."])],
    ),
    (
        "EXPERIENCE",
        [
            (
                "Lead Data Scientist, Northgate Retail",
                "2020 – Present",
                [
                    "Raised promotion ROI 11% with an uplift model that picks which "
                    "customers receive each coupon.",
                    "Moved 14 batch models from cron jobs to Airflow with data checks.",
                    "Mentored four analysts through their first production models.",
                ],
            ),
            (
                "Data Scientist, Baltic Freight",
                "2016 – 2020",
                [
                    "Forecast container demand per port with gradient boosting; planners "
                    "now book 9% fewer empty trips.",
                    "Helped with various reporting tasks.",
                ],
            ),
        ],
    ),
    (
        "PROJECTS",
        [
            (
                "Shelf image counter",
                "2023",
                [
                    "Trained a YOLO detector on 3,000 shelf photos to count facings, "
                    "0.87 mAP on a held-out store.",
                ],
            )
        ],
    ),
]


def two_column_pdf(path: Path) -> None:
    canvas = new_canvas(path, A4)
    width, height = A4
    header = Column(canvas, x=40, width=width - 80, top=height - 40)
    header.text("Tomasz Wren", size=20, bold=True)
    header.text("Senior data scientist, pricing and forecasting", size=11)
    left = Column(canvas, x=40, width=140, top=header.y - 16)
    for title, items in TOMASZ_LEFT:
        left.heading(title)
        for item in items:
            left.text(item, size=9.5)
        left.gap(8)
    right = Column(canvas, x=215, width=width - 215 - 40, top=header.y - 16)
    for title, entries in TOMASZ_RIGHT:
        right.heading(title)
        for name, dates, bullets in entries:
            if name:
                right.gap(3)
                right.text(name, bold=True, right=dates)
            for b in bullets:
                right.bullet(b, size=9.5)
        right.gap(6)
    # The sidebar ends with references so that both columns run down most of the page.
    left.heading("INTERESTS")
    for item in ["Sailing", "Chess", "Baking sourdough", "Birdwatching"]:
        left.text(item, size=9.5)
    canvas.showPage()
    canvas.save()


def portrait_png(size: tuple[int, int] = (300, 380)) -> bytes:
    """A drawn head-and-shoulders silhouette standing in for a photo of a person."""
    w, h = size
    img = Image.new("RGB", size, (196, 214, 230))
    draw = ImageDraw.Draw(img)
    for y in range(h):  # a vertical gradient so the image is not a flat colour
        shade = 180 + int(50 * y / h)
        draw.line([(0, y), (w, y)], fill=(shade, shade - 10, shade - 30))
    draw.ellipse([w * 0.3, h * 0.12, w * 0.7, h * 0.55], fill=(224, 182, 150))
    draw.ellipse([w * 0.1, h * 0.6, w * 0.9, h * 1.3], fill=(60, 70, 90))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


def photo_pdf(path: Path) -> None:
    canvas = new_canvas(path)
    width, height = LETTER
    canvas.drawImage(ImageReader(io.BytesIO(portrait_png())), width - 54 - 90, height - 54 - 114,
                     width=90, height=114)  # fmt: skip
    col = Column(canvas, x=54, width=380, top=750)
    col.text("Jun Okafor", size=18, bold=True)
    col.text("jun.okafor@example.net | linkedin.com/in/jun-okafor", size=9)
    col.heading("SUMMARY")
    col.wrapped("Computer vision engineer building defect detection for factory lines.")
    col.heading("EXPERIENCE")
    col.text("CV Engineer, Lumen Plastics", bold=True)
    col.bullet("Deployed a defect detector on 6 lines, catching 94% of cracked caps.")
    canvas.showPage()
    canvas.save()


def text_image_png(lines: list[str], size: tuple[int, int] = (1240, 1604)) -> bytes:
    """A page of text drawn as pixels, like a scan: there is no text layer to read."""
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=28)
    y = 90
    for line in lines:
        draw.text((100, y), line, fill=0, font=font)
        y += 44
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


SCAN_LINES = [
    "Rosa Delgado",
    "rosa.delgado@example.com",
    "",
    "EXPERIENCE",
    "Machine Learning Engineer, Quill Health   2021 - Present",
    "- Built a triage model for 30 clinics",
    "",
    "EDUCATION",
    "BSc Statistics, 2020",
]


def image_only_pdf(path: Path) -> None:
    canvas = new_canvas(path)
    width, height = LETTER
    canvas.drawImage(ImageReader(io.BytesIO(text_image_png(SCAN_LINES))), 0, 0,
                     width=width, height=height)  # fmt: skip
    canvas.showPage()
    canvas.save()


def outlined_text_pdf(path: Path) -> None:
    """Text exported as outlines: shapes where letters were, no characters and no images."""
    canvas = new_canvas(path)
    y = 740.0
    for length in (220, 380, 0, 120, 460, 430, 300, 0, 120, 410, 390):
        if length:
            canvas.rect(54, y, length, 8, stroke=0, fill=1)
        y -= 16
    canvas.showPage()
    canvas.save()


def french_pdf(path: Path) -> None:
    canvas = new_canvas(path, A4)
    col = Column(canvas, x=50, width=495, top=800)
    col.text("Camille Fontaine", size=18, bold=True)
    col.text("camille.fontaine@example.fr | github.com/cfontaine | Lyon", size=9)
    col.heading("PROFIL")
    col.wrapped(
        "Ingénieure en apprentissage automatique, spécialisée dans le traitement du langage "
        "et la recherche d'information."
    )
    col.heading("EXPÉRIENCE PROFESSIONNELLE")
    col.text("Ingénieure ML, Banque Lumière", bold=True, right="janv. 2021 – aujourd'hui")
    col.bullet("Réduit de 35 % le temps de traitement des réclamations grâce à un classifieur.")
    col.bullet("Mise en production de 3 modèles de recherche sémantique.")
    col.heading("FORMATION")
    col.text("Master Informatique, Université de Lyon", right="2018 – 2020")
    col.heading("COMPÉTENCES")
    col.wrapped("Python, PyTorch, scikit-learn, Elasticsearch, SQL")
    col.heading("CENTRES D'INTÉRÊT")
    col.wrapped("Escalade, photographie argentique")
    canvas.showPage()
    canvas.save()


# --- DOCX writing ---------------------------------------------------------------------------

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def p(text: str = "", *, style: str = "", bold: bool = False, numbered: bool = False,
      extra_runs: str = "") -> str:  # fmt: skip
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if numbered:
        props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{run}{extra_runs}</w:p>"


def hyperlink(text: str, rel_id: str) -> str:
    return f'<w:hyperlink r:id="{rel_id}"><w:r><w:t>{escape(text)}</w:t></w:r></w:hyperlink>'


def table(rows: list[list[str]]) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in rows[0])
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{p(c)}</w:tc>'
                           for c in row) + "</w:tr>"
        for row in rows
    )  # fmt: skip
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'  # noqa: E501


def text_box_run(lines: list[str], shape_id: int) -> str:
    """A Word 2010+ text box: the wps shape, and the VML fallback that repeats its text."""
    content = "<w:txbxContent>" + "".join(p(line) for line in lines) + "</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3600000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2286000" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>'  # noqa: E501
        "<wp:cNvGraphicFramePr/><a:graphic>"
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2286000" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape id="Text Box {shape_id}" type="#_x0000_t202" '
        'style="position:absolute;margin-left:283.5pt;width:180pt;height:72pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def picture_run(rel_id: str, cx_emu: int, cy_emu: int) -> str:
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx_emu}" cy="{cy_emu}"/><wp:docPr id="9" name="Picture 9"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="9" name="foto.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx_emu}" cy="{cy_emu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {XMLNS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""  # noqa: E501

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {XMLNS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""  # noqa: E501


@dataclass
class DocxParts:
    body: str
    header: str = ""
    footer: str = ""
    links: dict[str, str] = field(default_factory=dict)  # rel id -> URL
    image: bytes = b""  # word/media/image1.png, relationship rIdImg
    pages: int | None = None  # docProps/app.xml <Pages>, left out when None
    columns: int = 1


def docx_bytes(parts: DocxParts) -> bytes:
    """A minimal, valid WordprocessingML package with fixed timestamps."""
    rels = [
        ("rIdStyles", "styles", "styles.xml", ""),
        ("rIdNumbering", "numbering", "numbering.xml", ""),
    ]
    overrides = [
        ("/word/document.xml", f"{DOC_CT}.document.main+xml"),
        ("/word/styles.xml", f"{DOC_CT}.styles+xml"),
        ("/word/numbering.xml", f"{DOC_CT}.numbering+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    members: dict[str, str | bytes] = {"word/styles.xml": STYLES, "word/numbering.xml": NUMBERING}
    refs = ""
    for kind, xml in (("header", parts.header), ("footer", parts.footer)):
        if xml:
            rels.append((f"rId{kind}", kind, f"{kind}1.xml", ""))
            overrides.append((f"/word/{kind}1.xml", f"{DOC_CT}.{kind}+xml"))
            tag = "hdr" if kind == "header" else "ftr"
            members[f"word/{kind}1.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f"<w:{tag} {XMLNS}>{xml}</w:{tag}>"
            )
            refs += f'<w:{kind}Reference w:type="default" r:id="rId{kind}"/>'
    for rel_id, url in parts.links.items():
        rels.append((rel_id, "hyperlink", escape(url), ' TargetMode="External"'))
    if parts.image:
        rels.append(("rIdImg", "image", "media/image1.png", ""))
        members["word/media/image1.png"] = parts.image
    cols = f'<w:cols w:num="{parts.columns}" w:space="708"/>'
    members["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document {XMLNS} mc:Ignorable="w14"><w:body>{parts.body}'
        f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" '
        f'w:footer="708" w:gutter="0"/>{cols}</w:sectPr></w:body></w:document>'
    )
    members["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"{mode}/>'
            for i, t, target, mode in rels
        )
        + "</Relationships>"
    )
    pages = f"<Pages>{parts.pages}</Pages>" if parts.pages is not None else ""
    members["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>landml test fixture</Application>{pages}</Properties>"
    )
    members["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    members["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'  # noqa: E501
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            *sorted(members.keys() - {"[Content_Types].xml", "_rels/.rels"}),
        ]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = members[name]
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


PRIYA_TEXT_BOX = ["Key results", "Shipped 3 NLP models used by 2 million readers"]


def priya_parts() -> DocxParts:
    body = "".join(
        [
            p("Summary", style="Heading1"),
            p(
                "NLP engineer who builds search and summarisation for news archives, "
                "looking for a senior machine learning engineer role.",
                extra_runs=text_box_run(PRIYA_TEXT_BOX, 5),
            ),
            p("Experience", style="Heading1"),
            p("NLP Engineer, Dispatch Media", bold=True),
            p("March 2021 – Present"),
            p(
                "Built a retrieval model over 40 years of articles; search clicks rose 22%.",
                numbered=True,
            ),
            p("Helped the team with data labelling.", numbered=True),
            p("Education", style="Heading1"),
            p("MSc Language Technology, University of Edinburgh, 2019-2020"),
            p("Skills", style="Heading1"),
            table([["Languages", "Python, SQL"], ["ML", "PyTorch, Hugging Face Transformers"]]),
            p("Links", style="Heading1"),
            p("Code: ", extra_runs=hyperlink("GitHub profile", "rIdGithub")),
        ]
    )
    header = p("Priya Raman") + p("priya.raman@example.com | London")
    return DocxParts(
        body=body,
        header=header,
        links={"rIdGithub": "https://github.com/priya-raman-nlp"},
        pages=1,
    )


def lena_parts() -> DocxParts:
    body = "".join(
        [
            p("Lena Hartmann", bold=True, extra_runs=picture_run("rIdImg", 1080000, 1371600)),
            p("lena.hartmann@example.de | München"),
            p("Berufserfahrung", style="Heading1"),
            p("Data Scientist, Alpenwerk Energie", bold=True),
            p("03/2020 – heute"),
            p(
                "Prognosemodell für den Stromverbrauch von 120 Umspannwerken entwickelt.",
                numbered=True,
            ),
            p("Zuständig für das monatliche Reporting.", numbered=True),
            p("Ausbildung", style="Heading1"),
            p("M.Sc. Statistik, Ludwig-Maximilians-Universität München, 10/2017 – 09/2019"),
            p("Kenntnisse", style="Heading1"),
            p("Python, R, scikit-learn, XGBoost, SQL"),
            p("Hobbys", style="Heading1"),
            p("Bergwandern, Kochen, Lesen"),
        ]
    )
    return DocxParts(body=body, image=portrait_png((240, 305)))


# --- text formats ---------------------------------------------------------------------------

MARKDOWN = """\
# Ana Whitlock

Machine Learning Engineer · ana.whitlock@example.com · [GitHub](https://github.com/awhitlock) · [Blog](https://anawhitlock.dev/notes)

## Summary

Machine learning engineer focused on recommendation systems, with three years of
production experience in PyTorch.

## Experience

### ML Engineer, Fernleaf Books (Jun 2021 – Present)

- Raised add-to-cart rate 7% with a two-tower retrieval model trained on 50M sessions.
- Cut model serving cost by 35% by distilling the ranker into a smaller network.
- Worked on A/B testing infrastructure.

### Software Engineer, Parcel Point (2018 - 2021)

1. Built the address autocomplete service handling 3,000 requests per second.
2. Responsible for code reviews.

## Projects

- **Book cover genre classifier**: fine-tuned a vision transformer on 20k covers
  scraped from open catalogues, 0.83 accuracy.

## Education

BSc Computer Science, University of Leeds, 2015-2018

## Skills

Python, PyTorch, TensorFlow, scikit-learn, SQL, Docker
"""

JSON_RESUME = {
    "basics": {
        "name": "Dev Anand Pillai",
        "label": "Applied Scientist",
        "email": "dev.pillai@example.com",
        "url": "https://devpillai.example.com",
        "summary": "Applied scientist working on demand forecasting and causal inference.",
        "profiles": [
            {"network": "GitHub", "username": "devpillai", "url": "https://github.com/devpillai"},
            {
                "network": "LinkedIn",
                "username": "devpillai",
                "url": "https://www.linkedin.com/in/devpillai",
            },
        ],
    },
    "work": [
        {
            "name": "Marigold Grocers",
            "position": "Applied Scientist",
            "startDate": "2021-09-01",
            "highlights": [
                "Built a hierarchical forecast for 8,000 products that cut waste 12%.",
                "Designed the holdout test behind a pricing change worth $3M a year.",
            ],
        },
        {
            "name": "Kestrel Analytics",
            "position": "Data Scientist",
            "startDate": "2018-06",
            "endDate": "2021-08",
            "summary": "Consulting analytics for retail clients.",
            "highlights": ["Helped clients with dashboards."],
        },
    ],
    "education": [
        {
            "institution": "University of Toronto",
            "area": "Statistics",
            "studyType": "PhD",
            "startDate": "2013",
            "endDate": "2018",
        }
    ],
    "projects": [
        {
            "name": "causal-forest-lite",
            "description": "A small library for heterogeneous treatment effects.",
            "highlights": ["Used by 2 teaching courses on causal machine learning."],
            "url": "https://github.com/devpillai/causal-forest-lite",
        }
    ],
    "publications": [
        {
            "name": "Forecasting perishable demand with censored sales",
            "publisher": "Journal of Retail Analytics",
            "releaseDate": "2019-04",
        }
    ],
    "skills": [
        {"name": "Machine learning", "keywords": ["PyTorch", "scikit-learn", "LightGBM"]},
        {"name": "Data", "keywords": ["SQL", "Spark"]},
    ],
    "interests": [{"name": "Fun facts", "keywords": ["Can juggle five balls"]}],
}


# --- the whole set --------------------------------------------------------------------------

PDF_BUILDERS: dict[str, Callable[[Path], None]] = {
    "one_column.pdf": one_column_pdf,
    "two_column.pdf": two_column_pdf,
    "two_page.pdf": two_page_pdf,
    "photo.pdf": photo_pdf,
    "image_only.pdf": image_only_pdf,
    "outlined_text.pdf": outlined_text_pdf,
    "cv_fr.pdf": french_pdf,
}


def build_all(dest: Path) -> list[Path]:
    """Write every fixture into `dest`; returns the paths written."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, build in PDF_BUILDERS.items():
        build(dest / name)
    whole = (dest / "one_column.pdf").read_bytes()
    (dest / "corrupt.pdf").write_bytes(whole[: len(whole) * 2 // 5])
    (dest / "empty.pdf").write_bytes(b"")
    docx = docx_bytes(priya_parts())
    (dest / "table_header_textbox.docx").write_bytes(docx)
    (dest / "docx_named.pdf").write_bytes(docx)
    (dest / "lebenslauf.docx").write_bytes(docx_bytes(lena_parts()))
    (dest / "resume.md").write_text(MARKDOWN, encoding="utf-8")
    (dest / "resume.json").write_text(
        json.dumps(JSON_RESUME, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return sorted(dest.iterdir())


def zip_bomb(path: Path, *, uncompressed: int = 64 * 1024 * 1024) -> None:
    """A .docx-named zip with one member of `uncompressed` zero bytes (about 1000:1).

    Streams the zeros through the compressor, so neither memory nor disk ever holds them.
    """
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(uncompressed // len(chunk)):
                member.write(chunk)
    assert path.stat().st_size < uncompressed // 100  # the point of the file


def main() -> None:
    dest = Path(sys.argv[1]) if len(sys.argv) > 1 else FILES
    for path in build_all(dest):
        print(f"{path.stat().st_size:>8}  {path}")


if __name__ == "__main__":
    main()
