"""Batch normalization, training mode (statement: `landml prep show batch-norm-training`)."""

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
    """Normalised batch and the updated running mean and variance."""
    raise NotImplementedError
