"""Reference: precision at every rank from a cumulative sum, kept where relevant."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def average_precision(relevance: NDArray[Any], n_relevant: int) -> float:
    if n_relevant == 0:
        return 0.0
    rel = np.asarray(relevance, dtype=np.float64)
    precision = np.cumsum(rel) / np.arange(1, rel.size + 1)
    return float(np.sum(precision * rel) / n_relevant)


def mean_average_precision(relevance: NDArray[Any], n_relevant: NDArray[Any]) -> float:
    scores = [average_precision(row, int(n)) for row, n in zip(relevance, n_relevant, strict=True)]
    return float(np.mean(scores))
