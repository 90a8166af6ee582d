"""STAR stories: checking one, and mapping it to behavioral questions and company values.

`check_story` reads a story (as Situation, Task, Action and Result, or as one free text whose
parts are found from cue phrases) and reports findings: a missing or thin part, a result
without a measure, a length that does not fit a two-minute answer, an Action told as "we",
clichés, and the seniority the story signals with the words that show it.

`map_story_to_questions` ranks behavioral bank items by the themes (conflict, failure,
ambiguity...) they share with the story; `map_story_to_values` does the same against the
published value lists in `prep/data/company_values.yaml`.

Everything here is word matching with fixed lists: transparent and deterministic, and wrong
in ways a person can see in the evidence it quotes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from landml.errors import InvalidInput, NotFound
from landml.prep.bank import BankItem
from landml.prep.datafiles import read_data_file
from landml.prep.findings import Finding, by_severity

Part = Literal["situation", "task", "action", "result"]
PARTS: tuple[Part, ...] = ("situation", "task", "action", "result")
Seniority = Literal["junior", "mid", "senior", "staff"]
SENIORITY_RANK: dict[str, int] = {"junior": 0, "mid": 1, "senior": 2, "staff": 3}

# Spoken pace of a calm interview answer, in words per minute.
WPM_SLOW = 130
WPM_FAST = 150
# About two minutes spoken; outside it the interviewer either lacks substance or loses track.
MIN_WORDS = 200
MAX_WORDS = 350
# Below these a part is named but not told.
MIN_PART_WORDS: dict[str, int] = {"situation": 10, "task": 8, "action": 30, "result": 8}
# Interviewers ask about the Action; a setup longer than this share crowds it out.
MAX_SETUP_SHARE = 0.4

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%$€£.,-]*")
_I_WORDS = re.compile(r"\b(i|i'm|i've|i'd|i’m|i’ve|my|me|myself)\b", re.IGNORECASE)
_WE_WORDS = re.compile(r"\b(we|we're|we've|we’re|we’ve|our|us|ourselves)\b", re.IGNORECASE)

_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens"
)
_MEASURES = re.compile(
    r"[$€£]\s?\d[\d,.]*\s*(?:k|m|bn|million|billion)?"  # money
    r"|\b\d[\d,.]*\s*(?:%|percent\b|x\b|×|pp\b|points?\b|ms\b|s\b|sec\w*|min\w*|hours?\b"
    r"|days?\b|weeks?\b|months?\b|years?\b|k\b|m\b|bn\b|million\b|billion\b)"  # number + unit
    r"|\b\d[\d,.]*(?=\s+\w)"  # a bare number followed by a noun ("40 users")
    rf"|\b(?:{_NUMBER_WORDS})\s+\w+"  # "three teams", "two weeks"
    r"|\b(?:doubled|tripled|quadrupled|halved|twice|tenfold|by half|in half)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(19|20)\d\d$")

# Cue phrases that open each STAR part in a free-text story.
_CUES: dict[Part, re.Pattern[str]] = {
    "situation": re.compile(
        r"\b(at my (last|previous|current|first) (job|company|role|team)|when i (was|joined|worked)"
        r"|in (19|20)\d\d|our team (was|had)|the company (was|had)|background|situation)\b",
        re.IGNORECASE,
    ),
    "task": re.compile(
        r"\b(i was (asked|tasked|responsible|assigned|expected)|my (task|job|goal|responsibility)"
        r" was|i (needed|had) to|the goal was|we needed to|the (task|challenge|problem) was"
        r"|it was my job)\b",
        re.IGNORECASE,
    ),
    "action": re.compile(
        r"\b(so i|first,? i|then i|next,? i|i (decided|built|wrote|designed|proposed|started|set up"
        r"|created|led|implemented|talked|met|ran|organi[sz]ed|analy[sz]ed|trained|introduced"
        r"|reached out|suggested|convinced|scheduled|added|rewrote|profiled|replaced|asked))\b",
        re.IGNORECASE,
    ),
    "result": re.compile(
        r"\b(as a result|in the end|the result|the outcome|ultimately|this (led|resulted|reduced"
        r"|cut|increased|improved|saved)|which (led|reduced|cut|increased|improved|saved)"
        r"|(we|it) (shipped|launched|reduced|cut|increased|improved|saved)|i learned|the lesson)\b",
        re.IGNORECASE,
    ),
}

_SENIORITY_SIGNALS: dict[Seniority, re.Pattern[str]] = {
    "staff": re.compile(
        r"\b(org(ani[sz]ation)?[- ]wide|company[- ]wide|across (the )?(org|organi[sz]ation|company"
        r"|teams|several teams|multiple teams|\w+ teams)|multiple teams|several teams|cross[- ]team"
        r"|(set|defined|shaped) the (technical )?(direction|strategy|roadmap)|multi[- ]year"
        r"|technical vision|(director|vp|executives?|leadership team)\b)",
        re.IGNORECASE,
    ),
    "senior": re.compile(
        r"\b(i led|led the|mentor(ed|ing)?|coached|ownership|ambigu\w*|trade[- ]offs?"
        r"|stakeholders?|without (formal )?authority|influenc\w+|convinced|aligned|persuaded"
        r"|roadmap|prioriti[sz]\w*|unblocked)\b",
        re.IGNORECASE,
    ),
    "mid": re.compile(
        r"\b(independently|end[- ]to[- ]end|on my own|i (built|implemented|shipped|delivered"
        r"|designed|owned|proposed)|took over)\b",
        re.IGNORECASE,
    ),
    "junior": re.compile(
        r"\b(my (manager|mentor|lead) (asked|told|assigned|suggested)|i was assigned|i helped"
        r"|helped (my|the) team|i learned (how|to)|shadowed|first (job|project|internship)"
        r"|as an intern|internship)\b",
        re.IGNORECASE,
    ),
}

CLICHES: tuple[str, ...] = (
    "team player",
    "hard worker",
    "hard-working",
    "go above and beyond",
    "went above and beyond",
    "think outside the box",
    "thought outside the box",
    "synergy",
    "perfectionist",
    "wear many hats",
    "hit the ground running",
    "results-driven",
    "detail-oriented",
    "fast learner",
    "quick learner",
    "win-win",
    "low-hanging fruit",
    "passionate about",
    "game changer",
    "move the needle",
)

# Themes shared by stories, behavioral questions and company values. Each theme is a set of
# word stems; a text has a theme when one of its stems starts a word in the text.
THEMES: dict[str, tuple[str, ...]] = {
    "conflict": ("conflict", "tension", "friction", "clash", "difficult colleague", "tense"),
    "disagreement": ("disagree", "pushed back", "push back", "pushback", "objected", "challenged"),
    "failure": ("fail", "mistake", "wrong", "outage", "incident", "setback", "broke", "regret"),
    "leadership": ("led ", "lead ", "leadership", "took charge", "drove", "initiative", "rallied"),
    "influence": ("convinc", "persuad", "influenc", "buy-in", "without authority", "aligned"),
    "ambiguity": ("ambigu", "unclear", "uncertain", "undefined", "vague", "no clear", "unknown"),
    "impact": ("impact", "improv", "increas", "reduc", "saved", "revenue", "launched", "shipped"),
    "deadline": ("deadline", "time pressure", "urgent", "crunch", "launch", "on time", "timeline"),
    "mentoring": ("mentor", "coach", "onboard", "taught", "junior", "intern"),
    "learning": ("learn", "new to", "picked up", "unfamiliar", "ramp up", "curious", "study"),
    "prioritisation": ("priorit", "trade-off", "tradeoff", "descop", "scope", "backlog"),
    "communication": ("explain", "present", "communicat", "write-up", "wrote a doc", "non-tech"),
    "customer": ("customer", "client", "user need", "users ", "user feedback"),
    "ownership": ("owned", "ownership", "responsib", "took over", "end-to-end", "on-call"),
    "innovation": ("invent", "novel", "prototype", "new approach", "simplif", "creative"),
    "teamwork": ("collaborat", "together", "cross-functional", "partner", "teammate", "pair"),
    "data_driven": ("analys", "metric", "experiment", "a/b", "measur", "evidence", "root cause"),
    "quality": ("quality", "test", "review", "reliab", "standard", "bug", "correct"),
    "efficiency": ("cost", "budget", "cheaper", "frugal", "compute", "resources", "efficien"),
    "ethics": ("ethic", "fairness", "bias", "privacy", "harm", "consent", "integrity"),
}
# Bank topics of behavioral items and the themes they are about.
TOPIC_THEMES: dict[str, tuple[str, ...]] = {
    "teamwork_conflict": ("conflict", "disagreement", "teamwork"),
    "failure_learning": ("failure", "learning"),
    "leadership_influence": ("leadership", "influence"),
    "ambiguity": ("ambiguity",),
    "impact_ownership": ("impact", "ownership"),
    "prioritisation": ("prioritisation", "deadline"),
    "communication": ("communication",),
    "ethics_responsibility": ("ethics",),
    "motivation": ("learning",),
    "team_matching": ("teamwork",),
}


class StoryIn(BaseModel):
    """A STAR story as the person writes it: the four parts, or one free text.

    When any part is filled in, the parts are used as given and the free text is kept only
    as the person's notes; otherwise the parts are found in the free text.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1)
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    tags: tuple[str, ...] = ()
    text: str | None = None

    @model_validator(mode="after")
    def _has_content(self) -> Self:
        if not any((self.situation, self.task, self.action, self.result, self.text)):
            raise ValueError("a story needs its STAR parts or a free text")
        return self


