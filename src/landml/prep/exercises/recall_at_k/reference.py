"""Reference: hits in the top k over the number of relevant items, 0 when there are none."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def recall_at_k(relevance: NDArray[Any], n_relevant: NDArray[Any], k: int) -> NDArray[np.float64]:
    hits = np.asarray(relevance, dtype=np.float64)[:, :k].sum(axis=1)
    total = np.asarray(n_relevant, dtype=np.float64)
    out: NDArray[np.float64] = np.divide(hits, total, out=np.zeros_like(hits), where=total > 0)
    return out
