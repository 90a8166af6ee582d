"""RMSNorm (statement: `landml prep show rms-norm`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]


def rms_norm(x: FloatArray, weight: FloatArray, eps: float = 1e-6) -> FloatArray:
    """Divide `x` by its root mean square over the last axis, then scale by `weight`."""
    raise NotImplementedError
