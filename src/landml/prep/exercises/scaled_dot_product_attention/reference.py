"""Reference: masked scores are set to -inf before a max-shifted softmax over keys."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]


def attention(
    q: FloatArray, k: FloatArray, v: FloatArray, mask: BoolArray | None = None
) -> FloatArray:
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d).astype(q.dtype)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / np.sum(weights, axis=-1, keepdims=True)
    out: FloatArray = weights @ v
    return out
