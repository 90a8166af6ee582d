"""Hidden tests for the layer-norm broadcasting bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("batches of several shapes")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d in [(1, 8), (32, 64), (5, 3), (6, 6)]:
        x = rng.normal(loc=1.0, scale=2.0, size=(n, d))
        compare(
            sub.layer_norm,
            ref.layer_norm,
            x,
            rng.normal(size=d),
            rng.normal(size=d),
            what=f"layer_norm ({n}, {d})",
        )


@checks.case("rows of a square batch have zero mean")
def square(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(loc=3.0, size=(16, 16))
    out = np.asarray(sub.layer_norm(x, np.ones(16), np.zeros(16)))
    assert_close(out.mean(axis=1), np.zeros(16), what="row means of the output", atol=1e-9)
