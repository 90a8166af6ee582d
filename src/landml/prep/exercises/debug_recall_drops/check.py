"""Hidden tests for the recall bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("random rankings")
def random_rankings(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = (rng.random(size=(10, 12)) < 0.3).astype(np.int64)
    n_relevant = relevance.sum(axis=1) + rng.integers(0, 3, size=10)
    for k in (1, 5, 12):
        compare(sub.recall_at_k, ref.recall_at_k, relevance, n_relevant, k, what=f"recall@{k}")


@checks.case("a solved query has recall 1 for every k past its relevant items")
def solved(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = np.array([[1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])
    assert_close(
        sub.recall_at_k(relevance, np.array([2, 0]), 10), np.array([1.0, 0.0]), what="recall@10"
    )
