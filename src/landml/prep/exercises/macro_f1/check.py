"""Hidden tests for the confusion matrix and macro F1."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_equal, assert_scalar_close, compare

checks = Checks()


@checks.case("confusion matrices of random predictions")
def matrices(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, c in [(1, 2), (50, 3), (200, 6)]:
        y, p = rng.integers(0, c, size=n), rng.integers(0, c, size=n)
        compare(
            sub.confusion_matrix,
            ref.confusion_matrix,
            y,
            p,
            c,
            what=f"confusion matrix N={n} C={c}",
            exact=True,
            hint="rows are true classes, columns predicted classes",
        )


@checks.case("rows are true classes")
def orientation(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    got = sub.confusion_matrix(np.array([0, 0, 1]), np.array([1, 1, 1]), 2)
    assert_equal(got, np.array([[0, 2], [0, 1]]), what="confusion matrix of 0,0,1 vs 1,1,1")


@checks.case("macro F1 of random predictions")
def f1_random(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, c in [(30, 2), (100, 4), (300, 7)]:
        y = rng.integers(0, c, size=n)
        p = np.where(rng.random(size=n) < 0.6, y, rng.integers(0, c, size=n))
        assert_scalar_close(
            sub.macro_f1(y, p, c), ref.macro_f1(y, p, c), what=f"macro F1 N={n} C={c}"
        )


@checks.case("absent classes count as 0, without warnings")
def absent(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    y = np.array([0, 0, 1, 1])
    p = np.array([0, 0, 1, 0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = sub.macro_f1(y, p, 4)
    assert_scalar_close(
        got,
        ref.macro_f1(y, p, 4),
        what="macro F1 over 4 classes where 2 never appear",
        hint="divide by n_classes; 0/0 counts as 0",
    )
