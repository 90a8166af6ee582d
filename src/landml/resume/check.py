"""`check_resume(doc)`: what stands between a resume and an ML interview, with fixes.

Each rule reads the parsed document and returns findings: a rule id, a severity, the
evidence (the page and line it is about) and a concrete fix. The rules follow what ML
hiring managers and recruiters say they look for (one page, quantified bullets, the ML
role named first, visible ML projects, the frameworks used, a link to code) and what
applicant tracking systems stumble on (columns, tables, text boxes, photos).

The score summarises the findings and nothing else:

    score = max(0, 100 - 15 x errors - 6 x warnings - 1 x notes)

Every finding carries the points it costs, so each lost point is attributable to one
finding; a resume with no finding scores 100.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from landml.errors import LandmlError
from landml.resume.document import (
    Bullet,
    ContactLink,
    Line,
    ResumeDocument,
    SectionKind,
)
from landml.resume.parse import BULLET, DATE_RANGE, has_number

Severity = Literal["info", "warning", "error"]
POINTS: dict[Severity, int] = {"error": 15, "warning": 6, "info": 1}
SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}

# Sections whose bullets describe work done, the ones that should carry numbers.
ACHIEVEMENT_SECTIONS: frozenset[SectionKind] = frozenset(
    {"experience", "projects", "volunteering", "leadership", "teaching", "other"}
)
QUANTIFIED_SHARE = 0.5
WEAKEST_SHOWN = 5
LONG_CAREER_YEARS = 10


class Evidence(BaseModel):
    """What a finding is about: a line (index into the parsed lines) and its page, or a fact."""

    model_config = ConfigDict(frozen=True)

    text: str
    page: int | None = None
    line: int | None = None


class Finding(BaseModel):
    """One thing to change, with why, where and how."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    message: str
    evidence: list[Evidence]
    fix: str
    points: int  # what this finding takes off the score


class QuotedBullet(BaseModel):
    """A bullet quoted as one of the weakest, with what makes it weak."""

    model_config = ConfigDict(frozen=True)

    text: str
    page: int | None
    line: int
    reasons: list[str]


class SectionSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: SectionKind
    heading: str | None
    lines: int


class ResumeReport(BaseModel):
    """The checker's answer: findings, the bullet figures, and the score they add up to."""

    name: str
    format: str
    pages: int
    pages_basis: str
    pages_note: str
    columns: int | None  # the most text columns on any page; None when the layout is unknown
    target_role: str | None
    score: int
    score_explanation: str
    findings: list[Finding]
    bullets_total: int  # bullets in experience, projects and similar sections
    bullets_with_number: int
    quantified_share: float | None
    weakest_bullets: list[QuotedBullet]
    sections: list[SectionSummary]
    contacts: list[ContactLink]
    notes: list[str] = Field(default_factory=list)


def check_resume(
    doc: ResumeDocument,
    *,
    target_role: str | None = None,
    career_years: float | None = None,
    phd: bool = False,
    today: date | None = None,
) -> ResumeReport:
    """Findings on a parsed resume, and the score that summarises them.

    `career_years` and `phd` decide whether two pages are acceptable; when not given they
    are read from the resume (the span of its experience dates, a doctorate in education).
    """
    ctx = _Context(doc, target_role, career_years, phd, today or date.today())
    findings = [f for rule in RULES for f in rule(ctx)]
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    score, explanation = summarise(findings)
    achievement = ctx.achievement_bullets
    with_number = sum(b.has_number for b in achievement)
    columns = [p.columns.count for p in doc.layout if p.columns is not None]
    return ResumeReport(
        name=doc.name,
        format=doc.format,
        pages=doc.pages,
        pages_basis=doc.pages_basis,
        pages_note=doc.pages_note,
        columns=max(columns) if columns else None,
        target_role=target_role,
        score=score,
        score_explanation=explanation,
        findings=findings,
        bullets_total=len(achievement),
        bullets_with_number=with_number,
        quantified_share=round(with_number / len(achievement), 3) if achievement else None,
        weakest_bullets=ctx.weakest,
        sections=[
            SectionSummary(kind=s.kind, heading=s.heading, lines=len(s.lines)) for s in doc.sections
        ],
        contacts=doc.contacts,
        notes=doc.notes,
    )


