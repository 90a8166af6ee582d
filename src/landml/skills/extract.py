"""Skills in a text: taxonomy lookup, the SkillSpan-trained span tagger, posting context.

`extract_skills` returns every mention of a taxonomy skill with its character offsets
(`text[start:end]` is exactly the matched text). For postings it also says whether the
surrounding section or sentence marks the skill required or preferred, and how many
years it asks for. `extract_spans` is the span-level view used to evaluate against
SkillSpan: every span the tagger or the lookup finds, linked to a skill when possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from typing import Any, Literal

from landml.skills.matcher import Match, find_matches
from landml.skills.sections import Requirement, read_posting
from landml.skills.tagger import Tagger, load_tagger, lookup_states
from landml.skills.taxonomy import SOURCE_RANK, Taxonomy, load_taxonomy
from landml.skills.tokens import Token, alias_key, normalize_word, sentence_bounds, tokenize

Source = Literal["taxonomy", "model"]
SpanKind = Literal["skill", "knowledge"]

_KIND = {"S": "skill", "K": "knowledge"}
# Lookup matches that stand as spans of their own where the tagger saw nothing.
TOOL_CATEGORIES = frozenset(
    {"programming_language", "framework_library", "cloud_infrastructure", "data_tool"}
)


@dataclass(frozen=True, slots=True)
class FoundSkill:
    """One mention of a taxonomy skill in a text."""

    skill_id: str
    label: str
    category: str
    start: int
    end: int
    text: str
    requirement: Requirement | None = None
    years: float | None = None
    source: Source = "taxonomy"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SkillSpan:
    """A span that names a skill, linked to the taxonomy when it can be."""

    start: int
    end: int
    text: str
    kind: SpanKind | None  # what the tagger called it; None for lookup-only spans
    skill_id: str | None
    source: Source


@dataclass
class _Analysis:
    tokens: list[Token]
    matches: list[Match]
    tagged: list[tuple[int, int, str]] = field(default_factory=list)  # token spans + kind


def extract_skills(
    text: str,
    *,
    posting: bool = False,
    taxonomy: Taxonomy | None = None,
    tagger: Tagger | Literal["default"] | None = "default",
) -> list[FoundSkill]:
    """Every taxonomy skill mentioned in `text`, in order of appearance.

    With `posting=True`, each mention also carries `requirement` ("required",
    "preferred" or None) and `years` (the least years asked for, or None).
    """
    taxonomy = taxonomy or load_taxonomy()
    model = load_tagger() if tagger == "default" else tagger
    analysis = _analyse(text, taxonomy, model)
    found = [
        _found(text, taxonomy, m.skill_id, m.start, m.end, "taxonomy") for m in analysis.matches
    ]
    for first, last, _kind in analysis.tagged:
        if any(m.first <= last and first <= m.last for m in analysis.matches):
            continue
        start, end = analysis.tokens[first].start, analysis.tokens[last].end
        skill_id = link_phrase(text[start:end], taxonomy)
        if skill_id is not None:
            found.append(_found(text, taxonomy, skill_id, start, end, "model"))
    found.sort(key=lambda f: (f.start, f.end))
    if posting:
        found = _with_posting_context(text, found)
    return found


def extract_spans(
    text: str,
    *,
    taxonomy: Taxonomy | None = None,
    tagger: Tagger | Literal["default"] | None = "default",
) -> list[SkillSpan]:
    """Skill spans as SkillSpan annotates them, linked to the taxonomy where possible.

    The tagger's spans, plus lookup matches it missed that name a tool of the ML layer
    (a language, library, platform or data tool). Adding every lookup match, or none,
    scored lower on held-out SkillSpan training postings (scripts/train_skill_tagger.py).
    """
    taxonomy = taxonomy or load_taxonomy()
    model = load_tagger() if tagger == "default" else tagger
    analysis = _analyse(text, taxonomy, model)
    spans: list[SkillSpan] = []
    toks = analysis.tokens
    for first, last, kind in analysis.tagged:
        start, end = toks[first].start, toks[last].end
        inside = [m for m in analysis.matches if first <= m.first and m.last <= last]
        exact = next((m for m in inside if m.first == first and m.last == last), None)
        skill_id = exact.skill_id if exact else link_phrase(text[start:end], taxonomy)
        if skill_id is None and inside:
            # "experience with Kubernetes clusters": the span is about its longest match.
            skill_id = max(inside, key=lambda m: (m.end - m.start, -m.start)).skill_id
        spans.append(
            SkillSpan(start, end, text[start:end], _KIND[kind], skill_id, "model")  # type: ignore[arg-type]
        )
    for m in analysis.matches:
        if any(first <= m.last and m.first <= last for first, last, _ in analysis.tagged):
            continue
        skill = taxonomy.skills[m.skill_id]
        if skill.id.startswith("ml:") and skill.category in TOOL_CATEGORIES:
            spans.append(
                SkillSpan(m.start, m.end, text[m.start : m.end], None, m.skill_id, "taxonomy")
            )
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def distinct_skills(found: Iterable[FoundSkill]) -> list[FoundSkill]:
    """One entry per skill (its first mention), keeping the strongest requirement and the
    most years any mention states."""
    best: dict[str, FoundSkill] = {}
    for f in found:
        old = best.get(f.skill_id)
        if old is None:
            best[f.skill_id] = f
            continue
        requirement = old.requirement
        if f.requirement == "required" or requirement is None:
            requirement = f.requirement or requirement
        years = max((y for y in (old.years, f.years) if y is not None), default=None)
        best[f.skill_id] = replace(old, requirement=requirement, years=years)
    return list(best.values())


# --- the pipeline ---------------------------------------------------------------------------


def _analyse(text: str, taxonomy: Taxonomy, tagger: Tagger | None) -> _Analysis:
    tokens = tokenize(text)
    matches = find_matches(text, taxonomy, tokens)
    analysis = _Analysis(tokens, matches)
    if tagger is None or not tokens:
        return analysis
    groups = _sentences(tokens, text)
    batch = []
    k = 0  # matches are in text order: walk them alongside the sentences
    for idx in groups:
        first, last = idx[0], idx[-1]
        while k < len(matches) and matches[k].first < first:
            k += 1
        spans = []
        j = k
        while j < len(matches) and matches[j].first <= last:
            m = matches[j]
            if m.last <= last:
                spans.append(
                    (m.first - first, m.last - first, taxonomy.skills[m.skill_id].category)
                )
            j += 1
        batch.append(([tokens[i].text for i in idx], lookup_states(spans, len(idx))))
    for idx, tags in zip(groups, tagger.tag_many(batch), strict=True):
        analysis.tagged += [(idx[0] + a, idx[0] + b, kind) for a, b, kind in _tag_spans(tags)]
    return analysis


def _sentences(tokens: list[Token], text: str) -> list[list[int]]:
    """Token indices per sentence or line, the unit the tagger was trained on."""
    groups: list[list[int]] = []
    bounds = sentence_bounds(text)
    i = 0
    for start, end in bounds:
        group: list[int] = []
        while i < len(tokens) and tokens[i].start < end:
            if tokens[i].start >= start:
                group.append(i)
            i += 1
        if group:
            groups.append(group)
    return groups


def _tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, kind) spans of a typed BIO sequence (B-S, I-S, B-K, I-K, O)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag.startswith("I") and tag[2:] == tags[start][2:]:
            continue
        if start is not None:
            spans.append((start, i - 1, tags[start][2:]))
            start = None
        if tag != "O":
            start = i
    return spans


def _found(
    text: str, taxonomy: Taxonomy, skill_id: str, start: int, end: int, source: Source
) -> FoundSkill:
    skill = taxonomy.skills[skill_id]
    return FoundSkill(
        skill.id, skill.label, skill.category, start, end, text[start:end], source=source
    )


def _with_posting_context(text: str, found: list[FoundSkill]) -> list[FoundSkill]:
    context = read_posting(text)
    spans = [(f.start, f.end) for f in found]
    return [
        FoundSkill(
            f.skill_id,
            f.label,
            f.category,
            f.start,
            f.end,
            f.text,
            context.requirement(f.start, f.end),
            context.years_for(f.start, f.end, spans),
            f.source,
        )
        for f in found
    ]


# --- linking tagged phrases -------------------------------------------------------------------

_DETERMINERS = frozenset((
    "a", "an", "the", "your", "our", "their", "its", "his", "her", "this", "these",
    "those", "my",
))  # fmt: skip
_FRAME_HEAD = frozenset(normalize_word(w) for w in (
    "ability", "able", "abilities", "to", "experience", "experienced", "with", "in", "of",
    "knowledge", "strong", "excellent", "good", "great", "proven", "demonstrated", "solid",
    "deep", "familiarity", "familiar", "proficiency", "proficient", "understanding",
    "expertise", "expert", "hands", "on", "working", "advanced", "basic", "sound", "a",
    "an", "the", "your", "be", "is", "are", "and", "using", "use", "skilled", "capable",
))  # fmt: skip
_FRAME_TAIL = frozenset(
    ("skill", "ability", "experience", "knowledge", "background")
)  # normal forms
_SUFFIXES = ("ization", "isation", "ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "e")


def link_phrase(phrase: str, taxonomy: Taxonomy) -> str | None:
    """The skill a tagged phrase names, if its words match an alias up to inflection.

    "solving complex problems" links to the alias "solve complex problems"; a phrase
    that matches nothing stays unlinked rather than being forced onto a near miss.
    """
    words = alias_key(phrase).split()
    # "ability to work independently", "strong knowledge of statistics": the frame around
    # a skill is not part of its name.
    while len(words) > 1 and words[0] in _FRAME_HEAD:
        words = words[1:]
    while len(words) > 1 and words[-1] in _FRAME_TAIL:
        words = words[:-1]
    key = " ".join(words)
    skill_id = taxonomy.plain_ids.get(key)
    if skill_id is not None:
        return skill_id
    return _stem_index(taxonomy).get(_stem_key(key))


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _stem_key(key: str) -> str:
    return " ".join(_stem(w) for w in key.split() if w not in _DETERMINERS)


@cache
def _stem_index(taxonomy: Taxonomy) -> dict[str, str]:
    """Stemmed multi-word aliases that the matcher may use freely -> skill id."""
    ranked = sorted(
        (SOURCE_RANK.get(skill_id.split(":", 1)[0], 3), key, skill_id)
        for key, skill_id in taxonomy.plain_aliases()
        if " " in key
    )
    out: dict[str, str] = {}
    for _, key, skill_id in ranked:
        out.setdefault(_stem_key(key), skill_id)
    return out
