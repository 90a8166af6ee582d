"""`explain_match(resume, posting)`: how well one resume fits one posting, item by item.

The score is a sum of listed items and nothing else. Each part of the fit has a budget
out of 100:

    required skills 50, preferred skills 15, title (role family) 15, seniority 5,
    years of experience 10, education 5

A part the posting gives nothing to judge by (no preferred skills, no years asked, no
degree named, no seniority in its title) is left out, and its budget is shared among the
parts that remain in proportion to their budgets, so the maximum is always 100. Inside a
part, the budget is split equally among its items (one item per skill asked). An item
earns its maximum times its credit:

- a skill: 1 when the resume names it; a related skill through the taxonomy earns part:
  0.75 when the resume's skill lies under the one asked (PyTorch for "deep learning
  frameworks"), 0.5 for a sibling under the same narrow parent (PyTorch for TensorFlow),
  0.25 when the resume names only the direct parent; 0 otherwise;
- title: 1 for the same role family as the posting, 0.5 for a neighbouring family
  (ML engineer and applied scientist...), 0 otherwise;
- seniority: 1 on the same level, 0.5 one level apart, 0 further;
- years: the resume's career span over the years asked, at most 1;
- education: 1 for the degree asked or higher, 0.5 one level below, 0 otherwise.

Points are kept in tenths, and budgets are split with the largest-remainder method, so the
items' maxima add up to exactly 100 and their points add up to exactly the score.

Suggestions only ever name skills the resume already shows (surfacing them where a reader
and an ATS look); skills the posting asks for and the resume lacks are listed as gaps,
never suggested as additions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from landml.postings.titles import ROLE_FAMILY_LABELS, classify_title, family_phrase
from landml.resume.check import Evidence
from landml.resume.document import Bullet, DateSpan, ResumeDocument, SectionKind
from landml.resume.parse import BULLET
from landml.skills.extract import FoundSkill, extract_skills
from landml.skills.sections import read_posting
from landml.skills.taxonomy import Taxonomy, load_taxonomy

Component = Literal[
    "required_skills", "preferred_skills", "title", "seniority", "years", "education"
]
Status = Literal["met", "partial", "missing"]
Requirement = Literal["required", "preferred"]
DegreeLevel = Literal["bachelor", "master", "phd"]
Relation = Literal["narrower", "sibling", "broader"]

BUDGET: dict[Component, int] = {
    "required_skills": 50,
    "preferred_skills": 15,
    "title": 15,
    "seniority": 5,
    "years": 10,
    "education": 5,
}
COMPONENT_LABELS: dict[Component, str] = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "title": "Title",
    "seniority": "Seniority",
    "years": "Years of experience",
    "education": "Education",
}
PARTIAL_CREDIT: dict[Relation, float] = {"narrower": 0.75, "sibling": 0.5, "broader": 0.25}
# A parent with more children than this ("machine learning", "programming languages") is
# too broad to make two of its children stand in for each other.
MAX_FAMILY = 15
RELATED_FAMILY_CREDIT = 0.5
# Role families close enough that experience in one carries much of the way to the other.
RELATED_FAMILIES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("mle", "as"),
        ("mle", "rs"),
        ("mle", "ds"),
        ("mle", "swe"),
        ("mle", "data_eng"),
        ("ds", "as"),
        ("ds", "rs"),
        ("ds", "analyst"),
        ("as", "rs"),
        ("data_eng", "swe"),
        ("data_eng", "ds"),
    )
)
FAMILY_LABELS = {f: family_phrase(f) for f in ROLE_FAMILY_LABELS}
LADDER = {"intern": 0, "junior": 1, "mid": 2, "senior": 3, "staff_plus": 4, "lead_manager": 4}
# Years of work read as a level when the title states none.
YEARS_TO_LEVEL: tuple[tuple[float, str], ...] = ((2, "junior"), (5, "mid"), (8, "senior"))
DEGREE_RANK: dict[DegreeLevel, int] = {"bachelor": 1, "master": 2, "phd": 3}
DEGREE_LABELS: dict[DegreeLevel, str] = {
    "bachelor": "bachelor's",
    "master": "master's",
    "phd": "PhD",
}
SECTION_LABELS: dict[str, str] = {
    "top": "the header",
    "summary": "Summary",
    "experience": "Experience",
    "projects": "Projects",
    "skills": "Skills",
    "education": "Education",
}
# Sections whose lines show a skill used, as opposed to listed.
USED_IN: frozenset[str] = frozenset(
    {"experience", "projects", "summary", "publications", "volunteering", "leadership", "top"}
)
QUOTE_CHARS = 200
# Skills worth naming in a Skills list: tools and specific methods, not fields ("machine
# learning" or "computer science" say nothing a reader does not assume).
LISTABLE: frozenset[str] = frozenset(
    {
        "programming_language",
        "framework_library",
        "cloud_infrastructure",
        "data_tool",
        "ml_concept",
        "math_statistics",
    }
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


# --- features of a resume ------------------------------------------------------------------


class SkillEvidence(_Model):
    """A skill the resume names, and where."""

    skill_id: str
    label: str
    category: str
    sections: list[str]  # section kinds in order of first appearance
    lines: list[int]
    quote: str  # the first line that names it


class TitleFact(_Model):
    """The resume's most recent job title, read as a role family and a seniority."""

    text: str
    line: int | None
    source: Literal["experience", "headline"]
    role_family: str
    family_evidence: str
    seniority: str
    seniority_stated: bool
    seniority_evidence: str


