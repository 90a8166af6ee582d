"""Hidden tests for PCA."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()
SIGN_HINT = "flip each component so that its largest-magnitude entry is positive"


def _data(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    scales = np.geomspace(5.0, 0.2, d)
    rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
    x: np.ndarray = (rng.normal(size=(n, d)) * scales) @ rotation + rng.normal(size=d) * 3
    return x


@checks.case("components, variances and projections match")
def matches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d, k in [(50, 3, 2), (100, 6, 3), (30, 4, 4), (8, 10, 2)]:
        compare(
            sub.pca,
            ref.pca,
            _data(rng, n, d),
            k,
            what=f"pca N={n} D={d} k={k}",
            atol=1e-6,
            hint=SIGN_HINT,
        )


@checks.case("explained variance uses N - 1")
def variance(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = _data(rng, 20, 3)
    _, got, _ = sub.pca(x, 3)
    expected = np.sort(np.linalg.eigvalsh(np.cov(x, rowvar=False)))[::-1]
    assert_close(
        got, expected, what="explained_variance", hint="divide by N - 1 and sort decreasing"
    )


@checks.case("the data is centred first")
def centred(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = _data(rng, 40, 3) + 1000.0
    _, _, projected = sub.pca(x, 2)
    assert_close(
        np.asarray(projected).mean(axis=0),
        np.zeros(2),
        what="mean of the projected data",
        atol=1e-6,
        hint="subtract the column means before the SVD and the projection",
    )


@checks.case("components are orthonormal")
def orthonormal(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    components, _, _ = sub.pca(_data(rng, 60, 5), 3)
    c = np.asarray(components)
    assert_close(c @ c.T, np.eye(3), what="components @ components.T", atol=1e-8)
