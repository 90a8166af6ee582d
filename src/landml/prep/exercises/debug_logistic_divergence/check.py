"""Hidden tests for the diverging logistic regression."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_scalar_close, expect

checks = Checks()


def _data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(size=(80, 3))
    y = (x @ np.array([1.5, -2.0, 0.5]) + 0.3 * rng.normal(size=80) > 0).astype(np.float64)
    return x, y


def _loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@checks.case("weights match the reference")
def weights(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng)
    w_ref, b_ref = ref.fit_logistic_regression(x, y, 0.5, 50)
    w, b = sub.fit_logistic_regression(x.copy(), y.copy(), 0.5, 50)
    assert_close(w, w_ref, what="w after 50 steps")
    assert_scalar_close(b, b_ref, what="b after 50 steps")


@checks.case("the training loss decreases")
def loss_decreases(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng)
    losses = []
    for steps in (0, 5, 20):
        w, b = sub.fit_logistic_regression(x.copy(), y.copy(), 0.5, steps)
        losses.append(_loss(np.asarray(ref.predict_proba(x, np.asarray(w), float(b))), y))
    expect(
        losses[0] > losses[1] > losses[2],
        f"training loss after 0, 5, 20 steps: {', '.join(f'{v:.3f}' for v in losses)}",
    )
