"""Greedy decoding (statement: `landml prep show greedy-decoding`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

NextLogits = Callable[[list[int]], NDArray[np.floating[Any]]]


def greedy_decode(
    next_logits: NextLogits, prompt: list[int], eos_id: int, max_new_tokens: int
) -> list[int]:
    """The tokens a greedy decoder appends to `prompt`."""
    raise NotImplementedError
