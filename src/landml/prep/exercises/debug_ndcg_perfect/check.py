"""Hidden tests for the NDCG bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_scalar_close

checks = Checks()


@checks.case("random queries where the retriever misses items")
def random_queries(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for judged, shown, k in [(12, 6, 5), (20, 10, 10), (8, 8, 3)]:
        all_gains = rng.integers(0, 4, size=judged)
        all_gains[0] = 3
        ranked = rng.permutation(all_gains[1:])[:shown]
        assert_scalar_close(
            sub.ndcg_at_k(ranked, all_gains, k),
            ref.ndcg_at_k(ranked, all_gains, k),
            what=f"NDCG@{k}",
        )


@checks.case("missing the best document costs")
def missed_best(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ranked = np.array([1, 1, 0])
    all_gains = np.array([3, 1, 1, 0])
    assert_scalar_close(
        sub.ndcg_at_k(ranked, all_gains, 3), ref.ndcg_at_k(ranked, all_gains, 3), what="NDCG@3"
    )
