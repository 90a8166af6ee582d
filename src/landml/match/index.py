"""`PostingIndex`: every posting of a workspace as sparse rows, ranked against one resume.

Each posting is one row of two sparse matrices (postings x features, stored column-major
as scipy CSC, the layout a query slices) and two small code arrays:

- **skills**: one column per taxonomy skill the postings name; the value says how
  strongly the posting asks for it (`REQUIREMENT_WEIGHTS`: required > preferred >
  merely mentioned).
- **terms**: one column per word of the titles and descriptions, holding BM25's saturated
  term frequency ``tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg_len))``.
- **title**: the role family and the seniority its title reads as, as integer codes.

Rarity (idf) is not stored in the matrices: document frequencies are kept beside them and
idf enters through the query vector, so appending postings never rewrites an old row and
every figure stays exact after an update. The only thing an update leaves as it was is the
average length that BM25 normalises by; a rebuild re-centres it.

The parts of a posting's score, each with its weight in `RankWeights`:

- skill fit: the cosine between the posting's asks and the resume's skills, both weighted
  by idf (``ln((1 + N) / (1 + df)) + 1``). Rare skills the resume shares count most; a
  posting that asks for much the resume lacks is pulled down by its own norm.
- term fit: BM25 of the posting for the resume's `QUERY_TERMS` most distinctive words,
  divided by the best BM25 any posting reaches for this resume (the best-worded posting
  has 1).
- family fit and seniority fit: given by the caller per posting family and level
  (`ResumeFeatures.family_fit`, `.seniority_fit`).
- optionally, semantic similarity: the cosine of the posting's asked skills and the
  resume's skills in the vector space of static word vectors (`landml.match.semantic`),
  for the best `SEMANTIC_POOL` postings by the other parts.

A query slices the resume's skill and word columns and multiplies them by the query
weights (one sparse mat-vec per part), applies the per-posting skill norms, adds the
title fits, and keeps the top k (`top_rows`). Only those k postings are then explained:
`Contributions` lists every matched skill and word with the exact amount it adds, and the
amounts sum to the score.

Pure code: no database. `save`/`load` write and read a directory (an ``.npz`` of the
arrays, a JSON vocabulary and a small JSON manifest with the format version).
"""

from __future__ import annotations

import json
import math
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp  # type: ignore[import-untyped]

from landml.skills.tokens import normalize_word

FORMAT = 1
MANIFEST = "manifest.json"
ARRAYS = "index.npz"
VOCABULARY = "vocabulary.json"

# How strongly a posting asks for a skill, by how it states it. A required skill weighs most;
# "nice to have" less; a skill merely named in the text (the team's stack, the product)
# still says something about the work.
REQUIREMENT_WEIGHTS: dict[str | None, float] = {"required": 1.0, "preferred": 0.6, None: 0.3}
# BM25's usual constants (Robertson and Zaragoza 2009 discuss the range; bm25s defaults
# to the same values).
K1 = 1.2
B = 0.75
# Resume words a query uses: its most distinctive ones (highest idf). A one-page resume has
# 200 to 300 distinct words; on the benchmark's resumes the 96 rarest keep 97% of the BM25
# score of the exact top 20, and the common words left out are the ones whose posting
# lists cost most to add up.
QUERY_TERMS = 96
# Postings tokenised per batch: bounds the memory held while building.
_BATCH = 2048
_MAX_TF = np.iinfo(np.uint16).max

FAMILIES: tuple[str, ...] = ("mle", "ds", "rs", "as", "data_eng", "analyst", "swe", "other")
SENIORITIES: tuple[str, ...] = ("intern", "junior", "mid", "senior", "staff_plus", "lead_manager")

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


class SkillVectors(Protocol):
    """A vector per skill id (zeros for a skill it has no vector for)."""

    @property
    def source(self) -> str: ...

    def matrix(self, skill_ids: Sequence[str]) -> npt.NDArray[np.float32]: ...


class StaleIndex(Exception):
    """The index on disk cannot be used as it is (another format, another workspace, torn
    write); the caller rebuilds it."""


@dataclass(frozen=True, slots=True)
class RankWeights:
    """How much each part of the fit counts; the score's maximum is their sum."""

    skills: float = 0.55
    terms: float = 0.25
    family: float = 0.15
    seniority: float = 0.05
    semantic: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "skills": self.skills,
            "terms": self.terms,
            "family": self.family,
            "seniority": self.seniority,
            "semantic": self.semantic,
        }


DEFAULT_WEIGHTS = RankWeights()
# With the shipped word vectors: a tenth of the score for meaning beyond shared skills and
# words, taken from the skills and words parts.
SEMANTIC_WEIGHTS = RankWeights(skills=0.5, terms=0.2, family=0.15, seniority=0.05, semantic=0.1)
# Postings re-scored with the word vectors: the best ones by the sparse parts.
SEMANTIC_POOL = 200


@dataclass(frozen=True, slots=True)
class PostingFeatures:
    """What the index keeps of a posting."""

    posting_id: int
    skills: Mapping[str, str | None]  # skill id -> "required", "preferred" or None (named)
    role_family: str | None
    seniority: str | None
    text: str  # title and description: the term channel's words


@dataclass(frozen=True, slots=True)
class ResumeSkill:
    """A skill on the resume's side of the match."""

    weight: float  # 1 for a skill the resume names; less for a broader skill it implies
    via: str | None = None  # the named skill a broader one is credited through


@dataclass(frozen=True, slots=True)
class ResumeFeatures:
    """What a query reads from a resume."""

    skills: Mapping[str, ResumeSkill]
    family_fit: Mapping[str, float]  # posting role family -> fit in [0, 1]
    seniority_fit: Mapping[str, float]  # posting seniority -> fit in [0, 1]
    text: str


@dataclass(frozen=True, slots=True)
class SkillContribution:
    """One skill both sides have, and what it adds to the score."""

    skill_id: str
    requirement: str | None  # as the posting states it; None = named without a cue
    posting_weight: float  # REQUIREMENT_WEIGHTS[requirement]
    resume_weight: float
    via: str | None  # for partial matches: the resume's own skill that implies this one
    idf: float
    value: float


