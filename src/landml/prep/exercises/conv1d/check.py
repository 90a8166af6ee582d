"""Hidden tests for conv1d."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


def _case(
    rng: np.random.Generator, b: int, cin: int, length: int, cout: int, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return rng.normal(size=(b, cin, length)), rng.normal(size=(cout, cin, k)), rng.normal(size=cout)


@checks.case("stride 1, no padding")
def plain(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for shape in [(1, 1, 5, 1, 3), (2, 3, 10, 4, 3), (2, 2, 4, 3, 4)]:
        x, w, b = _case(rng, *shape)
        compare(
            sub.conv1d,
            ref.conv1d,
            x,
            w,
            b,
            what=f"conv1d {shape}",
            hint="no kernel flip: out[i] = sum x[i + j] w[j]",
        )


@checks.case("stride and padding")
def strided(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for stride, padding, length in [(2, 0, 9), (2, 1, 8), (3, 2, 11), (1, 2, 5)]:
        x, w, b = _case(rng, 2, 3, length, 2, 3)
        compare(
            sub.conv1d,
            ref.conv1d,
            x,
            w,
            b,
            stride,
            padding,
            what=f"conv1d stride={stride} padding={padding} L={length}",
            hint="L_out = (L + 2p - K) // stride + 1, zeros padded on both ends",
        )


@checks.case("no bias")
def no_bias(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, w, _ = _case(rng, 1, 2, 6, 3, 2)
    compare(sub.conv1d, ref.conv1d, x, w, None, what="conv1d without bias")


@checks.case("a kernel of ones is a moving sum")
def moving_sum(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = np.arange(6, dtype=np.float64).reshape(1, 1, 6)
    got = sub.conv1d(x, np.ones((1, 1, 3)))
    assert_close(got, np.array([[[3.0, 6.0, 9.0, 12.0]]]), what="moving sum of 0..5")
