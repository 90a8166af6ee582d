"""Reference: a lower-triangular mask, applied as -inf before the softmax."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]


def causal_mask(n: int) -> BoolArray:
    return np.tril(np.ones((n, n), dtype=bool))


def causal_attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    n, d = q.shape[-2], q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    scores = np.where(causal_mask(n), scores, -np.inf)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= np.sum(weights, axis=-1, keepdims=True)
    out: FloatArray = weights @ v
    return out