class DegreeFact(_Model):
    level: DegreeLevel
    quote: str
    line: int | None


class ProjectFact(_Model):
    """A project the person has: from the resume's Projects section or a projects file."""

    name: str
    text: str
    skill_ids: list[str]
    labels: list[str]
    source: Literal["resume", "file"]
    line: int | None = None
    link: str | None = None


class ResumeFeatures(_Model):
    """What matching reads from a resume."""

    name: str
    skills: list[SkillEvidence]
    title: TitleFact | None
    career_years: float | None
    years_evidence: str
    years_line: int | None  # the line of the earliest Experience date
    years_quote: str | None
    degree: DegreeFact | None
    has_skills_section: bool
    projects: list[ProjectFact]

    def skill(self, skill_id: str) -> SkillEvidence | None:
        return next((s for s in self.skills if s.skill_id == skill_id), None)


class SkillMention(Protocol):
    """A skill found in a posting: `FoundSkill` or a stored `PostingSkill` row."""

    @property
    def skill_id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def requirement(self) -> str | None: ...
    @property
    def years(self) -> float | None: ...


class AskedSkill(_Model):
    """A skill a posting asks for, as required or preferred, and why it counts as that."""

    skill_id: str
    label: str
    category: str
    requirement: Requirement
    basis: str
    years: float | None
    quote: str


class PostingFeatures(_Model):
    """What matching reads from a posting."""

    posting_id: int | None
    title: str
    company: str | None
    role_family: str
    family_evidence: str
    seniority: str
    seniority_stated: bool
    seniority_evidence: str
    skills: list[AskedSkill]
    soft_skills: list[AskedSkill]  # listed, not scored: a resume shows them, it does not name them
    years_asked: float | None
    years_quote: str | None
    degree_asked: DegreeLevel | None
    degree_quote: str | None


# --- the report ----------------------------------------------------------------------------


class MatchItem(_Model):
    """One scored line of the explanation."""

    component: Component
    name: str
    skill_id: str | None = None
    status: Status
    credit: float
    points: float
    max_points: float
    explanation: str
    resume_evidence: list[Evidence]
    posting_evidence: str | None = None


class ComponentScore(_Model):
    component: Component
    label: str
    budget: int  # out of 100 when every part applies
    max_points: float  # after sharing the budgets of parts left out
    points: float
    items: int


class Suggestion(_Model):
    """A change to the resume that surfaces a skill it already shows."""

    kind: Literal["name_in_skills", "show_in_bullet", "surface_related"]
    skill_id: str  # always a skill the resume names
    label: str
    text: str
    evidence: list[Evidence]


class MatchGap(_Model):
    """A skill the posting asks for that the resume does not name."""

    skill_id: str
    label: str
    requirement: Requirement
    status: Literal["partial", "missing"]
    related_skill: str | None  # the resume's related skill, for a partial match
    relation: str | None
    advice: str


class MatchReport(_Model):
    resume_name: str
    resume_ref: str | None = None
    posting: PostingFeatures
    score: float
    score_explanation: str
    components: list[ComponentScore]
    items: list[MatchItem]
    suggestions: list[Suggestion]
    gaps: list[MatchGap]
    unscored: list[AskedSkill]
    notes: list[str]


# --- reading a resume ----------------------------------------------------------------------


def resume_features(
    doc: ResumeDocument, *, today: date, taxonomy: Taxonomy | None = None
) -> ResumeFeatures:
    """Skills with their lines, most recent title, career span, degree and projects."""
    taxonomy = taxonomy or load_taxonomy()
    kinds = _line_kinds(doc)
    skills = _resume_skills(doc, kinds, taxonomy)
    years, years_evidence, years_line = career_span(doc, kinds, today)
    years_quote = _clip(doc.lines[years_line].text) if years_line is not None else None
    return ResumeFeatures(
        name=doc.name,
        skills=skills,
        title=recent_title(doc, kinds),
        career_years=years,
        years_evidence=years_evidence,
        years_line=years_line,
        years_quote=years_quote,
        degree=resume_degree(doc, kinds),
        has_skills_section=bool(doc.sections_of("skills")),
        projects=resume_projects(doc, skills),
    )


def _line_kinds(doc: ResumeDocument) -> dict[int, SectionKind]:
    kinds: dict[int, SectionKind] = {}
    for section in doc.sections:
        if section.heading_line is not None:
            kinds[section.heading_line] = section.kind
        for i in section.lines:
            kinds[i] = section.kind
    return kinds


def _line_starts(doc: ResumeDocument) -> list[int]:
    starts, offset = [], 0
    for line in doc.lines:
        starts.append(offset)
        offset += len(line.text) + 1  # the text joins lines with "\n"
    return starts


