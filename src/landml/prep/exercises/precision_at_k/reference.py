"""Reference: slice the first k columns; the denominator is always k."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def precision_at_k(relevance: NDArray[Any], k: int) -> NDArray[np.float64]:
    hits = np.asarray(relevance, dtype=np.float64)[:, :k].sum(axis=1)
    out: NDArray[np.float64] = hits / k
    return out
