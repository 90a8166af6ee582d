"""Fixed: keep the reduced axis (keepdims=True) so the statistics broadcast per row."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def layer_norm(x: FloatArray, gamma: FloatArray, beta: FloatArray, eps: float = 1e-5) -> FloatArray:
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    out: FloatArray = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out
