"""Checking a job talk outline: one theme, a roadmap early, time that fits the slot.

A research job talk is judged as much on its shape as on its results: a single thesis that
every part serves, a roadmap early so the audience knows where it is going, an introduction
that does not eat the talk, future work that shows where the research goes next, and time
left for questions. `check_job_talk` takes an outline (structured, or as text with one part
per line and its minutes) and reports what to fix.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from landml.errors import InvalidInput
from landml.prep.findings import Finding, by_severity

PartKind = Literal["intro", "roadmap", "core", "future", "conclusion", "qa"]
DEFAULT_SLOT_MINUTES = 60
# Shares of the talk (without questions) beyond which the audience loses the thread.
MAX_INTRO_SHARE = 0.2
MAX_PART_SHARE = 0.4
ROADMAP_LATEST_SHARE = 0.2
ROADMAP_LATEST_INDEX = 2  # the roadmap should be among the first three parts
MIN_QA_SHARE = 0.1  # of the slot
MIN_IMPLICIT_QA_MINUTES = 5
UNDER_SLOT_SHARE = 0.1  # plans shorter than the slot by more than this leave time unplanned
MAX_CORE_PARTS = 6

_KIND_CUES: tuple[tuple[PartKind, re.Pattern[str]], ...] = (
    ("qa", re.compile(r"\b(q\s*&\s*a|q\s*and\s*a|questions|discussion)\b", re.IGNORECASE)),
    (
        "roadmap",
        re.compile(r"\b(roadmap|outline|agenda|overview|plan of (the|this) talk)\b", re.IGNORECASE),
    ),
    (
        "future",
        re.compile(
            r"\b(future (work|directions?)|next steps|what'?s next|research agenda|vision)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "conclusion",
        re.compile(r"\b(conclusions?|summary|takeaways?|wrap[- ]up|closing)\b", re.IGNORECASE),
    ),
    ("intro", re.compile(r"\b(intro(duction)?|motivation|background)\b", re.IGNORECASE)),
)
_MINUTES = re.compile(r"(\d+(?:\.\d+)?)\s*(?:minutes|minute|mins|min|m)\b", re.IGNORECASE)
_PART_LINE = re.compile(r"^(?:#+\s*|\d+[.)]\s*|[-*•]\s+)(?P<body>.+)$")
_FIELD_LINE = re.compile(r"^(?P<key>title|thesis|theme|slot)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
# fmt: off
_STOPWORDS = frozenset((
    "the", "and", "for", "with", "from", "into", "onto", "over", "under", "about", "this",
    "that", "these", "those", "their", "there", "what", "when", "where", "which", "while",
    "your", "our", "how", "why", "are", "was", "were", "been", "being", "have", "has", "had",
    "towards", "toward", "using", "via", "can", "could", "should", "would", "will", "part",
    "talk", "make", "makes", "making", "only", "just", "more", "less", "very", "then",
    "than", "also",
))
# fmt: on


class TalkPart(BaseModel):
    """One part of the talk: its title, planned minutes and optional notes."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1)
    minutes: float | None = Field(default=None, gt=0)
    notes: str = ""


