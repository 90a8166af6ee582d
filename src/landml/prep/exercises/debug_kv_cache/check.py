"""Hidden tests for the KV cache bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_raises, expect

checks = Checks()


def _causal(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    n = q.shape[0]
    scores = np.where(np.tril(np.ones((n, n), dtype=bool)), q @ k.T / np.sqrt(q.shape[1]), -np.inf)
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    out: np.ndarray = w / w.sum(axis=1, keepdims=True) @ v
    return out


@checks.case("every step equals full causal attention")
def steps(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    n = 8
    q, k, v = rng.normal(size=(n, 4)), rng.normal(size=(n, 4)), rng.normal(size=(n, 3))
    expected = _causal(q, k, v)
    cache = sub.KVCache(n, 4, 3)
    for t in range(n):
        cache.append(k[t], v[t])
        expect(len(cache) == t + 1, f"len after {t + 1} appends is {len(cache)}")
        assert_close(cache.attend(q[t]), expected[t], what=f"attend at step {t}")


@checks.case("the cache holds exactly max_len positions")
def capacity(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    cache = sub.KVCache(3, 2, 2)
    for _ in range(3):
        cache.append(rng.normal(size=2), rng.normal(size=2))
    assert_raises(
        ValueError,
        lambda: cache.append(rng.normal(size=2), rng.normal(size=2)),
        what="a 4th append with max_len=3",
    )
    assert_raises(
        ValueError, lambda: sub.KVCache(2, 2, 2).attend(np.ones(2)), what="attend on an empty cache"
    )