def _line_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _contact_spans(doc: ResumeDocument, starts: list[int]) -> list[tuple[int, int]]:
    """Where emails and links sit in the text: "github.com/jane-ml" names no skill."""
    spans = []
    for contact in doc.contacts:
        if contact.line is None:
            continue
        text = doc.lines[contact.line].text
        for m in re.finditer(re.escape(contact.value), text):
            spans.append((starts[contact.line] + m.start(), starts[contact.line] + m.end()))
    return spans


def _resume_skills(
    doc: ResumeDocument, kinds: dict[int, SectionKind], taxonomy: Taxonomy
) -> list[SkillEvidence]:
    starts = _line_starts(doc)
    contacts = _contact_spans(doc, starts)
    found: dict[str, tuple[FoundSkill, list[int]]] = {}
    for mention in extract_skills(doc.text, taxonomy=taxonomy):
        if any(a <= mention.start and mention.end <= b for a, b in contacts):
            continue
        line = _line_at(starts, mention.start)
        entry = found.setdefault(mention.skill_id, (mention, []))
        if line not in entry[1]:
            entry[1].append(line)
    out = []
    for mention, lines in found.values():
        sections = list(dict.fromkeys(kinds.get(i, "other") for i in lines))
        out.append(
            SkillEvidence(
                skill_id=mention.skill_id,
                label=mention.label,
                category=mention.category,
                sections=sections,
                lines=lines,
                quote=_clip(doc.lines[lines[0]].text),
            )
        )
    return out


