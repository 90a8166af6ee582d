"""Hidden tests for the MLP forward and backward pass."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, assert_scalar_close, compare, expect

checks = Checks()


def _problem(
    rng: np.random.Generator, n: int, d: int, h: int, c: int
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    x = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    params = {
        "W1": rng.normal(scale=d**-0.5, size=(d, h)),
        "b1": rng.normal(scale=0.1, size=h),
        "W2": rng.normal(scale=h**-0.5, size=(h, c)),
        "b2": rng.normal(scale=0.1, size=c),
    }
    return x, y, params


@checks.case("loss and gradients match the reference")
def matches(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    for n, d, h, c in [(1, 3, 4, 2), (8, 5, 7, 3), (32, 10, 16, 5)]:
        x, y, params = _problem(rng, n, d, h, c)
        compare(
            sub.mlp_loss_and_grads,
            ref.mlp_loss_and_grads,
            x,
            y,
            params,
            what=f"(loss, grads) N={n}",
            hint="the loss is a mean over rows: divide the gradient of the logits by N",
        )


@checks.case("gradients agree with finite differences of your own loss")
def gradient_check(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y, params = _problem(rng, 6, 4, 5, 3)
    _, grads = sub.mlp_loss_and_grads(x, y, {k: v.copy() for k, v in params.items()})
    expect(isinstance(grads, dict), f"grads is a {type(grads).__name__}, expected a dict")
    eps = 1e-6
    for name, value in params.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[name][index] += eps
            minus[name][index] -= eps
            up = sub.mlp_loss_and_grads(x, y, plus)[0]
            down = sub.mlp_loss_and_grads(x, y, minus)[0]
            numeric[index] = (up - down) / (2 * eps)
        assert_close(
            grads.get(name),
            numeric,
            what=f"grads[{name!r}] vs finite differences",
            atol=1e-6,
            rtol=1e-4,
            hint="a wrong transpose, sign or missing ReLU mask shows up here",
        )


@checks.case("large logits keep the loss finite")
def stable(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y, params = _problem(rng, 5, 4, 6, 3)
    params["W2"] = params["W2"] * 500
    expected, _ = ref.mlp_loss_and_grads(x, y, params)
    got, _ = sub.mlp_loss_and_grads(x, y, {k: v.copy() for k, v in params.items()})
    assert_scalar_close(
        got, expected, what="loss with huge logits", rtol=1e-9, hint="stable log-softmax"
    )


@checks.case("dead ReLU units get zero gradient")
def dead_units(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    x, y, params = _problem(rng, 4, 3, 5, 2)
    params["b1"][:2] = -100.0
    _, grads = sub.mlp_loss_and_grads(x, y, params)
    assert_close(
        np.asarray(grads["W1"])[:, :2],
        np.zeros((3, 2)),
        what="grads['W1'] of units that never activate",
        hint="multiply by the ReLU mask (pre-activation > 0)",
    )
