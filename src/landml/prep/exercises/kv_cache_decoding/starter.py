"""A KV cache for incremental decoding (statement: `landml prep show kv-cache-decoding`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


class KVCache:
    """Keys and values of the positions decoded so far, for one attention head."""

    def __init__(self, max_len: int, d_k: int, d_v: int) -> None:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def append(self, k: FloatArray, v: FloatArray) -> None:
        """Store the key and value of the next position."""
        raise NotImplementedError

    def attend(self, q: FloatArray) -> FloatArray:
        """Attention of `q` over every stored position."""
        raise NotImplementedError
