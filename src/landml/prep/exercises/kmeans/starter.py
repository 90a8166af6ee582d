"""K-means clustering (statement: `landml prep show kmeans`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def kmeans(
    x: FloatArray, init_centroids: FloatArray, n_iter: int
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Centroids after `n_iter` Lloyd iterations, and the labels that go with them."""
    raise NotImplementedError
