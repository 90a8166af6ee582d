"""Logistic regression with a bug (statement: `landml prep show debug-logistic-divergence`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def predict_proba(x: FloatArray, w: FloatArray, b: float) -> NDArray[np.float64]:
    """sigmoid(x @ w + b), without overflow."""
    z = np.asarray(x @ w + b, dtype=np.float64)
    return np.exp(-np.logaddexp(0.0, -z))


def fit_logistic_regression(
    x: FloatArray, y: FloatArray, lr: float = 0.1, n_steps: int = 100
) -> tuple[NDArray[np.float64], float]:
    """Full-batch gradient descent on the mean log-loss, from zero."""
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_steps):
        residual = y - predict_proba(x, w, b)
        grad_w = x.T @ residual / n
        grad_b = float(residual.mean())
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b
