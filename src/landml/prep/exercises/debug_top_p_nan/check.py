"""Hidden tests for the nucleus bug."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, compare

checks = Checks()


@checks.case("random rows")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape, p in [((10,), 0.9), ((4, 8), 0.6)]:
        compare(
            sub.top_p_probs,
            ref.top_p_probs,
            rng.normal(scale=2.0, size=shape),
            p,
            what=f"top_p {shape}",
        )


@checks.case("a confident row")
def confident(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.array([[8.0, 0.5, 0.0, -1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        compare(sub.top_p_probs, ref.top_p_probs, logits, 0.9, what="top_p with a token above p")
