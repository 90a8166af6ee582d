"""Hidden tests for batch normalization in training mode."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


def _state(rng: np.random.Generator, d: int) -> tuple[np.ndarray, ...]:
    return (
        1.0 + 0.1 * rng.normal(size=d),
        0.1 * rng.normal(size=d),
        rng.normal(size=d),
        rng.uniform(0.5, 2.0, size=d),
    )


@checks.case("outputs and running statistics match")
def matches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d in [(2, 3), (16, 5), (64, 8)]:
        x = rng.normal(loc=3.0, scale=2.0, size=(n, d))
        compare(
            sub.batch_norm_train,
            ref.batch_norm_train,
            x,
            *_state(rng, d),
            what=f"batch_norm_train N={n}",
            hint="normalise with the biased variance, update the running one with the unbiased",
        )


@checks.case("momentum and eps are used")
def momentum(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(scale=0.05, size=(8, 4))
    compare(
        sub.batch_norm_train,
        ref.batch_norm_train,
        x,
        *_state(rng, 4),
        0.3,
        1e-2,
        what="momentum=0.3, eps=1e-2",
    )


@checks.case("each output feature has zero mean and unit variance")
def normalised(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(loc=-5.0, scale=4.0, size=(32, 3))
    y, _, _ = sub.batch_norm_train(x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3))
    y = np.asarray(y)
    assert_close(
        y.mean(axis=0),
        np.zeros(3),
        what="column means of y",
        atol=1e-9,
        hint="normalise each column (axis 0)",
    )
    assert_close(y.var(axis=0), np.ones(3), what="column variances of y", atol=1e-5)
