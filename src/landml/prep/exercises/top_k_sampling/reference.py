"""Reference: find each row's k-th largest value with a partition, mask below it."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def top_k_probs(logits: FloatArray, k: int, temperature: float = 1.0) -> NDArray[np.float64]:
    scaled = np.asarray(logits, dtype=np.float64) / temperature
    vocab = scaled.shape[-1]
    if k < vocab:
        kth = np.partition(scaled, vocab - k, axis=-1)[..., vocab - k : vocab - k + 1]
        scaled = np.where(scaled >= kth, scaled, -np.inf)
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    out: NDArray[np.float64] = e / e.sum(axis=-1, keepdims=True)
    return out
