"""Hidden tests for log-softmax and cross-entropy."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, assert_scalar_close, compare, expect

checks = Checks()


@checks.case("log_softmax on random logits, several shapes and axes")
def log_softmax_random(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape, axis in [((6,), -1), ((3, 5), -1), ((3, 5), 0), ((2, 3, 4), 1)]:
        x = rng.normal(scale=2.0, size=shape)
        compare(sub.log_softmax, ref.log_softmax, x, axis, what=f"log_softmax{shape} axis={axis}")


@checks.case("log_softmax of extreme logits stays finite")
def log_softmax_extreme(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.array([[0.0, 1000.0], [-1000.0, 1000.0], [5000.0, 5000.0]])
    compare(
        sub.log_softmax,
        ref.log_softmax,
        x,
        what="log_softmax of extreme logits",
        hint="subtract the row maximum, then use log-sum-exp rather than log(softmax)",
    )


@checks.case("log_softmax keeps float32")
def log_softmax_float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(4, 7)).astype(np.float32)
    compare(sub.log_softmax, ref.log_softmax, x, what="float32 log_softmax", atol=1e-5, rtol=1e-5)
    assert_dtype(sub.log_softmax(x.copy()), np.float32, what="float32 log_softmax")


@checks.case("cross_entropy matches on random batches")
def ce_random(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, c in [(1, 2), (8, 5), (32, 10)]:
        logits = rng.normal(scale=3.0, size=(n, c))
        targets = rng.integers(0, c, size=n)
        expected = ref.cross_entropy(logits, targets)
        got = sub.cross_entropy(logits.copy(), targets.copy())
        expect(isinstance(got, float | np.floating), f"cross_entropy returned {type(got)}")
        assert_scalar_close(got, expected, what=f"cross_entropy with N={n}, C={c}")


@checks.case("cross_entropy with huge logits is finite")
def ce_huge(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(6, 4)) * 1e4
    targets = rng.integers(0, 4, size=6)
    assert_scalar_close(
        sub.cross_entropy(logits.copy(), targets.copy()),
        ref.cross_entropy(logits, targets),
        what="cross_entropy with logits around 1e4",
        rtol=1e-9,
        hint="compute it from log_softmax, not from log(softmax)",
    )


@checks.case("cross_entropy of a confident correct prediction is near 0")
def ce_confident(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.array([[50.0, 0.0, 0.0], [0.0, 0.0, 80.0]])
    targets = np.array([0, 2])
    assert_scalar_close(
        sub.cross_entropy(logits, targets),
        ref.cross_entropy(logits, targets),
        what="cross_entropy of confident predictions",
        atol=1e-12,
    )
