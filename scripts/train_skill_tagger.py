#!/usr/bin/env python3
"""Train landml's skill span tagger (a linear-chain CRF) on the SkillSpan training split.

Reads ../shared/data/skill-extraction/skillspan_train.jsonl (SkillSpan, Zhang et al.,
NAACL 2022, MIT licence); never the dev split, which bench/eval_skill_extraction.py keeps
for the reported figures. Settings are chosen on a held-out part of train (whole postings,
by SkillSpan's posting index), then the model is refit on all of train and written to
src/landml/skills/data/tagger.npz with numpy only. Development-time script: the product
reads the file it writes, never the data.

    .venv/bin/python scripts/train_skill_tagger.py [--data DIR] [--tune] [--c2 0.05]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import scipy.optimize  # type: ignore[import-untyped]
import scipy.sparse as sp  # type: ignore[import-untyped]

from landml.skills.extract import TOOL_CATEGORIES
from landml.skills.matcher import find_matches
from landml.skills.spanscore import score_spans
from landml.skills.tagger import (
    BOS,
    EOS,
    FEATURE_VERSION,
    OFFSETS,
    Lexicon,
    _allowed_transitions,
    feature_id,
    lookup_features,
    viterbi,
    word_features,
)
from landml.skills.taxonomy import Taxonomy, load_taxonomy
from landml.skills.tokens import Token, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "skill-extraction"
OUT = ROOT / "src" / "landml" / "skills" / "data" / "tagger.npz"
LABELS = ["O", "B-S", "I-S", "B-K", "I-K"]
FUNCTION_WORDS = sorted({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "into", "onto", "over", "under", "about", "be", "is", "are",
    "was", "were", "been", "being", "have", "has", "had", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "you", "your",
    "we", "our", "us", "they", "their", "it", "its", "this", "that", "these", "those",
    "who", "which", "what", "when", "where", "how", "why", "all", "any", "some", "each",
    "every", "no", "not",
})  # fmt: skip
NEG = -1e4  # stands for -inf in forbidden transitions while training


@dataclass
class Sentence:
    """One SkillSpan sentence re-cut by landml's tokenizer, with its gold labels."""

    posting: int
    text: str
    source_tokens: list[str]
    source_offsets: list[tuple[int, int]]
    tokens: list[Token]
    labels: list[int]
    gold: list[tuple[int, int]]  # gold spans over source tokens (skill and knowledge, union)
    lookup: list[list[str]]
    matches: list[tuple[int, int, bool]]  # taxonomy matches: (first, last, is an ML tool)


# --- data ---------------------------------------------------------------------------------


