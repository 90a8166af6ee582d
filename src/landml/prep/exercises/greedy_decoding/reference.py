"""Reference: a plain loop; np.argmax already returns the first maximum."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

NextLogits = Callable[[list[int]], NDArray[np.floating[Any]]]


def greedy_decode(
    next_logits: NextLogits, prompt: list[int], eos_id: int, max_new_tokens: int
) -> list[int]:
    tokens = list(prompt)
    new: list[int] = []
    for _ in range(max_new_tokens):
        token = int(np.argmax(next_logits(list(tokens))))
        tokens.append(token)
        new.append(token)
        if token == eos_id:
            break
    return new
