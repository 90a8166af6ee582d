"""Sampling tokens by inverse CDF (statement: `landml prep show categorical-sampling`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def sample_categorical(probs: FloatArray, u: FloatArray) -> NDArray[np.int64]:
    """One token index per row of `probs`, chosen by the uniform numbers `u`."""
    raise NotImplementedError
