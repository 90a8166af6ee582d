"""Fixed: the gradient of the log-loss is X^T (p - y) / N; the residual had its sign flipped."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def predict_proba(x: FloatArray, w: FloatArray, b: float) -> NDArray[np.float64]:
    z = np.asarray(x @ w + b, dtype=np.float64)
    return np.exp(-np.logaddexp(0.0, -z))


def fit_logistic_regression(
    x: FloatArray, y: FloatArray, lr: float = 0.1, n_steps: int = 100
) -> tuple[NDArray[np.float64], float]:
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_steps):
        error = predict_proba(x, w, b) - y
        w = w - lr * (x.T @ error / n)
        b = b - lr * float(error.mean())
    return w, b
