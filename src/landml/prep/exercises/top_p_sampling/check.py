"""Hidden tests for the nucleus distribution."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()
HINT = "keep a token when the mass of the tokens before it is below p; the crossing token stays"


@checks.case("random logits, several p")
def random_rows(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape, p in [((12,), 0.9), ((4, 10), 0.5), ((2, 3, 6), 0.75), ((3, 8), 0.999)]:
        logits = rng.normal(scale=2.0, size=shape)
        compare(sub.top_p_probs, ref.top_p_probs, logits, p, what=f"top_p {shape} p={p}", hint=HINT)


@checks.case("a confident model keeps only its top token")
def confident(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.array([[10.0, 0.0, 0.0, 0.0], [0.0, 0.0, 9.0, 1.0]])
    assert_close(
        sub.top_p_probs(logits, 0.9),
        np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]),
        what="top_p with one token above p",
        hint=HINT,
    )


@checks.case("p = 1 keeps every token")
def p_one(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(3, 6))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    assert_close(sub.top_p_probs(logits, 1.0), e / e.sum(axis=1, keepdims=True), what="p=1")


@checks.case("equal probabilities are ordered by index")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = np.log(np.array([[0.25, 0.25, 0.25, 0.25], [0.1, 0.3, 0.3, 0.3]]))
    compare(sub.top_p_probs, ref.top_p_probs, logits, 0.5, what="tied probabilities, p=0.5")


@checks.case("large logits do not overflow")
def large(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logits = rng.normal(size=(2, 9)) * 800
    compare(sub.top_p_probs, ref.top_p_probs, logits, 0.8, what="logits in the hundreds")
