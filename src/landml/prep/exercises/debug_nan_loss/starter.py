"""Cross-entropy with a bug (statement: `landml prep show debug-nan-loss`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def _softmax(x: FloatArray) -> FloatArray:
    e = np.exp(x)
    out: FloatArray = e / e.sum(axis=1, keepdims=True)
    return out


def cross_entropy(logits: FloatArray, targets: IntArray) -> float:
    """Mean negative log-likelihood of the targets."""
    probs = _softmax(logits)
    picked = probs[np.arange(logits.shape[0]), targets]
    return float(-np.mean(np.log(picked)))
