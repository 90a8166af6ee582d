"""Reference: angles as an outer product, then the rotation on the two halves."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def apply_rope(x: FloatArray, positions: IntArray, base: float = 10000.0) -> FloatArray:
    half = x.shape[-1] // 2
    inv_freq = base ** (-np.arange(half, dtype=np.float64) * 2.0 / x.shape[-1])
    theta = np.asarray(positions, dtype=np.float64)[:, None] * inv_freq[None, :]
    cos, sin = np.cos(theta).astype(x.dtype), np.sin(theta).astype(x.dtype)
    first, second = x[..., :half], x[..., half:]
    out: FloatArray = np.concatenate(
        [first * cos - second * sin, first * sin + second * cos], axis=-1
    )
    return out
