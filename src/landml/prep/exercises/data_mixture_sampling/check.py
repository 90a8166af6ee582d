"""Hidden tests for the data mixture."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_equal, compare, expect

checks = Checks()


@checks.case("weights for several temperatures")
def weights(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    sizes = rng.uniform(1, 1000, size=5)
    for t in (1.0, 2.0, 5.0):
        compare(
            sub.mixture_weights, ref.mixture_weights, sizes, t, what=f"weights, temperature {t}"
        )


@checks.case("temperature 1 is proportional to size")
def proportional(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    sizes = np.array([1.0, 3.0, 6.0])
    assert_close(sub.mixture_weights(sizes, 1.0), sizes / 10.0, what="weights at temperature 1")


@checks.case("huge sizes and a low temperature do not overflow")
def huge(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    sizes = np.array([2e12, 5e11, 3e9, 1e8])
    compare(
        sub.mixture_weights,
        ref.mixture_weights,
        sizes,
        0.05,
        what="weights of 1e12-sized sources at temperature 0.05",
        hint="work with log(sizes) / temperature and a stable softmax",
    )


@checks.case("counts sum to n and follow the largest remainders")
def counts(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for k, n in [(3, 10), (6, 1000), (4, 1), (5, 0)]:
        w = rng.random(size=k)
        got = sub.mixture_counts(w.copy(), n)
        expect(int(np.sum(got)) == n, f"counts for n={n} sum to {int(np.sum(got))}")
        assert_equal(got, ref.mixture_counts(w, n), what=f"counts K={k} n={n}")


@checks.case("tied remainders go to the lower index")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    got = sub.mixture_counts(np.array([1.0, 1.0, 1.0, 1.0]), 6)
    assert_equal(got, np.array([2, 2, 1, 1]), what="counts of 4 equal weights, n=6")


@checks.case("unnormalised weights and zero weights")
def unnormalised(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    got = sub.mixture_counts(np.array([5.0, 0.0, 15.0]), 7)
    assert_equal(
        got, ref.mixture_counts(np.array([5.0, 0.0, 15.0]), 7), what="counts of [5, 0, 15]"
    )
