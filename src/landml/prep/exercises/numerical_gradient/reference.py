"""Reference: perturb one element at a time through np.ndindex, restoring it after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def numerical_gradient(
    f: Callable[[FloatArray], float], x: FloatArray, eps: float = 1e-5
) -> FloatArray:
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        up = f(x)
        x[index] = original - eps
        down = f(x)
        x[index] = original
        grad[index] = (up - down) / (2.0 * eps)
    return grad


def relative_error(a: FloatArray, b: FloatArray) -> float:
    if np.size(a) == 0:
        return 0.0
    scale = np.maximum(np.abs(a) + np.abs(b), 1e-12)
    return float(np.max(np.abs(a - b) / scale))