def summarise(findings: list[Finding]) -> tuple[int, str]:
    """The score and the sum that gives it."""
    counts = {sev: sum(f.severity == sev for f in findings) for sev in POINTS}
    lost = sum(f.points for f in findings)
    score = max(0, 100 - lost)
    terms = " ".join(f"- {POINTS[sev]} x {n} {_plural(sev, n)}" for sev, n in counts.items() if n)
    floor = " (floored at 0)" if lost > 100 else ""
    return score, f"100 {terms} = {score}{floor}" if terms else "100: no findings"


def _plural(severity: Severity, n: int) -> str:
    word = {"error": "error", "warning": "warning", "info": "note"}[severity]
    return word if n == 1 else f"{word}s"


def _finding(rule_id: str, severity: Severity, message: str, evidence: list[Evidence],
             fix: str) -> Finding:  # fmt: skip
    return Finding(
        rule_id=rule_id,
        severity=severity,
        message=message,
        evidence=evidence,
        fix=fix,
        points=POINTS[severity],
    )


def _quote(line: Line, text: str | None = None) -> Evidence:
    return Evidence(text=text if text is not None else line.text, page=line.page, line=line.index)


# --- what the rules share -------------------------------------------------------------------

ML_TERMS = re.compile(
    r"machine learning|\bml\b|deep learning|neural|\bmodels?\b|\btrain(ed|ing)?\b|fine-?tun|"
    r"classif|regression|clustering|\bllms?\b|transformer|embedding|\bnlp\b|computer vision|"
    r"recommend|forecast|reinforcement|\bgans?\b|diffusion|\brag\b|\bbert\b|\bgpt|\bcnn|"
    r"\blstm|detector|detection|segmentation|\bf1\b|\bauc\b|accuracy|pytorch|tensorflow|"
    r"keras|scikit|sklearn|xgboost|lightgbm|hugging ?face|kaggle|\bai\b|artificial intelligence|"
    r"apprentissage automatique|maschinelles lernen|aprendizaje autom|intelligence artificielle|"
    r"künstliche intelligenz|inteligencia artificial|\bki\b|\bia\b|modèle|modell|modelo",
    re.IGNORECASE,
)
# Words that show a non-ML job's relevance to ML work: data, analysis, automation, results.
TRANSFERABLE = re.compile(
    r"data|analy|metric|measur|automat|script|python|sql|excel|dashboard|report|forecast|"
    r"experiment|a/b|test|process|stakeholder|client|customer|led\b|lead|team|mentor|train|"
    r"improv|reduc|increas|cut\b|optimi|statistic|research|survey|budget|schedul|quality|"
    r"software|code|program|engineer|develop",
    re.IGNORECASE,
)
ML_ROLE = re.compile(
    r"(machine learning|\bml\b|\bmle\b|\bai\b|deep learning|\bnlp\b|computer vision|\bcv\b|"
    r"data scien|applied scien|research scien|research engineer|\bllm|mlops|"
    r"artificial intelligence|apprentissage automatique|maschinelles lernen|"
    r"aprendizaje autom|intelligence artificielle|künstliche intelligenz|"
    r"inteligencia artificial|\bki\b|\bia\b|data scientist|datenwissenschaft)",
    re.IGNORECASE,
)
VAGUE_OPENERS = re.compile(
    r"^(worked on|working on|helped|helping|assisted|assisting|responsible for|"
    r"involved in|participated in|tasked with|duties included|contributed to|supported|"
    r"handled|in charge of|was part of|part of|zuständig für|verantwortlich für|"
    r"mitarbeit|chargé de|charge de|participation à|responsable de|encargado de)\b",
    re.IGNORECASE,
)
ABBREVIATIONS = [
    (r"machine learning", "ml"),
    (r"artificial intelligence", "ai"),
    (r"natural language processing", "nlp"),
    (r"computer vision", "cv"),
    (r"ml engineer", "mle"),
    (r"large language models?", "llm"),
]
# Words a target role may carry that the summary need not repeat.
SENIORITY = {
    "senior", "junior", "lead", "staff", "principal", "sr", "jr", "entry", "level", "mid",
    "intern", "a", "an", "the", "of", "for", "and", "in", "i", "ii", "iii",
}  # fmt: skip
PHD = re.compile(
    r"\bph\.?\s?d\b|doctor of philosophy|doctorate|\bdphil\b|doctorat|\bpromotion\b|"
    r"dr\. ?rer|doctorado|dottorato",
    re.IGNORECASE,
)
FALLBACK_ML_TOOLS = re.compile(
    r"\b(pytorch|tensorflow|keras|jax|scikit-learn|sklearn|xgboost|lightgbm|catboost|"
    r"hugging ?face|transformers|spacy|langchain|mlflow|onnx|opencv|statsmodels)\b",
    re.IGNORECASE,
)


