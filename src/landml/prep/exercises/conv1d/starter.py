"""1-D convolution (statement: `landml prep show conv1d`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def conv1d(
    x: FloatArray, w: FloatArray, b: FloatArray | None = None, stride: int = 1, padding: int = 0
) -> FloatArray:
    """Cross-correlate `x` (B, C_in, L) with `w` (C_out, C_in, K)."""
    raise NotImplementedError