class JobTalkOutline(BaseModel):
    """A job talk outline: the title, the one-sentence thesis, and the parts in order."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = ""
    thesis: str = ""
    parts: list[TalkPart] = Field(default_factory=list)
    slot_minutes: int | None = None


class CheckedPart(BaseModel):
    title: str
    kind: PartKind
    minutes: float | None
    tied_to_theme: bool | None  # None for parts that need no tie (intro, Q&A...)


class JobTalkCheck(BaseModel):
    title: str
    thesis: str
    slot_minutes: int
    theme_words: list[str]
    parts: list[CheckedPart]
    talk_minutes: float
    qa_minutes: float
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)


def parse_outline(text: str) -> JobTalkOutline:
    """Read a text outline: 'Title:'/'Thesis:'/'Slot:' lines, then one part per bullet,
    number or heading line with its minutes ('3. Method (12 min)'); indented lines are notes.
    The first plain line is the title when no 'Title:' line is given."""
    outline = JobTalkOutline()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        field = _FIELD_LINE.match(line)
        part = _PART_LINE.match(line)
        if field:
            _set_field(outline, field.group("key").lower(), field.group("value").strip())
        elif line.startswith("# ") and not outline.title and not outline.parts:
            outline.title = line[2:].strip()
        elif raw[:1].isspace() and outline.parts and not part:
            last = outline.parts[-1]
            last.notes = f"{last.notes} {line}".strip()
        elif part:
            outline.parts.append(_part_from_line(part.group("body")))
        elif not outline.title and not outline.parts:
            outline.title = line
        elif outline.parts:
            last = outline.parts[-1]
            last.notes = f"{last.notes} {line}".strip()
    return outline


def _set_field(outline: JobTalkOutline, key: str, value: str) -> None:
    if key == "title":
        outline.title = value
    elif key in ("thesis", "theme"):
        outline.thesis = value
    else:
        minutes = _MINUTES.search(value) or re.search(r"\d+", value)
        if minutes is None:
            raise InvalidInput(f"Slot {value!r} has no minutes.", hint="Write e.g. 'Slot: 60 min'.")
        outline.slot_minutes = int(float(minutes.group(1) if minutes.groups() else minutes.group()))


def _part_from_line(body: str) -> TalkPart:
    found = _MINUTES.search(body)
    minutes = float(found.group(1)) if found else None
    title = _MINUTES.sub("", body) if found else body
    title = re.sub(r"[(\[]\s*[)\]]", "", title)  # the parentheses the minutes sat in
    title = title.strip(" -–—:,;()[]")
    return TalkPart(title=title or body, minutes=minutes)


def _kind_of(part: TalkPart) -> PartKind:
    for kind, cue in _KIND_CUES:
        if cue.search(part.title):
            return kind
    return "core"


def _stems(text: str) -> set[str]:
    # Five-letter prefixes: "retrieval" and "retrieving" meet, short function words drop out.
    words = re.findall(r"[a-z][a-z-]{3,}", text.lower())
    return {word[:5] for word in words if word not in _STOPWORDS}


def _theme_findings(outline: JobTalkOutline) -> list[Finding]:
    if not outline.title and not outline.thesis:
        return [
            Finding(
                rule="theme.missing",
                severity="error",
                message="The outline has neither a title nor a thesis.",
                fix="Write the one sentence your whole talk argues, and title the talk after it.",
            )
        ]
    if not outline.thesis:
        return [
            Finding(
                rule="theme.no_thesis",
                severity="warning",
                message="No thesis: the talk has a title but no one-sentence claim.",
                fix="Add 'Thesis: ...' — the claim every part supports.",
            )
        ]
    return []


def _tie_findings(parts: list[CheckedPart]) -> list[Finding]:
    core = [part for part in parts if part.kind == "core"]
    unlinked = [part for part in core if part.tied_to_theme is False]
    findings = [
        Finding(
            rule="theme.part_unlinked",
            severity="warning",
            message=f"'{part.title}' shares no words with the title or thesis.",
            evidence=part.title,
            fix="Say in the part's title or notes how it serves the thesis, or cut it.",
        )
        for part in unlinked
    ]
    if core and len(unlinked) * 2 > len(core):
        findings.append(
            Finding(
                rule="theme.scattered",
                severity="warning",
                message=f"{len(unlinked)} of {len(core)} main parts are not tied to the theme.",
                fix="Tell one story: rename parts after the steps of your argument.",
            )
        )
    if not core:
        findings.append(
            Finding(
                rule="parts.no_content",
                severity="error",
                message="The outline has no main parts, only framing (intro, roadmap, Q&A...).",
                fix="Add the two to four research contributions the talk presents.",
            )
        )
    elif len(core) > MAX_CORE_PARTS:
        findings.append(
            Finding(
                rule="parts.too_many",
                severity="warning",
                message=f"{len(core)} main parts are too many threads for one talk.",
                fix="Keep two to four contributions; mention the rest in one slide.",
            )
        )
    return findings


def _roadmap_findings(parts: list[CheckedPart], talk_minutes: float) -> list[Finding]:
    positions = [i for i, part in enumerate(parts) if part.kind == "roadmap"]
    if not positions:
        return [
            Finding(
                rule="roadmap.missing",
                severity="warning",
                message="No roadmap part.",
                fix="After the motivation, show the talk's parts in one slide and return to it.",
            )
        ]
    index = positions[0]
    before = sum(part.minutes or 0 for part in parts[:index] if part.kind != "qa")
    late_by_time = talk_minutes > 0 and before / talk_minutes > ROADMAP_LATEST_SHARE
    if index > ROADMAP_LATEST_INDEX or late_by_time:
        return [
            Finding(
                rule="roadmap.late",
                severity="warning",
                message=f"The roadmap comes after {before:g} minutes (part {index + 1}).",
                evidence=parts[index].title,
                fix="Move the roadmap into the first few minutes.",
            )
        ]
    return []


def _time_findings(
    parts: list[CheckedPart], slot: int, talk_minutes: float, qa_minutes: float
) -> list[Finding]:
    findings = []
    untimed = [part.title for part in parts if part.minutes is None]
    if untimed:
        findings.append(
            Finding(
                rule="time.unknown",
                severity="warning",
                message=f"{len(untimed)} part(s) have no minutes, so the timing cannot be checked.",
                evidence=", ".join(untimed),
                fix="Give every part its minutes, e.g. '3. Method (12 min)'.",
            )
        )
    total = talk_minutes + qa_minutes
    if total > slot:
        findings.append(
            Finding(
                rule="time.over",
                severity="error",
                message=f"The parts add up to {total:g} minutes for a {slot}-minute slot.",
                fix=f"Cut {total - slot:g} minutes; shorten the intro and the longest part first.",
            )
        )
    elif not untimed and total < slot * (1 - UNDER_SLOT_SHARE) and qa_minutes > 0:
        findings.append(
            Finding(
                rule="time.under",
                severity="warning",
                message=f"The parts add up to {total:g} of {slot} minutes.",
                fix="Plan the remaining minutes: a worked example or more time for questions.",
            )
        )
    return findings


def _qa_findings(parts: list[CheckedPart], slot: int, talk_minutes: float) -> list[Finding]:
    qa = [part for part in parts if part.kind == "qa"]
    if not qa:
        left = slot - talk_minutes
        if left >= MIN_IMPLICIT_QA_MINUTES:
            return [
                Finding(
                    rule="qa.implicit",
                    severity="info",
                    message=f"No Q&A part; {left:g} minutes of the slot are left for questions.",
                    fix="Name the Q&A in the outline so you protect its time.",
                )
            ]
        return [
            Finding(
                rule="qa.missing",
                severity="warning",
                message="No time is left for questions.",
                fix=f"Keep at least {round(slot * MIN_QA_SHARE)} minutes for questions.",
            )
        ]
    qa_minutes = sum(part.minutes or 0 for part in qa)
    if qa_minutes < slot * MIN_QA_SHARE:
        return [
            Finding(
                rule="qa.short",
                severity="warning",
                message=f"{qa_minutes:g} minutes for questions is short for a {slot}-minute slot.",
                fix=f"Keep at least {round(slot * MIN_QA_SHARE)} minutes for questions.",
            )
        ]
    return []


def _shape_findings(parts: list[CheckedPart], talk_minutes: float) -> list[Finding]:
    findings = []
    intro = sum(part.minutes or 0 for part in parts if part.kind == "intro")
    if talk_minutes and intro / talk_minutes > MAX_INTRO_SHARE:
        findings.append(
            Finding(
                rule="intro.too_long",
                severity="warning",
                message=f"The introduction takes {intro:g} of {talk_minutes:g} minutes.",
                fix="Keep motivation and background to about a fifth of the talk.",
            )
        )
    if not any(part.kind == "future" for part in parts):
        findings.append(
            Finding(
                rule="future.missing",
                severity="warning",
                message="No future work part.",
                fix="Show where the research goes next and what you would do in this group.",
            )
        )
    if not any(part.kind == "conclusion" for part in parts):
        findings.append(
            Finding(
                rule="conclusion.missing",
                severity="info",
                message="No conclusion part.",
                fix="End by restating the thesis and the two or three things to remember.",
            )
        )
    for part in parts:
        if (
            part.kind == "core"
            and talk_minutes
            and (part.minutes or 0) / talk_minutes > MAX_PART_SHARE
        ):
            findings.append(
                Finding(
                    rule="part.too_long",
                    severity="info",
                    message=f"'{part.title}' takes {part.minutes:g} of {talk_minutes:g} minutes.",
                    evidence=part.title,
                    fix="Split it, or make sure it is the contribution you most want remembered.",
                )
            )
    return findings


def check_job_talk(
    outline: str | JobTalkOutline, *, slot_minutes: int | None = None
) -> JobTalkCheck:
    """Check a job talk outline against its slot (60 minutes including questions by default)."""
    parsed = parse_outline(outline) if isinstance(outline, str) else outline
    if not parsed.parts and not parsed.title:
        raise InvalidInput(
            "The outline is empty.",
            hint="Give a title, a thesis and one part per line with minutes: '2. Method (12 min)'.",
        )
    slot = slot_minutes or parsed.slot_minutes or DEFAULT_SLOT_MINUTES
    if not 15 <= slot <= 180:
        raise InvalidInput(
            f"A {slot}-minute slot is not a job talk slot.",
            hint="Use 15-180 minutes; most are 45-60.",
        )
    theme = _stems(f"{parsed.title} {parsed.thesis}")
    checked = []
    for part in parsed.parts:
        kind = _kind_of(part)
        tied = bool(theme & _stems(f"{part.title} {part.notes}")) if kind == "core" else None
        checked.append(
            CheckedPart(title=part.title, kind=kind, minutes=part.minutes, tied_to_theme=tied)
        )
    qa_minutes = sum(part.minutes or 0 for part in checked if part.kind == "qa")
    talk_minutes = sum(part.minutes or 0 for part in checked if part.kind != "qa")
    findings = [
        *_theme_findings(parsed),
        *(_tie_findings(checked) if theme else []),
        *_roadmap_findings(checked, talk_minutes),
        *_time_findings(checked, slot, talk_minutes, qa_minutes),
        *_qa_findings(checked, slot, talk_minutes),
        *_shape_findings(checked, talk_minutes),
    ]
    return JobTalkCheck(
        title=parsed.title,
        thesis=parsed.thesis,
        slot_minutes=slot,
        theme_words=sorted(theme),
        parts=checked,
        talk_minutes=talk_minutes,
        qa_minutes=qa_minutes,
        findings=by_severity(findings),
    )
