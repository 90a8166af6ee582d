"""One Adam step (statement: `landml prep show adam-optimizer`)."""

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
    weight_decay: float = 0.0,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The parameters and moment estimates after step number `t` (from 1)."""
    raise NotImplementedError
