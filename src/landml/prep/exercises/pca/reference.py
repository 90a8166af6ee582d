"""Reference: the SVD of the centred data; singular values give the variances."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def pca(
    x: FloatArray, k: int
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    centred = np.asarray(x, dtype=np.float64) - np.mean(x, axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:k]
    largest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(k), largest])
    components = components * signs[:, None]
    variance = s[:k] ** 2 / (x.shape[0] - 1)
    return components, variance, centred @ components.T
