"""Ridge regression (statement: `landml prep show ridge-regression`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def fit_ridge(x: FloatArray, y: FloatArray, alpha: float) -> tuple[NDArray[np.float64], float]:
    """Weights and intercept of ridge regression; the intercept is not penalised."""
    raise NotImplementedError