@dataclass
class _Context:
    doc: ResumeDocument
    target_role: str | None
    given_years: float | None
    given_phd: bool
    today: date

    def lines_of(self, kinds: set[SectionKind]) -> list[Line]:
        return [self.doc.lines[i] for s in self.doc.sections if s.kind in kinds for i in s.lines]

    @cached_property
    def achievement_bullets(self) -> list[Bullet]:
        # Without any recognised heading, every bullet may describe work.
        headed = any(s.kind != "top" for s in self.doc.sections)
        kinds = ACHIEVEMENT_SECTIONS if headed else ACHIEVEMENT_SECTIONS | {"top"}
        contact_lines = {c.line for c in self.doc.contacts}
        return [
            b
            for b in self.doc.bullets
            if b.section in kinds and not (b.lines[0] in contact_lines and len(b.text.split()) < 8)
        ]

    @cached_property
    def weakest(self) -> list[QuotedBullet]:
        scored = [(weakness(b), i, b) for i, b in enumerate(self.achievement_bullets)]
        weak = sorted((s for s in scored if s[0][0] >= 2), key=lambda s: (-s[0][0], s[1]))
        return [
            QuotedBullet(text=b.text, page=b.page, line=b.lines[0], reasons=reasons)
            for (_, reasons), _, b in weak[:WEAKEST_SHOWN]
        ]

    @cached_property
    def career_years(self) -> float | None:
        if self.given_years is not None:
            return self.given_years
        experience = {i for s in self.doc.sections_of("experience") for i in s.lines}
        spans = [d for d in self.doc.dates if d.line in experience]
        if not spans:
            return None
        starts = [_as_date(d.start) for d in spans]
        ends = [self.today if d.ongoing else _as_date(d.end or d.start) for d in spans]
        return max(0.0, (max(ends) - min(starts)).days / 365.25)

    @cached_property
    def phd(self) -> bool:
        return self.given_phd or bool(PHD.search(self.doc.section_text("education")))

    @cached_property
    def tools(self) -> tuple[list[str], list[str]]:
        """(ML frameworks and libraries, other tools) named anywhere in the resume."""
        return named_tools(self.doc.text)


def _as_date(value: str) -> date:
    year, _, month = value.partition("-")
    return date(int(year), int(month or 1), 1)


def weakness(bullet: Bullet) -> tuple[int, list[str]]:
    """How weak a bullet reads, and why: no figure, a vague opener, very short, filler."""
    reasons: list[tuple[int, str]] = []
    if not bullet.has_number:
        reasons.append((2, "no number"))
    opener = VAGUE_OPENERS.match(bullet.text)
    if opener:
        reasons.append((2, f'vague opener "{opener.group()}"'))
    if len(bullet.text.split()) < 7:
        reasons.append((1, "too short to show a result"))
    if re.search(r"\b(various|etc\.?|several|many|some)\b", bullet.text, re.IGNORECASE):
        reasons.append((1, "vague quantity word"))
    return sum(p for p, _ in reasons), [r for _, r in reasons]


def named_tools(text: str) -> tuple[list[str], list[str]]:
    """ML frameworks and other tools named in a text, from the skills taxonomy.

    Falls back to a short list of ML frameworks when the taxonomy cannot be loaded.
    """
    try:
        from landml.skills.extract import distinct_skills, extract_skills
        from landml.skills.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
        found = distinct_skills(extract_skills(text, taxonomy=taxonomy, tagger=None))
    except (ImportError, LandmlError):
        return sorted({m.group() for m in FALLBACK_ML_TOOLS.finditer(text)}), []
    ml, other = [], []
    for f in found:
        lineage = {f.skill_id} | {a.id for a in taxonomy.ancestors(f.skill_id)}
        if (
            f.category == "framework_library" and "ml:ml-frameworks" in lineage
        ) or "ml:mlops-tools" in lineage:
            ml.append(f.label)
        elif f.category in ("framework_library", "data_tool", "cloud_infrastructure"):
            other.append(f.label)
    return ml, other


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.DOTALL)
    return " ".join((match[1] if match else text).split())[:300]


