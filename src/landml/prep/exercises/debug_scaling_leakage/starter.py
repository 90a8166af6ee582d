"""Feature scaling with a bug (statement: `landml prep show debug-scaling-leakage`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def standardize(x_train: FloatArray, x_test: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Scale features to zero mean and unit variance; same transform for both sets."""
    everything = np.vstack([x_train, x_test])
    mean = everything.mean(axis=0)
    std = everything.std(axis=0)
    std[std == 0] = 1.0
    return (x_train - mean) / std, (x_test - mean) / std
