"""Reference: integer indexing forward, np.add.at backward (unbuffered scatter-add)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def embedding_forward(table: FloatArray, ids: IntArray) -> FloatArray:
    out: FloatArray = table[ids]
    return out


def embedding_backward(ids: IntArray, grad_out: FloatArray, vocab_size: int) -> FloatArray:
    d = grad_out.shape[-1]
    grad = np.zeros((vocab_size, d), dtype=grad_out.dtype)
    np.add.at(grad, np.ravel(ids), grad_out.reshape(-1, d))
    return grad
