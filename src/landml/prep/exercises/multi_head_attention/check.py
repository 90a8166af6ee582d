"""Hidden tests for multi-head self-attention."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()
SPLIT_HINT = (
    "head h uses columns h*d_head:(h+1)*d_head; reshape to (b, n, heads, d_head) and then "
    "transpose, not reshape straight to (b, heads, n, d_head)"
)


def _weights(rng: np.random.Generator, d_model: int) -> list[np.ndarray]:
    return [rng.normal(scale=d_model**-0.5, size=(d_model, d_model)) for _ in range(4)]


@checks.case("several batch sizes, lengths and head counts")
def shapes(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for b, n, d_model, heads in [(1, 4, 8, 2), (2, 5, 12, 3), (3, 1, 8, 4), (2, 6, 16, 8)]:
        x = rng.normal(size=(b, n, d_model))
        compare(
            sub.multi_head_attention,
            ref.multi_head_attention,
            x,
            *_weights(rng, d_model),
            heads,
            what=f"MHA b={b} n={n} d_model={d_model} heads={heads}",
            hint=SPLIT_HINT,
        )


@checks.case("causal masking")
def causal(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(2, 6, 12))
    compare(
        sub.multi_head_attention,
        ref.multi_head_attention,
        x,
        *_weights(rng, 12),
        3,
        True,
        what="causal MHA",
        hint="with causal=True, mask scores where j > i before the softmax",
    )


@checks.case("one head equals plain attention")
def one_head(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(2, 5, 6))
    w_q, w_k, w_v, w_o = _weights(rng, 6)
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(6)
    weights = np.exp(scores - scores.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    expected = weights @ v @ w_o
    got = sub.multi_head_attention(x, w_q, w_k, w_v, w_o, 1)
    assert_close(got, expected, what="MHA with one head", hint="scale by 1/sqrt(d_head)")


@checks.case("the output projection is applied after merging")
def output_projection(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x = rng.normal(size=(1, 4, 8))
    w_q, w_k, w_v, _ = _weights(rng, 8)
    w_o = np.roll(np.eye(8), 3, axis=1)
    compare(
        sub.multi_head_attention,
        ref.multi_head_attention,
        x,
        w_q,
        w_k,
        w_v,
        w_o,
        2,
        what="MHA with a permutation as w_o",
        hint="merge the heads in column order, then multiply by w_o",
    )
