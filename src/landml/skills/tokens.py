"""Tokens with character offsets, and the normal form that skill aliases are matched on.

One tokenizer serves the taxonomy lookup and the span tagger, so an alias, a posting and
the tagger's training sentences are cut the same way. Tokens keep their offsets into the
original text: every span the extractor reports slices the input exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# A word may carry "&word" (R&D, AT&T), "++" (C++) or "#" (C#); ".NET" stands alone; any
# other non-space character is a token of its own. Words first: it is the common case.
_TOKEN = re.compile(
    r"[^\W_]+(?:&[^\W_]+|\+\+|\#(?![^\W_]))?"
    r"|(?<![^\W_])\.(?:NET|Net|net)(?![^\W_])"
    r"|\S"
)

# Punctuation glued between two words joins them ("scikit-learn", "CI/CD", "node.js"):
# the lookup skips it, so "scikit learn" and "scikit-learn" are one alias.
JOINERS = frozenset("-/._'’")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


class Token(NamedTuple):
    """One token: its text, its offsets in the input, its matching form, and whether it is
    a word (letters, digits, "C++", ".NET") rather than punctuation."""

    text: str
    start: int
    end: int
    norm: str
    is_word: bool


def tokenize(text: str) -> list[Token]:
    """Cut `text` into tokens that keep their character offsets."""
    out: list[Token] = []
    pos = 0
    find = text.find
    known = _WORD_INFO
    if len(known) > 200_000:
        known.clear()
    for word in _TOKEN.findall(text):
        start = find(word, pos)  # tokens are consecutive: only whitespace lies between
        pos = start + len(word)
        info = known.get(word)
        if info is None:
            is_word = word[0].isalnum() or (len(word) > 1 and word[0] == ".")
            info = known[word] = (normalize_word(word) if is_word else word, is_word)
        out.append(Token(word, start, pos, info[0], info[1]))
    return out


# word -> (matching form, is a word): tokenizing is the hottest loop of extraction.
_WORD_INFO: dict[str, tuple[str, bool]] = {}


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower case, straight apostrophes and a light plural fold ("LLMs" -> "llm").

    The fold needs only be consistent between aliases and text, not linguistically right.
    Words in capitals are acronyms or names and are not folded: "ADAS" is not "ADA".
    """
    w = word.translate(_APOSTROPHES).lower()
    if len(w) <= 3 or not w.isalpha() or word.isupper():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def match_units(tokens: list[Token], text: str) -> list[list[int]]:
    """Runs of token indices that an alias may span: words, with glued joiners skipped.

    Any other punctuation, a joiner with a space beside it, or a line break ends a run.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.is_word:
            if current and "\n" in text[tokens[current[-1]].end : tok.start]:
                runs.append(current)  # a line break ends a run: list items stay apart
                current = []
            current.append(i)
            continue
        glued = (
            tok.text in JOINERS
            and 0 < i < n - 1
            and tokens[i - 1].end == tok.start
            and tokens[i + 1].start == tok.end
            and tokens[i - 1].is_word
            and tokens[i + 1].is_word
        )
        if not glued and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def alias_key(alias: str) -> str:
    """The normal form of an alias: its word tokens' matching forms joined by spaces."""
    return " ".join(normalize_word(w) for w in word_texts(alias))


def word_texts(text: str) -> list[str]:
    """The word tokens of `text` as written (what `tokenize` marks `is_word`), quickly."""
    return [w for w in _TOKEN.findall(text) if w[0].isalnum() or (len(w) > 1 and w[0] == ".")]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines and sentences, the unit the span tagger reads."""
    bounds: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n\r]+", text):
        start = line.start()
        for stop in _SENTENCE_END.finditer(line.group()):
            end = line.start() + stop.start() + 1
            if text[start:end].strip():
                bounds.append((start, end))
            start = line.start() + stop.end()
        if text[start : line.end()].strip():
            bounds.append((start, line.end()))
    return bounds


# A full stop, question or exclamation mark (or a semicolon) followed by space and a
# capital, digit or bullet starts a new sentence; "e.g. Python" does not.
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)[.;!?](?=\s+[A-Z0-9•·*\-(])\s+")
