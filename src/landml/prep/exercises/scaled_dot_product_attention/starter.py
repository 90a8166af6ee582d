"""Scaled dot-product attention (statement: `landml prep show scaled-dot-product-attention`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]


def attention(
    q: FloatArray, k: FloatArray, v: FloatArray, mask: BoolArray | None = None
) -> FloatArray:
    """softmax(q k^T / sqrt(d), over keys, masked) @ v."""
    raise NotImplementedError
