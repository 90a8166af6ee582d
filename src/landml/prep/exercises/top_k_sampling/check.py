"""Hidden tests for the top-k distribution."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("random logits, several k")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape, k in [((10,), 3), ((4, 12), 1), ((2, 3, 8), 5), ((5, 6), 6)]:
        logits = rng.normal(scale=2.0, size=shape)
        compare(
            sub.top_k_probs,
            ref.top_k_probs,
            logits,
            k,
            what=f"top_k_probs {shape} k={k}",
            hint="keep the k largest logits of each row, softmax over them, 0 elsewhere",
        )


@checks.case("temperature")
def temperature(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(3, 9))
    for t in (0.25, 2.0):
        compare(
            sub.top_k_probs,
            ref.top_k_probs,
            logits,
            4,
            t,
            what=f"top_k_probs temperature={t}",
            hint="divide the logits by the temperature before the softmax",
        )


@checks.case("k larger than the vocabulary is plain softmax")
def large_k(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(2, 5))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    assert_close(sub.top_k_probs(logits, 50), e / e.sum(axis=1, keepdims=True), what="k=50, V=5")


@checks.case("ties with the k-th logit are all kept")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.array([[3.0, 1.0, 2.0, 2.0, 0.0], [1.0, 1.0, 1.0, 1.0, 5.0]])
    compare(sub.top_k_probs, ref.top_k_probs, logits, 2, what="rows with ties at the k-th logit")


@checks.case("large logits do not overflow")
def large(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(3, 7)) * 1000
    compare(sub.top_k_probs, ref.top_k_probs, logits, 3, 0.5, what="logits in the thousands")
