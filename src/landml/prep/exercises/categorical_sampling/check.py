"""Hidden tests for inverse-CDF sampling."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_equal, compare, expect

checks = Checks()


def _probs(rng: np.random.Generator, b: int, v: int) -> np.ndarray:
    p = rng.random(size=(b, v)) ** 3
    out: np.ndarray = p / p.sum(axis=1, keepdims=True)
    return out


@checks.case("random distributions and uniforms")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for b, v in [(1, 5), (16, 8), (64, 3)]:
        probs, u = _probs(rng, b, v), rng.random(size=b)
        compare(
            sub.sample_categorical,
            ref.sample_categorical,
            probs,
            u,
            what=f"samples B={b} V={v}",
            exact=True,
            hint="smallest i with u < cumsum[i]",
        )


@checks.case("tokens with probability 0 are never chosen")
def zero_probability(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    probs = np.array([[0.0, 0.5, 0.0, 0.5, 0.0]] * 5)
    u = np.array([0.0, 0.25, 0.5, 0.75, 0.9999999])
    got = np.asarray(sub.sample_categorical(probs, u))
    assert_equal(got, np.array([1, 1, 3, 3, 3]), what="samples with zero-probability tokens")


@checks.case("u close to 1 with a cumulative sum below 1")
def rounding(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    probs = np.array([[0.3, 0.3, 0.3999999, 0.0]])
    u = np.array([0.99999995])
    compare(
        sub.sample_categorical,
        ref.sample_categorical,
        probs,
        u,
        what="u beyond the last cumulative sum",
        exact=True,
        hint="fall back to the last index with positive probability",
    )


@checks.case("frequencies follow the probabilities")
def frequencies(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    probs = np.array([0.1, 0.6, 0.3])
    u = (np.arange(3000) + 0.5) / 3000
    got = np.asarray(sub.sample_categorical(np.tile(probs, (3000, 1)), u))
    expect(got.shape == (3000,), f"samples: shape {got.shape} != expected (3000,)")
    counts = np.bincount(got.astype(np.int64), minlength=3)[:3] / 3000
    assert_close(counts, probs, what="token frequencies over evenly spread u", atol=1e-3)
