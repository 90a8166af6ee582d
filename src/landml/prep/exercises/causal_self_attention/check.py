"""Hidden tests for causal self-attention."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_dtype, assert_equal, compare

checks = Checks()


@checks.case("causal_mask for several sizes")
def mask_values(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n in (1, 2, 5, 9):
        got = sub.causal_mask(n)
        assert_dtype(got, np.bool_, what=f"causal_mask({n})")
        assert_equal(
            got,
            ref.causal_mask(n),
            what=f"causal_mask({n})",
            hint="entry [i, j] is True when j <= i (the diagonal included)",
        )


@checks.case("causal_attention matches, with and without batch dimensions")
def attention_values(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for lead, n, d, dv in [((), 1, 4, 4), ((), 6, 8, 3), ((2, 3), 5, 4, 6)]:
        q = rng.normal(size=(*lead, n, d))
        k = rng.normal(size=(*lead, n, d))
        v = rng.normal(size=(*lead, n, dv))
        compare(sub.causal_attention, ref.causal_attention, q, k, v, what=f"causal_attention n={n}")


@checks.case("the first position attends only to itself")
def first_position(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = (rng.normal(size=(6, 4)) for _ in range(3))
    out = sub.causal_attention(q, k, v)
    assert_close(
        np.asarray(out)[0],
        v[0],
        what="output at position 0",
        hint="with the mask, position 0 can only see key 0, so its output is v[0]",
    )


@checks.case("changing a future token leaves earlier outputs unchanged")
def no_peeking(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = (rng.normal(size=(2, 7, 5)) for _ in range(3))
    before = np.asarray(sub.causal_attention(q.copy(), k.copy(), v.copy()))
    k2, v2 = k.copy(), v.copy()
    k2[:, 4:] = rng.normal(size=(2, 3, 5)) * 10
    v2[:, 4:] = rng.normal(size=(2, 3, 5)) * 10
    after = np.asarray(sub.causal_attention(q.copy(), k2, v2))
    assert_close(
        after[:, :4],
        before[:, :4],
        what="outputs at positions 0-3 after changing tokens 4-6",
        hint="the mask must remove future keys before the softmax",
    )


@checks.case("large scores do not overflow")
def large(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = (rng.normal(size=(5, 8)) for _ in range(3))
    compare(sub.causal_attention, ref.causal_attention, q * 50, k * 50, v, what="large scores")
