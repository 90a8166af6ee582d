"""Hidden tests for precision@k."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("random relevance, several k")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for q, length, k in [(1, 5, 1), (6, 10, 3), (20, 8, 8)]:
        relevance = (rng.random(size=(q, length)) < 0.3).astype(np.int64)
        compare(sub.precision_at_k, ref.precision_at_k, relevance, k, what=f"P@{k}, Q={q}")


@checks.case("lists shorter than k")
def short_lists(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = np.array([[1, 1, 0], [1, 1, 1]])
    assert_close(
        sub.precision_at_k(relevance, 5),
        np.array([0.4, 0.6]),
        what="P@5 of 3-item lists",
        hint="missing positions are not relevant: still divide by k",
    )


@checks.case("only the top k count")
def top_only(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = np.array([[0, 0, 1, 1, 1], [1, 0, 0, 0, 0]])
    assert_close(sub.precision_at_k(relevance, 2), np.array([0.0, 0.5]), what="P@2")


@checks.case("boolean input")
def boolean(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = rng.random(size=(4, 6)) < 0.5
    compare(sub.precision_at_k, ref.precision_at_k, relevance, 4, what="P@4 of a boolean matrix")
