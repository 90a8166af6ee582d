"""Scaled dot-product attention, with a bug to find.

Statement: `landml prep show debug-attention-weights`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    """softmax(q k^T / sqrt(d)) @ v."""
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    scores = scores - scores.max(axis=-2, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-2, keepdims=True)
    out: FloatArray = weights @ v
    return out