def names_role(text: str, target_role: str | None) -> bool:
    """Whether a text names the role: the target role's words, or an ML role."""
    if target_role:
        wanted = set(_role_words(target_role, drop=SENIORITY))
        return bool(wanted) and wanted <= set(_role_words(text))
    return bool(ML_ROLE.search(text))


def _role_words(text: str, drop: set[str] | None = None) -> list[str]:
    text = text.lower()
    for full, short in ABBREVIATIONS:
        text = re.sub(full, short, text)
    words = [w for w in re.findall(r"[a-zà-ÿ]+", text) if w not in (drop or set())]
    # "scientist" and "science", "engineer" and "engineering" name the same role: compare
    # longer words by their first five letters.
    return [w[:5] if len(w) > 5 else w for w in words]


# --- the rules ------------------------------------------------------------------------------


def rule_length(ctx: _Context) -> list[Finding]:
    doc = ctx.doc
    long_career = (ctx.career_years or 0) >= LONG_CAREER_YEARS or ctx.phd
    allowed = 2 if long_career else 1
    if doc.pages <= allowed:
        return []
    severity: Severity = "error" if doc.pages > 2 else "warning"
    if doc.pages_basis == "estimate" and severity == "error":
        severity = "warning"
    why = (
        f"{ctx.career_years:.0f} years of experience" if ctx.career_years is not None
        else "no dates to measure the career by"
    )  # fmt: skip
    evidence = [Evidence(text=doc.pages_note)]
    last = [line for line in doc.lines if line.page == doc.pages]
    if last:
        evidence.append(
            _quote(last[0], f"Page {doc.pages} holds {len(last)} lines, from: {last[0].text}")
        )
    if allowed == 1:
        message = (
            f"The resume runs to {doc.pages} pages; one page is the norm ({why}, no PhD found)."
        )
        fix = (
            "Cut to one page: keep 3-5 bullets for the last two roles and one line for older "
            "ones, drop the interests and references sections, and tighten the summary to two "
            "lines. Two pages are fine only after about 10 years of work or a PhD (tell "
            "landml your years of experience or your PhD if that is you)."
        )
    else:
        message = (
            f"The resume runs to {doc.pages} pages; two is the most even for long careers and PhDs."
        )
        fix = (
            "Cut to two pages: list only selected publications, merge roles older than 10 "
            "years into one 'Earlier roles' line, and drop coursework."
        )
    return [_finding("length.pages", severity, message, evidence, fix)]


def rule_columns(ctx: _Context) -> list[Finding]:
    pages = [p for p in ctx.doc.layout if p.columns is not None and p.columns.count >= 2]
    if not pages:
        return []
    evidence = [Evidence(text=p.columns.evidence, page=p.number) for p in pages if p.columns]
    return [
        _finding(
            "layout.columns",
            "warning",
            f"Multi-column layout on {len(pages)} page{'s' if len(pages) > 1 else ''}: many "
            "applicant tracking systems read straight across the page and mix the columns.",
            evidence,
            "Use one column. Move the sidebar's contents (skills, contact, languages, "
            "education) into ordinary sections of the main column; keep dates on the same "
            "line as the job title.",
        )
    ]


def rule_photo(ctx: _Context) -> list[Finding]:
    photos = [img for p in ctx.doc.layout for img in p.images if img.likely_photo]
    if not photos:
        return []
    return [
        _finding(
            "layout.photo",
            "warning",
            "The resume has a photo.",
            [Evidence(text=img.note, page=img.page) for img in photos],
            "Remove the photo unless the posting or the country's custom asks for one "
            "(usual in Germany, Austria and Switzerland, not expected in the US, UK or "
            "Canada): ATS parsers ignore it and it takes room from your work.",
        )
    ]