def _and(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(words)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """A line as quoted: bullet glyph dropped, spaces single, at most `limit` characters."""
    text = " ".join(BULLET.sub("", text, count=1).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _experience_lines(kinds: dict[int, SectionKind]) -> set[int]:
    return {i for i, kind in kinds.items() if kind == "experience"}


def _as_date(value: str, *, end: bool) -> date:
    year, _, month = value.partition("-")
    # A year alone starts in January and, as an end, runs to December.
    return date(int(year), int(month) if month else (12 if end else 1), 1)


def _recency(span: DateSpan) -> str:
    return "9999" if span.ongoing else (span.end or span.start)


def career_span(
    doc: ResumeDocument, kinds: dict[int, SectionKind], today: date
) -> tuple[float | None, str, int | None]:
    """Years from the earliest start to the latest end of the Experience dates."""
    lines = _experience_lines(kinds)
    spans = [d for d in doc.dates if d.line in lines]
    if not spans:
        return None, "no dates in the Experience section to measure a career by", None
    first = min(spans, key=lambda d: d.start)
    last = max(spans, key=_recency)
    start = _as_date(first.start, end=False)
    end = today if last.ongoing else _as_date(last.end or last.start, end=True)
    years = round(max(0.0, (end - start).days / 365.25), 1)
    until = "today" if last.ongoing else (last.end or last.start)
    text = f"from {first.start} (line {first.line + 1}) to {until}: {years:g} years"
    return years, text, first.line


_DATE_LEFTOVER = re.compile(r"\(\s*\)|\[\s*\]|[\s|·•,;:–—-]+$|^[\s|·•,;:–—-]+")


def recent_title(doc: ResumeDocument, kinds: dict[int, SectionKind]) -> TitleFact | None:
    """The job title beside the most recent Experience date, else the headline's."""
    lines = _experience_lines(kinds)
    bullets = {i for b in doc.bullets for i in b.lines}
    spans = sorted((d for d in doc.dates if d.line in lines), key=_recency, reverse=True)
    if spans:
        latest = spans[0]
        candidates: list[tuple[str, int]] = []
        for i in (latest.line, latest.line - 1, latest.line + 1, latest.line - 2):
            if i in lines and i not in bullets:
                text = doc.lines[i].text.replace(latest.text, " ") if i == latest.line else None
                text = _DATE_LEFTOVER.sub("", text if text is not None else doc.lines[i].text)
                if len(text.split()) >= 1:
                    candidates.append((text.strip(), i))
        fact = _first_title(candidates, "experience")
        if fact is not None:
            return fact
    top = [
        (doc.lines[i].text, i)
        for s in doc.sections
        if s.kind in ("top", "summary")
        for i in s.lines[:3]
    ]
    return _first_title(top, "headline")


def _first_title(
    candidates: Iterable[tuple[str, int]], source: Literal["experience", "headline"]
) -> TitleFact | None:
    for text, line in candidates:
        # "Machine Learning Engineer · jane@example.com": the title is the first part.
        head = re.split(r"\s[·|•]\s", text)[0]
        tc = classify_title(head)
        if tc.role_family.value != "other":
            return TitleFact(
                text=_clip(head, 120),
                line=line,
                source=source,
                role_family=tc.role_family.value,
                family_evidence=tc.family_evidence,
                seniority=tc.seniority.value,
                seniority_stated=tc.seniority_stated,
                seniority_evidence=tc.seniority_evidence,
            )
    return None


# Degree words in a resume's Education section, where "MS" can only mean a degree.
RESUME_DEGREES: dict[DegreeLevel, re.Pattern[str]] = {
    "phd": re.compile(r"\bph\.?\s?d\b|doctor of philosophy|doctorate|\bdphil\b", re.IGNORECASE),
    "master": re.compile(
        r"\bmaster(?:'s|s)?\b|\bm\.?\s?sc\b|\bm\.s\.?|\bms\b|\bm\.?eng\b|\bmba\b|\bm\.?tech\b"
        r"|\bm\.a\.|\bmres\b|\bmphil\b",
        re.IGNORECASE,
    ),
    "bachelor": re.compile(
        r"\bbachelor(?:'s|s)?\b|\bb\.?\s?sc\b|\bb\.s\.?|\bbs\b|\bb\.?eng\b|\bb\.?tech\b|\bb\.a\.|"
        r"\bba\b|\bundergraduate\b|\blicence\b|\blicenciatura\b",
        re.IGNORECASE,
    ),
}
# In a posting "MS" and "BA" are read only where they stand as degrees ("BS/MS", "MS or PhD").
POSTING_DEGREES: dict[DegreeLevel, re.Pattern[str]] = {
    "phd": RESUME_DEGREES["phd"],
    "master": re.compile(
        r"\bmaster(?:'s|s)?\b(?! data)|\bm\.?\s?sc\b|\bm\.s\.|\bm\.?eng\b|\bmba\b|\bm\.?tech\b"
        r"|(?<![\w.])ms(?=\s*(?:/|,|\bor\b|\bin\b|\bdegree\b|\)))|(?<=/)ms\b"
        r"|\bgraduate degree\b",
        re.IGNORECASE,
    ),
    "bachelor": re.compile(
        r"\bbachelor(?:'s|s)?\b|\bb\.?\s?sc\b|\bb\.s\.|\bb\.?eng\b|\bb\.?tech\b"
        r"|(?<![\w.])b[sa](?=\s*(?:/|,|\bor\b|\bin\b|\bdegree\b|\)))|(?<=/)b[sa]\b"
        r"|\bundergraduate degree\b",
        re.IGNORECASE,
    ),
}


def resume_degree(doc: ResumeDocument, kinds: dict[int, SectionKind]) -> DegreeFact | None:
    """The highest degree the Education section names (the whole resume without one)."""
    lines = [i for i, kind in kinds.items() if kind == "education"] or range(len(doc.lines))
    best: DegreeFact | None = None
    for i in sorted(lines):
        text = doc.lines[i].text
        for level, pattern in RESUME_DEGREES.items():
            if pattern.search(text) and (
                best is None or DEGREE_RANK[level] > DEGREE_RANK[best.level]
            ):
                best = DegreeFact(level=level, quote=_clip(text), line=i)
    return best


_NAME_CUT = re.compile(r"\s*(?::|\s[–—-]\s|\(|\|)\s*")


def resume_projects(doc: ResumeDocument, skills: Sequence[SkillEvidence]) -> list[ProjectFact]:
    """Projects in the Projects section: a title line with its bullets, or one bullet each."""
    bullet_of = {i: b for b in doc.bullets for i in b.lines}
    projects = []
    for section in doc.sections_of("projects"):
        for lines in _project_entries(section.lines, bullet_of):
            first = lines[0]
            bullet = bullet_of.get(first)
            head = bullet.text if bullet is not None else doc.lines[first].text
            text = " ".join(
                dict.fromkeys(
                    bullet_of[i].text if i in bullet_of else doc.lines[i].text for i in lines
                )
            )
            members = set(lines)
            own = [s for s in skills if members & set(s.lines)]
            projects.append(
                ProjectFact(
                    name=_project_name(head),
                    text=_clip(text, 600),
                    skill_ids=[s.skill_id for s in own],
                    labels=[s.label for s in own],
                    source="resume",
                    line=first,
                )
            )
    return projects


def _project_entries(lines: list[int], bullet_of: dict[int, Bullet]) -> list[list[int]]:
    """Line groups, one per project: a section with title lines groups bullets under them;
    a section of bullets only makes each bullet a project."""
    headed = any(i not in bullet_of for i in lines)
    entries: list[list[int]] = []
    for i in lines:
        bullet = bullet_of.get(i)
        # A title line opens an entry; without titles, each bullet's first line does.
        starts = bullet is None if headed else bullet is not None and bullet.lines[0] == i
        if starts or not entries:
            entries.append([i])
        else:
            entries[-1].append(i)
    return entries


def _project_name(text: str) -> str:
    head = _NAME_CUT.split(text.strip(), maxsplit=1)[0].strip("*_ ")
    words = head.split()
    return " ".join(words[:10]) if words else _clip(text, 60)


# --- reading a posting ---------------------------------------------------------------------


def posting_features(
    title: str,
    description: str,
    mentions: Sequence[SkillMention] | None = None,
    *,
    posting_id: int | None = None,
    company: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> PostingFeatures:
    """Skills asked (required or preferred, with why), title, years and degree asked.

    `mentions` are the skills stored with the posting; without them they are extracted.
    """
    found: Sequence[SkillMention] = (
        mentions
        if mentions is not None
        else extract_skills(description, posting=True, taxonomy=taxonomy)
    )
    asked = _asked_skills(description, found)
    tc = classify_title(title)
    years, years_quote = _years_asked(description)
    degree, degree_quote = posting_degree(description)
    return PostingFeatures(
        posting_id=posting_id,
        title=title,
        company=company,
        role_family=tc.role_family.value,
        family_evidence=tc.family_evidence,
        seniority=tc.seniority.value,
        seniority_stated=tc.seniority_stated,
        seniority_evidence=tc.seniority_evidence,
        skills=[a for a in asked if a.category != "soft_skill"],
        soft_skills=[a for a in asked if a.category == "soft_skill"],
        years_asked=years,
        years_quote=years_quote,
        degree_asked=degree,
        degree_quote=degree_quote,
    )


def _asked_skills(description: str, found: Sequence[SkillMention]) -> list[AskedSkill]:
    first: dict[str, SkillMention] = {}
    strongest: dict[str, str | None] = {}
    years: dict[str, float | None] = {}
    for m in found:
        first.setdefault(m.skill_id, m)
        old = strongest.get(m.skill_id)
        if m.requirement == "required" or old is None:
            strongest[m.skill_id] = m.requirement or old
        if m.years is not None:
            years[m.skill_id] = max(m.years, years.get(m.skill_id) or 0.0)
    any_required = any(r == "required" for r in strongest.values())
    out = []
    for skill_id, m in first.items():
        requirement, basis = _requirement(strongest[skill_id], any_required)
        out.append(
            AskedSkill(
                skill_id=skill_id,
                label=m.label,
                category=m.category,
                requirement=requirement,
                basis=basis,
                years=years.get(skill_id),
                quote=_quote_around(description, m.start, m.end),
            )
        )
    return out


def _requirement(marked: str | None, any_required: bool) -> tuple[Requirement, str]:
    if marked == "required":
        return "required", "marked required in the posting"
    if marked == "preferred":
        return "preferred", "marked preferred in the posting"
    if not any_required:
        return "required", "named in a posting that marks no skill required: counted as required"
    return "preferred", "named outside the posting's requirements: counted as preferred"


def _quote_around(text: str, start: int, end: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : hi if hi >= 0 else len(text)].strip()
    if len(line) <= QUOTE_CHARS:
        return line
    # A long paragraph: the sentence around the mention is enough to show where it is.
    left = max(text.rfind(". ", lo, start) + 2, lo, start - QUOTE_CHARS // 2)
    return _clip(text[left : min(len(text), end + QUOTE_CHARS // 2)])


def _years_asked(description: str) -> tuple[float | None, str | None]:
    """The most years any "N+ years" phrase asks: the bar a reader applies."""
    mentions = read_posting(description).years
    if not mentions:
        return None, None
    most = max(mentions, key=lambda m: m.years)
    return most.years, _quote_around(description, most.start, most.end)


def posting_degree(description: str) -> tuple[DegreeLevel | None, str | None]:
    """The lowest degree a posting names (its bar), with the line naming it."""
    lowest: tuple[DegreeLevel, int, int] | None = None
    for level, pattern in POSTING_DEGREES.items():
        m = pattern.search(description)
        if m and (lowest is None or DEGREE_RANK[level] < DEGREE_RANK[lowest[0]]):
            lowest = (level, m.start(), m.end())
    if lowest is None:
        return None, None
    return lowest[0], _quote_around(description, lowest[1], lowest[2])


# --- skills through the taxonomy -----------------------------------------------------------


class SkillCredit(_Model):
    """How much of an asked skill the resume covers, and through which of its skills."""

    status: Status
    credit: float
    related_id: str | None = None
    related_label: str | None = None
    relation: Relation | None = None
    phrase: str = ""


@dataclass
class SkillRelations:
    """Taxonomy relations between skills, computed once per skill pair family."""

    taxonomy: Taxonomy
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict)
    _family: dict[str, int] = field(default_factory=dict)

    def ancestors(self, skill_id: str) -> frozenset[str]:
        if skill_id not in self._ancestors:
            self._ancestors[skill_id] = frozenset(a.id for a in self.taxonomy.ancestors(skill_id))
        return self._ancestors[skill_id]

    def narrow_parent(self, skill_id: str) -> bool:
        """A real skill (not a catalogue group) with few enough children to relate them."""
        if skill_id not in self._family:
            skill = self.taxonomy.get(skill_id)
            narrow = skill is not None and skill.kind != "group"
            self._family[skill_id] = (
                len(self.taxonomy.children(skill_id)) if narrow else MAX_FAMILY + 1
            )
        return self._family[skill_id] <= MAX_FAMILY

    def relation(self, have: str, asked: str) -> tuple[Relation, str | None] | None:
        """How a skill the resume has relates to the one asked (and the shared parent)."""
        if asked in self.ancestors(have):
            return "narrower", None
        have_skill, asked_skill = self.taxonomy.get(have), self.taxonomy.get(asked)
        if have_skill is None or asked_skill is None:
            return None
        for parent in asked_skill.parents:
            if parent in have_skill.parents and self.narrow_parent(parent):
                return "sibling", parent
        if have in asked_skill.parents and self.narrow_parent(have):
            return "broader", None
        return None

    def credit(self, asked: str, have: Sequence[SkillEvidence]) -> SkillCredit:
        """Full credit for the skill itself; else the best related skill's partial credit."""
        if any(s.skill_id == asked for s in have):
            return SkillCredit(status="met", credit=1.0)
        best: SkillCredit | None = None
        asked_label = self._label(asked)
        for s in have:
            found = self.relation(s.skill_id, asked)
            if found is None:
                continue
            relation, parent = found
            credit = PARTIAL_CREDIT[relation]
            if best is None or credit > best.credit:
                best = SkillCredit(
                    status="partial",
                    credit=credit,
                    related_id=s.skill_id,
                    related_label=s.label,
                    relation=relation,
                    phrase=self._phrase(relation, s.label, asked_label, parent),
                )
        return best or SkillCredit(status="missing", credit=0.0)

    def _label(self, skill_id: str) -> str:
        skill = self.taxonomy.get(skill_id)
        return skill.label if skill else skill_id

    def _phrase(self, relation: Relation, have: str, asked: str, parent: str | None) -> str:
        if relation == "narrower":
            return f"you name {have}, a kind of {asked}"
        if relation == "sibling":
            return f"you name {have}; it and {asked} are both {self._label(parent or '')}"
        return f"you name {have}, of which {asked} is one kind"


# --- the explanation -----------------------------------------------------------------------


@dataclass
class ItemDraft:
    """An item before points are allotted."""

    component: Component
    name: str
    status: Status
    credit: float
    explanation: str
    resume_evidence: list[Evidence]
    posting_evidence: str | None = None
    skill_id: str | None = None


def explain_match(
    resume: ResumeFeatures, posting: PostingFeatures, *, taxonomy: Taxonomy | None = None
) -> MatchReport:
    """The fit of a resume to a posting: every item with its points, suggestions, gaps."""
    relations = SkillRelations(taxonomy or load_taxonomy())
    credits = {a.skill_id: relations.credit(a.skill_id, resume.skills) for a in posting.skills}
    drafts = [
        *_skill_drafts(resume, posting, credits, "required"),
        *_skill_drafts(resume, posting, credits, "preferred"),
        *_title_drafts(resume, posting),
        *_seniority_drafts(resume, posting),
        *_years_drafts(resume, posting),
        *_education_drafts(resume, posting),
    ]
    items = allot(drafts)
    components = _components(items)
    score = _tenths(sum(round(i.points * 10) for i in items))
    return MatchReport(
        resume_name=resume.name,
        posting=posting,
        score=score,
        score_explanation=_score_text(components, score),
        components=components,
        items=items,
        suggestions=suggestions(resume, posting, credits, relations),
        gaps=_gaps(posting, credits),
        unscored=posting.soft_skills,
        notes=_notes(posting, components),
    )


def _skill_drafts(
    resume: ResumeFeatures,
    posting: PostingFeatures,
    credits: dict[str, SkillCredit],
    requirement: Requirement,
) -> list[ItemDraft]:
    component: Component = "required_skills" if requirement == "required" else "preferred_skills"
    drafts = []
    for asked in (a for a in posting.skills if a.requirement == requirement):
        credit = credits[asked.skill_id]
        evidence: list[Evidence] = []
        if credit.status == "met":
            have = resume.skill(asked.skill_id)
            assert have is not None
            where = _and(SECTION_LABELS.get(s, s) for s in have.sections)
            text = f"{asked.label}: named in {where}."
            evidence = [Evidence(text=have.quote, line=have.lines[0])]
        elif credit.status == "partial":
            have = resume.skill(credit.related_id or "")
            text = f"{asked.label}: not named, but {credit.phrase} ({credit.credit:g} credit)."
            if have is not None:
                evidence = [Evidence(text=have.quote, line=have.lines[0])]
        else:
            text = f"{asked.label}: not found in the resume."
        drafts.append(
            ItemDraft(
                component=component,
                name=asked.label,
                skill_id=asked.skill_id,
                status=credit.status,
                credit=credit.credit,
                explanation=f"{text} Asked: {asked.basis}.",
                resume_evidence=evidence,
                posting_evidence=asked.quote,
            )
        )
    return drafts


def _missing(component: Component, name: str, text: str, quote: str | None) -> ItemDraft:
    return ItemDraft(component, name, "missing", 0.0, text, [], quote)


def families_fit(resume_family: str, posting_family: str) -> float:
    """1 for the same role family, 0.5 for neighbouring ones, else 0."""
    if resume_family == posting_family:
        return 1.0
    if frozenset((resume_family, posting_family)) in RELATED_FAMILIES:
        return RELATED_FAMILY_CREDIT
    return 0.0


def _title_drafts(resume: ResumeFeatures, posting: PostingFeatures) -> list[ItemDraft]:
    if posting.role_family == "other":
        return []
    wanted = FAMILY_LABELS.get(posting.role_family, posting.role_family)
    title = resume.title
    if title is None:
        text = (
            f"The posting is for a {wanted} role; no job title was found in your Experience "
            "section or headline to compare with."
        )
        return [_missing("title", "Role family", text, posting.title)]
    credit = families_fit(title.role_family, posting.role_family)
    have = FAMILY_LABELS.get(title.role_family, title.role_family)
    status: Status = "met" if credit == 1 else "partial" if credit else "missing"
    where = "most recent title" if title.source == "experience" else "headline"
    relation = {1.0: "the same family", 0.0: "a different family"}.get(
        credit, "a neighbouring family"
    )
    text = f"Your {where} '{title.text}' reads as {have}; the posting is for {wanted}: {relation}."
    evidence = [Evidence(text=title.text, line=title.line)]
    return [ItemDraft("title", "Role family", status, credit, text, evidence, posting.title)]


def resume_level(resume: ResumeFeatures) -> tuple[str | None, str]:
    """The resume's seniority: stated in its title, else read from its career span."""
    if resume.title is not None and resume.title.seniority_stated:
        return (
            resume.title.seniority,
            f"your title '{resume.title.text}' says {resume.title.seniority}",
        )
    if resume.career_years is not None:
        level = next(
            (lv for most, lv in YEARS_TO_LEVEL if resume.career_years < most), "staff_plus"
        )
        return level, f"{resume.career_years:g} years of experience read as {level}"
    return None, "neither your title nor your dates say"


def _seniority_drafts(resume: ResumeFeatures, posting: PostingFeatures) -> list[ItemDraft]:
    if not posting.seniority_stated:
        return []
    level, why = resume_level(resume)
    if level is None:
        text = f"The posting is {posting.seniority}; {why}."
        return [_missing("seniority", "Seniority", text, posting.title)]
    steps = abs(LADDER[level] - LADDER[posting.seniority])
    credit = 1.0 if steps == 0 else 0.5 if steps == 1 else 0.0
    status: Status = "met" if steps == 0 else "partial" if steps == 1 else "missing"
    apart = "the same level" if steps == 0 else f"{steps} level{'s' if steps > 1 else ''} apart"
    text = f"The posting is {posting.seniority} ({posting.seniority_evidence}); {why}: {apart}."
    evidence = [Evidence(text=resume.title.text, line=resume.title.line)] if resume.title else []
    return [ItemDraft("seniority", "Seniority", status, credit, text, evidence, posting.title)]


def _years_drafts(resume: ResumeFeatures, posting: PostingFeatures) -> list[ItemDraft]:
    asked = posting.years_asked
    if asked is None:
        return []
    have = resume.career_years
    if have is None:
        text = f"The posting asks {asked:g}+ years; {resume.years_evidence}."
        return [_missing("years", "Years of experience", text, posting.years_quote)]
    credit = min(1.0, have / asked)
    status: Status = "met" if credit >= 1 else "partial" if credit > 0 else "missing"
    text = f"The posting asks {asked:g}+ years; your Experience dates run {resume.years_evidence}."
    if credit < 1:
        text += f" {have:g} / {asked:g} = {credit:.2f} credit."
    evidence = (
        [Evidence(text=resume.years_quote or "", line=resume.years_line)]
        if resume.years_line is not None
        else []
    )
    return [
        ItemDraft(
            "years", "Years of experience", status, credit, text, evidence, posting.years_quote
        )
    ]


def _education_drafts(resume: ResumeFeatures, posting: PostingFeatures) -> list[ItemDraft]:
    asked = posting.degree_asked
    if asked is None:
        return []
    degree = resume.degree
    wanted = DEGREE_LABELS[asked]
    if degree is None:
        text = f"The posting names a {wanted} degree; no degree was found in your resume."
        return [_missing("education", "Education", text, posting.degree_quote)]
    below = DEGREE_RANK[asked] - DEGREE_RANK[degree.level]
    credit = 1.0 if below <= 0 else 0.5 if below == 1 else 0.0
    status: Status = "met" if below <= 0 else "partial" if below == 1 else "missing"
    text = f"The posting names a {wanted} degree; you hold a {DEGREE_LABELS[degree.level]}."
    evidence = [Evidence(text=degree.quote, line=degree.line)]
    return [
        ItemDraft("education", "Education", status, credit, text, evidence, posting.degree_quote)
    ]


def allot(drafts: Sequence[ItemDraft]) -> list[MatchItem]:
    """Give each item its maximum and its points, in tenths that add up exactly."""
    counts: dict[Component, int] = {}
    for d in drafts:
        counts[d.component] = counts.get(d.component, 0) + 1
    present = sum(BUDGET[c] for c in counts)
    if not drafts:
        return []
    exact = [Fraction(BUDGET[d.component] * 1000, present * counts[d.component]) for d in drafts]
    tenths = [math.floor(x) for x in exact]
    # Largest remainder: the tenths lost to flooring go to the items that lost the most.
    order = sorted(range(len(drafts)), key=lambda i: (-(exact[i] - tenths[i]), i))
    for i in order[: 1000 - sum(tenths)]:
        tenths[i] += 1
    return [
        MatchItem(
            component=d.component,
            name=d.name,
            skill_id=d.skill_id,
            status=d.status,
            credit=round(d.credit, 4),
            points=_tenths(math.floor(t * d.credit + 0.5)),
            max_points=_tenths(t),
            explanation=d.explanation,
            resume_evidence=d.resume_evidence,
            posting_evidence=d.posting_evidence,
        )
        for d, t in zip(drafts, tenths, strict=True)
    ]


def _tenths(n: int) -> float:
    return round(n / 10, 1)


def _components(items: Sequence[MatchItem]) -> list[ComponentScore]:
    out = []
    for component, budget in BUDGET.items():
        mine = [i for i in items if i.component == component]
        if not mine:
            continue
        out.append(
            ComponentScore(
                component=component,
                label=COMPONENT_LABELS[component],
                budget=budget,
                max_points=_tenths(sum(round(i.max_points * 10) for i in mine)),
                points=_tenths(sum(round(i.points * 10) for i in mine)),
                items=len(mine),
            )
        )
    return out


def _score_text(components: Sequence[ComponentScore], score: float) -> str:
    if not components:
        return "0: the posting gives nothing to compare with."
    parts = " + ".join(f"{c.label.lower()} {c.points:g}/{c.max_points:g}" for c in components)
    return f"{parts} = {score:g}/100"


def _notes(posting: PostingFeatures, components: Sequence[ComponentScore]) -> list[str]:
    missing = [c for c in BUDGET if c not in {x.component for x in components}]
    if not missing or not components:
        return []
    why = {
        "required_skills": "names no required skill",
        "preferred_skills": "names no preferred skill",
        "title": "has a title landml cannot place in a role family",
        "seniority": "states no seniority in its title",
        "years": "asks no number of years",
        "education": "names no degree",
    }
    freed = sum(BUDGET[c] for c in missing)
    reasons = "; it ".join(why[c] for c in missing)
    return [
        f"The posting {reasons}: those {freed} points are shared among the other parts in "
        "proportion to their budgets."
    ]


# --- suggestions and gaps ------------------------------------------------------------------


def suggestions(
    resume: ResumeFeatures,
    posting: PostingFeatures,
    credits: dict[str, SkillCredit],
    relations: SkillRelations,
) -> list[Suggestion]:
    """Ways to surface skills the resume shows and the posting asks for; never a new skill."""
    out: list[Suggestion] = []
    ordered = sorted(posting.skills, key=lambda a: a.requirement != "required")
    surfaced: set[str] = set()
    for asked in ordered:
        credit = credits[asked.skill_id]
        if credit.status == "met":
            have = resume.skill(asked.skill_id)
            if have is not None:
                listable = have.category in LISTABLE and relations.narrow_parent(have.skill_id)
                out += _placement(resume, have, asked.requirement, listable=listable)
        elif credit.status == "partial" and credit.related_id not in surfaced:
            have = resume.skill(credit.related_id or "")
            if have is not None:
                surfaced.add(have.skill_id)
                out.append(_surface_related(have))
    return out


def _placement(
    resume: ResumeFeatures, have: SkillEvidence, requirement: str, *, listable: bool
) -> list[Suggestion]:
    evidence = [Evidence(text=have.quote, line=have.lines[0])]
    used = [s for s in have.sections if s in USED_IN]
    if not listable:
        return []
    if resume.has_skills_section and "skills" not in have.sections:
        where = _and(SECTION_LABELS.get(s, s) for s in have.sections)
        return [
            Suggestion(
                kind="name_in_skills",
                skill_id=have.skill_id,
                label=have.label,
                text=f"{have.label} appears only in {where}; name it in your Skills section "
                f"too, where an ATS looks for it (the posting lists it as {requirement}).",
                evidence=evidence,
            )
        ]
    if not used and "skills" in have.sections:
        return [
            Suggestion(
                kind="show_in_bullet",
                skill_id=have.skill_id,
                label=have.label,
                text=f"{have.label} is only listed in Skills; add it to the bullet of the work "
                f"or project where you used it (the posting lists it as {requirement}).",
                evidence=evidence,
            )
        ]
    return []


def _surface_related(have: SkillEvidence) -> Suggestion:
    return Suggestion(
        kind="surface_related",
        skill_id=have.skill_id,
        label=have.label,
        text=f"The posting asks for a skill close to {have.label}: say concretely what you "
        f"built with {have.label} and the result, so a reader sees how it carries over.",
        evidence=[Evidence(text=have.quote, line=have.lines[0])],
    )


def _gaps(posting: PostingFeatures, credits: dict[str, SkillCredit]) -> list[MatchGap]:
    out = []
    ordered = sorted(posting.skills, key=lambda a: a.requirement != "required")
    for asked in ordered:
        credit = credits[asked.skill_id]
        if credit.status == "met":
            continue
        partial = credit.status == "partial"
        advice = (
            f"Close it by using {asked.label} in a project or at work; until then, show "
            f"how {credit.related_label} carries over rather than listing {asked.label}."
            if partial
            else f"Close it by using {asked.label} in a project or at work before listing it."
        )
        out.append(
            MatchGap(
                skill_id=asked.skill_id,
                label=asked.label,
                requirement=asked.requirement,
                status="partial" if partial else "missing",
                related_skill=credit.related_label,
                relation=credit.phrase or None,
                advice=advice,
            )
        )
    return out
