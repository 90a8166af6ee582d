"""Hidden tests for the stable softmax."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, compare

checks = Checks()


@checks.case("random logits of several shapes, last axis")
def random_shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(5,), (3, 7), (2, 4, 6), (1, 1)]:
        x = rng.normal(scale=3.0, size=shape)
        compare(sub.softmax, ref.softmax, x, what=f"softmax of shape {shape}")


@checks.case("other axes, positive and negative")
def other_axes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 4, 5))
    for axis in (0, 1, -2, 2):
        compare(
            sub.softmax,
            ref.softmax,
            x,
            axis,
            what=f"softmax along axis {axis}",
            hint="normalise along the `axis` argument, with keepdims=True",
        )


@checks.case("large logits do not overflow")
def large_logits(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(4, 6)) + rng.choice([800.0, -800.0, 1e4], size=(4, 1))
    compare(
        sub.softmax,
        ref.softmax,
        x,
        what="softmax of logits near 1000",
        hint="subtract the maximum of each slice before exponentiating",
    )


@checks.case("-inf entries get probability 0")
def masked(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 5))
    x[0, 1] = x[1, 0] = x[1, 4] = x[2, 2] = -np.inf
    compare(sub.softmax, ref.softmax, x, what="softmax with -inf entries")


@checks.case("float32 stays float32")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(4, 8)).astype(np.float32)
    out = compare(sub.softmax, ref.softmax, x, what="float32 softmax", atol=1e-6, rtol=1e-5)
    assert_dtype(sub.softmax(x.copy()), out.dtype, what="float32 softmax")
