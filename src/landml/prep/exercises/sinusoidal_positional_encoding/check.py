"""Hidden tests for the sinusoidal positional encoding."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()
HINT = "the exponent is 2i / d_model, where 2i is the even column index"


@checks.case("several sizes")
def sizes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d in [(1, 2), (10, 16), (50, 64), (7, 6)]:
        compare(
            sub.sinusoidal_encoding, ref.sinusoidal_encoding, n, d, what=f"pe({n}, {d})", hint=HINT
        )


@checks.case("position 0 is [0, 1, 0, 1, ...]")
def position_zero(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    pe = np.asarray(sub.sinusoidal_encoding(3, 8))
    assert_close(
        pe[0], np.tile([0.0, 1.0], 4), what="row 0", hint="sin on even columns, cos on odd"
    )


@checks.case("a custom base")
def custom_base(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    base = float(rng.uniform(50, 500))
    compare(sub.sinusoidal_encoding, ref.sinusoidal_encoding, 20, 10, base, what="pe with base")


@checks.case("long sequences keep full precision")
def long(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    compare(
        sub.sinusoidal_encoding,
        ref.sinusoidal_encoding,
        2048,
        32,
        what="pe(2048, 32)",
        atol=1e-9,
        hint="compute in float64",
    )
