"""Hidden tests for AP and MAP."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_scalar_close

checks = Checks()


@checks.case("the worked example")
def example(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_scalar_close(
        sub.average_precision(np.array([1, 0, 1, 0]), 3), (1 + 2 / 3) / 3, what="AP of [1, 0, 1, 0]"
    )


@checks.case("random lists")
def random_lists(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for length in (1, 5, 20):
        rel = (rng.random(size=length) < 0.4).astype(np.int64)
        n_rel = int(rel.sum() + rng.integers(0, 3))
        assert_scalar_close(
            sub.average_precision(rel.copy(), n_rel),
            ref.average_precision(rel, n_rel),
            what=f"AP of {rel.tolist()} with {n_rel} relevant",
            hint="sum precision@i over relevant ranks i, divide by n_relevant",
        )


@checks.case("no relevant items and no hits")
def empty(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_scalar_close(
        sub.average_precision(np.array([0, 0, 0]), 0), 0.0, what="AP with 0 relevant"
    )
    assert_scalar_close(sub.average_precision(np.array([0, 0, 0]), 2), 0.0, what="AP with no hits")


@checks.case("unretrieved relevant items lower AP")
def unretrieved(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_scalar_close(
        sub.average_precision(np.array([1, 1]), 4),
        0.5,
        what="AP of [1, 1] with 4 relevant",
        hint="divide by n_relevant, not by the number of hits",
    )


@checks.case("MAP over a batch")
def batch(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    relevance = (rng.random(size=(12, 10)) < 0.3).astype(np.int64)
    n_relevant = relevance.sum(axis=1) + rng.integers(0, 2, size=12)
    assert_scalar_close(
        sub.mean_average_precision(relevance.copy(), n_relevant.copy()),
        ref.mean_average_precision(relevance, n_relevant),
        what="MAP of 12 queries",
    )
