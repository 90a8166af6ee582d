"""The hidden tests' helpers explain a mismatch the way a person needs to read it."""

from __future__ import annotations

import numpy as np
import pytest

from landml.prep.checking import (
    CheckFailed,
    Checks,
    as_array,
    assert_close,
    assert_dtype,
    assert_equal,
    assert_raises,
    assert_scalar_close,
    compare,
)


def test_shape_mismatch_names_both_shapes() -> None:
    with pytest.raises(CheckFailed, match=r"^output: shape \(2, 5\) != expected \(2, 4\)$"):
        assert_close(np.zeros((2, 5)), np.zeros((2, 4)))


def test_value_mismatch_points_at_the_worst_element_with_the_hint() -> None:
    expected = np.zeros((3, 4))
    actual = expected.copy()
    actual[0, 2] = 0.31
    actual[1, 1] = 1e-7
    with pytest.raises(CheckFailed) as caught:
        assert_close(actual, expected, what="weights", hint="check the softmax axis")
    assert str(caught.value) == (
        "weights: max abs error 3.1e-01 at index (0, 2) > tolerance 1e-06 "
        "(expected 0, got 0.31). Hint: check the softmax axis"
    )


def test_nan_and_infinity_mismatches_are_named() -> None:
    with pytest.raises(CheckFailed, match=r"NaN mismatch at index \(1,\)"):
        assert_close(np.array([0.0, np.nan]), np.array([0.0, 1.0]))
    with pytest.raises(CheckFailed, match="infinity mismatch"):
        assert_close(np.array([np.inf]), np.array([1.0]))
    assert_close(np.array([np.nan, -np.inf]), np.array([np.nan, -np.inf]))


def test_none_and_non_numeric_results_get_their_own_message() -> None:
    with pytest.raises(CheckFailed, match="forget to `return`"):
        as_array(None, what="softmax")
    with pytest.raises(CheckFailed, match="not numeric"):
        assert_close(["a", None], np.zeros(2))


def test_exact_and_scalar_comparisons() -> None:
    with pytest.raises(CheckFailed, match=r"1 of 3 entries differ; first at index \(2,\)"):
        assert_equal(np.array([1, 2, 4]), np.array([1, 2, 3]), what="labels")
    assert_equal(np.array([1.0, 2.0]), np.array([1, 2]))
    with pytest.raises(CheckFailed, match=r"loss: got 0\.5, expected 0\.25"):
        assert_scalar_close(0.5, 0.25, what="loss")
    with pytest.raises(CheckFailed, match="expected a single number"):
        assert_scalar_close(np.zeros(2), 0.0)


def test_dtype_mismatch_suggests_keeping_the_input_type() -> None:
    with pytest.raises(CheckFailed, match=r"dtype float64 != expected float32\. Hint: keep"):
        assert_dtype(np.zeros(2), np.float32)


def test_compare_catches_inputs_modified_in_place() -> None:
    def in_place(x: np.ndarray) -> np.ndarray:
        x -= x.max()
        return x

    def pure(x: np.ndarray) -> np.ndarray:
        shifted: np.ndarray = x - x.max()
        return shifted

    with pytest.raises(CheckFailed, match="argument 1 was modified in place"):
        compare(in_place, pure, np.arange(3.0))
    assert compare(pure, pure, np.arange(3.0)).tolist() == [-2.0, -1.0, 0.0]


def test_compare_walks_tuples_and_dicts() -> None:
    def reference() -> tuple[float, dict[str, np.ndarray]]:
        return 1.0, {"W": np.ones(2)}

    def wrong() -> tuple[float, dict[str, np.ndarray]]:
        return 1.0, {"W": np.array([1.0, 3.0])}

    with pytest.raises(CheckFailed, match=r"^result\[1\]\['W'\]: max abs error 2.0e\+00"):
        compare(wrong, reference, what="result")
    with pytest.raises(CheckFailed, match="missing keys"):
        compare(lambda: (1.0, {}), reference, what="result")


def test_assert_raises_distinguishes_the_wrong_exception() -> None:
    assert_raises(ValueError, lambda: int("x"), what="int('x')")
    with pytest.raises(CheckFailed, match="raised KeyError"):
        assert_raises(ValueError, lambda: {"a": 1}["k"], what="lookup")
    with pytest.raises(CheckFailed, match="did not raise ValueError"):
        assert_raises(ValueError, lambda: None, what="nothing")


def test_case_names_must_be_unique() -> None:
    checks = Checks()
    checks.case("a")(lambda sub, ref, rng: None)
    with pytest.raises(ValueError, match="two cases"):
        checks.case("a")(lambda sub, ref, rng: None)
