"""Hidden tests for gradient checking."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_scalar_close, assert_unchanged

checks = Checks()


@checks.case("sum of squares, several shapes")
def squares(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(1,), (5,), (3, 4), (2, 2, 3)]:
        x = rng.normal(size=shape)
        got = sub.numerical_gradient(lambda a: float(np.sum(a**2)), x.copy())
        assert_close(got, 2 * x, what=f"gradient of sum(x^2), shape {shape}", atol=1e-6)


@checks.case("log-sum-exp and a quadratic form")
def nonlinear(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=6)
    softmax = np.exp(x - x.max()) / np.exp(x - x.max()).sum()
    got = sub.numerical_gradient(lambda a: float(np.log(np.sum(np.exp(a)))), x.copy())
    assert_close(got, softmax, what="gradient of log-sum-exp", atol=1e-7)
    a = rng.normal(size=(4, 4))
    v = rng.normal(size=4)
    got = sub.numerical_gradient(lambda z: float(z @ a @ z), v.copy())
    assert_close(
        got, (a + a.T) @ v, what="gradient of x^T A x", atol=1e-6, hint="central differences"
    )


@checks.case("x is restored afterwards")
def restores(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 3))
    given = x.copy()
    sub.numerical_gradient(lambda a: float(np.sum(np.sin(a))), given)
    assert_unchanged(x, given, what="x")


@checks.case("a custom eps is used")
def custom_eps(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=4)

    def cubic(a: np.ndarray) -> float:
        return float(np.sum(a**3))

    expected = ref.numerical_gradient(cubic, x.copy(), 0.1)
    assert_close(
        sub.numerical_gradient(cubic, x.copy(), 0.1),
        expected,
        what="gradient of sum(x^3) with eps=0.1",
        atol=1e-9,
        hint="(f(x + eps) - f(x - eps)) / (2 eps), with the eps you were given",
    )


@checks.case("relative_error")
def relative(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    a = rng.normal(size=(3, 5))
    b = a + rng.normal(scale=1e-3, size=(3, 5))
    assert_scalar_close(sub.relative_error(a, b), ref.relative_error(a, b), what="relative_error")
    zeros = np.zeros(3)
    assert_scalar_close(sub.relative_error(zeros, zeros), 0.0, what="relative_error of zeros")
    empty = np.zeros((0,))
    assert_scalar_close(
        sub.relative_error(empty, empty), 0.0, what="relative_error of empty arrays"
    )
