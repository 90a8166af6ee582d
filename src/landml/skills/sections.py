"""What a posting says around a skill: required or preferred, and "N+ years of X".

Postings mark requirements in two ways: section headings ("Requirements", "What you'll
need", "Nice to have", "Bonus points") and words next to the skill ("Python required",
"Spark is a plus", "preferably in statistics"). A word next to the skill wins over the
heading above it; among several such words in a sentence, the nearest one wins.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

Requirement = Literal["required", "preferred"]

_PREFERRED_HEADINGS = (
    r"nice[\s-]to[\s-]haves?|bonus(?: points)?|preferred(?: qualifications| skills| experience"
    r"| requirements)?|pluses|(?:it'?s )?a plus|desired(?: skills| qualifications)?|desirable"
    r"|ideally(?: you have| you'?ll have)?|good to have|extra credit|brownie points"
    r"|(?:what )?would make you stand out|stand out if|even better if|bonus if"
    r"|additional (?:preferred )?qualifications|optional"
)
_REQUIRED_HEADINGS = (
    r"(?:job |key |basic |minimum |required |mandatory |essential |core )?requirements?"
    r"|(?:basic |minimum |required |key )?qualifications|must[\s-]haves?|must have"
    r"|what you(?:'ll| will)? need(?: to succeed)?|what you need|what we(?:'re| are) looking for"
    r"|who you are|you have|you(?:'ll)? bring|what you(?:'ll)? bring|you should have"
    r"|(?:required |key |technical )?skills(?: required| and (?:experience|qualifications))?"
    r"|skills & (?:experience|qualifications)|experience(?: required| and skills)?"
    r"|education(?: and experience)?|your (?:profile|background|experience|skills)|about you"
    r"|competencies|requirements and qualifications|qualifications and requirements"
    r"|knowledge,? skills,? (?:and|&) abilities"
)
_NEUTRAL_HEADINGS = (
    r"responsibilities|key responsibilities|duties|what you(?:'ll| will) do|the role"
    r"|about (?:us|the role|the team|the company|the job)|role overview|overview|summary"
    r"|job description|description|benefits|perks|what we offer|we offer|who we are"
    r"|compensation|salary|location|how to apply|equal opportunity.*|your impact|day[\s-]to[\s-]day"
    r"|our mission|mission|the team|why join us|why us|in this role|what you'll work on"
)
_BULLET = r"[\s#*•·◦▪\-–—>]*"
_HEADING = re.compile(
    rf"^{_BULLET}(?P<h>(?P<pref>{_PREFERRED_HEADINGS})|(?P<req>{_REQUIRED_HEADINGS})"
    rf"|(?P<neu>{_NEUTRAL_HEADINGS}))(?:\s+(?P<qual>required|preferred|needed|desired))?"
    r"\s*(?:\([^)]*\))?\s*(?P<colon>[:\-–—])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"(?P<pref>\bpreferred\b|\bpreferably\b|\bpreference\b|\ba (?:big |huge |strong )?plus\b"
    r"|\bnice[\s-]to[\s-]have\b|\bbonus\b|\bdesired\b|\bdesirable\b|\bideally\b"
    r"|\b(?:an|is an) advantage\b|\badvantageous\b|\bgood to have\b|\bnot required\b"
    r"|\boptional\b|\bhelpful\b|\bwelcome\b|\bbeneficial\b)"
    r"|(?P<req>\brequired\b|\brequires?\b|\bmust\b|\bmandatory\b|\bessential\b"
    r"|\bminimum\b|\bat least\b|\bneed to have\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
_LINE = re.compile(r"[^\n]+")
_YEAR_WORD = re.compile(r"(?:years?|yrs?)(?:['’]s?)?(?![\w-])", re.IGNORECASE)
MAX_HEADING_LINE = 80
_ATTACHED = re.compile(r"\s*[(:\-–—,]?\s*(?:with |for )?")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUMBER = r"\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS)
_YEARS = re.compile(
    rf"(?P<n>{_NUMBER})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(?:{_NUMBER})\s*)?\+?\s*"
    r"(?:\(\s*\d+\s*\)\s*)?(?:years?|yrs?)(?:['’]s?)?(?![\w-])",
    re.IGNORECASE,
)
# Longest distance (characters) between a skill and a cue or years phrase that bind.
MAX_CUE_DISTANCE = 80
MAX_YEARS_SCOPE = 160


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line and what it says about the lines below it."""

    start: int  # where its scope begins (the end of the heading itself)
    requirement: Requirement | None


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    requirement: Requirement


@dataclass(frozen=True, slots=True)
class YearsMention:
    """ "3+ years", "three years'", "2-4 yrs": the least number of years asked for."""

    start: int
    end: int
    years: float


