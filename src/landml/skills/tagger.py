"""A linear-chain CRF that tags skill and knowledge spans, trained on SkillSpan.

The taxonomy lookup finds names it knows; job postings also state skills as phrases
("work independently", "manage a team of analysts", "design data pipelines"). This tagger
reads each sentence and marks such spans with BIO tags. It runs on numpy alone: the
weights ship in `data/tagger.npz` (trained by scripts/train_skill_tagger.py), nothing is
downloaded.

Features are hashed strings. Word features (the word, its shape, affixes, lexicon flags)
depend only on the word and its offset from the tagged token, so their summed weights are
cached per word; lookup features say whether a token lies inside a taxonomy match.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from landml.errors import WorkspaceError

FloatArray = npt.NDArray[np.float32]

OFFSETS = (-2, -1, 0, 1, 2)
HASH_BITS = 22
_MASK = (1 << HASH_BITS) - 1
BOS, EOS = "<s>", "</s>"
FEATURE_VERSION = 3
MAX_CACHED_WORDS = 500_000


def feature_id(name: str) -> int:
    """The stable hashed id of a feature string."""
    return zlib.crc32(name.encode("utf-8")) & _MASK


def shape(word: str) -> str:
    """Character classes with repeats collapsed: "PyTorch" -> "XxXx", "k8s" -> "xdx"."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


@dataclass(frozen=True)
class Lexicon:
    """Word lists drawn from the taxonomy when the tagger was trained."""

    skill_heads: frozenset[str]  # first words of ESCO skill labels: manage, develop, apply...
    knowledge_words: frozenset[str]  # words of ESCO knowledge and tool names
    tech_names: frozenset[str]  # one-word technology names: python, pytorch, kubernetes...
    function_words: frozenset[str]


def word_features(word: str, offset: int, lexicon: Lexicon) -> list[str]:
    """Feature strings of `word` seen at `offset` tokens from the tagged token."""
    low = word.lower()
    feats = [f"w={low}", f"sh={shape(word)}"]
    if low in lexicon.skill_heads:
        feats.append("lex=head")
    if low in lexicon.knowledge_words:
        feats.append("lex=know")
    if low in lexicon.tech_names:
        feats.append("lex=tech")
    if low in lexicon.function_words:
        feats.append("lex=fn")
    if offset == 0:
        feats += [f"p2={low[:2]}", f"p3={low[:3]}", f"x2={low[-2:]}", f"x3={low[-3:]}"]
        feats.append(f"x4={low[-4:]}")
        feats.append(f"len={min(len(word), 12) // 3}")
        if word[:1].isupper():
            feats.append("title")
        if word.isupper() and len(word) > 1:
            feats.append("upper")
    else:
        feats.append(f"x3={low[-3:]}")
    return [f"{offset}|{f}" for f in feats]


def lookup_states(spans: Sequence[tuple[int, int, str]], n: int) -> list[str]:
    """Each token's place in a taxonomy match: "O", or "B|category" / "I|category".

    `spans` are (first, last, category) token ranges within a sentence of `n` tokens.
    """
    states = ["O"] * n
    for first, last, category in spans:
        for t in range(first, last + 1):
            states[t] = ("B|" if t == first else "I|") + category
    return states


def state_features(prev: str | None, cur: str, nxt: str | None) -> list[str]:
    """Lookup features of a token from its own match state and its neighbours'."""
    row = ["bias"]
    for k, state in ((-1, prev), (0, cur), (1, nxt)):
        if state is None or state == "O":
            row.append(f"g{k}=O")
        else:
            pos, category = state.split("|")
            row += [f"g{k}={pos}", f"g{k}c={category}"]
    return row


def lookup_features(spans: Sequence[tuple[int, int, str]], n: int) -> list[list[str]]:
    """Per-token lookup features of a sentence (what the tagger adds to word features)."""
    states = lookup_states(spans, n)
    return [
        state_features(
            states[t - 1] if t else None, states[t], states[t + 1] if t + 1 < n else None
        )
        for t in range(n)
    ]


