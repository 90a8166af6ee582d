"""MLP backward pass with a bug (statement: `landml prep show debug-mlp-gradient-check`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def mlp_loss_and_grads(
    x: FloatArray, y: IntArray, params: dict[str, FloatArray]
) -> tuple[float, dict[str, FloatArray]]:
    """Mean cross-entropy of a ReLU MLP and its gradients."""
    w1, b1, w2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = x.shape[0]
    pre = x @ w1 + b1
    h = np.maximum(pre, 0.0)
    logits = h @ w2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_probs[np.arange(n), y].mean())
    d_logits = np.exp(log_probs)
    d_logits[np.arange(n), y] -= 1.0
    d_h = d_logits @ w2.T
    d_pre = d_h * (pre > 0)
    grads: dict[str, FloatArray] = {
        "W1": x.T @ d_pre,
        "b1": d_pre.sum(axis=0),
        "W2": h.T @ d_logits,
        "b2": d_logits.sum(axis=0),
    }
    return loss, grads
