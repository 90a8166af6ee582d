"""Average precision and MAP (statement: `landml prep show mean-average-precision`)."""

from __future__ import annotations

from typing import Any

from numpy.typing import NDArray


def average_precision(relevance: NDArray[Any], n_relevant: int) -> float:
    """AP of one ranked list."""
    raise NotImplementedError


def mean_average_precision(relevance: NDArray[Any], n_relevant: NDArray[Any]) -> float:
    """Mean of the per-query AP."""
    raise NotImplementedError
