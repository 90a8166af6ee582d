"""Reference: count the cumulative sums at or below u; clamp to the last positive token."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def sample_categorical(probs: FloatArray, u: FloatArray) -> NDArray[np.int64]:
    cdf = np.cumsum(probs, axis=1)
    index = np.sum(cdf <= u[:, None], axis=1)
    vocab = probs.shape[1]
    last_positive = vocab - 1 - np.argmax(probs[:, ::-1] > 0, axis=1)
    out: NDArray[np.int64] = np.minimum(index, last_positive).astype(np.int64)
    return out
