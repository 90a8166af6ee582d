"""Two-layer MLP forward and backward (statement: `landml prep show mlp-backprop`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def mlp_loss_and_grads(
    x: FloatArray, y: IntArray, params: dict[str, FloatArray]
) -> tuple[float, dict[str, FloatArray]]:
    """Mean cross-entropy of a ReLU MLP and its gradients for W1, b1, W2, b2."""
    raise NotImplementedError
