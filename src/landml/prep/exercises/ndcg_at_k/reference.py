"""Reference: exponential gains, log2 discounts; the ideal ranking comes from all judgements."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def _dcg(gains: NDArray[Any], k: int) -> float:
    top = np.asarray(gains, dtype=np.float64)[:k]
    discounts = np.log2(np.arange(2, top.size + 2))
    return float(np.sum((2.0**top - 1.0) / discounts))


def ndcg_at_k(ranked_gains: NDArray[Any], all_gains: NDArray[Any], k: int) -> float:
    ideal = _dcg(np.sort(np.asarray(all_gains))[::-1], k)
    if ideal == 0.0:
        return 0.0
    return _dcg(ranked_gains, k) / ideal
