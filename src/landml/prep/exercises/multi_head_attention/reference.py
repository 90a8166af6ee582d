"""Reference: reshape (b, n, d_model) to (b, heads, n, d_head), attend, and undo it."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def _split(t: FloatArray, n_heads: int) -> FloatArray:
    b, n, d_model = t.shape
    return t.reshape(b, n, n_heads, d_model // n_heads).transpose(0, 2, 1, 3)


def multi_head_attention(
    x: FloatArray,
    w_q: FloatArray,
    w_k: FloatArray,
    w_v: FloatArray,
    w_o: FloatArray,
    n_heads: int,
    causal: bool = False,
) -> FloatArray:
    b, n, d_model = x.shape
    q, k, v = (_split(x @ w, n_heads) for w in (w_q, w_k, w_v))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_model // n_heads)
    if causal:
        scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    merged = (weights @ v).transpose(0, 2, 1, 3).reshape(b, n, d_model)
    out: FloatArray = merged @ w_o
    return out
