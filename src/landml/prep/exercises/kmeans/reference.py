"""Reference: squared distances by broadcasting; argmin breaks ties by the lower index."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def _assign(x: FloatArray, centroids: NDArray[np.float64]) -> NDArray[np.int64]:
    d2 = ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels: NDArray[np.int64] = np.argmin(d2, axis=1).astype(np.int64)
    return labels


def kmeans(
    x: FloatArray, init_centroids: FloatArray, n_iter: int
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    centroids = np.array(init_centroids, dtype=np.float64)
    for _ in range(n_iter):
        labels = _assign(x, centroids)
        for j in range(centroids.shape[0]):
            members = x[labels == j]
            if len(members):
                centroids[j] = members.mean(axis=0)
    return centroids, _assign(x, centroids)
