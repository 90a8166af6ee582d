"""Hidden tests for the attention-weights bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("matches reference attention on several shapes")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for lead, n, m, d in [((), 1, 4, 3), ((), 5, 5, 8), ((2, 3), 4, 6, 4)]:
        q, k, v = (
            rng.normal(size=(*lead, n, d)),
            rng.normal(size=(*lead, m, d)),
            rng.normal(size=(*lead, m, 3)),
        )
        compare(sub.attention, ref.attention, q, k, v, what=f"attention n={n} m={m}")


@checks.case("a constant value vector comes back unchanged")
def weighted_average(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k = rng.normal(size=(6, 4)), rng.normal(size=(7, 4))
    v = np.tile(rng.normal(size=(1, 2)), (7, 1))
    assert_close(
        sub.attention(q, k, v),
        np.tile(v[:1], (6, 1)),
        what="attention over identical value rows",
        hint="each row of weights must sum to 1",
    )