@dataclass(frozen=True, slots=True)
class TermContribution:
    """One characteristic word of the posting that the resume uses."""

    term: str
    value: float


@dataclass(frozen=True, slots=True)
class Contributions:
    """Why a posting scored what it did: every amount that makes up the score."""

    skills: tuple[SkillContribution, ...]
    skill_fit: float  # cosine in [0, 1], before weighting
    terms: tuple[TermContribution, ...]
    term_fit: float  # share in [0, 1], before weighting
    family: float  # weighted
    family_fit: float
    seniority: float  # weighted
    seniority_fit: float
    semantic: float = 0.0  # weighted
    semantic_similarity: float | None = None

    @property
    def total(self) -> float:
        return (
            math.fsum(s.value for s in self.skills)
            + math.fsum(t.value for t in self.terms)
            + self.family
            + self.seniority
            + self.semantic
        )


Ranked = tuple[int, float, Contributions]


# --- words --------------------------------------------------------------------------------

# Bytes that belong to a word: ASCII letters and digits, "+" and "#" ("c++", "c#"), and every
# byte of a multi-byte UTF-8 character. Everything else separates words. Working on bytes
# with one `translate` and one `split` is several times faster than a regular expression,
# and building an index is mostly this.
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789+#")
_TABLE = bytes(
    c + 32 if 65 <= c <= 90 else c if c in _WORD_BYTES or c >= 128 else 32 for c in range(256)
)
# English function words: no posting is about them. Common but meaningful words
# ("data", "experience") stay and are weighed down by idf.
STOPWORDS = frozenset((
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
    "either", "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "of", "off", "on",
    "once", "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your",
    "yours",
))  # fmt: skip
_LETTER_WORDS = frozenset({"r", "c"})  # one-letter words that name languages


def words(text: str) -> list[bytes]:
    """The raw words of a text: lower-cased ASCII, other characters kept, as UTF-8 bytes."""
    return text.encode("utf-8", "ignore").translate(_TABLE).split()


def term_of(word: bytes) -> str | None:
    """The term a raw word counts as (plurals folded), or None for a word the index skips."""
    text = word.decode("utf-8", "ignore")
    if text in STOPWORDS or text.isdigit() or (len(text) < 2 and text not in _LETTER_WORDS):
        return None
    term = normalize_word(text)
    return None if term in STOPWORDS else term


_UNSEEN = -3
# Multiplier of the table's slot hash and of the word hash's mixing step (2^64 / golden ratio).
_MIX = np.uint64(0x9E3779B97F4A7C15)
_LONG = np.uint64(1 << 63)
# _LOW[n] keeps the n first (little-endian, lowest) bytes of a uint64.
_LOW = np.array([(1 << (8 * n)) - 1 for n in range(8)] + [2**64 - 1], dtype=np.uint64)


def _word_bounds(blob: bytes) -> tuple[IntArray, IntArray]:
    """Start and length of every word of a translated blob that begins and ends with a
    space (separators are all spaces after `_TABLE`)."""
    space = np.frombuffer(blob, dtype=np.uint8) == 32
    edges = np.flatnonzero(space[:-1] != space[1:]) + 1  # a start, an end, a start, ...
    starts = edges[0::2]
    return starts, edges[1::2] - starts


def _word_hashes(blob: bytes, starts: IntArray, lengths: IntArray) -> npt.NDArray[np.uint64]:
    """A 64-bit key per word, computed for all words at once.

    A word of up to 8 bytes is its own key (its bytes as a little-endian integer): exact,
    and never 0 since a word has a non-zero byte. A longer word folds in 8 bytes at a time
    with a multiply-xorshift mix and has the top bit set. Two different longer words share
    a key with probability about 2^-63 per pair: for a million distinct long words, about
    one chance in twenty million that two of them are counted as one.
    """
    padded = blob + bytes(8)
    # Every byte offset read as the start of a (possibly unaligned) uint64.
    window = np.ndarray(shape=(len(blob),), dtype="<u8", buffer=padded, strides=(1,))
    keys = window[starts] & _LOW[np.minimum(lengths, 8)]
    long_words = np.flatnonzero(lengths > 8)
    offset = 8
    while long_words.size:
        rest = lengths[long_words] - offset
        chunk = window[starts[long_words] + offset] & _LOW[np.minimum(rest, 8)]
        mixed = (keys[long_words] ^ chunk) * _MIX
        mixed ^= mixed >> np.uint64(29)
        keys[long_words] = mixed | _LONG
        offset += 8
        long_words = long_words[rest > 8]
    return keys


class _WordTable:
    """Word key -> term id as numpy arrays, so a whole batch of words is looked up with a
    few vectorised passes instead of one dictionary lookup per word (which cost twice the
    whole rest of tokenising).

    Open addressing with linear probing over a power-of-two table kept at most half full;
    0 marks an empty slot (no word's key is 0). Values are term ids, -1 for skipped words.
    """

    def __init__(self, bits: int = 16) -> None:
        self._allocate(bits)

    def _allocate(self, bits: int) -> None:
        self._bits = bits
        self._keys = np.zeros(1 << bits, dtype=np.uint64)
        self._values = np.full(1 << bits, -1, dtype=np.int64)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def _home(self, keys: npt.NDArray[np.uint64]) -> IntArray:
        return ((keys * _MIX) >> np.uint64(64 - self._bits)).astype(np.int64)

    def lookup(self, keys: npt.NDArray[np.uint64]) -> IntArray:
        """The value of each key; `_UNSEEN` for a key not in the table."""
        pos = self._home(keys)
        out = self._values[pos]
        todo = np.flatnonzero(self._keys[pos] != keys)  # another key in the slot, or none
        pos = pos[todo]
        mask = (1 << self._bits) - 1
        while todo.size:
            there = self._keys[pos]
            hit = there == keys[todo]
            out[todo[hit]] = self._values[pos[hit]]
            empty = there == 0
            out[todo[empty]] = _UNSEEN
            walk = ~(hit | empty)
            todo = todo[walk]
            pos = (pos[walk] + 1) & mask
        return out

    def insert(self, keys: npt.NDArray[np.uint64], values: IntArray) -> None:
        """Add distinct keys that are not in the table yet, with their values."""
        if (self._count + keys.size) * 2 > self._keys.size:
            live = np.flatnonzero(self._keys)
            old_keys, old_values = self._keys[live], self._values[live]
            bits = self._bits
            while (old_keys.size + keys.size) * 2 > (1 << bits):
                bits += 1
            self._allocate(bits)
            self._place(old_keys, old_values)
        self._place(keys, values)

    def _place(self, keys: npt.NDArray[np.uint64], values: IntArray) -> None:
        # Each key walks from its home slot to the first free one; of the keys that reach
        # the same free slot in a round, the first takes it and the others walk on. A taken
        # slot stays taken, so a lookup walking from a key's home slot reaches the key.
        mask = (1 << self._bits) - 1
        pos = self._home(keys)
        todo = np.arange(keys.size)
        while todo.size:
            free = todo[self._keys[pos[todo]] == 0]
            _slots, first = np.unique(pos[free], return_index=True)
            won = free[first]
            self._keys[pos[won]] = keys[won]
            self._values[pos[won]] = values[won]
            placed = np.zeros(keys.size, dtype=bool)
            placed[won] = True
            todo = todo[~placed[todo]]
            pos[todo] = (pos[todo] + 1) & mask
        self._count += keys.size


