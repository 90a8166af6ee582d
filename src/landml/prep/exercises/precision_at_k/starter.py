"""Precision@k (statement: `landml prep show precision-at-k`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def precision_at_k(relevance: NDArray[Any], k: int) -> NDArray[np.float64]:
    """Share of relevant items in the top k of each ranked row."""
    raise NotImplementedError
