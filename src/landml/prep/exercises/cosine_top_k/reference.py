"""Reference: normalise rows (zero rows stay zero), one matmul, a stable sort."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def _normalise(x: FloatArray) -> NDArray[np.float64]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    unit: NDArray[np.float64] = np.divide(x, norms, out=np.zeros(x.shape), where=norms > 0)
    return unit


def cosine_top_k(
    queries: FloatArray, docs: FloatArray, k: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    sims = _normalise(queries) @ _normalise(docs).T
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k].astype(np.int64)
    return order, np.take_along_axis(sims, order, axis=1)
