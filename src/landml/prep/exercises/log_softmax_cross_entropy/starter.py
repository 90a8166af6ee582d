"""Log-softmax and cross-entropy (statement: `landml prep show log-softmax-cross-entropy`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def log_softmax(x: FloatArray, axis: int = -1) -> FloatArray:
    """log(softmax(x)) along `axis`, without overflow or log(0)."""
    raise NotImplementedError


def cross_entropy(logits: FloatArray, targets: IntArray) -> float:
    """Mean negative log-likelihood of `targets` (N,) under `logits` (N, C)."""
    raise NotImplementedError