class TermVocabulary:
    """Terms by id; raw words are mapped to terms once each and remembered."""

    def __init__(self, terms: Sequence[str] = (), shown: Sequence[str] | None = None) -> None:
        self.terms: list[str] = list(terms)
        # The first spelling met of each term, to show ("kubernetes", not "kubernete").
        self.shown: list[str] = list(shown) if shown is not None else list(terms)
        self._ids: dict[str, int] = {t: i for i, t in enumerate(self.terms)}
        # Raw word -> term id (-1 for a skipped word), for single words (queries)...
        self.raw: dict[bytes, int] = {}
        # ... and by word key, for whole batches (building).
        self.table = _WordTable()

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, term: str, shown: str | None = None) -> int:
        tid = self._ids.get(term)
        if tid is None:
            tid = self._ids[term] = len(self.terms)
            self.terms.append(term)
            self.shown.append(shown or term)
        return tid

    def learn(self, word: bytes) -> int:
        """The term id of a raw word, adding its term if new (-1 for a skipped word)."""
        tid = self.raw.get(word)
        if tid is None:
            term = term_of(word)
            shown = word.decode("utf-8", "ignore")
            tid = self.raw[word] = -1 if term is None else self.add(term, shown)
        return tid

    def id_of(self, word: bytes) -> int:
        """The term id of a raw word, or -1 when it is skipped or unknown; adds nothing."""
        tid = self.raw.get(word)
        if tid is not None:
            return tid
        term = term_of(word)
        return -1 if term is None else self._ids.get(term, -1)

    def batch_ids(self, blob: bytes, starts: IntArray, lengths: IntArray) -> IntArray:
        """The term id (-1: skipped) of every word of a translated blob, learning new words
        in the order they first occur (so ids do not depend on how texts are batched)."""
        keys = _word_hashes(blob, starts, lengths)
        ids = self.table.lookup(keys)
        unseen = np.flatnonzero(ids == _UNSEEN)
        if unseen.size:
            new_keys, first, inverse = np.unique(
                keys[unseen], return_index=True, return_inverse=True
            )
            learnt = np.empty(new_keys.size, dtype=np.int64)  # by key, as `new_keys`
            for k in np.argsort(first, kind="stable").tolist():  # in order of first use
                start = int(starts[unseen[first[k]]])
                learnt[k] = self.learn(blob[start : start + int(lengths[unseen[first[k]]])])
            self.table.insert(new_keys, learnt)
            ids[unseen] = learnt[inverse]
        return ids


# --- building rows ------------------------------------------------------------------------


@dataclass
class _TermCounts:
    """Raw term counts of a run of postings, before idf is known: batches of CSR parts."""

    parts: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16], IntArray]] = field(
        default_factory=list
    )

    def add_batch(self, texts: list[str], vocabulary: TermVocabulary) -> None:
        """Count the terms of a batch of texts.

        The texts are joined into one blob; word bounds, word keys and term ids are found
        for all its words at once in numpy (`_word_bounds`, `TermVocabulary.batch_ids`), and
        (text, term) pairs are counted with one sort. Per-word Python work (a split and a
        dictionary lookup per word) cost three times as much.
        """
        encoded = [t.encode("utf-8", "ignore") for t in texts]
        blob = b" " + b" ".join(encoded).translate(_TABLE) + b" "
        starts, lengths = _word_bounds(blob)
        ids = vocabulary.batch_ids(blob, starts, lengths)
        sizes = np.fromiter(map(len, encoded), np.int64, count=len(encoded)) + 1
        text_starts = np.cumsum(sizes) - sizes + 1  # where each text begins in the blob
        per_text = np.diff(np.append(np.searchsorted(starts, text_starts), starts.size))
        row = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
        kept = ids >= 0
        key = (row[kept] << 32) | ids[kept]
        key.sort()
        first = np.empty(key.size, dtype=bool)
        first[:1] = True
        np.not_equal(key[1:], key[:-1], out=first[1:])
        runs = np.flatnonzero(first)
        tf = np.diff(np.append(runs, key.size))
        pairs = key[runs]
        entries = np.bincount(pairs >> 32, minlength=len(texts)).astype(np.int64)
        self.parts.append(
            (
                (pairs & 0xFFFFFFFF).astype(np.int32),
                np.minimum(tf, _MAX_TF).astype(np.uint16),
                entries,
            )
        )

    def document_frequency(self, n_terms: int) -> IntArray:
        df = np.zeros(n_terms, dtype=np.int64)
        for col, _tf, _lengths in self.parts:
            df += np.bincount(col, minlength=n_terms)
        return df

    def document_lengths(self) -> IntArray:
        out = []
        for _col, tf, lengths in self.parts:
            ends = np.cumsum(lengths)
            sums = np.concatenate([[0], np.cumsum(tf, dtype=np.int64)])
            out.append(sums[ends] - sums[ends - lengths])
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


