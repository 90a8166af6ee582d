"""Hidden tests for the pre-norm transformer block."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


def _params(rng: np.random.Generator, d: int, f: int) -> dict[str, np.ndarray]:
    def w(*shape: int) -> np.ndarray:
        return rng.normal(scale=shape[0] ** -0.5, size=shape)

    return {
        "ln1_g": 1.0 + 0.1 * rng.normal(size=d),
        "ln1_b": 0.1 * rng.normal(size=d),
        "w_q": w(d, d),
        "w_k": w(d, d),
        "w_v": w(d, d),
        "w_o": w(d, d),
        "ln2_g": 1.0 + 0.1 * rng.normal(size=d),
        "ln2_b": 0.1 * rng.normal(size=d),
        "w1": w(d, f),
        "b1": 0.1 * rng.normal(size=f),
        "w2": w(f, d),
        "b2": 0.1 * rng.normal(size=d),
    }


@checks.case("random weights, several sizes and head counts")
def sizes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for b, n, d, f, heads in [(1, 3, 8, 16, 2), (2, 5, 12, 24, 3), (2, 1, 8, 32, 4)]:
        x = rng.normal(size=(b, n, d))
        compare(
            sub.transformer_block,
            ref.transformer_block,
            x,
            _params(rng, d, f),
            heads,
            what=f"block b={b} n={n} d={d} heads={heads}",
            atol=1e-5,
            rtol=1e-5,
        )


@checks.case("the block is causal")
def causal(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    params = _params(rng, 8, 16)
    x = rng.normal(size=(1, 6, 8))
    before = np.asarray(sub.transformer_block(x.copy(), params, 2))
    changed = x.copy()
    changed[0, 3:] = rng.normal(size=(3, 8)) * 5
    after = np.asarray(sub.transformer_block(changed, params, 2))
    assert_close(
        after[:, :3],
        before[:, :3],
        what="outputs at positions 0-2 after changing positions 3-5",
        hint="mask future positions in the attention scores",
    )


@checks.case("with zero sub-layer weights the block is the identity")
def residuals(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    params = _params(rng, 8, 16)
    for key in ("w_o", "w2", "b2"):
        params[key] = np.zeros_like(params[key])
    x = rng.normal(size=(2, 4, 8))
    assert_close(
        sub.transformer_block(x.copy(), params, 2),
        x,
        what="block output with w_o = w2 = b2 = 0",
        hint="both sub-layers are added to their input (residual connections)",
    )


@checks.case("GELU uses the tanh approximation")
def gelu_variant(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    params = _params(rng, 8, 16)
    params["w1"] = params["w1"] * 4.0
    x = rng.normal(size=(1, 4, 8))
    compare(
        sub.transformer_block,
        ref.transformer_block,
        x,
        params,
        2,
        what="block with large MLP pre-activations",
        atol=1e-6,
        rtol=1e-6,
        hint="gelu(z) = 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))",
    )
