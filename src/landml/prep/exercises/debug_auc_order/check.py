"""Hidden tests for the AUC tie bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_raises, assert_scalar_close

checks = Checks()


def _brute(y: np.ndarray, s: np.ndarray) -> float:
    diff = s[y == 1][:, None] - s[y == 0][None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


@checks.case("continuous scores")
def continuous(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = rng.integers(0, 2, size=100)
    y[:2] = [0, 1]
    s = rng.normal(size=100) + y
    assert_scalar_close(sub.roc_auc(y, s), _brute(y, s), what="AUC of continuous scores")


@checks.case("a constant score gives 0.5 whatever the order")
def constant(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = np.array([1] * 30 + [0] * 70)
    for _ in range(3):
        y = rng.permutation(y)
        assert_scalar_close(sub.roc_auc(y, np.full(100, 0.7)), 0.5, what="AUC of a constant score")


@checks.case("rounded scores")
def rounded(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = rng.integers(0, 2, size=400)
    y[:2] = [0, 1]
    s = np.round(rng.normal(size=400) * 0.3 + 0.2 * y, 1)
    assert_scalar_close(sub.roc_auc(y, s), _brute(y, s), what="AUC of scores rounded to 0.1")


@checks.case("one class raises ValueError")
def one_class(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_raises(
        ValueError, lambda: sub.roc_auc(np.zeros(5), rng.normal(size=5)), what="AUC with one class"
    )
