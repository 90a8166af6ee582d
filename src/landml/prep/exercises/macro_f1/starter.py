"""Confusion matrix and macro F1 (statement: `landml prep show macro-f1`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.integer[Any]]


def confusion_matrix(y_true: IntArray, y_pred: IntArray, n_classes: int) -> NDArray[np.int64]:
    """Counts of (true class, predicted class) pairs."""
    raise NotImplementedError


def macro_f1(y_true: IntArray, y_pred: IntArray, n_classes: int) -> float:
    """Mean F1 over all classes, 0 where undefined."""
    raise NotImplementedError
