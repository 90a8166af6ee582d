"""Hidden tests for scaled dot-product attention."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, compare

checks = Checks()
AXIS_HINT = "the softmax runs over the keys: the last axis of the scores"


def _qkv(
    rng: np.random.Generator, lead: tuple[int, ...], n: int, m: int, d: int, dv: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        rng.normal(size=(*lead, n, d)),
        rng.normal(size=(*lead, m, d)),
        rng.normal(size=(*lead, m, dv)),
    )


@checks.case("single sequence, no mask")
def unbatched(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, m, d, dv in [(4, 4, 8, 8), (3, 6, 5, 2), (1, 1, 4, 3)]:
        q, k, v = _qkv(rng, (), n, m, d, dv)
        compare(
            sub.attention, ref.attention, q, k, v, what=f"attention n={n} m={m}", hint=AXIS_HINT
        )


@checks.case("batch and head dimensions")
def batched(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = _qkv(rng, (2, 3), 5, 7, 4, 6)
    compare(sub.attention, ref.attention, q, k, v, what="attention (2, 3, 5, *)", hint=AXIS_HINT)


@checks.case("boolean mask, full shape")
def masked(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = _qkv(rng, (2,), 4, 6, 8, 3)
    mask = rng.random(size=(2, 4, 6)) < 0.5
    mask[..., 0] = True
    compare(
        sub.attention,
        ref.attention,
        q,
        k,
        v,
        mask,
        what="masked attention",
        hint="masked scores must become -inf (weight 0) before the softmax",
    )


@checks.case("mask that broadcasts over the batch")
def broadcast_mask(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = _qkv(rng, (3, 2), 5, 5, 4, 4)
    mask = np.tril(np.ones((5, 5), dtype=bool))
    compare(sub.attention, ref.attention, q, k, v, mask, what="attention with a (n, m) mask")


@checks.case("large scores do not overflow")
def large(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = _qkv(rng, (), 4, 5, 8, 3)
    compare(
        sub.attention,
        ref.attention,
        q * 60.0,
        k * 60.0,
        v,
        what="attention with scores in the thousands",
        hint="subtract the row maximum before exp",
    )


@checks.case("float32 in, float32 out")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q, k, v = (a.astype(np.float32) for a in _qkv(rng, (2,), 3, 4, 8, 5))
    compare(sub.attention, ref.attention, q, k, v, what="float32 attention", atol=1e-5, rtol=1e-4)
    assert_dtype(sub.attention(q.copy(), k.copy(), v.copy()), np.float32, what="float32 attention")
