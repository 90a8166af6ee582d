"""Gradient checking (statement: `landml prep show numerical-gradient`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def numerical_gradient(
    f: Callable[[FloatArray], float], x: FloatArray, eps: float = 1e-5
) -> FloatArray:
    """Central-difference estimate of the gradient of `f` at `x`."""
    raise NotImplementedError


def relative_error(a: FloatArray, b: FloatArray) -> float:
    """max |a - b| / max(|a| + |b|, 1e-12), elementwise."""
    raise NotImplementedError