class StarParts(BaseModel):
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""

    def get(self, part: Part) -> str:
        return str(getattr(self, part))

    @property
    def full_text(self) -> str:
        return " ".join(self.get(part) for part in PARTS if self.get(part))


class SeniorityRead(BaseModel):
    level: Seniority
    evidence: list[str]
    signals: dict[str, list[str]]


class StoryCheck(BaseModel):
    """What `check_story` found, with the numbers behind each finding."""

    title: str
    parts: StarParts
    inferred: bool
    words: int
    seconds_low: int
    seconds_high: int
    measures: list[str]
    i_count: int
    we_count: int
    seniority: SeniorityRead
    themes: list[str]
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)


def word_count(text: str) -> int:
    """Words as a speaker would say them (numbers and contractions count once)."""
    return len(_WORD.findall(text))


def spoken_seconds(words: int) -> tuple[int, int]:
    """How long `words` take to say, at the fast and the slow interview pace."""
    return round(words * 60 / WPM_FAST), round(words * 60 / WPM_SLOW)


def measurable_evidence(text: str) -> list[str]:
    """The phrases that measure something: numbers with units, money, %, "doubled"...

    A bare year ("in 2021") is a date, not a measure, and is left out.
    """
    found = []
    for match in _MEASURES.finditer(text):
        phrase = match.group(0).strip()
        if _YEAR.match(phrase):
            continue
        found.append(phrase)
    return found


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def split_star(text: str) -> StarParts:
    """Find the STAR parts of a free-text story from cue phrases.

    Parts only move forward (a story does not return to its situation); a sentence without
    a cue continues the current part. A last sentence with a measure becomes the result when
    no sentence announced one.
    """
    sentences = _sentences(text)
    buckets: dict[Part, list[str]] = {part: [] for part in PARTS}
    current = 0
    for sentence in sentences:
        cued = [i for i, part in enumerate(PARTS) if _CUES[part].search(sentence)]
        later = [i for i in cued if i >= current]
        if later:
            current = min(later)
        buckets[PARTS[current]].append(sentence)
    if not buckets["result"] and len(sentences) > 1 and measurable_evidence(sentences[-1]):
        for part in PARTS:
            if buckets[part] and buckets[part][-1] == sentences[-1]:
                buckets[part].pop()
                break
        buckets["result"].append(sentences[-1])
    return StarParts(**{part: " ".join(buckets[part]) for part in PARTS})


