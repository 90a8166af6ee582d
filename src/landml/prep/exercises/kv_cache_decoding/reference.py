"""Reference: preallocated arrays and a length; attention over the filled prefix."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


class KVCache:
    def __init__(self, max_len: int, d_k: int, d_v: int) -> None:
        self.keys = np.zeros((max_len, d_k))
        self.values = np.zeros((max_len, d_v))
        self.length = 0

    def __len__(self) -> int:
        return self.length

    def append(self, k: FloatArray, v: FloatArray) -> None:
        if self.length == self.keys.shape[0]:
            raise ValueError("the cache is full")
        self.keys[self.length] = k
        self.values[self.length] = v
        self.length += 1

    def attend(self, q: FloatArray) -> FloatArray:
        if self.length == 0:
            raise ValueError("the cache is empty")
        keys, values = self.keys[: self.length], self.values[: self.length]
        scores = keys @ q / np.sqrt(keys.shape[1])
        weights = np.exp(scores - scores.max())
        out: FloatArray = weights / weights.sum() @ values
        return out
