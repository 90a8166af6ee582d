"""Pre-norm transformer decoder block (statement: `landml prep show transformer-block`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def transformer_block(x: FloatArray, params: dict[str, FloatArray], n_heads: int) -> FloatArray:
    """x + attention(LN(x)), then + MLP(LN(.)); causal, multi-head, GELU (tanh)."""
    raise NotImplementedError
