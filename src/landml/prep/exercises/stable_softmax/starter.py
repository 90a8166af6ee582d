"""Numerically stable softmax (statement: `landml prep show stable-softmax`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def softmax(x: FloatArray, axis: int = -1) -> FloatArray:
    """Softmax of `x` along `axis`, safe for large logits and -inf entries."""
    raise NotImplementedError
