"""Hidden tests for ROC AUC."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_raises, assert_scalar_close

checks = Checks()


def _brute(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


@checks.case("random labels and scores")
def random_scores(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n in (2, 10, 200):
        y = rng.integers(0, 2, size=n)
        y[0], y[1] = 0, 1
        s = rng.normal(size=n) + y
        assert_scalar_close(sub.roc_auc(y, s), _brute(y, s), what=f"AUC, N={n}")


@checks.case("tied scores count one half")
def ties(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = rng.integers(0, 2, size=300)
    y[:2] = [0, 1]
    s = np.round(rng.normal(size=300) + y, 0)
    assert_scalar_close(
        sub.roc_auc(y, s), _brute(y, s), what="AUC of rounded scores", hint="a tied pair counts 0.5"
    )
    assert_scalar_close(sub.roc_auc(y, np.zeros(300)), 0.5, what="AUC of a constant score")


@checks.case("perfect and reversed rankings")
def extremes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = np.array([0, 0, 1, 1, 1])
    s = np.array([0.1, 0.2, 0.3, 0.8, 0.9])
    assert_scalar_close(sub.roc_auc(y, s), 1.0, what="AUC of a perfect ranking")
    assert_scalar_close(sub.roc_auc(y, -s), 0.0, what="AUC of a reversed ranking")


@checks.case("a single class raises ValueError")
def one_class(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    assert_raises(
        ValueError,
        lambda: sub.roc_auc(np.ones(4), rng.normal(size=4)),
        what="AUC with only positives",
    )


@checks.case("100 000 samples")
def large(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = rng.integers(0, 2, size=100_000)
    s = np.round(rng.normal(size=100_000) + 0.5 * y, 2)
    assert_scalar_close(
        sub.roc_auc(y, s), ref.roc_auc(y, s), what="AUC of 100 000 samples", atol=1e-9
    )
