"""Span-level precision, recall and F1, strict and by overlap, as skill-extraction papers report.

Strict: a predicted span counts only if its boundaries equal a gold span's. Overlap: a
predicted span counts if it shares a token with some gold span, and a gold span is found
if some predicted span shares a token with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int, int]  # (sentence index, first token, last token), inclusive


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Precision, recall and F1 of one system on one data set, strict and by overlap."""

    predicted: int
    gold: int
    strict_p: float
    strict_r: float
    strict_f1: float
    overlap_p: float
    overlap_r: float
    overlap_f1: float


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_spans(predicted: Iterable[Span], gold: Iterable[Span]) -> SpanScores:
    """Strict and overlap scores of `predicted` against `gold` (duplicates counted once)."""
    pred, true = set(predicted), set(gold)
    exact = len(pred & true)
    by_sentence: dict[int, list[Span]] = {}
    for g in true:
        by_sentence.setdefault(g[0], []).append(g)
    pred_by_sentence: dict[int, list[Span]] = {}
    for p in pred:
        pred_by_sentence.setdefault(p[0], []).append(p)
    pred_hit = sum(1 for p in pred if any(_overlaps(p, g) for g in by_sentence.get(p[0], ())))
    gold_hit = sum(1 for g in true if any(_overlaps(g, p) for p in pred_by_sentence.get(g[0], ())))
    sp = exact / len(pred) if pred else 0.0
    sr = exact / len(true) if true else 0.0
    op = pred_hit / len(pred) if pred else 0.0
    orr = gold_hit / len(true) if true else 0.0
    return SpanScores(len(pred), len(true), sp, sr, f1(sp, sr), op, orr, f1(op, orr))


def _overlaps(a: Span, b: Span) -> bool:
    return a[1] <= b[2] and b[1] <= a[2]


def bio_spans(tags: list[str]) -> list[tuple[int, int]]:
    """(first, last) token spans of a BIO tag sequence; a stray I- starts a span."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((start, i - 1))
            start = i
        elif tag == "O" and start is not None:
            spans.append((start, i - 1))
            start = None
    if start is not None:
        spans.append((start, len(tags) - 1))
    return spans
