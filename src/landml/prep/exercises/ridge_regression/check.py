"""Hidden tests for ridge regression."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_scalar_close

checks = Checks()
HINT = "centre x and y, leave the intercept out of the penalty"


def _data(rng: np.random.Generator, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(loc=2.0, size=(n, d))
    y = x @ rng.normal(size=d) + 3.0 + 0.1 * rng.normal(size=n)
    return x, y


def _same(
    sub: ModuleType, ref: ModuleType, x: np.ndarray, y: np.ndarray, alpha: float, what: str
) -> None:
    w_ref, b_ref = ref.fit_ridge(x, y, alpha)
    w, b = sub.fit_ridge(x.copy(), y.copy(), alpha)
    assert_close(w, w_ref, what=f"w, {what}", atol=1e-7, hint=HINT)
    assert_scalar_close(b, b_ref, what=f"b, {what}", atol=1e-7, hint=HINT)


@checks.case("several alphas")
def alphas(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 50, 4)
    for alpha in (0.1, 1.0, 25.0):
        _same(sub, ref, x, y, alpha, f"alpha={alpha}")


@checks.case("alpha = 0 is ordinary least squares")
def ols(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 30, 3)
    design = np.hstack([x, np.ones((30, 1))])
    solution = np.linalg.lstsq(design, y, rcond=None)[0]
    w, b = sub.fit_ridge(x, y, 0.0)
    assert_close(w, solution[:3], what="w with alpha=0", atol=1e-8)
    assert_scalar_close(b, float(solution[3]), what="b with alpha=0", atol=1e-8)


@checks.case("more features than samples")
def wide(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y = _data(rng, 8, 20)
    _same(sub, ref, x, y, 0.5, "D=20 > N=8")


@checks.case("the intercept is not shrunk")
def intercept(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(40, 2))
    y = 100.0 + 0.0 * x[:, 0]
    _, b = sub.fit_ridge(x, y, 1000.0)
    assert_scalar_close(
        b, 100.0, what="intercept of a constant target under heavy ridge", atol=1e-7, hint=HINT
    )
