"""Causal self-attention (statement: `landml prep show causal-self-attention`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
BoolArray = NDArray[np.bool_]


def causal_mask(n: int) -> BoolArray:
    """(n, n) booleans: True where query i may attend to key j (j <= i)."""
    raise NotImplementedError


def causal_attention(q: FloatArray, k: FloatArray, v: FloatArray) -> FloatArray:
    """Scaled dot-product self-attention where no position sees the future."""
    raise NotImplementedError
