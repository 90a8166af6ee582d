"""Reference: biased variance to normalise, unbiased variance for the running estimate."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def batch_norm_train(
    x: FloatArray,
    gamma: FloatArray,
    beta: FloatArray,
    running_mean: FloatArray,
    running_var: FloatArray,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    n = x.shape[0]
    mean = x.mean(axis=0)
    var = ((x - mean) ** 2).mean(axis=0)
    y: FloatArray = (x - mean) / np.sqrt(var + eps) * gamma + beta
    new_mean: FloatArray = (1 - momentum) * running_mean + momentum * mean
    new_var: FloatArray = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    return y, new_mean, new_var
