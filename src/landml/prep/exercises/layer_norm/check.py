"""Hidden tests for layer normalization."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, compare

checks = Checks()


@checks.case("random inputs of several shapes")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(4,), (3, 8), (2, 5, 16), (2, 3, 4, 6)]:
        d = shape[-1]
        x = rng.normal(loc=2.0, scale=3.0, size=shape)
        gamma, beta = rng.normal(size=d), rng.normal(size=d)
        compare(
            sub.layer_norm,
            ref.layer_norm,
            x,
            gamma,
            beta,
            what=f"layer_norm {shape}",
            hint="normalise over the last axis (keepdims=True) with the biased variance",
        )


@checks.case("a custom eps")
def custom_eps(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(scale=0.01, size=(5, 6))
    compare(
        sub.layer_norm,
        ref.layer_norm,
        x,
        np.ones(6),
        np.zeros(6),
        1e-3,
        what="layer_norm with eps=1e-3",
        hint="eps goes inside the square root",
    )


@checks.case("a constant row gives beta")
def constant_row(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 5))
    x[1] = 4.2
    compare(
        sub.layer_norm,
        ref.layer_norm,
        x,
        rng.normal(size=5),
        rng.normal(size=5),
        what="constant row",
    )


@checks.case("rows far from zero keep their precision")
def far_from_zero(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = 1e6 + rng.normal(size=(4, 32))
    compare(
        sub.layer_norm,
        ref.layer_norm,
        x,
        np.ones(32),
        np.zeros(32),
        what="layer_norm of values near 1e6",
        atol=1e-5,
        hint="take the variance as the mean of squared deviations from the mean",
    )


@checks.case("float32 stays float32")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 8)).astype(np.float32)
    gamma = np.ones(8, dtype=np.float32)
    beta = np.zeros(8, dtype=np.float32)
    compare(sub.layer_norm, ref.layer_norm, x, gamma, beta, what="float32", atol=1e-5, rtol=1e-5)
    assert_dtype(sub.layer_norm(x.copy(), gamma, beta), np.float32, what="float32 layer_norm")
