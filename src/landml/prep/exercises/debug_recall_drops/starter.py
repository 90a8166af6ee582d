"""Recall@k with a bug (statement: `landml prep show debug-recall-drops`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def recall_at_k(relevance: NDArray[Any], n_relevant: NDArray[Any], k: int) -> NDArray[np.float64]:
    """Share of each query's relevant items found in its top k."""
    hits = np.asarray(relevance, dtype=np.float64)[:, :k].sum(axis=1)
    has_relevant = np.asarray(n_relevant) > 0
    out: NDArray[np.float64] = np.where(has_relevant, hits / k, 0.0)
    return out
