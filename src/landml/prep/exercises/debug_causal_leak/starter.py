"""Causal attention with a bug (statement: `landml prep show debug-causal-leak`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def causal_attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    """Self-attention where position i only sees positions j <= i."""
    n, d = q.shape[-2], q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    mask = np.tril(np.ones((n, n), dtype=bool))
    np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    out: FloatArray = weights @ v
    return out
