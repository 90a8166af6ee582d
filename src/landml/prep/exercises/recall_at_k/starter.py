"""Recall@k (statement: `landml prep show recall-at-k`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def recall_at_k(relevance: NDArray[Any], n_relevant: NDArray[Any], k: int) -> NDArray[np.float64]:
    """Share of each query's relevant items found in its top k."""
    raise NotImplementedError
