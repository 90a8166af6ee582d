"""Hidden tests for the Adam step."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close, compare

checks = Checks()


@checks.case("the first step from zero moments")
def first_step(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    param, grad = rng.normal(size=5), rng.normal(size=5)
    grad += 0.1 * np.sign(grad)  # away from 0, where eps would matter
    zeros = np.zeros(5)
    compare(sub.adam_step, ref.adam_step, param, grad, zeros, zeros, 1, what="step 1")
    new_param, _, _ = sub.adam_step(param.copy(), grad.copy(), zeros.copy(), zeros.copy(), 1, 0.01)
    assert_close(
        new_param,
        param - 0.01 * np.sign(grad),
        what="step 1 moves each weight by about lr",
        atol=1e-6,
        hint="bias correction divides m by (1 - beta1^t) and v by (1 - beta2^t)",
    )


@checks.case("twenty chained steps")
def chained(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    shape = (3, 4)
    p_sub = p_ref = rng.normal(size=shape)
    m_sub = m_ref = v_sub = v_ref = np.zeros(shape)
    for t in range(1, 21):
        grad = rng.normal(size=shape) + 0.5
        p_ref, m_ref, v_ref = ref.adam_step(p_ref, grad, m_ref, v_ref, t, 0.05)
        p_sub, m_sub, v_sub = sub.adam_step(
            p_sub.copy(), grad.copy(), m_sub.copy(), v_sub.copy(), t, 0.05
        )
    assert_close(m_sub, m_ref, what="m after 20 steps")
    assert_close(v_sub, v_ref, what="v after 20 steps", hint="v averages the squared gradients")
    assert_close(p_sub, p_ref, what="param after 20 steps")


@checks.case("decoupled weight decay")
def weight_decay(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    param, grad = rng.normal(size=6), rng.normal(size=6)
    m, v = rng.normal(size=6) * 0.1, rng.uniform(0.01, 0.1, size=6)
    compare(
        sub.adam_step,
        ref.adam_step,
        param,
        grad,
        m,
        v,
        7,
        0.01,
        0.9,
        0.999,
        1e-8,
        0.1,
        what="(param, m, v) with weight_decay=0.1",
        hint="decay the parameter directly; do not add it to the gradient",
    )


@checks.case("custom betas and eps")
def custom(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    param, grad = rng.normal(size=4), rng.normal(size=4) * 1e-3
    m, v = np.zeros(4), np.zeros(4)
    compare(
        sub.adam_step,
        ref.adam_step,
        param,
        grad,
        m,
        v,
        3,
        0.1,
        0.5,
        0.9,
        1e-3,
        what="betas 0.5/0.9, eps 1e-3",
    )
