"""Hidden tests for logistic regression by gradient descent."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_scalar_close, compare, expect, fail

checks = Checks()


def _data(rng: np.random.Generator, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(size=(n, d))
    true_w = rng.normal(size=d)
    y = (x @ true_w + 0.5 * rng.normal(size=n) > 0).astype(np.float64)
    return x, y


@checks.case("predict_proba on ordinary scores")
def proba(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(10, 3))
    w = rng.normal(size=3)
    compare(sub.predict_proba, ref.predict_proba, x, w, 0.3, what="predict_proba")


@checks.case("predict_proba of extreme scores, without warnings")
def proba_extreme(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.array([[1000.0], [-1000.0], [30.0], [-30.0], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            got = sub.predict_proba(x, np.array([1.0]), 0.0)
        except RuntimeWarning as exc:
            fail(f"predict_proba warned: {exc}", "compute the sigmoid so exp never overflows")
    assert_close(got, ref.predict_proba(x, np.array([1.0]), 0.0), what="predict_proba of +-1000")


@checks.case("fitted weights match after a few steps")
def fit_short(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 40, 3)
    w_ref, b_ref = ref.fit_logistic_regression(x, y, 0.5, 3)
    result = sub.fit_logistic_regression(x.copy(), y.copy(), 0.5, 3)
    expect(isinstance(result, tuple) and len(result) == 2, "return (w, b)")
    assert_close(result[0], w_ref, what="w after 3 steps", hint="gradient is X^T (p - y) / N")
    assert_scalar_close(result[1], b_ref, what="b after 3 steps")


@checks.case("fitted weights match after many steps, with L2")
def fit_long(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 100, 5)
    for l2 in (0.0, 0.1):
        w_ref, b_ref = ref.fit_logistic_regression(x, y, 0.2, 200, l2)
        w, b = sub.fit_logistic_regression(x.copy(), y.copy(), 0.2, 200, l2)
        assert_close(w, w_ref, what=f"w after 200 steps, l2={l2}", hint="the L2 gradient is l2 * w")
        assert_scalar_close(b, b_ref, what=f"b after 200 steps, l2={l2}", hint="b is not penalised")


@checks.case("zero steps return zeros")
def zero_steps(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 5, 2)
    w, b = sub.fit_logistic_regression(x, y, 0.1, 0)
    assert_close(w, np.zeros(2), what="w after 0 steps")
    assert_scalar_close(b, 0.0, what="b after 0 steps")
