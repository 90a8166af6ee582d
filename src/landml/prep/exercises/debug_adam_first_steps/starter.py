"""Adam with a bug (statement: `landml prep show debug-adam-first-steps`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def adam_step(
    param: FloatArray,
    grad: FloatArray,
    m: FloatArray,
    v: FloatArray,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Step number t (from 1) of Adam."""
    new_m: FloatArray = beta1 * m + (1 - beta1) * grad
    new_v: FloatArray = beta2 * v + (1 - beta2) * grad**2
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta1**t)
    new_param: FloatArray = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_param, new_m, new_v
