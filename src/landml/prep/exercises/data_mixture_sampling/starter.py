"""Sampling a data mixture (statement: `landml prep show data-mixture-sampling`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def mixture_weights(sizes: FloatArray, temperature: float) -> NDArray[np.float64]:
    """Sampling weights proportional to size ** (1 / temperature)."""
    raise NotImplementedError


def mixture_counts(weights: FloatArray, n: int) -> NDArray[np.int64]:
    """Integer counts summing to n, by largest remainder."""
    raise NotImplementedError
