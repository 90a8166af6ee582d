"""Hidden tests for the embedding lookup and its gradient."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_dtype, compare

checks = Checks()
SCATTER_HINT = "repeated ids must add up: grad[ids] += g keeps only one update, np.add.at adds all"


@checks.case("forward lookup for several id shapes")
def forward(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    table = rng.normal(size=(10, 4))
    for shape in [(3,), (2, 5), (2, 3, 2)]:
        ids = rng.integers(0, 10, size=shape)
        compare(
            sub.embedding_forward, ref.embedding_forward, table, ids, what=f"forward ids{shape}"
        )


@checks.case("backward with distinct ids")
def backward_distinct(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ids = rng.permutation(12)[:5].reshape(5)
    grad_out = rng.normal(size=(5, 3))
    compare(
        sub.embedding_backward,
        ref.embedding_backward,
        ids,
        grad_out,
        12,
        what="backward, distinct ids",
    )


@checks.case("backward with repeated ids accumulates")
def backward_repeated(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ids = np.array([[1, 1, 3], [1, 0, 3]])
    grad_out = rng.normal(size=(2, 3, 4))
    compare(
        sub.embedding_backward,
        ref.embedding_backward,
        ids,
        grad_out,
        5,
        what="backward with repeated ids",
        hint=SCATTER_HINT,
    )


@checks.case("matches finite differences of a random loss")
def finite_differences(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    table = rng.normal(size=(6, 3))
    ids = rng.integers(0, 6, size=(4, 5))
    weights = rng.normal(size=(4, 5, 3))
    grad = sub.embedding_backward(ids, weights.copy(), 6)
    # loss(table) = sum(forward(table, ids) * weights) is linear in table.
    numeric = np.zeros_like(table)
    for index in np.ndindex(table.shape):
        bumped = table.copy()
        bumped[index] += 1.0
        numeric[index] = np.sum(bumped[ids] * weights) - np.sum(table[ids] * weights)
    assert_close(grad, numeric, what="gradient of sum(lookup * w)", atol=1e-9, hint=SCATTER_HINT)


@checks.case("float32 gradients stay float32")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    ids = rng.integers(0, 4, size=6)
    grad_out = rng.normal(size=(6, 2)).astype(np.float32)
    assert_dtype(sub.embedding_backward(ids, grad_out, 4), np.float32, what="float32 backward")
