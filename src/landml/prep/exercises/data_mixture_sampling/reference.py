"""Reference: a softmax of log sizes; a stable sort of the remainders for the leftovers."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def mixture_weights(sizes: FloatArray, temperature: float) -> NDArray[np.float64]:
    logits = np.log(np.asarray(sizes, dtype=np.float64)) / temperature
    e = np.exp(logits - logits.max())
    out: NDArray[np.float64] = e / e.sum()
    return out


def mixture_counts(weights: FloatArray, n: int) -> NDArray[np.int64]:
    w = np.asarray(weights, dtype=np.float64)
    quotas = w / w.sum() * n
    counts: NDArray[np.int64] = np.floor(quotas).astype(np.int64)
    remaining = n - int(counts.sum())
    order = np.argsort(-(quotas - counts), kind="stable")
    counts[order[:remaining]] += 1
    return counts
