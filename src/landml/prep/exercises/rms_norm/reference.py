"""Reference: the root mean square over the last axis, kept for broadcasting."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def rms_norm(x: FloatArray, weight: FloatArray, eps: float = 1e-6) -> FloatArray:
    rms = np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    out: FloatArray = x / rms * weight
    return out