def _resolve_parts(story: StoryIn) -> tuple[StarParts, bool]:
    given = StarParts(
        situation=story.situation, task=story.task, action=story.action, result=story.result
    )
    if story.text and not any(given.get(part) for part in PARTS):
        return split_star(story.text), True
    return given, False


def _part_findings(parts: StarParts) -> list[Finding]:
    findings = []
    for part in PARTS:
        text = parts.get(part)
        words = word_count(text)
        if not text:
            findings.append(
                Finding(
                    rule=f"star.missing_{part}",
                    severity="error",
                    message=f"The story has no {part.capitalize()}.",
                    fix=_PART_FIX[part],
                )
            )
        elif words < MIN_PART_WORDS[part]:
            findings.append(
                Finding(
                    rule=f"star.thin_{part}",
                    severity="warning",
                    message=f"The {part.capitalize()} has {words} words; it is named, not told.",
                    evidence=text,
                    fix=_PART_FIX[part],
                )
            )
    return findings


_PART_FIX: dict[str, str] = {
    "situation": "Set the scene in one or two sentences: where, when, what was at stake.",
    "task": "Say what you were responsible for, or the goal you set yourself.",
    "action": "Tell the steps you took yourself, the choices you made and why.",
    "result": "End with what changed, measured if you can, and what you learned.",
}


