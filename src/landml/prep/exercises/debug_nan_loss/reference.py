"""Fixed: a max-shifted log-softmax (log-sum-exp) instead of log(exp(x) / sum exp(x))."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def cross_entropy(logits: FloatArray, targets: IntArray) -> float:
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(logits.shape[0]), targets]))
