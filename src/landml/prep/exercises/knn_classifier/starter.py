"""k-nearest-neighbour classifier (statement: `landml prep show knn-classifier`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def knn_predict(
    x_train: FloatArray, y_train: IntArray, x_test: FloatArray, k: int
) -> NDArray[np.int64]:
    """Majority label of the k nearest training points, with the statement's tie rules."""
    raise NotImplementedError
