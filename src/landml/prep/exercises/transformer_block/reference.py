"""Reference: the block as three small functions."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def _layer_norm(x: FloatArray, g: FloatArray, b: FloatArray, eps: float = 1e-5) -> FloatArray:
    centred = x - x.mean(axis=-1, keepdims=True)
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: FloatArray = centred / np.sqrt(var + eps) * g + b
    return out


def _gelu(z: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * z * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (z + 0.044715 * z**3)))
    return out


def _causal_mha(y: FloatArray, p: dict[str, FloatArray], n_heads: int) -> FloatArray:
    b, n, d = y.shape
    d_head = d // n_heads

    def split(t: FloatArray) -> FloatArray:
        return t.reshape(b, n, n_heads, d_head).transpose(0, 2, 1, 3)

    q, k, v = split(y @ p["w_q"]), split(y @ p["w_k"]), split(y @ p["w_v"])
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_head)
    scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    merged = (weights @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
    out: FloatArray = merged @ p["w_o"]
    return out


def transformer_block(x: FloatArray, params: dict[str, FloatArray], n_heads: int) -> FloatArray:
    p = params
    h = x + _causal_mha(_layer_norm(x, p["ln1_g"], p["ln1_b"]), p, n_heads)
    y = _layer_norm(h, p["ln2_g"], p["ln2_b"])
    out: FloatArray = h + _gelu(y @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"]
    return out
