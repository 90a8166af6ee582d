"""Fixed: test the mass *before* each token (exclusive cumulative sum) against p."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def top_p_probs(logits: FloatArray, p: float) -> NDArray[np.float64]:
    x = np.asarray(logits, dtype=np.float64)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    probs = e / e.sum(axis=-1, keepdims=True)
    order = np.argsort(-probs, axis=-1, kind="stable")
    sorted_probs = np.take_along_axis(probs, order, axis=-1)
    keep_sorted = np.cumsum(sorted_probs, axis=-1) - sorted_probs < p
    keep = np.zeros_like(keep_sorted)
    np.put_along_axis(keep, order, keep_sorted, axis=-1)
    kept = np.where(keep, probs, 0.0)
    out: NDArray[np.float64] = kept / kept.sum(axis=-1, keepdims=True)
    return out
