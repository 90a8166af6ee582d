"""Hidden tests for the MLP gradient bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, compare

checks = Checks()


def _problem(
    rng: np.random.Generator, n: int
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    params = {
        "W1": rng.normal(scale=0.5, size=(4, 6)),
        "b1": rng.normal(scale=0.1, size=6),
        "W2": rng.normal(scale=0.4, size=(6, 3)),
        "b2": rng.normal(scale=0.1, size=3),
    }
    return rng.normal(size=(n, 4)), rng.integers(0, 3, size=n), params


@checks.case("one example")
def one(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    compare(
        sub.mlp_loss_and_grads, ref.mlp_loss_and_grads, *_problem(rng, 1), what="(loss, grads) N=1"
    )


@checks.case("batches of 8 and 32")
def batches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n in (8, 32):
        compare(
            sub.mlp_loss_and_grads,
            ref.mlp_loss_and_grads,
            *_problem(rng, n),
            what=f"(loss, grads) N={n}",
        )
