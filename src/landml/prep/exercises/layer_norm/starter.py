"""Layer normalization (statement: `landml prep show layer-norm`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def layer_norm(x: FloatArray, gamma: FloatArray, beta: FloatArray, eps: float = 1e-5) -> FloatArray:
    """Normalise `x` over its last axis, then apply gamma and beta."""
    raise NotImplementedError
