"""Cosine top-k retrieval (statement: `landml prep show cosine-top-k`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def cosine_top_k(
    queries: FloatArray, docs: FloatArray, k: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Indices and cosine similarities of each query's k nearest documents."""
    raise NotImplementedError
