"""Hidden tests for the KV cache."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_raises, expect

checks = Checks()


def _causal(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    n = q.shape[0]
    scores = q @ k.T / np.sqrt(q.shape[1])
    scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    out: np.ndarray = w / w.sum(axis=1, keepdims=True) @ v
    return out


@checks.case("step-by-step decoding equals causal attention")
def matches_full(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d_k, d_v in [(1, 4, 4), (6, 8, 3), (12, 4, 5)]:
        q, k, v = rng.normal(size=(n, d_k)), rng.normal(size=(n, d_k)), rng.normal(size=(n, d_v))
        expected = _causal(q, k, v)
        cache = sub.KVCache(n, d_k, d_v)
        for t in range(n):
            cache.append(k[t].copy(), v[t].copy())
            assert_close(
                cache.attend(q[t].copy()),
                expected[t],
                what=f"attend at step {t} (n={n})",
                hint="attend over positions 0..t inclusive: the newest key must be used",
            )


@checks.case("len() counts the stored positions")
def length(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    cache = sub.KVCache(5, 3, 2)
    expect(len(cache) == 0, f"len of a new cache is {len(cache)}, expected 0")
    for t in range(3):
        cache.append(rng.normal(size=3), rng.normal(size=2))
        expect(len(cache) == t + 1, f"after {t + 1} appends len is {len(cache)}")


@checks.case("a full cache refuses one more position")
def full(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    cache = sub.KVCache(3, 2, 2)
    for _ in range(3):
        cache.append(rng.normal(size=2), rng.normal(size=2))
    assert_raises(
        ValueError,
        lambda: cache.append(rng.normal(size=2), rng.normal(size=2)),
        what="the 4th append to a cache of max_len 3",
    )


@checks.case("an empty cache cannot attend")
def empty(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    cache = sub.KVCache(3, 2, 2)
    assert_raises(
        ValueError, lambda: cache.attend(rng.normal(size=2)), what="attend on an empty cache"
    )


@checks.case("stored keys are copies of the caller's arrays")
def copies(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    k, v = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    q = rng.normal(size=4)
    cache = sub.KVCache(2, 4, 4)
    key0, value0 = k[0].copy(), v[0].copy()
    cache.append(key0, value0)
    key0[:] = 100.0
    value0[:] = -100.0
    cache.append(k[1].copy(), v[1].copy())
    assert_close(
        cache.attend(q),
        _causal(np.stack([q, q]), k, v)[1],
        what="attend after the caller reused its buffers",
        hint="copy k and v into the cache's own storage",
    )


@checks.case("long sequences and large scores stay finite")
def long(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    n = 64
    q, k, v = rng.normal(size=(n, 8)) * 20, rng.normal(size=(n, 8)) * 20, rng.normal(size=(n, 2))
    expected = _causal(q, k, v)
    cache = sub.KVCache(n, 8, 2)
    got = []
    for t in range(n):
        cache.append(k[t], v[t])
        got.append(np.asarray(cache.attend(q[t])))
    assert_close(
        np.stack(got), expected, what="64 steps with large scores", hint="subtract the max score"
    )