def rule_tables(ctx: _Context) -> list[Finding]:
    tables = [t for p in ctx.doc.layout for t in p.tables if t.rows * t.cols >= 2]
    if not tables:
        return []
    evidence = [
        Evidence(text=f"A {t.rows}x{t.cols} table: {t.preview}", page=t.page) for t in tables
    ]
    return [
        _finding(
            "layout.tables",
            "warning",
            f"{len(tables)} table{'s' if len(tables) > 1 else ''}: ATS parsers read tables "
            "cell by cell or skip them, and the text comes out scrambled.",
            evidence,
            "Replace each table with plain lines, one per row: 'ML: PyTorch, scikit-learn', "
            "'Title, Company, dates' followed by bullets.",
        )
    ]


def rule_text_boxes(ctx: _Context) -> list[Finding]:
    boxes = [b for p in ctx.doc.layout for b in p.text_boxes]
    if not boxes:
        return []
    return [
        _finding(
            "layout.text_boxes",
            "warning",
            f"{len(boxes)} text box{'es' if len(boxes) > 1 else ''}: many ATS parsers skip "
            "text boxes, so this text may never reach a recruiter.",
            [Evidence(text=b.text[:200], page=b.page) for b in boxes],
            "Move the text into the body of the document (cut it from the box, paste it as "
            "normal paragraphs or bullets) and delete the box.",
        )
    ]


def rule_text_layer(ctx: _Context) -> list[Finding]:
    blind = [p for p in ctx.doc.layout if not p.has_text_layer and p.number is not None]
    if not blind:
        return []
    return [
        _finding(
            "layout.text_layer",
            "error",
            "Some pages are images: neither landml nor an ATS can read their text.",
            [
                Evidence(text=f"Page {p.number}: {p.chars} characters of text", page=p.number)
                for p in blind
            ],
            "Export the whole resume from your editor as a text PDF (not a scan, a "
            "screenshot or 'print as image').",
        )
    ]


def rule_bullets_present(ctx: _Context) -> list[Finding]:
    if ctx.achievement_bullets:
        return []
    sections = ctx.doc.sections_of("experience") + ctx.doc.sections_of("projects")
    if not sections:
        return []  # the missing sections are reported by sections.standard
    evidence = [
        _quote(ctx.doc.lines[s.heading_line]) for s in sections if s.heading_line is not None
    ]
    return [
        _finding(
            "bullets.present",
            "warning",
            "Experience and projects have no bullet points: recruiters scan bullets, and "
            "paragraphs hide results.",
            evidence,
            "Give each role 2-5 bullets that start with a verb and end with a result: "
            "'Built X with Y, which cut Z by N%'.",
        )
    ]


def rule_quantified(ctx: _Context) -> list[Finding]:
    bullets = ctx.achievement_bullets
    if len(bullets) < 3:
        return []
    share = sum(b.has_number for b in bullets) / len(bullets)
    if share >= QUANTIFIED_SHARE:
        return []
    unquantified = [q for q in ctx.weakest if "no number" in q.reasons]
    evidence = [
        Evidence(text=f'"{q.text}" ({", ".join(q.reasons)})', page=q.page, line=q.line)
        for q in unquantified
    ]
    return [
        _finding(
            "bullets.quantified",
            "warning",
            f"Only {share:.0%} of bullets state a figure ({sum(b.has_number for b in bullets)} "
            f"of {len(bullets)}); aim for at least {QUANTIFIED_SHARE:.0%}.",
            evidence,
            "Add the number you know to each bullet: scale (rows, users, requests per "
            "second, models), effect (error, latency, cost, revenue, before and after) or "
            "speed ('from 6 hours to 50 minutes'). 'Worked on the monitoring dashboard' "
            "becomes 'Built the model monitoring dashboard that caught N drift incidents in "
            "its first quarter', with your real N.",
        )
    ]


def rule_vague_openers(ctx: _Context) -> list[Finding]:
    vague = [b for b in ctx.achievement_bullets if VAGUE_OPENERS.match(b.text)]
    if not vague:
        return []
    severity: Severity = "warning" if len(vague) >= 2 else "info"
    return [
        _finding(
            "bullets.vague_openers",
            severity,
            f"{len(vague)} bullet{'s open' if len(vague) > 1 else ' opens'} with a phrase "
            "that hides what you did ('worked on', 'helped', 'responsible for').",
            [Evidence(text=f'"{b.text}"', page=b.page, line=b.lines[0]) for b in vague[:5]],
            "Start with the verb for your own part (built, trained, designed, cut, shipped, "
            "led) and say what changed because of it.",
        )
    ]