def _balance_findings(parts: StarParts, words: int) -> list[Finding]:
    if not words:
        return []
    setup = word_count(parts.situation) + word_count(parts.task)
    if parts.action and setup / words > MAX_SETUP_SHARE:
        return [
            Finding(
                rule="star.long_setup",
                severity="warning",
                message=f"Situation and Task take {setup / words:.0%} of the story.",
                fix="Cut the setup to a few sentences and give the time to your Action.",
            )
        ]
    return []


def _result_findings(parts: StarParts, measures: list[str]) -> list[Finding]:
    if not parts.result or measures:
        return []
    return [
        Finding(
            rule="result.not_measurable",
            severity="warning",
            message="The Result has no measure (number, %, time, money, users, latency).",
            evidence=parts.result,
            fix="Say what changed and by how much, e.g. 'cut p95 latency from 300 to 120 ms'.",
        )
    ]


def _length_findings(words: int) -> list[Finding]:
    low, high = spoken_seconds(words)
    if words > MAX_WORDS:
        return [
            Finding(
                rule="length.long",
                severity="warning",
                message=f"{words} words take {low}-{high} seconds to say, over two minutes.",
                fix=f"Cut to {MIN_WORDS}-{MAX_WORDS} words; the interviewer will ask for detail.",
            )
        ]
    if words < MIN_WORDS:
        return [
            Finding(
                rule="length.short",
                severity="info",
                message=f"{words} words take {low}-{high} seconds, well under two minutes.",
                fix="Add the choices you made in the Action and the measured Result.",
            )
        ]
    return []


def _we_findings(action: str) -> tuple[int, int, list[Finding]]:
    i_count = len(_I_WORDS.findall(action))
    we_count = len(_WE_WORDS.findall(action))
    if not action:
        return i_count, we_count, []
    if i_count == 0:
        finding = Finding(
            rule="action.no_i",
            severity="warning",
            message="The Action never says 'I': the interviewer cannot tell what you did.",
            evidence=action[:160],
            fix="Tell your own steps: 'I profiled...', 'I proposed...', 'I wrote...'.",
        )
        return i_count, we_count, [finding]
    if we_count >= 2 and we_count > i_count:
        finding = Finding(
            rule="action.we_heavy",
            severity="warning",
            message=f"The Action says 'we' {_times(we_count)} and 'I' {_times(i_count)}.",
            fix="Keep 'we' for the team's context and say what you did with 'I'.",
        )
        return i_count, we_count, [finding]
    return i_count, we_count, []


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _cliche_findings(text: str) -> list[Finding]:
    lowered = text.lower()
    return [
        Finding(
            rule="style.cliche",
            severity="warning",
            message=f"'{phrase}' is a cliché that tells the interviewer nothing.",
            evidence=phrase,
            fix="Replace it with what you actually did and what it changed.",
        )
        for phrase in CLICHES
        if phrase in lowered
    ]


def read_seniority(text: str) -> SeniorityRead:
    """The seniority a text signals from its scope words, with the words as evidence.

    staff: two organisation-wide signals, or one with two senior ones; senior: two senior
    signals, or one with an organisation-wide one; mid: any ownership signal; else junior.
    """
    signals: dict[str, list[str]] = {}
    for name, pattern in _SENIORITY_SIGNALS.items():
        signals[name] = sorted({match.group(0).lower() for match in pattern.finditer(text)})
    staff, senior, mid = len(signals["staff"]), len(signals["senior"]), len(signals["mid"])
    level: Seniority
    if staff >= 2 or (staff >= 1 and senior >= 2):
        level, evidence = "staff", signals["staff"] + signals["senior"]
    elif senior >= 2 or (senior >= 1 and staff >= 1):
        level, evidence = "senior", signals["senior"] + signals["staff"]
    elif senior == 1 or mid >= 1:
        level, evidence = "mid", signals["senior"] + signals["mid"]
    else:
        level, evidence = "junior", signals["junior"]
    return SeniorityRead(level=level, evidence=evidence, signals=signals)


