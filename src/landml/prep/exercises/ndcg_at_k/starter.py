"""NDCG@k (statement: `landml prep show ndcg-at-k`)."""

from __future__ import annotations

from typing import Any

from numpy.typing import NDArray


def ndcg_at_k(ranked_gains: NDArray[Any], all_gains: NDArray[Any], k: int) -> float:
    """Normalised discounted cumulative gain of one ranking, cut at k."""
    raise NotImplementedError
