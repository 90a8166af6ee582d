"""Hidden tests for the scaling leak."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("train and test scaled with training statistics")
def matches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n_train, n_test, d in [(20, 5, 3), (100, 40, 6)]:
        x_train = rng.normal(loc=3.0, scale=2.0, size=(n_train, d))
        x_test = rng.normal(loc=5.0, scale=4.0, size=(n_test, d))
        compare(
            sub.standardize,
            ref.standardize,
            x_train,
            x_test,
            what=f"standardize {n_train}/{n_test}",
        )


@checks.case("the scaled training set does not depend on the test set")
def independent(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x_train = rng.normal(size=(30, 4))
    first, _ = sub.standardize(x_train.copy(), rng.normal(loc=10.0, size=(10, 4)))
    second, _ = sub.standardize(x_train.copy(), rng.normal(loc=-10.0, size=(3, 4)))
    assert_close(first, second, what="scaled training set with two different test sets")


@checks.case("constant training features are only centred")
def constant(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x_train = rng.normal(size=(10, 3))
    x_train[:, 1] = 7.0
    x_test = rng.normal(size=(4, 3))
    compare(
        sub.standardize,
        ref.standardize,
        x_train,
        x_test,
        what="standardize with a constant feature",
    )
