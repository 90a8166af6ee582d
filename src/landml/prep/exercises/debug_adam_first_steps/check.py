"""Hidden tests for the Adam bias-correction bug."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from landml.prep.checking import Checks, assert_close

checks = Checks()


@checks.case("the first step moves each weight by about lr")
def first_step(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    param, grad = rng.normal(size=6), rng.normal(size=6)
    grad += 0.1 * np.sign(grad)  # away from 0, where eps would matter
    new_param, _, _ = sub.adam_step(param.copy(), grad, np.zeros(6), np.zeros(6), 1, 0.01)
    assert_close(new_param, param - 0.01 * np.sign(grad), what="param after step 1", atol=1e-6)


@checks.case("ten chained steps")
def chained(sub: ModuleType, ref: ModuleType, rng: np.random.Generator) -> None:
    p_sub = p_ref = rng.normal(size=4)
    m_sub = m_ref = v_sub = v_ref = np.zeros(4)
    for t in range(1, 11):
        grad = rng.normal(size=4)
        p_ref, m_ref, v_ref = ref.adam_step(p_ref, grad, m_ref, v_ref, t, 0.05)
        p_sub, m_sub, v_sub = sub.adam_step(p_sub, grad, m_sub, v_sub, t, 0.05)
    assert_close(p_sub, p_ref, what="param after 10 steps")