class Tagger:
    """The trained CRF: hashed feature weights, label transitions and the lexicon."""

    def __init__(self, path: Path) -> None:
        try:
            data = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise WorkspaceError(
                f"Cannot read the skill tagger model at {path}: {exc}.",
                hint="Reinstall landml, or retrain it with scripts/train_skill_tagger.py.",
            ) from exc
        if int(data["feature_version"]) != FEATURE_VERSION:
            raise WorkspaceError(
                f"The skill tagger at {path} was trained with other features.",
                hint="Retrain it with scripts/train_skill_tagger.py.",
            )
        self.labels: list[str] = [str(x) for x in data["labels"]]
        self._ids: npt.NDArray[np.int64] = data["feature_ids"].astype(np.int64)
        self._weights: FloatArray = data["weights"].astype(np.float32)
        self._zero = np.zeros(len(self.labels), dtype=np.float32)
        self.transitions: FloatArray = data["transitions"].astype(np.float32)
        self.start: FloatArray = data["start"].astype(np.float32)
        self.end: FloatArray = data["end"].astype(np.float32)
        self.lexicon = Lexicon(
            frozenset(str(w) for w in data["skill_heads"]),
            frozenset(str(w) for w in data["knowledge_words"]),
            frozenset(str(w) for w in data["tech_names"]),
            frozenset(str(w) for w in data["function_words"]),
        )
        self._lock = threading.Lock()
        self._vocab: dict[str, int] = {}
        self._table = np.zeros((4096, len(OFFSETS), len(self.labels)), dtype=np.float32)
        self._state_index: dict[tuple[str | None, str, str | None], int] = {}
        self._state_table: list[FloatArray] = []
        self._state_array: FloatArray | None = None
        self._allowed = _allowed_transitions(self.labels)
        self._first = self.start + np.array(
            [-np.inf if lab.startswith("I") else 0.0 for lab in self.labels], dtype=np.float32
        )

    def score(self, names: list[str]) -> FloatArray:
        """Summed weights of the given feature strings, one score per label."""
        ids = np.fromiter((feature_id(n) for n in names), dtype=np.int64, count=len(names))
        pos = np.searchsorted(self._ids, ids)
        pos = np.minimum(pos, len(self._ids) - 1)
        hit = self._ids[pos] == ids
        if not hit.any():
            return self._zero.copy()
        summed: FloatArray = self._weights[pos[hit]].sum(axis=0)
        return summed

    def _word_rows(self, words: list[str]) -> npt.NDArray[np.int64]:
        """Row of each word in the table of per-word scores, scoring unseen words once."""
        if len(self._vocab) >= MAX_CACHED_WORDS:
            self._vocab = {}  # a long-running process sees an open vocabulary: start over
        rows = np.empty(len(words), dtype=np.int64)
        vocab = self._vocab
        for i, w in enumerate(words):
            row = vocab.get(w)
            rows[i] = self._add_word(w) if row is None else row
        return rows

    def _add_word(self, word: str) -> int:
        row = len(self._vocab)
        if row >= self._table.shape[0]:
            grown = np.zeros((2 * self._table.shape[0], *self._table.shape[1:]), np.float32)
            grown[:row] = self._table[:row]
            self._table = grown
        self._table[row] = np.stack(
            [self.score(word_features(word, k, self.lexicon)) for k in OFFSETS]
        )
        self._vocab[word] = row
        return row

    def _state_rows(self, states: list[str]) -> list[int]:
        """Row of each token's lookup-state triple in the table of their scores."""
        n = len(states)
        if n > 2 and states.count("O") == n:  # no taxonomy match: the usual sentence
            inner = self._state_row(("O", "O", "O"))
            return [self._state_row((None, "O", "O")), *[inner] * (n - 2),
                    self._state_row(("O", "O", None))]  # fmt: skip
        return [
            self._state_row(
                (states[t - 1] if t else None, states[t], states[t + 1] if t + 1 < n else None)
            )
            for t in range(n)
        ]

    def _state_row(self, key: tuple[str | None, str, str | None]) -> int:
        row = self._state_index.get(key)
        if row is None:
            row = len(self._state_table)
            self._state_table.append(self.score(state_features(*key)))
            self._state_index[key] = row
            self._state_array = None
        return row

    def tag(self, words: list[str], states: list[str]) -> list[str]:
        """The best label sequence of one sentence."""
        return self.tag_many([(words, states)])[0]

    def tag_many(self, sentences: list[tuple[list[str], list[str]]]) -> list[list[str]]:
        """Best label sequences of several sentences (words and lookup states), decoded
        together: one table of word scores for all of them, one batched Viterbi."""
        live = [s for s in sentences if s[0]]
        if not live:
            return [[] for _ in sentences]
        with self._lock:  # the score tables grow as new words come: one writer at a time
            emis, lengths = self._emissions(live)
        paths = viterbi_batch(
            emis, lengths, self.transitions + self._allowed, self._first, self.end
        )
        decoded = iter([self.labels[j] for j in paths[r, : lengths[r]]] for r in range(len(live)))
        return [next(decoded) if words else [] for words, _ in sentences]

    def _emissions(
        self, live: list[tuple[list[str], list[str]]]
    ) -> tuple[FloatArray, npt.NDArray[np.int64]]:
        """Label scores of each token, padded to (sentences, longest, labels)."""
        padded: list[str] = []
        state_rows: list[int] = []
        for words, states in live:
            padded += [BOS, BOS, *words, EOS, EOS]
            state_rows += self._state_rows(states)
        rows = self._word_rows(padded)
        total = len(padded)
        summed = np.zeros((total, len(self.labels)), dtype=np.float32)
        for ki, k in enumerate(OFFSETS):
            lo, hi = max(0, -k), min(total, total - k)
            summed[lo:hi] += self._table[rows[lo + k : hi + k], ki]
        lengths = np.array([len(words) for words, _ in live])
        emis = np.zeros((len(live), int(lengths.max()), len(self.labels)), dtype=np.float32)
        if self._state_array is None:
            self._state_array = np.stack(self._state_table)
        lookup = self._state_array[state_rows]
        pos = used = 0
        for r, n in enumerate(lengths):
            emis[r, :n] = summed[pos + 2 : pos + 2 + n] + lookup[used : used + n]
            pos += n + 4
            used += n
        return emis, lengths


