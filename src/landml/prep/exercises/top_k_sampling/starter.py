"""Top-k sampling distribution (statement: `landml prep show top-k-sampling`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def top_k_probs(logits: FloatArray, k: int, temperature: float = 1.0) -> NDArray[np.float64]:
    """Probabilities over the top-k tokens of each row, after temperature scaling."""
    raise NotImplementedError
