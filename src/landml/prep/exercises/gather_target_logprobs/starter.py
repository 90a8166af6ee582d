"""Target log-probabilities (statement: `landml prep show gather-target-logprobs`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]
IntArray = NDArray[np.integer[Any]]


def gather_target_logprobs(logprobs: FloatArray, targets: IntArray) -> FloatArray:
    """out[b, t] = logprobs[b, t, targets[b, t]]."""
    raise NotImplementedError


def sequence_logprob(
    logprobs: FloatArray, targets: IntArray, mask: NDArray[np.bool_]
) -> FloatArray:
    """Sum of the target log-probabilities of each sequence over unmasked positions."""
    raise NotImplementedError