def rule_summary(ctx: _Context) -> list[Finding]:
    summaries = ctx.doc.sections_of("summary")
    role = ctx.target_role or "the ML role you want"
    if summaries and summaries[0].lines:
        first_line = ctx.doc.lines[summaries[0].lines[0]]
        sentence = first_sentence(ctx.doc.section_text("summary"))
        if names_role(sentence, ctx.target_role):
            return []
        return [
            _finding(
                "summary.ml_role_first",
                "warning",
                f"The summary does not open with {role}.",
                [_quote(first_line, sentence)],
                f"Make the first words the role, then your strongest proof: '{_role_title(ctx)} "
                "with N years building X; shipped Y that did Z.' Readers give a summary "
                "a few seconds.",
            )
        ]
    headline = [ctx.doc.lines[i] for s in ctx.doc.sections_of("top") for i in s.lines[:4]]
    if any(names_role(line.text, ctx.target_role) for line in headline):
        return []
    return [
        _finding(
            "summary.ml_role_first",
            "warning",
            f"Neither a summary nor a headline under the name says {role}.",
            [_quote(line) for line in headline[:2]]
            or [Evidence(text="No summary section and no lines above the first heading.")],
            f"Add a headline under your name (for example '{_role_title(ctx)}') or a two-line "
            "summary that starts with it.",
        )
    ]


def _role_title(ctx: _Context) -> str:
    return ctx.target_role or "Machine learning engineer"


def rule_projects(ctx: _Context) -> list[Finding]:
    projects = ctx.lines_of({"projects"})
    if projects:
        if any(ML_TERMS.search(line.text) for line in projects):
            return []
        heading = ctx.doc.sections_of("projects")[0].heading_line
        evidence = [_quote(ctx.doc.lines[heading])] if heading is not None else []
        return [
            _finding(
                "projects.ml_visible",
                "warning",
                "The projects section shows no ML work (no model, data set, training or ML "
                "framework named).",
                evidence + [_quote(line) for line in projects[:2]],
                "Lead with one ML project: the problem, the data, the model and the result "
                "with a number, and a link to the code.",
            )
        ]
    ml_in_experience = [line for line in ctx.lines_of({"experience"}) if ML_TERMS.search(line.text)]
    severity: Severity = "info" if ml_in_experience else "warning"
    return [
        _finding(
            "projects.ml_visible",
            severity,
            "There is no projects section"
            + (
                ", though the experience shows ML work."
                if ml_in_experience
                else " and no ML work shows anywhere."
            ),
            [Evidence(text="Sections found: " + _section_list(ctx))],
            "Add a Projects section with one strong ML project: what problem, which data, "
            "which model, what result (a number), and a link to the repository or demo.",
        )
    ]


def _section_list(ctx: _Context) -> str:
    names = [s.heading for s in ctx.doc.sections if s.heading]
    return ", ".join(names) if names else "none"


def rule_tools(ctx: _Context) -> list[Finding]:
    ml, other = ctx.tools
    if ml:
        return []
    skills = ctx.lines_of({"skills"})
    evidence = [_quote(skills[0])] if skills else []
    evidence.append(Evidence(text="Tools named: " + (", ".join(other) if other else "none found")))
    return [
        _finding(
            "skills.tools_listed",
            "warning",
            "No ML framework or library is named (PyTorch, TensorFlow, scikit-learn, "
            "XGBoost, Hugging Face...).",
            evidence,
            "Name the ML frameworks you have actually used, in the Skills section and in the "
            "bullets where you used them: 'Trained a gradient-boosted ranker in XGBoost'.",
        )
    ]


def rule_transferable(ctx: _Context) -> list[Finding]:
    flagged = []
    for header, body in _entries(ctx):
        text = " ".join(line.text for line in [*header, *body])
        if ML_TERMS.search(text) or TRANSFERABLE.search(text):
            continue
        if any(has_number(line.text) for line in body):
            continue  # a measured result carries over whatever the job
        flagged.append(header[0])
    if not flagged:
        return []
    return [
        _finding(
            "experience.transferable_framing",
            "warning",
            f"{len(flagged)} role{'s' if len(flagged) > 1 else ''} outside ML "
            f"{'say' if len(flagged) > 1 else 'says'} nothing that carries over to ML work.",
            [_quote(line) for line in flagged],
            "Frame each non-ML role by what transfers: the data you handled, analyses, "
            "automation, experiments, measured outcomes, people you led ('Tracked weekly "
            "sales for 12 product lines and cut waste by N%'); or shorten it to one line.",
        )
    ]