def _seniority_findings(read: SeniorityRead, target: Seniority | None) -> list[Finding]:
    shown = ", ".join(f"'{e}'" for e in read.evidence) or "no scope words"
    findings = [
        Finding(
            rule="seniority.signal",
            severity="info",
            message=f"The story signals {read.level} scope.",
            evidence=shown,
            fix="Check that this matches the level you are interviewing for.",
        )
    ]
    if target is not None and SENIORITY_RANK[read.level] < SENIORITY_RANK[target]:
        findings.append(
            Finding(
                rule="seniority.below_target",
                severity="warning",
                message=f"You target {target} roles, but the story signals {read.level} scope.",
                evidence=shown,
                fix=_SENIORITY_FIX[target],
            )
        )
    return findings


_SENIORITY_FIX: dict[str, str] = {
    "junior": "Show what you did yourself and what you learned.",
    "mid": "Show a piece of work you owned end to end without step-by-step direction.",
    "senior": (
        "Show ambiguity you resolved, trade-offs you weighed, people you aligned or mentored."
    ),
    "staff": (
        "Show impact across several teams, direction you set, and influence without authority."
    ),
}


def themes_of(text: str, tags: Sequence[str] = ()) -> list[str]:
    """The themes a text (and its tags) is about, in THEMES order."""
    lowered = f" {text.lower()} "
    tag_words = {tag.lower().replace("-", "_") for tag in tags}
    found = []
    for theme, stems in THEMES.items():
        if theme in tag_words or any(_has_stem(lowered, stem) for stem in stems):
            found.append(theme)
    return found


def _has_stem(lowered: str, stem: str) -> bool:
    # A stem must start a word ("led" is not in "called"); a trailing space in a stem means
    # a whole word ("led " is not in "ledger").
    end = r"\b" if stem.endswith(" ") else ""
    return re.search(rf"(?<![a-z]){re.escape(stem.strip())}{end}", lowered) is not None


def check_story(story: StoryIn, *, target_seniority: Seniority | None = None) -> StoryCheck:
    """Check one STAR story; findings come errors first."""
    parts, inferred = _resolve_parts(story)
    full = parts.full_text
    words = word_count(full)
    measures = measurable_evidence(parts.result)
    i_count, we_count, we_findings = _we_findings(parts.action)
    seniority = read_seniority(full)
    findings = [
        *_part_findings(parts),
        *_balance_findings(parts, words),
        *_result_findings(parts, measures),
        *_length_findings(words),
        *we_findings,
        *_cliche_findings(full),
        *_seniority_findings(seniority, target_seniority),
    ]
    if inferred:
        findings.append(
            Finding(
                rule="star.inferred",
                severity="info",
                message="The STAR parts were found from cue phrases in the free text.",
                fix="Check the split; enter the parts yourself if a sentence landed wrongly.",
            )
        )
    low, high = spoken_seconds(words)
    return StoryCheck(
        title=story.title,
        parts=parts,
        inferred=inferred,
        words=words,
        seconds_low=low,
        seconds_high=high,
        measures=measures,
        i_count=i_count,
        we_count=we_count,
        seniority=seniority,
        themes=themes_of(full, story.tags),
        findings=by_severity(findings),
    )


def _story_text(story: StoryIn) -> str:
    parts, _ = _resolve_parts(story)
    return f"{story.title}. {parts.full_text}"


# fmt: off
_STOPWORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from",
    "by", "about", "as", "is", "was", "were", "be", "been", "it", "its", "this", "that",
    "these", "those", "you", "your", "i", "me", "my", "we", "our", "us", "they", "them",
    "their", "he", "she", "his", "her", "what", "when", "where", "which", "who", "how", "why",
    "tell", "time", "did", "do", "does", "had", "have", "has", "not", "no", "so", "if", "than",
    "then", "into", "out", "up", "over", "more", "most", "some", "any", "can", "could", "would",
    "should", "will",
))
# fmt: on


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{2,}", text.lower()) if w not in _STOPWORDS}


