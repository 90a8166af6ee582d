"""Reference: the Mann-Whitney statistic from average ranks, which handles ties."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray


def _average_ranks(values: NDArray[Any]) -> NDArray[np.float64]:
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(values.size, dtype=np.float64)
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], values.size]
    for start, end in zip(starts, ends, strict=True):
        ranks[order[start:end]] = (start + end + 1) / 2.0  # 1-based average rank
    return ranks


def roc_auc(y_true: NDArray[Any], scores: NDArray[Any]) -> float:
    y = np.asarray(y_true).astype(bool)
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs both classes")
    ranks = _average_ranks(np.asarray(scores, dtype=np.float64))
    u = ranks[y].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