@dataclass(frozen=True)
class PostingContext:
    """Headings, cue words and years phrases of one posting, ready to answer per skill."""

    text: str
    headings: list[Heading]
    cues: list[Cue]
    years: list[YearsMention]
    sentence_ends: list[int]

    def requirement(self, start: int, end: int) -> Requirement | None:
        """Required, preferred or unknown for the skill at text[start:end]."""
        lo, hi = self._sentence(start)
        best: tuple[int, Requirement] | None = None
        for cue in self.cues:
            if cue.end <= lo or cue.start >= hi:
                continue
            distance = start - cue.end if cue.end <= start else cue.start - end
            if distance < 0 or distance > MAX_CUE_DISTANCE:
                continue
            if best is None or distance < best[0]:
                best = (distance, cue.requirement)
        if best is not None:
            return best[1]
        i = bisect_right([h.start for h in self.headings], start) - 1
        return self.headings[i].requirement if i >= 0 else None

    def years_for(self, start: int, end: int, skills: list[tuple[int, int]]) -> float | None:
        """Years asked for the skill at text[start:end], or None.

        "Python (3+ years)" and "Python: 3 years" bind the skill just before; otherwise a
        years phrase binds the skills after it in its sentence ("5+ years of Python and
        SQL"), the nearest phrase first. `skills` are the (start, end) of all skills found.
        """
        lo, hi = self._sentence(start)
        mentions = [m for m in self.years if lo <= m.start < hi]
        for m in mentions:
            if end <= m.start and _ATTACHED.fullmatch(self.text[end : m.start]):
                return m.years
        before = [
            m
            for m in mentions
            if m.end <= start
            and start - m.end <= MAX_YEARS_SCOPE
            and not any(
                e <= m.start and _ATTACHED.fullmatch(self.text[e : m.start]) for _, e in skills
            )
        ]
        return before[-1].years if before else None

    def _sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_ends, offset)
        lo = self.sentence_ends[i - 1] if i > 0 else 0
        hi = self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)
        return lo, hi


def read_posting(text: str) -> PostingContext:
    """Find headings, requirement cue words and years phrases in a posting."""
    headings: list[Heading] = []
    cues: list[Cue] = []
    heading_spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        body = line.group()
        if len(body) > MAX_HEADING_LINE and ":" not in body[:MAX_HEADING_LINE]:
            continue  # a paragraph, not a heading
        heading, body_start = _heading(body)
        if body_start is not None:
            headings.append(Heading(line.start() + body_start, heading))
            heading_spans.append((line.start(), line.start() + body_start))
    for m in _CUE.finditer(text):
        if any(a <= m.start() < b for a, b in heading_spans):
            continue  # "Preferred qualifications" is a heading, not a cue
        req: Requirement = "preferred" if m.group("pref") else "required"
        cues.append(Cue(m.start(), m.end(), req))
    years = []
    for unit in _YEAR_WORD.finditer(text):
        # Only the last phrase that ends at this "years" word is it ("at least 3 years").
        phrases = list(_YEARS.finditer(text, max(0, unit.start() - 40), unit.end()))
        if phrases and phrases[-1].end() == unit.end():
            phrase = phrases[-1]
            n = _number(phrase.group("n"))
            if 0 < n <= 30:
                years.append(YearsMention(phrase.start(), phrase.end(), n))
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return PostingContext(text, headings, cues, years, ends)


_NO_HEADING: Requirement | None = None


def _heading(line: str) -> tuple[Requirement | None, int] | tuple[None, None]:
    """(requirement, where its scope starts in the line) if `line` is a heading."""
    m = _HEADING.match(line.replace("’", "'"))
    if m is None:
        return None, None
    rest = m.group("rest").strip()
    words = len(m.group("h").split())
    # A heading stands alone ("Requirements", "Nice to have:") or opens its line with a
    # colon ("Preferred: Scala, Go"); "Experience with Spark" is a sentence, not a heading.
    if rest and not m.group("colon"):
        return None, None
    if not rest and words > 8:
        return None, None
    qualifier = (m.group("qual") or "").lower()
    kind: Requirement | None = (
        "preferred"
        if m.group("pref") or qualifier in ("preferred", "desired")
        else "required"
        if m.group("req") or qualifier
        else _NO_HEADING
    )
    if kind is None and not m.group("neu"):
        return None, None
    return kind, (m.start("rest") if rest else len(line))


def _number(text: str) -> float:
    low = text.lower()
    return float(_NUMBER_WORDS[low]) if low in _NUMBER_WORDS else float(low)