def spans_of(tags: list[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                out.append((start, i - 1))
                start = None
            if tag != "O":
                start = i
    return out


def read_skillspan(path: Path, taxonomy: Taxonomy) -> list[Sentence]:
    sentences: list[Sentence] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            sentences.append(make_sentence(row, taxonomy))
    return sentences


def make_sentence(row: dict[str, object], taxonomy: Taxonomy) -> Sentence:
    words: list[str] = list(row["tokens"])  # type: ignore[call-overload]
    offsets: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    text = " ".join(words)
    typed = [(s, "S") for s in spans_of(list(row["tags_skill"]))]  # type: ignore[call-overload]
    typed += [(s, "K") for s in spans_of(list(row["tags_knowledge"]))]  # type: ignore[call-overload]
    gold = sorted({s for s, _ in typed})
    tokens = tokenize(text)
    labels = [0] * len(tokens)
    taken = [False] * len(tokens)
    # Longer spans first: a knowledge span nested in a skill span yields to it.
    for (first, last), kind in sorted(typed, key=lambda x: x[0][0] - x[0][1]):
        start, end = offsets[first][0], offsets[last][1]
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if not inside or any(taken[i] for i in inside):
            continue
        for j, i in enumerate(inside):
            labels[i] = LABELS.index(("B-" if j == 0 else "I-") + kind)
            taken[i] = True
    matches = find_matches(text, taxonomy, tokens)
    spans = [(m.first, m.last, taxonomy.skills[m.skill_id].category) for m in matches]
    return Sentence(
        posting=int(row["idx"]),  # type: ignore[call-overload]
        text=text,
        source_tokens=words,
        source_offsets=offsets,
        tokens=tokens,
        labels=labels,
        gold=gold,
        lookup=lookup_features(spans, len(tokens)),
        matches=[(m.first, m.last, is_ml_tool(m.skill_id, taxonomy)) for m in matches],
    )


def build_lexicon(taxonomy: Taxonomy) -> Lexicon:
    """Word lists from the shipped taxonomy (ESCO, O*NET, ML layer): no SkillSpan text."""
    heads: Counter[str] = Counter()
    know: Counter[str] = Counter()
    tech: set[str] = set()
    fn = set(FUNCTION_WORDS)
    for skill in taxonomy:
        names = [skill.label, *skill.aliases]
        if skill.kind in ("skill", "transversal"):
            heads.update(n.split()[0].lower() for n in names if n.split())
        elif skill.kind in ("knowledge", "tool", "concept"):
            know.update(w.lower() for n in names for w in n.split() if w.lower() not in fn)
        if skill.id.startswith(("ml:", "onet:")):
            tech.update(n.lower() for n in names if len(n.split()) == 1)
    return Lexicon(
        skill_heads=frozenset(w for w, c in heads.items() if c >= 3 and w not in fn),
        knowledge_words=frozenset(w for w, c in know.items() if c >= 2),
        tech_names=frozenset(tech),
        function_words=frozenset(fn),
    )


# --- features -----------------------------------------------------------------------------


def sentence_features(s: Sentence, lexicon: Lexicon) -> list[list[int]]:
    words = [t.text for t in s.tokens]
    padded = [BOS, BOS, *words, EOS, EOS]
    cache: dict[tuple[str, int], list[int]] = {}
    rows: list[list[int]] = []
    for t in range(len(words)):
        ids: list[int] = []
        for k in OFFSETS:
            w = padded[2 + t + k]
            key = (w, k)
            if key not in cache:
                cache[key] = [feature_id(f) for f in word_features(w, k, lexicon)]
            ids += cache[key]
        ids += [feature_id(f) for f in s.lookup[t]]
        rows.append(ids)
    return rows


@dataclass
class Design:
    """Training matrices: one row per token, compact feature columns."""

    x: sp.csr_matrix
    y: npt.NDArray[np.int64]
    lengths: list[int]
    columns: npt.NDArray[np.int64]  # hashed id of each column


def design(sentences: list[Sentence], lexicon: Lexicon, min_count: int) -> Design:
    rows = [r for s in sentences for r in sentence_features(s, lexicon)]
    counts = Counter(i for r in rows for i in set(r))
    kept = sorted(i for i, c in counts.items() if c >= min_count)
    col = {h: j for j, h in enumerate(kept)}
    indptr, indices = [0], []
    for r in rows:
        cols = sorted({col[h] for h in r if h in col})
        indices += cols
        indptr.append(len(indices))
    x = sp.csr_matrix(
        (np.ones(len(indices), dtype=np.float64), np.array(indices), np.array(indptr)),
        shape=(len(rows), len(kept)),
    )
    y = np.array([lab for s in sentences for lab in s.labels], dtype=np.int64)
    return Design(x, y, [len(s.tokens) for s in sentences], np.array(kept, dtype=np.int64))


# --- CRF ----------------------------------------------------------------------------------


def logsumexp(a: npt.NDArray[np.float64], axis: int) -> npt.NDArray[np.float64]:
    m = a.max(axis=axis, keepdims=True)
    out: npt.NDArray[np.float64] = np.squeeze(m, axis=axis) + np.log(np.exp(a - m).sum(axis=axis))
    return out


class CRF:
    """Negative log-likelihood and gradient of a linear-chain CRF over padded batches."""

    def __init__(self, d: Design, c2: float, batch: int = 256) -> None:
        self.d = d
        self.c2 = c2
        self.L = len(LABELS)
        self.F = d.x.shape[1]
        self.allowed = np.where(np.isinf(_allowed_transitions(LABELS)), NEG, 0.0)
        self.first_ok = np.array([NEG if lab.startswith("I") else 0.0 for lab in LABELS])
        starts = np.cumsum([0, *d.lengths[:-1]])
        order = sorted((n, int(s)) for s, n in zip(starts, d.lengths, strict=True) if n)
        pad = d.x.shape[0]  # an all-zero emission row appended for padding
        self.batches = []
        parts: list[list[tuple[int, int]]] = []
        for item in order:
            # Similar lengths per batch keep the padding small.
            if not parts or len(parts[-1]) >= batch or item[0] > 1.25 * parts[-1][0][0] + 2:
                parts.append([])
            parts[-1].append(item)
        for part in parts:
            width = part[-1][0]
            idx = np.full((len(part), width), pad, dtype=np.int64)
            for r, (n, s) in enumerate(part):
                idx[r, :n] = np.arange(s, s + n)
            lengths = np.array([n for n, _ in part])
            mask = np.arange(width)[None, :] < lengths[:, None]
            self.batches.append((idx, lengths, mask))
        self.xt = d.x.T.tocsr()
        self.y = np.append(d.y, 0)

    def unpack(self, theta: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], ...]:
        L, F = self.L, self.F
        w = theta[: F * L].reshape(F, L)
        rest = theta[F * L :]
        return w, rest[: L * L].reshape(L, L), rest[L * L : L * L + L], rest[L * L + L :]

    def __call__(self, theta: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        w, trans, start, end = self.unpack(theta)
        emis = np.vstack([np.asarray(self.d.x @ w), np.zeros((1, self.L))])
        t_full = trans + self.allowed
        s_full = start + self.first_ok
        nll = 0.0
        d_emis = np.zeros_like(emis)
        d_trans = np.zeros_like(trans)
        d_start = np.zeros_like(start)
        d_end = np.zeros_like(end)
        for idx, lengths, mask in self.batches:
            e = emis[idx]  # (B, T, L)
            gold = self.y[idx]
            b, width = idx.shape
            rows = np.arange(b)
            last = lengths - 1
            alpha = np.empty_like(e)
            alpha[:, 0] = s_full + e[:, 0]
            for t in range(1, width):
                alpha[:, t] = logsumexp(alpha[:, t - 1, :, None] + t_full[None], axis=1) + e[:, t]
            log_z = logsumexp(alpha[rows, last] + end, axis=1)
            beta = np.empty_like(e)
            beta[:, -1] = end
            for t in range(width - 2, -1, -1):
                step = logsumexp(t_full[None] + (e[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
                beta[:, t] = np.where(mask[:, t + 1, None], step, end)
            pos = np.arange(width)[None, :]
            score = s_full[gold[:, 0]] + (e[rows[:, None], pos, gold] * mask).sum(axis=1)
            pair_mask = mask[:, 1:]
            score += (t_full[gold[:, :-1], gold[:, 1:]] * pair_mask).sum(axis=1)
            score += end[gold[rows, last]]
            nll += float((log_z - score).sum())
            live = mask[:, :, None]
            marg = np.exp(np.where(live, alpha + beta - log_z[:, None, None], -np.inf))
            marg[rows[:, None], pos, gold] -= mask
            d_emis[idx[mask]] = marg[mask]
            d_start += marg[:, 0].sum(axis=0)
            d_end += np.exp(alpha[rows, last] + end - log_z[:, None]).sum(axis=0)
            np.add.at(d_end, gold[rows, last], -1.0)
            if width > 1:
                pair = (
                    alpha[:, :-1, :, None]
                    + t_full[None, None]
                    + (e[:, 1:] + beta[:, 1:])[:, :, None, :]
                    - log_z[:, None, None, None]
                )
                pair = np.where(pair_mask[:, :, None, None], pair, -np.inf)
                d_trans += np.exp(pair).sum(axis=(0, 1))
                np.add.at(d_trans, (gold[:, :-1], gold[:, 1:]), -pair_mask.astype(float))
        d_w = np.asarray(self.xt @ d_emis[:-1])
        nll += 0.5 * self.c2 * float((w * w).sum())
        d_w += self.c2 * w
        grad = np.concatenate([d_w.ravel(), d_trans.ravel(), d_start, d_end])
        return nll, grad


def train_crf(d: Design, c2: float, iters: int) -> tuple[npt.NDArray[np.float64], ...]:
    crf = CRF(d, c2)
    theta0 = np.zeros(crf.F * crf.L + crf.L * crf.L + 2 * crf.L)
    t0 = time.time()
    res = scipy.optimize.minimize(
        crf, theta0, jac=True, method="L-BFGS-B", options={"maxiter": iters, "maxcor": 20}
    )
    print(f"  L-BFGS: {res.nit} iterations, nll {res.fun:.1f}, {time.time() - t0:.0f}s", flush=True)
    return crf.unpack(res.x)


# --- evaluation on held-out train -----------------------------------------------------------


class Fitted:
    """A trained model held in memory, scored the way the runtime tagger scores."""

    def __init__(self, d: Design, params: tuple[npt.NDArray[np.float64], ...], lexicon: Lexicon):
        w, self.trans, self.start, self.end = params
        self.col = {int(h): j for j, h in enumerate(d.columns)}
        self.w = w
        self.lexicon = lexicon
        self.allowed = _allowed_transitions(LABELS)

    def tag(self, s: Sentence) -> list[str]:
        rows = sentence_features(s, self.lexicon)
        emis = np.zeros((len(rows), len(LABELS)))
        for t, ids in enumerate(rows):
            cols = [self.col[h] for h in ids if h in self.col]
            if cols:
                emis[t] = self.w[cols].sum(axis=0)
        f32 = np.float32
        return viterbi(
            emis.astype(f32), self.trans.astype(f32), self.start.astype(f32),
            self.end.astype(f32), self.allowed, LABELS,
        )  # fmt: skip


def typed_spans(tags: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        cont = tag.startswith("I") and start is not None and tags[start][2:] == tag[2:]
        if not cont:
            if start is not None:
                spans.append((start, i - 1))
                start = None
            if tag != "O":
                start = i
    return spans


def to_source(s: Sentence, start: int, end: int) -> tuple[int, int]:
    first = next(i for i, (a, b) in enumerate(s.source_offsets) if b > start)
    last = max(i for i, (a, b) in enumerate(s.source_offsets) if a < end)
    return first, last


def is_ml_tool(skill_id: str, taxonomy: Taxonomy) -> bool:
    """An ML-layer language, library, platform or data tool (extract_spans' extra spans)."""
    return skill_id.startswith("ml:") and taxonomy.skills[skill_id].category in TOOL_CATEGORIES


def evaluate(model: Fitted, sentences: list[Sentence]) -> str:
    """Held-out scores of the tagger alone, plus every lookup match it missed, and plus
    only the ML-layer tools it missed (the policy landml.skills.extract_spans ships)."""
    lines = []
    for variant in ("tagger", "+all lookup", "+ML tools"):
        pred, gold = [], []
        for i, s in enumerate(sentences):
            gold += [(i, a, b) for a, b in s.gold]
            tagged = typed_spans(model.tag(s))
            spans = [to_source(s, s.tokens[a].start, s.tokens[b].end) for a, b in tagged]
            for a, b, tool in s.matches:
                if variant == "tagger" or (variant == "+ML tools" and not tool):
                    continue
                if not any(x <= b and a <= y for x, y in tagged):
                    spans.append(to_source(s, s.tokens[a].start, s.tokens[b].end))
            pred += [(i, a, b) for a, b in spans]
        sc = score_spans(pred, gold)
        lines.append(
            f"{variant:12} strict P {sc.strict_p:.3f} R {sc.strict_r:.3f} F1 {sc.strict_f1:.3f}"
            f" | overlap P {sc.overlap_p:.3f} R {sc.overlap_r:.3f} F1 {sc.overlap_f1:.3f}"
        )
    return "\n    ".join(lines)


def split_by_posting(
    sentences: list[Sentence], share: float, seed: int
) -> tuple[list[Sentence], list[Sentence]]:
    postings = sorted({s.posting for s in sentences})
    random.Random(seed).shuffle(postings)
    held = set(postings[: int(len(postings) * share)])
    return [s for s in sentences if s.posting not in held], [
        s for s in sentences if s.posting in held
    ]


# --- writing --------------------------------------------------------------------------------


def save(path: Path, d: Design, params: tuple[npt.NDArray[np.float64], ...], lex: Lexicon) -> None:
    w, trans, start, end = params
    keep = np.abs(w).max(axis=1) >= 1e-3  # features the fit left at zero add nothing
    order = np.argsort(d.columns[keep])
    np.savez_compressed(
        path,
        feature_version=np.array(FEATURE_VERSION),
        labels=np.array(LABELS),
        feature_ids=d.columns[keep][order].astype(np.int32),
        weights=w[keep][order].astype(np.float16),
        transitions=trans.astype(np.float32),
        start=start.astype(np.float32),
        end=end.astype(np.float32),
        skill_heads=np.array(sorted(lex.skill_heads)),
        knowledge_words=np.array(sorted(lex.knowledge_words)),
        tech_names=np.array(sorted(lex.tech_names)),
        function_words=np.array(sorted(lex.function_words)),
    )
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB, {int(keep.sum())} features)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tune", action="store_true", help="compare settings on held-out train")
    parser.add_argument("--c2", type=float, default=1.0, help="L2 penalty")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument(
        "--grid", type=float, nargs="+", default=[0.3, 1.0, 3.0], help="L2 values to --tune"
    )
    parser.add_argument("--iters", type=int, default=300)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    train_file = args.data / "skillspan_train.jsonl"
    if not train_file.exists():
        raise SystemExit(f"No {train_file}; pass --data DIR.")
    taxonomy = load_taxonomy()
    lexicon = build_lexicon(taxonomy)
    t0 = time.time()
    sentences = read_skillspan(train_file, taxonomy)
    print(f"read {len(sentences)} sentences in {time.time() - t0:.0f}s", flush=True)
    if args.tune:
        fit, held = split_by_posting(sentences, 0.2, seed=13)
        for c2 in args.grid:
            for min_count in (args.min_count,):
                d = design(fit, lexicon, min_count)
                print(f"c2={c2} min_count={min_count}: {d.x.shape[1]} features", flush=True)
                params = train_crf(d, c2, args.iters)
                print("  held-out:", evaluate(Fitted(d, params, lexicon), held), flush=True)
        return 0
    d = design(sentences, lexicon, args.min_count)
    print(f"{d.x.shape[0]} tokens, {d.x.shape[1]} features", flush=True)
    params = train_crf(d, args.c2, args.iters)
    save(args.out, d, params, lexicon)
    return 0


if __name__ == "__main__":
    sys.exit(main())
