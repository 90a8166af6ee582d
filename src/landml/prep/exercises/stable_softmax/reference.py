"""Reference: shift by the maximum so the largest exponent is exp(0) = 1."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def softmax(x: FloatArray, axis: int = -1) -> FloatArray:
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    out: FloatArray = e / np.sum(e, axis=axis, keepdims=True)
    return out
