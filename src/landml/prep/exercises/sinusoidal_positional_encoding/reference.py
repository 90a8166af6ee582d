"""Reference: an outer product of positions and inverse frequencies, interleaved."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def sinusoidal_encoding(
    n_positions: int, d_model: int, base: float = 10000.0
) -> NDArray[np.float64]:
    positions = np.arange(n_positions, dtype=np.float64)[:, None]
    inv_freq = base ** (-np.arange(0, d_model, 2, dtype=np.float64) / d_model)
    angles = positions * inv_freq[None, :]
    pe = np.empty((n_positions, d_model), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
