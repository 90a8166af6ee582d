"""Hidden tests for the nan loss."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_scalar_close

checks = Checks()


@checks.case("ordinary logits")
def ordinary(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, c in [(1, 3), (16, 5)]:
        logits, targets = rng.normal(size=(n, c)), rng.integers(0, c, size=n)
        assert_scalar_close(
            sub.cross_entropy(logits, targets),
            ref.cross_entropy(logits, targets),
            what=f"loss N={n}",
        )


@checks.case("confident logits in the hundreds")
def confident(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(8, 4)) * 300
    targets = rng.integers(0, 4, size=8)
    assert_scalar_close(
        sub.cross_entropy(logits, targets),
        ref.cross_entropy(logits, targets),
        what="loss with logits ~300",
        rtol=1e-9,
    )


@checks.case("a wrong confident prediction has a large finite loss")
def wrong_confident(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.array([[0.0, 900.0]])
    assert_scalar_close(
        sub.cross_entropy(logits, np.array([0])), 900.0, what="loss of a 900-logit mistake"
    )