class QuestionMatch(BaseModel):
    item_id: str
    prompt: str
    score: float
    themes: list[str]
    shared_words: list[str]
    reason: str


def _item_themes(item: BankItem) -> list[str]:
    themes = set(themes_of(item.prompt, item.tags)) | set(TOPIC_THEMES.get(item.topic, ()))
    return [theme for theme in THEMES if theme in themes]


def map_story_to_questions(
    story: StoryIn, bank_items: Sequence[BankItem], *, limit: int = 10
) -> list[QuestionMatch]:
    """Behavioral bank items this story can answer, best first, with the shared themes.

    Score: one point per shared theme, plus a tenth per shared content word (at most five).
    Items sharing no theme are left out; ties go by item id.
    """
    text = _story_text(story)
    story_themes = set(themes_of(text, story.tags))
    story_words = _content_words(text)
    matches = []
    for item in bank_items:
        if item.area != "behavioral":
            continue
        shared = [t for t in _item_themes(item) if t in story_themes]
        if not shared:
            continue
        words = sorted(story_words & _content_words(item.prompt))[:5]
        matches.append(
            QuestionMatch(
                item_id=item.id,
                prompt=item.prompt,
                score=round(len(shared) + 0.1 * len(words), 2),
                themes=shared,
                shared_words=words,
                reason=f"Both are about {_join(shared)}"
                + (f"; shared words: {', '.join(words)}." if words else "."),
            )
        )
    matches.sort(key=lambda match: (-match.score, match.item_id))
    return matches[:limit]


def _join(items: Sequence[str]) -> str:
    names = [item.replace("_", " ") for item in items]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# Company value lists


class ValueSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    url: str = Field(pattern=r"^https://")
    as_of: dt.date
    note: str | None = None


class CompanyValue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str
    summary: str = Field(min_length=20)
    themes: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_themes(self) -> Self:
        unknown = [theme for theme in self.themes if theme not in THEMES]
        if unknown:
            raise ValueError(f"value {self.name!r} uses unknown themes {unknown}")
        return self


class ValueList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    source: ValueSource
    values: tuple[CompanyValue, ...] = Field(min_length=1)


class CompanyValues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    aliases: tuple[str, ...] = ()
    lists: tuple[ValueList, ...] = Field(min_length=1)


class _ValuesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    companies: tuple[CompanyValues, ...] = Field(min_length=1)


class ValueMatch(BaseModel):
    company: str
    list_name: str
    value: str
    summary: str
    score: int
    themes: list[str]
    reason: str
    source_url: str
    as_of: dt.date


@cache
def _values_file() -> _ValuesFile:
    return read_data_file("company_values.yaml", _ValuesFile)


def company_value_lists() -> list[CompanyValues]:
    """Every company whose published values landml ships."""
    return list(_values_file().companies)


def company_values(company: str) -> CompanyValues:
    """A company's published value lists, by id, name or alias (any case)."""
    key = company.strip().lower()
    for entry in _values_file().companies:
        names = {entry.id, entry.name.lower(), *(alias.lower() for alias in entry.aliases)}
        if key in names:
            return entry
    known = ", ".join(entry.name for entry in _values_file().companies)
    raise NotFound(
        f"landml has no published values for {company!r}.",
        hint=f"Known companies: {known}. For others, read the company's careers pages.",
    )


def map_story_to_values(story: StoryIn, company: str) -> list[ValueMatch]:
    """The company's published values this story can show, most shared themes first."""
    if not company.strip():
        raise InvalidInput("No company given.", hint="Name a company, e.g. 'Amazon'.")
    entry = company_values(company)
    story_themes = set(themes_of(_story_text(story), story.tags))
    matches = []
    for value_list in entry.lists:
        for value in value_list.values:
            shared = [theme for theme in value.themes if theme in story_themes]
            if not shared:
                continue
            matches.append(
                ValueMatch(
                    company=entry.name,
                    list_name=value_list.name,
                    value=value.name,
                    summary=value.summary,
                    score=len(shared),
                    themes=shared,
                    reason=f"The story shows {_join(shared)}, which this value is about.",
                    source_url=value_list.source.url,
                    as_of=value_list.source.as_of,
                )
            )
    matches.sort(key=lambda match: -match.score)  # stable: ties keep the company's order
    return matches
