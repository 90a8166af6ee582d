"""Taxonomy lookup over text: leftmost-longest alias matches with character offsets.

Aliases are matched on normalised word tokens (case, plurals and glued punctuation
folded), so "scikit-learn", "Scikit Learn" and "sklearn" all land on one skill. Aliases
that are ordinary words too ("R", "Go", "Spark", "Excel", "communication") must appear as
written and next to a cue that confirms the reading: another technical skill, a word such
as "programming" or "libraries", or "experience with" just before them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from landml.skills.taxonomy import TECH_CATEGORIES, AliasRule, MatchMode, Taxonomy
from landml.skills.tokens import Token, match_units, normalize_word, tokenize

# Token distances within which a cue or a neighbouring skill confirms an ambiguous alias.
TECH_CUE_WINDOW = 6
NEIGHBOUR_WINDOW = 8
LEAD_WINDOW = 3
SOFT_WINDOW = 2
LANGUAGE_WINDOW = 3

# Words that make a following capital letter a label, not a language ("Series C", "Plan B").
_LETTER_LABELS = frozenset(normalize_word(w) for w in (
    "series", "round", "grade", "vitamin", "class", "type", "tier", "level", "plan",
    "section", "part", "phase", "category", "option", "appendix", "exhibit", "item",
    "form", "schedule", "team", "unit", "group", "division", "step", "stage", "block",
    "model",
))  # fmt: skip
_NEWLINE = re.compile("\n")
# Words that may stand between "experience" and the skill it introduces.
_LEAD_GLUE = frozenset(["with", "in", "of", "and", "or", "using", "the", "a", "an", "both"])


@dataclass(frozen=True, slots=True)
class Match:
    """One alias found in the text."""

    skill_id: str
    first: int  # index of the first token
    last: int  # index of the last token
    start: int  # character offsets into the text
    end: int
    mode: MatchMode


def find_matches(text: str, taxonomy: Taxonomy, tokens: list[Token] | None = None) -> list[Match]:
    """Every skill alias in `text`, leftmost-longest, with ambiguous aliases checked."""
    tokens = tokenize(text) if tokens is None else tokens
    accepted: list[Match] = []
    pending: list[tuple[Match, AliasRule]] = []
    for run in match_units(tokens, text):
        _scan_run(run, tokens, taxonomy, accepted, pending)
    if pending:
        accepted += _confirm_ambiguous(text, tokens, taxonomy, accepted, pending)
    accepted.sort(key=lambda m: m.first)
    return accepted


def _scan_run(
    run: list[int],
    tokens: list[Token],
    taxonomy: Taxonomy,
    accepted: list[Match],
    pending: list[tuple[Match, AliasRule]],
) -> None:
    """Matches in one run of words: the longest alias at each start, then, where two
    overlap, the longer one ("build machine learning models" is about machine learning,
    not about building machines)."""
    prefixes = taxonomy.prefixes
    plain_id = taxonomy.plain_ids.get
    special = taxonomy.special_rules
    norms = [tokens[j].norm for j in run]
    n = len(run)
    candidates: list[tuple[int, int, str | AliasRule]] = []  # (start in run, length, rule)
    for i in range(n):
        found: list[tuple[int, str | AliasRule]] = []
        key = norms[i]
        length = 1
        while True:  # every alias starting here, shortest first, while words may extend one
            skill_id = plain_id(key)
            if skill_id is not None:
                found.append((length, skill_id))
            elif key in special:
                found.append((length, special[key]))
            if i + length >= n or key not in prefixes:
                break
            key = f"{key} {norms[i + length]}"
            length += 1
        if found and (best := _longest_usable(found, run, i, tokens)) is not None:
            candidates.append((i, *best))
    taken = [False] * n
    for i, length, rule in sorted(candidates, key=lambda c: (-c[1], c[0])):
        if any(taken[i : i + length]):
            continue
        taken[i : i + length] = [True] * length
        a, b = run[i], run[i + length - 1]
        if isinstance(rule, str):
            accepted.append(Match(rule, a, b, tokens[a].start, tokens[b].end, "plain"))
        elif rule.mode == "context":
            pending.append(
                (Match(rule.skill_id, a, b, tokens[a].start, tokens[b].end, "context"), rule)
            )
        else:
            accepted.append(Match(rule.skill_id, a, b, tokens[a].start, tokens[b].end, rule.mode))


def _longest_usable(
    found: list[tuple[int, str | AliasRule]], run: list[int], i: int, tokens: list[Token]
) -> tuple[int, str | AliasRule] | None:
    """The longest alias found that may be used as written (plain ones always may)."""
    for length, rule in reversed(found):
        if isinstance(rule, str):
            return length, rule
        written = " ".join(tokens[run[j]].text for j in range(i, i + length))
        if written in rule.forms:
            return length, rule
    return None


def _confirm_ambiguous(
    text: str,
    tokens: list[Token],
    taxonomy: Taxonomy,
    accepted: list[Match],
    pending: list[tuple[Match, AliasRule]],
) -> list[Match]:
    """Ambiguous matches that a cue confirms; a confirmed one may confirm its neighbours."""
    lines = [m.start() for m in _NEWLINE.finditer(text)]
    line_of = [bisect_right(lines, t.start) for t in tokens]
    anchors = [m for m in accepted if _is_tech(m.skill_id, taxonomy)]
    confirmed: list[Match] = []
    waiting = list(pending)
    changed = True
    while waiting and changed:
        changed = False
        still: list[tuple[Match, AliasRule]] = []
        for m, rule in waiting:
            if _has_cue(m, rule, tokens, line_of, taxonomy, anchors):
                confirmed.append(m)
                if _is_tech(m.skill_id, taxonomy):
                    anchors.append(m)
                changed = True
            else:
                still.append((m, rule))
        waiting = still
    return confirmed


def _is_tech(skill_id: str, taxonomy: Taxonomy) -> bool:
    skill = taxonomy.skills.get(skill_id)
    return skill is not None and skill.category in TECH_CATEGORIES


def _has_cue(
    m: Match,
    rule: AliasRule,
    tokens: list[Token],
    line_of: list[int],
    taxonomy: Taxonomy,
    anchors: list[Match],
) -> bool:
    line = line_of[m.first]

    def near(window: int) -> list[Token]:
        lo, hi = max(0, m.first - window), min(len(tokens), m.last + window + 1)
        return [
            tokens[j] for j in range(lo, hi) if (j < m.first or j > m.last) and line_of[j] == line
        ]

    if rule.cue == "soft":
        return any(t.norm in taxonomy.cues["soft"] for t in near(SOFT_WINDOW))
    if rule.cue == "language":
        return any(t.norm in taxonomy.cues["language"] for t in near(LANGUAGE_WINDOW))
    if _looks_like_label(m, tokens):
        return False
    if any(t.norm in taxonomy.cues["tech"] for t in near(TECH_CUE_WINDOW)):
        return True
    if _after_lead(m, tokens, line_of, taxonomy.cues["tech_lead"]):
        return True
    return any(
        line_of[a.first] == line
        and (0 < m.first - a.last <= NEIGHBOUR_WINDOW or 0 < a.first - m.last <= NEIGHBOUR_WINDOW)
        for a in anchors
    )


def _looks_like_label(m: Match, tokens: list[Token]) -> bool:
    """ "Series C", "C-suite", "Go-to-market", "Plan B": a capital that is not a language."""
    if m.last + 1 < len(tokens):
        nxt = tokens[m.last + 1]
        if nxt.start == tokens[m.last].end and nxt.text in ("-", "'", "’", "&"):
            return True
    if m.first > 0:
        prev = tokens[m.first - 1]
        if prev.end == tokens[m.first].start and prev.text in ("-", "&"):
            return True
        if len(tokens[m.first].text) <= 2 and prev.norm in _LETTER_LABELS:
            return True
    return False


def _after_lead(m: Match, tokens: list[Token], line_of: list[int], leads: frozenset[str]) -> bool:
    """ "experience with Go", "proficiency in R and Python": a lead word shortly before."""
    j = m.first - 1
    steps = 0
    while j >= 0 and steps < LEAD_WINDOW + 1 and line_of[j] == line_of[m.first]:
        tok = tokens[j]
        if tok.norm in leads:
            return True
        if tok.is_word and tok.norm not in _LEAD_GLUE:
            return False
        j -= 1
        steps += 1
    return False
