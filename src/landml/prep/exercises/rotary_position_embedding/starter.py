"""Rotary position embedding (statement: `landml prep show rotary-position-embedding`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def apply_rope(x: FloatArray, positions: IntArray, base: float = 10000.0) -> FloatArray:
    """Rotate feature pairs (i, i + d/2) of `x` (..., n, d) by position-dependent angles."""
    raise NotImplementedError
