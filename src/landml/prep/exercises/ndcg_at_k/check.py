"""Hidden tests for NDCG@k."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_scalar_close

checks = Checks()


def _query(rng: np.random.Generator, judged: int, shown: int) -> tuple[np.ndarray, np.ndarray]:
    all_gains = rng.integers(0, 4, size=judged)
    ranked = rng.permutation(all_gains)[:shown]
    return ranked, all_gains


@checks.case("random rankings")
def random_rankings(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for judged, shown, k in [(10, 10, 5), (20, 8, 10), (6, 6, 1), (15, 15, 15)]:
        ranked, all_gains = _query(rng, judged, shown)
        assert_scalar_close(
            sub.ndcg_at_k(ranked.copy(), all_gains.copy(), k),
            ref.ndcg_at_k(ranked, all_gains, k),
            what=f"NDCG@{k} of {ranked.tolist()}",
            hint="gain 2^g - 1, discount log2(rank + 1) with ranks from 1",
        )


@checks.case("the ideal ranking scores 1")
def ideal(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    gains = np.array([3, 2, 2, 1, 0])
    assert_scalar_close(
        sub.ndcg_at_k(gains, gains[::-1].copy(), 3), 1.0, what="NDCG of the ideal order"
    )


@checks.case("missing a highly relevant item costs, even if it was never returned")
def unretrieved(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ranked = np.array([1, 1, 0])
    all_gains = np.array([3, 1, 1, 0, 0])
    assert_scalar_close(
        sub.ndcg_at_k(ranked, all_gains, 3),
        ref.ndcg_at_k(ranked, all_gains, 3),
        what="NDCG@3 when the best item was not returned",
        hint="the ideal DCG comes from all judged gains, not from the returned list",
    )


@checks.case("no relevant item gives 0")
def zero(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_scalar_close(
        sub.ndcg_at_k(np.array([0, 0]), np.array([0, 0, 0]), 2), 0.0, what="NDCG with all zeros"
    )


@checks.case("a short list and a large k")
def short(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ranked, all_gains = np.array([2, 0]), np.array([2, 1, 0, 3])
    assert_scalar_close(
        sub.ndcg_at_k(ranked, all_gains, 10),
        ref.ndcg_at_k(ranked, all_gains, 10),
        what="NDCG@10 of a 2-item list",
    )