def _entries(ctx: _Context) -> list[tuple[list[Line], list[Line]]]:
    """Experience entries: header lines (title, company, dates) and the lines under them."""
    entries: list[tuple[list[Line], list[Line]]] = []
    bullet_lines = {i for b in ctx.doc.bullets for i in b.lines}
    for section in ctx.doc.sections_of("experience"):
        header: list[Line] = []
        body: list[Line] = []
        for i in section.lines:
            line = ctx.doc.lines[i]
            if i in bullet_lines:
                body.append(line)
                continue
            if body:
                entries.append((header or body[:1], body))
                header, body = [], []
            header.append(line)
        if header and body:
            entries.append((header, body))
    return [(h, b) for h, b in entries if b]


IRRELEVANT = re.compile(
    r"fun facts?|references (are )?available (up)?on request|date of birth|\bborn\b|"
    r"marital status|\bmarried\b|religion|nationality|geburtsdatum|geboren|familienstand|"
    r"staatsangehörigkeit|date de naissance|situation familiale|état civil|nationalité|"
    r"fecha de nacimiento|estado civil|nacionalidad|\bheight\b|\bweight\b",
    re.IGNORECASE,
)


def rule_irrelevant(ctx: _Context) -> list[Finding]:
    evidence: list[Evidence] = []
    for section in ctx.doc.sections:
        lines = [ctx.doc.lines[i] for i in section.lines]
        heading = ctx.doc.lines[section.heading_line] if section.heading_line is not None else None
        if section.kind in ("interests", "references", "personal") and heading is not None:
            related = [line for line in lines if ML_TERMS.search(line.text)]
            if section.kind != "interests" or not related or IRRELEVANT.search(heading.text):
                shown = ", ".join(line.text for line in lines[:3])
                evidence.append(_quote(heading, f"{heading.text}: {shown}"[:200]))
                continue
        evidence += [_quote(line) for line in lines if IRRELEVANT.search(line.text)]
    if not evidence:
        return []
    return [
        _finding(
            "content.irrelevant",
            "warning",
            "Content that does not help an ML application takes space (hobbies unrelated to "
            "the work, fun facts, personal data, references).",
            evidence,
            "Cut it and use the space for a project or a quantified bullet. Keep an interest "
            "only when it shows ML work (Kaggle, open source, a research reading group); "
            "leave out birth date, marital status and nationality unless the country's "
            "norms ask for them.",
        )
    ]


CLICHES = re.compile(
    r"leverag\w* synerg\w*|synerg(y|ies|istic)|in today'?s fast[- ]paced|fast[- ]paced "
    r"(world|environment)|ever[- ](evolving|changing) (landscape|world)|rapidly evolving "
    r"landscape|results[- ](driven|oriented)|detail[- ]oriented|team player|go-getter|"
    r"self[- ]starter|think(ing)? outside the box|proven track record|passionate about|"
    r"highly motivated|hard[- ]?working|best[- ]in[- ]class|world[- ]class|seamless(ly)?|"
    r"\bdelve\b|tapestry|testament to|harness(ing)? the power|unlock(ing)? (the )?(full )?"
    r"potential|drive (meaningful|impactful)|transformative|innovative solutions|value[- ]add|"
    r"thought leader|game[- ]changer|strategic thinker|wear(ing)? many hats|move the needle|"
    r"at the intersection of|meticulous|navigat(e|ing) the complexities|dynamic professional",
    re.IGNORECASE,
)


def rule_generic_text(ctx: _Context) -> list[Finding]:
    hits = [(line, m.group()) for line in ctx.doc.lines for m in CLICHES.finditer(line.text)]
    if not hits:
        return []
    severity: Severity = "warning" if len(hits) >= 2 else "info"
    return [
        _finding(
            "style.generic_ai_text",
            severity,
            f"{len(hits)} stock phrase{'s' if len(hits) > 1 else ''} that read as generic "
            "or machine-written ("
            + ", ".join(dict.fromkeys(f'"{p.lower()}"' for _, p in hits))
            + ").",
            [_quote(line, f'"{phrase}" in: {line.text}') for line, phrase in hits[:6]],
            "Replace each phrase with a fact only you can write: what you built, for whom, "
            "with what result. 'Results-driven team player' says nothing; 'Cut review time "
            "from 3 days to 4 hours with a triage model' does.",
        )
    ]