@dataclass
class _Rows:
    """Postings turned into index rows, before they join an index."""

    ids: IntArray
    family: npt.NDArray[np.int8]
    seniority: npt.NDArray[np.int8]
    skills: Any  # CSR, n x len(skill vocabulary)
    counts: _TermCounts


class _Columns(dict[str, int]):
    """Skill id -> column, numbering new skills as they come (fills `known` too)."""

    def __init__(self, known: dict[str, int]) -> None:
        super().__init__(known)
        self.known = known

    def __missing__(self, skill_id: str) -> int:
        column = self[skill_id] = self.known[skill_id] = len(self.known)
        return column


class _Weights(dict[str | None, float]):
    def __missing__(self, _requirement: str | None) -> float:
        return REQUIREMENT_WEIGHTS[None]  # an unknown cue counts as merely named


_WEIGHT_OF = _Weights(REQUIREMENT_WEIGHTS)


def _code(value: str | None, names: tuple[str, ...]) -> int:
    return names.index(value) if value in names else len(names)


def _rows(
    postings: Iterable[PostingFeatures], skill_ids: dict[str, int], vocabulary: TermVocabulary
) -> _Rows:
    ids: list[int] = []
    family: list[int] = []
    seniority: list[int] = []
    s_cols: list[int] = []
    s_vals: list[float] = []
    s_ptr = [0]
    counts = _TermCounts()
    texts: list[str] = []
    column_of = _Columns(skill_ids).__getitem__
    weight_of = _WEIGHT_OF.__getitem__
    for p in postings:
        ids.append(p.posting_id)
        family.append(_code(p.role_family, FAMILIES))
        seniority.append(_code(p.seniority, SENIORITIES))
        s_cols += map(column_of, p.skills)
        s_vals += map(weight_of, p.skills.values())
        s_ptr.append(len(s_cols))
        texts.append(p.text)
        if len(texts) == _BATCH:
            counts.add_batch(texts, vocabulary)
            texts = []
    if texts:
        counts.add_batch(texts, vocabulary)
    skills = sp.csr_matrix(
        (
            np.array(s_vals, dtype=np.float32),
            np.array(s_cols, dtype=np.int32),
            np.array(s_ptr, dtype=np.int64),
        ),
        shape=(len(ids), len(skill_ids)),
    )
    return _Rows(
        np.array(ids, dtype=np.int64),
        np.array(family, dtype=np.int8),
        np.array(seniority, dtype=np.int8),
        skills,
        counts,
    )


def bm25_idf(df: IntArray, n: int) -> FloatArray:
    """BM25's idf, ``ln(1 + (N - df + 0.5) / (df + 0.5))``: positive for every df."""
    return np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)


def skill_idf(df: IntArray, n: int) -> FloatArray:
    """Smoothed idf, ``ln((1 + N) / (1 + df)) + 1``: at least 1, so a skill every posting
    asks for still counts."""
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)


def _top_per_row(lengths: IntArray, values: FloatArray, k: int) -> npt.NDArray[np.bool_]:
    """Which entries are among the k largest of their row (rows are consecutive runs);
    among entries tied with the k-th largest, the first ones in the row are kept."""
    if lengths.size == 0 or int(lengths.max()) <= k:
        return np.ones(values.size, dtype=bool)
    rows = np.repeat(np.arange(lengths.size, dtype=np.int64), lengths)
    # One 64-bit key per entry, the row in the high half and the value's bits inverted in
    # the low half (the bits of a non-negative float32 order as the float does): one sort
    # orders every row best first, and the k-th key of a row is that row's threshold.
    inverted = 0xFFFFFFFF - values.astype(np.float32).view(np.uint32).astype(np.int64)
    ordered = np.sort((rows << 32) | inverted)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    long_rows = lengths > k
    threshold = np.full(lengths.size, 0xFFFFFFFF, dtype=np.int64)
    threshold[long_rows] = ordered[starts[long_rows] + k - 1] & 0xFFFFFFFF
    better = inverted < threshold[rows]
    tied = inverted == threshold[rows]
    # Ties with the threshold fill the places the better entries leave, in row order.
    better_before = np.concatenate([[0], np.cumsum(better)])
    places = k - (better_before[starts + lengths] - better_before[starts])
    tie_rank = np.cumsum(tied)
    tie_rank -= np.concatenate([[0], tie_rank])[starts][rows]
    keep: npt.NDArray[np.bool_] = better | (tied & (tie_rank <= places[rows]))
    return keep


def _saturated_terms(
    counts: _TermCounts, idf: FloatArray, avg_len: float, n_terms: int, keep: int | None
) -> Any:
    """The CSR of saturated term frequencies, each row pruned to its `keep` best words if
    `keep` is given. Consumes `counts`: each batch is freed once converted, and the result
    is written into one buffer, so memory holds the counts or the matrix, rarely both."""
    lengths_all = counts.document_lengths()
    total = sum(col.size for col, _tf, _lengths in counts.parts)
    data = np.empty(total, dtype=np.float32)
    cols = np.empty(total, dtype=np.int32)
    ptr = np.zeros(lengths_all.size + 1, dtype=np.int64)
    offset = row0 = 0
    while counts.parts:
        col, tf, lengths = counts.parts.pop(0)
        doc_len = lengths_all[row0 : row0 + lengths.size]
        per_entry = np.repeat(doc_len, lengths).astype(np.float32)
        norm = K1 * (1 - B + B * per_entry / np.float32(max(avg_len, 1e-9)))
        tf32 = tf.astype(np.float32)
        sat = tf32 * (K1 + 1) / (tf32 + norm)
        kept = (
            _top_per_row(lengths, (sat * idf[col]).astype(np.float32), keep)
            if keep is not None
            else np.ones(sat.size, dtype=bool)
        )
        n_kept = int(kept.sum())
        data[offset : offset + n_kept] = sat[kept]
        cols[offset : offset + n_kept] = col[kept]
        rows = np.repeat(np.arange(lengths.size), lengths)[kept]
        ptr[row0 + 1 : row0 + lengths.size + 1] = offset + np.cumsum(
            np.bincount(rows, minlength=lengths.size)
        )
        offset += n_kept
        row0 += lengths.size
    matrix = sp.csr_matrix((data[:offset], cols[:offset], ptr), shape=(row0, n_terms))
    matrix.sort_indices()
    return matrix


