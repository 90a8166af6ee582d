"""Reference: one strided slice per kernel offset, contracted with einsum."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def conv1d(
    x: FloatArray, w: FloatArray, b: FloatArray | None = None, stride: int = 1, padding: int = 0
) -> FloatArray:
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    k = w.shape[2]
    out_len = (xp.shape[2] - k) // stride + 1
    out = np.zeros((x.shape[0], w.shape[0], out_len), dtype=np.result_type(x, w))
    for j in range(k):
        window = xp[:, :, j : j + stride * (out_len - 1) + 1 : stride]
        out += np.einsum("bcl,oc->bol", window, w[:, :, j])
    if b is not None:
        out += b[None, :, None]
    return out
