"""ROC AUC (statement: `landml prep show roc-auc`)."""

from __future__ import annotations

from typing import Any

from numpy.typing import NDArray


def roc_auc(y_true: NDArray[Any], scores: NDArray[Any]) -> float:
    """Probability that a positive outranks a negative, ties counting one half."""
    raise NotImplementedError
