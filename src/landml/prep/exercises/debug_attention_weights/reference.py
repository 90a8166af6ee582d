"""Fixed: the softmax runs over the keys (last axis of the scores), not over the queries."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    out: FloatArray = weights @ v
    return out
