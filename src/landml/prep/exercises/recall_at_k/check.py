"""Hidden tests for recall@k."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


def _batch(rng: np.random.Generator, q: int, length: int) -> tuple[np.ndarray, np.ndarray]:
    relevance = (rng.random(size=(q, length)) < 0.3).astype(np.int64)
    n_relevant = relevance.sum(axis=1) + rng.integers(0, 3, size=q)
    return relevance, n_relevant


@checks.case("random rankings, several k")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for q, length, k in [(1, 6, 2), (8, 10, 5), (15, 4, 10)]:
        relevance, n_relevant = _batch(rng, q, length)
        n_relevant = np.maximum(n_relevant, 1)
        compare(
            sub.recall_at_k,
            ref.recall_at_k,
            relevance,
            n_relevant,
            k,
            what=f"R@{k}, Q={q}",
            hint="divide by the number of relevant items, not by k",
        )


@checks.case("relevant items that were not retrieved still count")
def missed_items(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = np.array([[1, 1, 0, 0]])
    assert_close(
        sub.recall_at_k(relevance, np.array([4]), 3), np.array([0.5]), what="R@3 with 4 relevant"
    )


@checks.case("queries without relevant items get 0, without warnings")
def no_relevant(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = np.array([[0, 0, 0], [1, 0, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = sub.recall_at_k(relevance, np.array([0, 2]), 2)
    assert_close(got, np.array([0.0, 0.5]), what="recall with an empty query")
