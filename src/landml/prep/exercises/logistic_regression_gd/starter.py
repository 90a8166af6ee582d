"""Logistic regression by gradient descent.

Statement: `landml prep show logistic-regression-gd`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def predict_proba(x: FloatArray, w: FloatArray, b: float) -> NDArray[np.float64]:
    """P(y = 1 | x) for each row of `x`."""
    raise NotImplementedError


def fit_logistic_regression(
    x: FloatArray, y: FloatArray, lr: float = 0.1, n_steps: int = 100, l2: float = 0.0
) -> tuple[NDArray[np.float64], float]:
    """Weights and bias after `n_steps` of full-batch gradient descent from zero."""
    raise NotImplementedError
