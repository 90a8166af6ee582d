"""NDCG with a bug (statement: `landml prep show debug-ndcg-perfect`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def _dcg(gains: NDArray[Any], k: int) -> float:
    top = np.asarray(gains, dtype=np.float64)[:k]
    return float(np.sum((2.0**top - 1.0) / np.log2(np.arange(2, top.size + 2))))


def ndcg_at_k(ranked_gains: NDArray[Any], all_gains: NDArray[Any], k: int) -> float:
    """DCG@k of the ranking over DCG@k of the ideal ranking."""
    ideal = _dcg(np.sort(np.asarray(ranked_gains))[::-1], k)
    if ideal == 0.0:
        return 0.0
    return _dcg(ranked_gains, k) / ideal
