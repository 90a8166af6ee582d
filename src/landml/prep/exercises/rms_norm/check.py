"""Hidden tests for RMSNorm."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, compare

checks = Checks()


@checks.case("random inputs of several shapes")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(6,), (4, 8), (2, 3, 16)]:
        x = rng.normal(loc=1.0, scale=2.0, size=shape)
        weight = rng.normal(size=shape[-1])
        compare(
            sub.rms_norm,
            ref.rms_norm,
            x,
            weight,
            what=f"rms_norm {shape}",
            hint="mean of squares over the last axis; no centring",
        )


@checks.case("tiny values and a custom eps")
def tiny(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(scale=1e-3, size=(3, 4))
    compare(
        sub.rms_norm,
        ref.rms_norm,
        x,
        np.ones(4),
        1e-4,
        what="rms_norm eps=1e-4",
        hint="eps goes inside the square root",
    )


@checks.case("a row of zeros gives zeros")
def zeros(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 5))
    x[2] = 0.0
    compare(sub.rms_norm, ref.rms_norm, x, rng.normal(size=5), what="rms_norm with a zero row")


@checks.case("float32 stays float32")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(2, 8)).astype(np.float32)
    weight = rng.normal(size=8).astype(np.float32)
    compare(sub.rms_norm, ref.rms_norm, x, weight, what="float32 rms_norm", atol=1e-5, rtol=1e-5)
    assert_dtype(sub.rms_norm(x.copy(), weight), np.float32, what="float32 rms_norm")
