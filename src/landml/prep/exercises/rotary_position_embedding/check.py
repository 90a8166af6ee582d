"""Hidden tests for rotary position embedding."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_dtype, compare

checks = Checks()
PAIR_HINT = "pair feature i with feature i + d/2 (half split), not with i + 1"


@checks.case("random inputs with positions 0..n-1")
def basic(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(4, 8), (2, 6, 16), (2, 3, 5, 4)]:
        x = rng.normal(size=shape)
        positions = np.arange(shape[-2])
        compare(sub.apply_rope, ref.apply_rope, x, positions, what=f"rope {shape}", hint=PAIR_HINT)


@checks.case("positions that start further along (KV cache)")
def offset_positions(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 8))
    positions = np.array([17, 18, 19])
    compare(sub.apply_rope, ref.apply_rope, x, positions, what="rope at positions 17-19")


@checks.case("position 0 leaves the vector unchanged")
def identity(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(1, 10))
    assert_close(sub.apply_rope(x.copy(), np.array([0])), x, what="rope at position 0")


@checks.case("scores depend only on the distance between positions")
def relative(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    q = rng.normal(size=(1, 12))
    k = rng.normal(size=(1, 12))
    scores = []
    for m, n in [(5, 2), (13, 10), (103, 100)]:
        rq = np.asarray(sub.apply_rope(q.copy(), np.array([m])))
        rk = np.asarray(sub.apply_rope(k.copy(), np.array([n])))
        scores.append(float(rq[0] @ rk[0]))
    assert_close(
        np.array(scores[1:]),
        np.full(2, scores[0]),
        what="q.k at equal distances",
        atol=1e-9,
        hint="both halves of a pair rotate by the same angle",
    )


@checks.case("a custom base and float32")
def base_and_dtype(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(2, 5, 6)).astype(np.float32)
    positions = np.arange(5)
    compare(
        sub.apply_rope,
        ref.apply_rope,
        x,
        positions,
        500.0,
        what="float32 rope",
        atol=1e-5,
        rtol=1e-5,
    )
    assert_dtype(sub.apply_rope(x.copy(), positions, 500.0), np.float32, what="float32 rope")
