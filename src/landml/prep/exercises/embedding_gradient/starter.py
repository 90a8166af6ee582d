"""Embedding lookup and gradient (statement: `landml prep show embedding-gradient`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def embedding_forward(table: FloatArray, ids: IntArray) -> FloatArray:
    """Rows of `table` picked by `ids`."""
    raise NotImplementedError


def embedding_backward(ids: IntArray, grad_out: FloatArray, vocab_size: int) -> FloatArray:
    """Gradient of the loss with respect to the embedding table."""
    raise NotImplementedError
