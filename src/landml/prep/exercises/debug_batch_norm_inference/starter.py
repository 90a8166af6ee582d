"""Inference batch norm with a bug (statement: `landml prep show debug-batch-norm-inference`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def batch_norm_inference(
    x: FloatArray,
    gamma: FloatArray,
    beta: FloatArray,
    running_mean: FloatArray,
    running_var: FloatArray,
    eps: float = 1e-5,
) -> FloatArray:
    """Normalise with the statistics learned in training, then scale and shift."""
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    out: FloatArray = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out
