"""Hidden tests for gathering target log-probabilities."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_dtype, compare

checks = Checks()


def _batch(rng: np.random.Generator, b: int, t: int, v: int) -> tuple[np.ndarray, np.ndarray]:
    logits = rng.normal(size=(b, t, v))
    logprobs = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    return logprobs, rng.integers(0, v, size=(b, t))


@checks.case("gather on several shapes")
def gather(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for b, t, v in [(1, 1, 3), (2, 5, 7), (4, 3, 50)]:
        logprobs, targets = _batch(rng, b, t, v)
        compare(
            sub.gather_target_logprobs,
            ref.gather_target_logprobs,
            logprobs,
            targets,
            what=f"gather B={b} T={t} V={v}",
            hint="index with (arange(B)[:, None], arange(T)[None, :], targets)",
        )


@checks.case("sequence sums respect the padding mask")
def masked_sum(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logprobs, targets = _batch(rng, 3, 6, 9)
    lengths = np.array([6, 2, 4])
    mask = np.arange(6)[None, :] < lengths[:, None]
    compare(
        sub.sequence_logprob,
        ref.sequence_logprob,
        logprobs,
        targets,
        mask,
        what="sequence_logprob",
        hint="sum only where mask is True",
    )


@checks.case("float32 stays float32")
def float32(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    logprobs, targets = _batch(rng, 2, 3, 4)
    logprobs = logprobs.astype(np.float32)
    mask = np.ones((2, 3), dtype=bool)
    compare(
        sub.gather_target_logprobs,
        ref.gather_target_logprobs,
        logprobs,
        targets,
        what="float32 gather",
    )
    assert_dtype(sub.gather_target_logprobs(logprobs, targets), np.float32, what="float32 gather")
    assert_dtype(
        sub.sequence_logprob(logprobs, targets, mask), np.float32, what="float32 sequence_logprob"
    )
