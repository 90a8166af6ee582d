"""Reference: centre, solve the regularised normal equations, recover the intercept."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def fit_ridge(x: FloatArray, y: FloatArray, alpha: float) -> tuple[NDArray[np.float64], float]:
    x_mean, y_mean = x.mean(axis=0), float(y.mean())
    xc, yc = x - x_mean, y - y_mean
    gram = xc.T @ xc + alpha * np.eye(x.shape[1])
    w = np.linalg.solve(gram, xc.T @ yc).astype(np.float64)
    return w, y_mean - float(x_mean @ w)
