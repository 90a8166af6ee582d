"""Hidden tests for the kNN classifier."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_equal, compare

checks = Checks()


@checks.case("random clouds, several k")
def clouds(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, m, d, k, labels in [(20, 5, 2, 1, 2), (60, 15, 3, 5, 3), (30, 10, 4, 30, 4)]:
        y = rng.integers(0, labels, size=n)
        x = rng.normal(size=(n, d)) + y[:, None]
        x_test = rng.normal(size=(m, d)) + rng.integers(0, labels, size=(m, 1))
        compare(
            sub.knn_predict, ref.knn_predict, x, y, x_test, k, what=f"kNN N={n} k={k}", exact=True
        )


@checks.case("a vote tie goes to the smallest label")
def vote_tie(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.array([[1.0], [-1.0], [3.0], [-3.0]])
    y = np.array([2, 1, 2, 1])
    assert_equal(
        sub.knn_predict(x, y, np.array([[0.0]]), 4), np.array([1]), what="2 votes each for 1 and 2"
    )


@checks.case("a distance tie goes to the lower training index")
def distance_tie(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
    y = np.array([3, 0, 1])
    assert_equal(
        sub.knn_predict(x, y, np.array([[0.0, 0.0]]), 1),
        np.array([3]),
        what="k=1 with three equidistant points",
        hint="sort distances with a stable sort",
    )


@checks.case("labels need not be contiguous")
def sparse_labels(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(15, 2))
    y = rng.choice([0, 4, 9], size=15)
    compare(
        sub.knn_predict,
        ref.knn_predict,
        x,
        y,
        rng.normal(size=(6, 2)),
        3,
        what="labels 0, 4, 9",
        exact=True,
    )
