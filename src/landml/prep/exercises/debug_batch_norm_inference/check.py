"""Hidden tests for the inference batch-norm bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


def _state(rng: np.random.Generator, d: int) -> list[np.ndarray]:
    return [rng.normal(size=d), rng.normal(size=d), rng.normal(size=d), rng.uniform(0.5, 2, size=d)]


@checks.case("batches of several sizes")
def batches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n in (1, 4, 32):
        x = rng.normal(loc=1.0, size=(n, 5))
        compare(
            sub.batch_norm_inference,
            ref.batch_norm_inference,
            x,
            *_state(rng, 5),
            what=f"batch of {n}",
        )


@checks.case("a request's output does not depend on its batch")
def independent(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    state = _state(rng, 4)
    request = rng.normal(size=(1, 4))
    alone = np.asarray(sub.batch_norm_inference(request, *state))
    batch = np.vstack([request, rng.normal(size=(7, 4)) * 3])
    together = np.asarray(sub.batch_norm_inference(batch, *state))[:1]
    assert_close(together, alone, what="output of one request served alone and in a batch")
