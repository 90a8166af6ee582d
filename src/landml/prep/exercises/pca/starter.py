"""Principal component analysis (statement: `landml prep show pca`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def pca(
    x: FloatArray, k: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Top-k components (sign-fixed), their variances, and the projected data."""
    raise NotImplementedError
