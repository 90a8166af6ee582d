"""Fixed: the softmax runs on the masked scores (the mask was computed, then dropped)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def causal_attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    n, d = q.shape[-2], q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    mask = np.tril(np.ones((n, n), dtype=bool))
    masked = np.where(mask, scores, -np.inf)
    masked = masked - masked.max(axis=-1, keepdims=True)
    weights = np.exp(masked)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    out: FloatArray = weights @ v
    return out
