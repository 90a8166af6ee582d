"""Reference: bincount of flattened pairs; safe divisions with np.divide(where=...)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.integer[Any]]


def confusion_matrix(y_true: IntArray, y_pred: IntArray, n_classes: int) -> NDArray[np.int64]:
    flat = np.asarray(y_true) * n_classes + np.asarray(y_pred)
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)


def _safe_divide(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.divide(a, b, out=np.zeros_like(a), where=b > 0)


def macro_f1(y_true: IntArray, y_pred: IntArray, n_classes: int) -> float:
    cm = confusion_matrix(y_true, y_pred, n_classes).astype(np.float64)
    tp = np.diag(cm)
    precision = _safe_divide(tp, cm.sum(axis=0))
    recall = _safe_divide(tp, cm.sum(axis=1))
    f1 = _safe_divide(2 * precision * recall, precision + recall)
    return float(f1.mean())
