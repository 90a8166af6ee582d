"""Nucleus sampling distribution (statement: `landml prep show top-p-sampling`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def top_p_probs(logits: FloatArray, p: float) -> NDArray[np.float64]:
    """Probabilities restricted to the nucleus of mass `p`, renormalised."""
    raise NotImplementedError