def _allowed_transitions(labels: list[str]) -> FloatArray:
    """-inf where BIO forbids a step (O -> I-x, B-x -> I-y), 0 elsewhere."""
    allowed = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if b.startswith("I") and (a == "O" or a[2:] != b[2:]):
                allowed[i, j] = -np.inf
    return allowed


def viterbi(
    emissions: FloatArray,
    transitions: FloatArray,
    start: FloatArray,
    end: FloatArray,
    allowed: FloatArray,
    labels: list[str],
) -> list[str]:
    """Highest-scoring label path of one sentence under BIO constraints."""
    first = start + np.array([-np.inf if lab.startswith("I") else 0.0 for lab in labels])
    path = viterbi_batch(
        emissions[None].astype(np.float32),
        np.array([emissions.shape[0]]),
        (transitions + allowed).astype(np.float32),
        first.astype(np.float32),
        end.astype(np.float32),
    )
    return [labels[i] for i in path[0]]


def viterbi_batch(
    emissions: FloatArray,
    lengths: npt.NDArray[np.int64],
    transitions: FloatArray,
    start: FloatArray,
    end: FloatArray,
) -> npt.NDArray[np.int64]:
    """Best paths of a padded batch (sentences, steps, labels).

    Steps past a sentence's length run on padding, harmlessly: each path is traced back
    from the score at its own last token.
    """
    b, width, n_labels = emissions.shape
    history = np.empty((b, width, n_labels), dtype=np.float32)
    back = np.zeros((b, width, n_labels), dtype=np.int64)
    score = start[None, :] + emissions[:, 0]
    history[:, 0] = score
    cand = np.empty((b, n_labels, n_labels), dtype=np.float32)
    for t in range(1, width):
        np.add(score[:, :, None], transitions, out=cand)
        back[:, t] = cand.argmax(axis=1)
        score = cand.max(axis=1) + emissions[:, t]
        history[:, t] = score
    rows = np.arange(b)
    last = lengths - 1
    paths = np.zeros((b, width), dtype=np.int64)
    paths[rows, last] = (history[rows, last] + end[None, :]).argmax(axis=1)
    for t in range(width - 1, 0, -1):
        paths[:, t - 1] = np.where(t <= last, back[rows, t, paths[:, t]], paths[:, t - 1])
    return paths


def model_path() -> Path:
    return Path(str(resources.files("landml.skills") / "data" / "tagger.npz"))


@cache
def load_tagger(path: Path | None = None) -> Tagger | None:
    """The shipped tagger, read once; None if this installation has no model file."""
    path = path or model_path()
    if not path.exists():
        return None
    return Tagger(path)
