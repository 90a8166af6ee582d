"""Multi-head self-attention (statement: `landml prep show multi-head-attention`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def multi_head_attention(
    x: FloatArray,
    w_q: FloatArray,
    w_k: FloatArray,
    w_v: FloatArray,
    w_o: FloatArray,
    n_heads: int,
    causal: bool = False,
) -> FloatArray:
    """Self-attention over `x` (b, n, d_model) with `n_heads` heads; returns (b, n, d_model)."""
    raise NotImplementedError
