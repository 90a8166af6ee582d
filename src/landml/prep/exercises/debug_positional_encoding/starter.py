"""Positional encodings with a bug (statement: `landml prep show debug-positional-encoding`)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def sinusoidal_encoding(
    n_positions: int, d_model: int, base: float = 10000.0
) -> NDArray[np.float64]:
    """Sine on even columns, cosine on odd columns."""
    positions = np.arange(n_positions, dtype=np.float64)[:, None]
    pair = np.arange(d_model // 2, dtype=np.float64)
    angles = positions / base ** (pair / d_model)
    pe = np.empty((n_positions, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
