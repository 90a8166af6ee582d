"""Reference: take_along_axis with a trailing axis of length 1."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def gather_target_logprobs(logprobs: FloatArray, targets: IntArray) -> FloatArray:
    picked: FloatArray = np.take_along_axis(logprobs, targets[..., None], axis=-1)[..., 0]
    return picked


def sequence_logprob(
    logprobs: FloatArray, targets: IntArray, mask: NDArray[np.bool_]
) -> FloatArray:
    picked = gather_target_logprobs(logprobs, targets)
    out: FloatArray = np.where(mask, picked, 0).sum(axis=1).astype(logprobs.dtype)
    return out
