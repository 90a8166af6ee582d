"""Reference: a sigmoid split by sign so exp never overflows; gradient (p - y) x / N."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


def predict_proba(x: FloatArray, w: FloatArray, b: float) -> NDArray[np.float64]:
    return _sigmoid(np.asarray(x @ w + b, dtype=np.float64))


def fit_logistic_regression(
    x: FloatArray, y: FloatArray, lr: float = 0.1, n_steps: int = 100, l2: float = 0.0
) -> tuple[NDArray[np.float64], float]:
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_steps):
        error = predict_proba(x, w, b) - y
        grad_w = x.T @ error / n + l2 * w
        grad_b = float(error.mean())
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b
