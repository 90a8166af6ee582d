"""Hidden tests for the causal leak."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("matches causal attention on several shapes")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for lead, n, d in [((), 1, 4), ((), 6, 8), ((2, 2), 5, 4)]:
        q, k, v = (rng.normal(size=(*lead, n, d)) for _ in range(3))
        compare(sub.causal_attention, ref.causal_attention, q, k, v, what=f"causal attention n={n}")


@checks.case("changing the last token does not change earlier outputs")
def no_future(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = (rng.normal(size=(8, 4)) for _ in range(3))
    before = np.asarray(sub.causal_attention(q.copy(), k.copy(), v.copy()))
    k[-1], v[-1] = rng.normal(size=4) * 10, rng.normal(size=4) * 10
    after = np.asarray(sub.causal_attention(q.copy(), k, v))
    assert_close(after[:-1], before[:-1], what="outputs 0-6 after changing token 7")
