"""Sinusoidal positional encoding (statement: `landml prep show sinusoidal-positional-encoding`)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def sinusoidal_encoding(
    n_positions: int, d_model: int, base: float = 10000.0
) -> NDArray[np.float64]:
    """(n_positions, d_model): sin on even columns, cos on odd ones."""
    raise NotImplementedError
