"""Fixed: the exponent is 2i / d_model for pair i (the even column index), not i / d_model."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def sinusoidal_encoding(
    n_positions: int, d_model: int, base: float = 10000.0
) -> NDArray[np.float64]:
    positions = np.arange(n_positions, dtype=np.float64)[:, None]
    pair = np.arange(d_model // 2, dtype=np.float64)
    angles = positions / base ** (2.0 * pair / d_model)
    pe = np.empty((n_positions, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