# --- the index ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the directory of a saved index says about it."""

    format: int
    build_id: str
    postings: int
    max_id: int
    workspace: str | None
    created_at: str
    avg_len: float
    terms_per_posting: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "build_id": self.build_id,
            "postings": self.postings,
            "max_id": self.max_id,
            "workspace": self.workspace,
            "created_at": self.created_at,
            "avg_len": self.avg_len,
            "terms_per_posting": self.terms_per_posting,
        }


def read_manifest(directory: Path) -> Manifest | None:
    """The manifest of a saved index, or None when there is none or it is unreadable."""
    try:
        raw = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(
            format=int(raw["format"]),
            build_id=str(raw["build_id"]),
            postings=int(raw["postings"]),
            max_id=int(raw["max_id"]),
            workspace=raw.get("workspace"),
            created_at=str(raw["created_at"]),
            avg_len=float(raw["avg_len"]),
            terms_per_posting=raw.get("terms_per_posting"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class PostingIndex:
    """Sparse rows for every posting; `query` ranks them against a resume."""

    def __init__(
        self,
        *,
        ids: IntArray,
        family: npt.NDArray[np.int8],
        seniority: npt.NDArray[np.int8],
        skills: Any,
        skill_ids: list[str],
        skill_df: IntArray,
        terms: Any,
        vocabulary: TermVocabulary,
        term_df: IntArray,
        avg_len: float,
        terms_per_posting: int | None = None,
        workspace: str | None = None,
        build_id: str | None = None,
        created_at: str | None = None,
    ) -> None:
        self.ids = ids
        self.family = family
        self.seniority = seniority
        self.skills = _column_major(skills)
        self.skill_ids = skill_ids
        self.skill_df = skill_df
        self.terms = _column_major(terms)
        self.vocabulary = vocabulary
        self.term_df = term_df
        self.avg_len = avg_len
        self.terms_per_posting = terms_per_posting
        self.workspace = workspace
        self.build_id = build_id or uuid.uuid4().hex
        self.created_at = created_at or datetime.now(UTC).isoformat(timespec="seconds")
        self._refresh()

    # -- construction -------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        postings: Iterable[PostingFeatures],
        *,
        terms_per_posting: int | None = None,
        workspace: str | None = None,
    ) -> PostingIndex:
        """An index over `postings` (one row each, in the order given).

        `terms_per_posting` keeps only that many words per posting (its largest idf x
        saturation): less memory, but BM25 loses much of what makes one posting better
        worded than another for a resume (bench/rank_postings.py), so all are kept unless
        asked.
        """
        skill_index: dict[str, int] = {}
        vocabulary = TermVocabulary()
        rows = _rows(postings, skill_index, vocabulary)
        n = rows.ids.size
        term_df = rows.counts.document_frequency(len(vocabulary))
        lengths = rows.counts.document_lengths()
        avg_len = float(lengths.mean()) if n else 0.0
        terms = _saturated_terms(
            rows.counts, bm25_idf(term_df, n), avg_len, len(vocabulary), terms_per_posting
        )
        skill_df = np.bincount(rows.skills.indices, minlength=len(skill_index)).astype(np.int64)
        return cls(
            ids=rows.ids,
            family=rows.family,
            seniority=rows.seniority,
            skills=rows.skills,
            skill_ids=list(skill_index),
            skill_df=skill_df,
            terms=terms,
            vocabulary=vocabulary,
            term_df=term_df,
            avg_len=avg_len,
            terms_per_posting=terms_per_posting,
            workspace=workspace,
        )

    def update(self, postings: Iterable[PostingFeatures]) -> int:
        """Append postings not yet in the index (a posting id already present is left as it
        is); returns how many were added. Old rows are not recomputed."""
        fresh: dict[int, PostingFeatures] = {}
        for p in postings:
            if p.posting_id not in self._row_of:
                fresh.setdefault(p.posting_id, p)
        if not fresh:
            return 0
        skill_index = {s: i for i, s in enumerate(self.skill_ids)}
        rows = _rows(fresh.values(), skill_index, self.vocabulary)
        n_terms = len(self.vocabulary)
        n = self.size + rows.ids.size
        term_df = _grown(self.term_df, n_terms) + rows.counts.document_frequency(n_terms)
        new_terms = _saturated_terms(
            rows.counts, bm25_idf(term_df, n), self.avg_len, n_terms, self.terms_per_posting
        )
        skill_df = _grown(self.skill_df, len(skill_index)) + np.bincount(
            rows.skills.indices, minlength=len(skill_index)
        )
        self.skills = _appended(self.skills, rows.skills, len(skill_index))
        self.terms = _appended(self.terms, new_terms, n_terms)
        self.ids = np.concatenate([self.ids, rows.ids])
        self.family = np.concatenate([self.family, rows.family])
        self.seniority = np.concatenate([self.seniority, rows.seniority])
        self.skill_ids = list(skill_index)
        self.skill_df = skill_df.astype(np.int64)
        self.term_df = term_df
        self.build_id = uuid.uuid4().hex
        self._refresh()
        return int(rows.ids.size)

    def _refresh(self) -> None:
        """Recompute what depends on the whole collection: idf and the per-posting norm of
        the skills asked (one pass over the nonzeros)."""
        n = self.size
        self._skill_idf = skill_idf(self.skill_df, n)
        self._term_idf = bm25_idf(self.term_df, n)
        asked = self.skills.multiply(self.skills) @ (self._skill_idf.astype(np.float64) ** 2)
        self._skill_inv_norm = _inverse(np.sqrt(np.asarray(asked, dtype=np.float64)).ravel())
        self._skill_column = {s: i for i, s in enumerate(self.skill_ids)}
        self._row_of = {int(pid): i for i, pid in enumerate(self.ids.tolist())}
        # (family, seniority) as one code into the flattened table of title fits.
        self._title_code = self.family.astype(np.int64) * (len(SENIORITIES) + 1) + self.seniority
        # Row-major copy of the (small) skills matrix: the semantic part reads whole rows.
        self._skills_by_row = self.skills.tocsr()
        self._vectors_key: tuple[int, int] | None = None
        self._vectors = np.zeros((0, 0), dtype=np.float32)

    # -- facts ---------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return int(self.ids.size)

    @property
    def max_id(self) -> int:
        return int(self.ids.max()) if self.size else 0

    def __contains__(self, posting_id: object) -> bool:
        return posting_id in self._row_of

    def nbytes(self) -> int:
        """Bytes held by the index's arrays."""
        total = self.ids.nbytes + self.family.nbytes + self.seniority.nbytes
        for m in (self.skills, self.terms):
            total += m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
        return int(total + self.skill_df.nbytes + self.term_df.nbytes)

    # -- querying ------------------------------------------------------------------------

    def query(
        self,
        resume: ResumeFeatures,
        top: int,
        *,
        weights: RankWeights = DEFAULT_WEIGHTS,
        semantic: SkillVectors | None = None,
    ) -> list[Ranked]:
        """The `top` postings for this resume, best first: (posting id, score, why).

        With `semantic` skill vectors and a semantic weight, the `SEMANTIC_POOL` best
        postings by the other parts are re-scored with the similarity of their skills to the
        resume's in vector space; a posting outside that pool gets no semantic part.
        """
        if top <= 0 or self.size == 0:
            return []
        query = self._query_vectors(resume)
        scores = self._scores(query, weights)
        similarity: dict[int, float] = {}
        if semantic is not None and weights.semantic > 0:
            rows = top_rows(scores, max(top, SEMANTIC_POOL))
            sims = self._similarities(rows, query, semantic)
            similarity = dict(zip(rows.tolist(), sims.tolist(), strict=True))
            scores[rows] += np.float32(weights.semantic) * sims
        else:
            rows = top_rows(scores, top)
        rows = rows[np.lexsort((self.ids[rows], -scores[rows]))][:top]
        explained = self._explain_rows(rows, query, weights, similarity)
        ranked = [
            (int(self.ids[row]), why.total, why)
            for row, why in zip(rows.tolist(), explained, strict=True)
        ]
        # The reported score is the exact sum of the contributions; order by it, ties by id.
        ranked.sort(key=lambda r: (-round(r[1], 9), r[0]))
        return ranked

    def explain(
        self,
        posting_id: int,
        resume: ResumeFeatures,
        *,
        weights: RankWeights = DEFAULT_WEIGHTS,
        semantic: SkillVectors | None = None,
    ) -> Contributions:
        """Why one posting scores what it does for this resume."""
        rows = np.array([self._row_of[posting_id]])
        query = self._query_vectors(resume)
        self._scores(query, weights)  # sets the best BM25 that term fit is relative to
        similarity = {}
        if semantic is not None and weights.semantic > 0:
            similarity = {int(rows[0]): float(self._similarities(rows, query, semantic)[0])}
        return self._explain_rows(rows, query, weights, similarity)[0]

    def scores(
        self, resume: ResumeFeatures, *, weights: RankWeights = DEFAULT_WEIGHTS
    ) -> FloatArray:
        """Every posting's score without the semantic part, in row order (`ids` gives the
        posting of each row)."""
        return self._scores(self._query_vectors(resume), weights)

    def _query_vectors(self, resume: ResumeFeatures) -> _Query:
        skill_cols, skill_weights, via = [], [], []
        for skill_id, have in resume.skills.items():
            col = self._skill_column.get(skill_id)
            if col is not None and have.weight > 0:
                skill_cols.append(col)
                skill_weights.append(have.weight)
                via.append(have.via)
        cols = np.array(skill_cols, dtype=np.int64)
        r = np.array(skill_weights, dtype=np.float64) * self._skill_idf[cols]
        norm = float(np.sqrt(np.dot(r, r)))
        return _Query(
            skill_cols=cols,
            skill_values=(r * self._skill_idf[cols] / norm) if norm else np.zeros(cols.size),
            skill_weight={int(c): (w, v) for c, w, v in zip(cols, skill_weights, via, strict=True)},
            skill_norm=norm,
            term_cols=self._query_terms(resume.text),
            family_fit=np.array(
                [resume.family_fit.get(f, 0.0) for f in FAMILIES] + [0.0], dtype=np.float64
            ),
            seniority_fit=np.array(
                [resume.seniority_fit.get(s, 0.0) for s in SENIORITIES] + [0.0], dtype=np.float64
            ),
        )

    def _query_terms(self, text: str) -> IntArray:
        """The resume's `QUERY_TERMS` most distinctive words the index knows (ties by id)."""
        known = {t for w in set(words(text)) if (t := self.vocabulary.id_of(w)) >= 0}
        cols = np.array(sorted(known), dtype=np.int64)
        if cols.size > QUERY_TERMS:
            cols = np.sort(cols[np.lexsort((cols, -self._term_idf[cols]))[:QUERY_TERMS]])
        return cols

    def _scores(self, q: _Query, w: RankWeights) -> FloatArray:
        # Title first: one lookup of (family, seniority) fit per posting gives a fresh array
        # the other parts are added to in place.
        title = w.family * q.family_fit[:, None] + w.seniority * q.seniority_fit[None, :]
        scores: FloatArray = title.astype(np.float32).ravel()[self._title_code]
        if q.skill_cols.size and w.skills:
            hit = self.skills[:, q.skill_cols] @ (w.skills * q.skill_values).astype(np.float32)
            hit *= self._skill_inv_norm
            scores += hit
        if q.term_cols.size and w.terms:
            bm25 = self.terms[:, q.term_cols] @ self._term_idf[q.term_cols]
            best = float(bm25.max())
            q.term_best[0] = best
            if best > 0:
                bm25 *= np.float32(w.terms / best)
                scores += bm25
        return scores

    def _similarities(self, rows: IntArray, q: _Query, semantic: SkillVectors) -> FloatArray:
        """Cosine (floored at 0) between each row's asked skills and the resume's skills, as
        idf-weighted sums of skill vectors: related skills count even when not the same."""
        vectors = self._skill_vectors(semantic)
        sub = self._skills_by_row[rows]
        weighted = sp.csr_matrix(
            (sub.data * self._skill_idf[sub.indices], sub.indices, sub.indptr), shape=sub.shape
        )
        postings = np.asarray(weighted @ vectors, dtype=np.float32)
        have = np.array([q.skill_weight[int(c)][0] for c in q.skill_cols], dtype=np.float32)
        resume = (have * self._skill_idf[q.skill_cols]) @ vectors[q.skill_cols]
        norms = np.linalg.norm(postings, axis=1) * float(np.linalg.norm(resume))
        cos = (postings @ resume) / np.where(norms > 0, norms, 1.0)
        return np.clip(cos, 0.0, 1.0).astype(np.float32)

    def _skill_vectors(self, semantic: SkillVectors) -> FloatArray:
        key = (id(semantic), len(self.skill_ids))
        if self._vectors_key != key:
            self._vectors = semantic.matrix(self.skill_ids)
            self._vectors_key = key
        return self._vectors

    def _explain_rows(
        self, rows: IntArray, q: _Query, w: RankWeights, similarity: dict[int, float]
    ) -> list[Contributions]:
        skills = _entries(self.skills, q.skill_cols, rows) if q.skill_norm and w.skills else None
        best = q.term_best[0]
        terms = _entries(self.terms, q.term_cols, rows) if best > 0 and w.terms else None
        out = []
        for i, row in enumerate(rows.tolist()):
            matched = self._skill_contributions(skills[i] if skills else [], row, q, w)
            words_ = [
                TermContribution(
                    self.vocabulary.shown[col], w.terms * float(self._term_idf[col]) * sat / best
                )
                for col, sat in (terms[i] if terms else [])
            ]
            words_.sort(key=lambda t: -t.value)
            family_fit = float(q.family_fit[self.family[row]])
            seniority_fit = float(q.seniority_fit[self.seniority[row]])
            sim = similarity.get(row)
            out.append(
                Contributions(
                    skills=matched,
                    skill_fit=math.fsum(s.value for s in matched) / w.skills if w.skills else 0,
                    terms=tuple(words_),
                    term_fit=math.fsum(t.value for t in words_) / w.terms if w.terms else 0,
                    family=w.family * family_fit,
                    family_fit=family_fit,
                    seniority=w.seniority * seniority_fit,
                    seniority_fit=seniority_fit,
                    semantic=w.semantic * sim if sim is not None else 0.0,
                    semantic_similarity=sim,
                )
            )
        return out

    def _skill_contributions(
        self, entries: list[tuple[int, float]], row: int, q: _Query, w: RankWeights
    ) -> tuple[SkillContribution, ...]:
        inv_norm = float(self._skill_inv_norm[row])
        out = []
        for col, stored in entries:
            requirement = _REQUIREMENT_OF.get(stored)
            # The constant itself rather than its float32 copy in the matrix.
            asked = REQUIREMENT_WEIGHTS[requirement] if stored in _REQUIREMENT_OF else stored
            resume_weight, via = q.skill_weight[col]
            idf = float(self._skill_idf[col])
            out.append(
                SkillContribution(
                    skill_id=self.skill_ids[col],
                    requirement=requirement,
                    posting_weight=asked,
                    resume_weight=resume_weight,
                    via=via,
                    idf=idf,
                    value=w.skills * asked * idf * resume_weight * idf * inv_norm / q.skill_norm,
                )
            )
        out.sort(key=lambda s: -s.value)
        return tuple(out)

    # -- persistence ---------------------------------------------------------------------

    def manifest(self) -> Manifest:
        return Manifest(
            format=FORMAT,
            build_id=self.build_id,
            postings=self.size,
            max_id=self.max_id,
            workspace=self.workspace,
            created_at=self.created_at,
            avg_len=self.avg_len,
            terms_per_posting=self.terms_per_posting,
        )

    def save(self, directory: Path) -> None:
        """Write the index to `directory`. The manifest is written last, and it and the
        arrays carry the same build id, so a reader never takes a half-written index."""
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {
            "build_id": np.array(self.build_id),
            "ids": self.ids,
            "family": self.family,
            "seniority": self.seniority,
            "skill_data": self.skills.data,
            "skill_indices": self.skills.indices,
            "skill_indptr": self.skills.indptr,
            "skill_df": self.skill_df,
            "term_data": self.terms.data,
            "term_indices": self.terms.indices,
            "term_indptr": self.terms.indptr,
            "term_df": self.term_df,
        }
        _write_atomic(directory / ARRAYS, lambda fh: np.savez(fh, **arrays))
        vocabulary = {
            "skills": self.skill_ids,
            "terms": self.vocabulary.terms,
            "shown": self.vocabulary.shown,
        }
        _write_atomic(
            directory / VOCABULARY,
            lambda fh: fh.write(json.dumps(vocabulary, ensure_ascii=False).encode("utf-8")),
        )
        manifest = json.dumps(self.manifest().to_json(), indent=2).encode("utf-8")
        _write_atomic(directory / MANIFEST, lambda fh: fh.write(manifest))

    @classmethod
    def load(cls, directory: Path, *, workspace: str | None = None) -> PostingIndex:
        """Read an index saved by `save`.

        Raises `StaleIndex` when the directory holds no index, another format, an index of
        another workspace (when `workspace` is given), or files of two different builds.
        """
        manifest = read_manifest(directory)
        if manifest is None:
            raise StaleIndex(f"no readable index manifest in {directory}")
        if manifest.format != FORMAT:
            raise StaleIndex(f"index format {manifest.format}, this landml reads {FORMAT}")
        if workspace is not None and manifest.workspace != workspace:
            raise StaleIndex(f"the index in {directory} belongs to {manifest.workspace!r}")
        try:
            with np.load(directory / ARRAYS) as z:
                arrays = {name: z[name] for name in z.files}
            vocabulary = json.loads((directory / VOCABULARY).read_text(encoding="utf-8"))
            skill_ids: list[str] = vocabulary["skills"]
            terms = TermVocabulary(vocabulary["terms"], vocabulary["shown"])
            build_id = str(arrays["build_id"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StaleIndex(f"unreadable index files in {directory}: {exc}") from exc
        if build_id != manifest.build_id or arrays["ids"].size != manifest.postings:
            raise StaleIndex(f"the files in {directory} come from different builds")
        n = int(arrays["ids"].size)
        return cls(
            ids=arrays["ids"].astype(np.int64),
            family=arrays["family"].astype(np.int8),
            seniority=arrays["seniority"].astype(np.int8),
            skills=sp.csc_matrix(
                (arrays["skill_data"], arrays["skill_indices"], arrays["skill_indptr"]),
                shape=(n, len(skill_ids)),
            ),
            skill_ids=skill_ids,
            skill_df=arrays["skill_df"].astype(np.int64),
            terms=sp.csc_matrix(
                (arrays["term_data"], arrays["term_indices"], arrays["term_indptr"]),
                shape=(n, len(terms)),
            ),
            vocabulary=terms,
            term_df=arrays["term_df"].astype(np.int64),
            avg_len=manifest.avg_len,
            terms_per_posting=manifest.terms_per_posting,
            workspace=manifest.workspace,
            build_id=manifest.build_id,
            created_at=manifest.created_at,
        )


@dataclass(frozen=True, slots=True)
class _Query:
    skill_cols: IntArray
    skill_values: npt.NDArray[np.float64]  # resume weight x idf^2 / |resume|
    skill_weight: dict[int, tuple[float, str | None]]  # column -> (resume weight, via)
    skill_norm: float
    term_cols: IntArray
    family_fit: npt.NDArray[np.float64]  # by family code (last: unknown)
    seniority_fit: npt.NDArray[np.float64]
    # The best BM25 of any posting for this resume, set by `_scores`: term fit is relative
    # to it, so explaining needs it.
    term_best: list[float] = field(default_factory=lambda: [0.0])


# The matrix stores the weight; the requirement it stands for is read back from it.
_REQUIREMENT_OF = {float(np.float32(v)): k for k, v in REQUIREMENT_WEIGHTS.items()}


def top_rows(scores: FloatArray, k: int) -> IntArray:
    """Rows holding the k largest scores, and any tied with the k-th (unordered).

    Exact, and much cheaper than `argpartition` over every posting: the k-th largest score
    of an evenly spaced sample is a threshold at least k scores reach, so only the few
    rows at or above it need ordering.
    """
    n = scores.size
    if k >= n:
        return np.arange(n)
    sample = scores[:: max(1, n // max(2048, 4 * k))]
    threshold = np.partition(sample, sample.size - k)[sample.size - k]
    rows = np.flatnonzero(scores >= threshold)
    if rows.size > 4 * k:
        # Many rows at or above a low threshold: keep the k best and their ties.
        kth = np.partition(scores[rows], rows.size - k)[rows.size - k]
        rows = rows[scores[rows] >= kth]
    return rows


def _entries(matrix: Any, cols: IntArray, rows: IntArray) -> list[list[tuple[int, float]]]:
    """For each of `rows`, its (column, value) entries among `cols` of a CSC matrix with
    sorted row indices, in the order of `cols`: a binary search for every (column, row)
    pair, all pairs at once (a Python loop over the columns cost more than the search)."""
    found: list[list[tuple[int, float]]] = [[] for _ in range(rows.size)]
    if not rows.size or not cols.size or not matrix.nnz:
        return found
    indptr, indices = matrix.indptr, matrix.indices
    pair_col = np.repeat(np.arange(cols.size), rows.size)
    pair_row = np.tile(rows, cols.size)
    lo = indptr[cols][pair_col].astype(np.int64)
    end = indptr[cols + 1][pair_col].astype(np.int64)
    hi = end.copy()
    last = indices.size - 1
    while True:  # lo: the first entry of the column at or after the row
        active = lo < hi
        if not active.any():
            break
        mid = (lo + hi) >> 1
        right = active & (indices[np.minimum(mid, last)] < pair_row)
        lo = np.where(right, mid + 1, lo)
        hi = np.where(active & ~right, mid, hi)
    hit = np.flatnonzero((lo < end) & (indices[np.minimum(lo, last)] == pair_row))
    for pair, value in zip(hit.tolist(), matrix.data[lo[hit]].tolist(), strict=True):
        col, i = divmod(pair, rows.size)
        found[i].append((int(cols[col]), value))
    return found


def _column_major(matrix: Any) -> Any:
    csc = matrix.tocsc() if matrix.format != "csc" else matrix
    csc.sort_indices()
    return csc


def _appended(old: Any, new_rows: Any, n_cols: int) -> Any:
    """`old` (CSC) with `new_rows` below it, both widened to `n_cols` columns."""
    indptr = np.concatenate(
        [old.indptr, np.full(n_cols - old.shape[1], old.indptr[-1], dtype=old.indptr.dtype)]
    )
    widened = sp.csc_matrix((old.data, old.indices, indptr), shape=(old.shape[0], n_cols))
    grown = sp.csr_matrix(
        (new_rows.data, new_rows.indices, new_rows.indptr), shape=(new_rows.shape[0], n_cols)
    )
    return _column_major(sp.vstack([widened, grown.tocsc()], format="csc"))


def _inverse(values: npt.NDArray[np.float64]) -> FloatArray:
    out = np.zeros(values.size, dtype=np.float32)
    nonzero = values > 0
    out[nonzero] = (1.0 / values[nonzero]).astype(np.float32)
    return out


def _grown(counts: IntArray, size: int) -> IntArray:
    """`counts` padded with zeros to `size` (the vocabulary grew)."""
    return np.concatenate([counts, np.zeros(size - counts.size, dtype=counts.dtype)])


def _write_atomic(path: Path, write: Callable[[Any], object]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        write(fh)
    tmp.replace(path)
