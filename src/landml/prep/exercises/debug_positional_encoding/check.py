"""Hidden tests for the positional-encoding bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("several sizes")
def sizes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d in [(5, 4), (64, 32), (10, 2)]:
        compare(sub.sinusoidal_encoding, ref.sinusoidal_encoding, n, d, what=f"pe({n}, {d})")


@checks.case("the slowest frequency")
def slowest(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    pe = np.asarray(sub.sinusoidal_encoding(100, 8))
    expected = np.sin(np.arange(100) / 10000.0 ** (6 / 8))
    assert_close(pe[:, 6], expected, what="column 6 of pe(100, 8)")