EM_DASH = "—"


def rule_em_dashes(ctx: _Context) -> list[Finding]:
    dashed: list[tuple[Line, int]] = []
    for line in ctx.doc.lines:
        text = DATE_RANGE.sub(" ", BULLET.sub("", line.text, count=1))
        n = text.count(EM_DASH)
        if n and text.strip(f" {EM_DASH}"):
            dashed.append((line, n))
    count = sum(n for _, n in dashed)
    words = max(1, len(ctx.doc.text.split()))
    per_100 = 100 * count / words
    if count < 3 or per_100 < 0.8:
        return []
    severity: Severity = "warning" if per_100 >= 1.5 else "info"
    return [
        _finding(
            "style.em_dash_density",
            severity,
            f"{count} em dashes in {words} words ({per_100:.1f} per 100 words): a dash in "
            "sentence after sentence is a tell of generated text to many readers.",
            [_quote(line) for line, _ in dashed[:4]],
            "Keep at most one or two; use commas, colons or a full stop instead.",
        )
    ]


CODE_LINKS = {"github", "gitlab", "website", "blog", "kaggle", "huggingface", "scholar"}


def rule_links(ctx: _Context) -> list[Finding]:
    if any(c.kind in CODE_LINKS for c in ctx.doc.contacts):
        return []
    kinds = sorted({c.kind for c in ctx.doc.contacts})
    return [
        _finding(
            "links.github_or_portfolio",
            "warning",
            "No link to code or a portfolio (GitHub, GitLab, a personal site, Kaggle, "
            "Hugging Face, Google Scholar).",
            [Evidence(text="Links found: " + (", ".join(kinds) if kinds else "none"))],
            "Add your GitHub (pin the ML project you describe, with a README that shows the "
            "result) or a portfolio site, next to your email at the top. Write the address "
            "out (github.com/you) so it survives printing and ATS parsing.",
        )
    ]


def rule_email(ctx: _Context) -> list[Finding]:
    emails = [c for c in ctx.doc.contacts if c.kind == "email"]
    if any(c.line is not None for c in emails):
        return []
    if emails:
        return [
            _finding(
                "contact.email",
                "warning",
                "The email address is only behind a link or an icon, not in the text.",
                [Evidence(text=emails[0].value, page=emails[0].page)],
                f"Write the address out at the top: {emails[0].value}.",
            )
        ]
    top = [ctx.doc.lines[i] for s in ctx.doc.sections_of("top") for i in s.lines[:3]]
    return [
        _finding(
            "contact.email",
            "error",
            "No email address: a recruiter who likes the resume cannot reply.",
            [_quote(line) for line in top] or [Evidence(text="No contact lines found.")],
            "Put an email address at the top, as text, next to your name.",
        )
    ]


def rule_sections(ctx: _Context) -> list[Finding]:
    present = {s.kind for s in ctx.doc.sections}
    missing = [k for k in ("experience", "education", "skills") if k not in present]
    if "experience" in missing and "projects" in present:
        missing.remove("experience")  # a student's projects stand in for experience
    if not missing:
        return []
    severity: Severity = "warning" if set(missing) & {"experience", "education"} else "info"
    return [
        _finding(
            "sections.standard",
            severity,
            "No section under a standard heading for: " + ", ".join(missing) + ".",
            [Evidence(text="Headings found: " + _section_list(ctx))],
            "Use the headings ATS parsers and recruiters look for: Experience, Education, "
            "Skills, Projects. Creative names ('My journey') leave sections unrecognised.",
        )
    ]


RULES: list[Callable[[_Context], list[Finding]]] = [
    rule_text_layer,
    rule_length,
    rule_columns,
    rule_photo,
    rule_tables,
    rule_text_boxes,
    rule_sections,
    rule_email,
    rule_links,
    rule_summary,
    rule_projects,
    rule_tools,
    rule_bullets_present,
    rule_quantified,
    rule_vague_openers,
    rule_transferable,
    rule_irrelevant,
    rule_generic_text,
    rule_em_dashes,
]
