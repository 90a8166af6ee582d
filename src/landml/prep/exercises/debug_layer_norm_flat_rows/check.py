"""Hidden tests for the layer-norm eps bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, compare

checks = Checks()


@checks.case("typical activations")
def typical(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(4, 16))
    compare(
        sub.layer_norm,
        ref.layer_norm,
        x,
        np.ones(16),
        np.zeros(16),
        what="layer_norm of N(0, 1) rows",
        atol=1e-5,
    )


@checks.case("nearly constant rows")
def flat(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = 5.0 + rng.normal(scale=1e-3, size=(3, 8))
    gamma, beta = rng.normal(size=8), rng.normal(size=8)
    compare(
        sub.layer_norm, ref.layer_norm, x, gamma, beta, what="layer_norm of rows with spread 1e-3"
    )


@checks.case("a larger eps")
def large_eps(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(scale=0.1, size=(2, 6))
    compare(
        sub.layer_norm,
        ref.layer_norm,
        x,
        np.ones(6),
        np.zeros(6),
        0.01,
        what="layer_norm with eps=0.01",
    )
