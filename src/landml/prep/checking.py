"""The vocabulary of hidden tests: compare a submission with the reference, explain the gap.

Each exercise's ``check.py`` registers cases on a :class:`Checks` and uses these helpers;
a failed helper raises :class:`CheckFailed` with a message written for the person, for
example ``attention output: shape (2, 5) != expected (2, 4)`` or ``max abs error 3.1e-01
at index (0, 2) > tolerance 1e-06 (expected 0.25, got 0.56). Hint: check the softmax axis``.

The module runs inside the sandbox (the harness loads it there from source), so it needs
only the standard library and numpy.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any, NoReturn

import numpy as np
from numpy.typing import NDArray

Case = Callable[[ModuleType, ModuleType, np.random.Generator], None]


class CheckFailed(Exception):
    """A hidden test failed; the message says what differs and, when known, where to look."""


class Checks:
    """The ordered cases of one exercise. Each case gets the submission, the reference and
    a seeded random generator, and raises CheckFailed (through the helpers) to fail."""

    def __init__(self) -> None:
        self.cases: list[tuple[str, Case]] = []

    def case(self, name: str) -> Callable[[Case], Case]:
        def register(fn: Case) -> Case:
            if any(existing == name for existing, _ in self.cases):
                raise ValueError(f"two cases are named {name!r}")
            self.cases.append((name, fn))
            return fn

        return register


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Fail the current case with `message` (and a hint on where to look)."""
    raise CheckFailed(_with_hint(message, hint))


def expect(condition: bool, message: str, hint: str | None = None) -> None:
    """Fail with `message` unless `condition` holds."""
    if not condition:
        fail(message, hint)


def assert_raises(error: type[Exception], action: Callable[[], object], *, what: str) -> None:
    """`action()` raises `error` (a ValueError for invalid input, say)."""
    try:
        action()
    except error:
        return
    except CheckFailed:
        raise
    except Exception as exc:
        fail(f"{what} raised {type(exc).__name__}: {exc}; expected {error.__name__}")
    fail(f"{what} did not raise {error.__name__}")


def as_array(value: object, *, what: str) -> NDArray[Any]:
    """The value a submission returned, as an array, or a failure that says why not."""
    if value is None:
        fail(f"{what} is None: did the function forget to `return`?")
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as exc:
        raise CheckFailed(f"{what} cannot be read as an array: {exc}") from None
    if array.dtype == object:
        fail(f"{what} is not numeric (got an array of Python objects: {_short(value)})")
    return array


def assert_shape(actual: object, shape: Sequence[int], *, what: str = "output") -> None:
    array = as_array(actual, what=what)
    expect(
        array.shape == tuple(shape),
        f"{what}: shape {array.shape} != expected {tuple(shape)}",
    )


def assert_dtype(actual: object, dtype: object, *, what: str = "output") -> None:
    array = as_array(actual, what=what)
    expected = np.dtype(dtype)  # type: ignore[call-overload]
    expect(
        array.dtype == expected,
        f"{what}: dtype {array.dtype} != expected {expected}",
        "keep the input's floating-point type (do not mix in float64 constants by accident)"
        if expected.kind == "f"
        else None,
    )


def assert_close(
    actual: object,
    expected: object,
    *,
    what: str = "output",
    atol: float = 1e-6,
    rtol: float = 1e-6,
    hint: str | None = None,
) -> None:
    """Same shape, and every element within ``atol + rtol * |expected|``; NaN only where
    the expected value is NaN."""
    want = np.asarray(expected)
    got = as_array(actual, what=what)
    if got.shape != want.shape:
        fail(f"{what}: shape {got.shape} != expected {want.shape}", hint)
    if got.dtype.kind not in "biuf":
        fail(f"{what}: dtype {got.dtype} is not numeric")
    if got.size == 0:
        return
    got_f = got.astype(np.float64)
    want_f = want.astype(np.float64)
    nan_wrong = np.isnan(got_f) != np.isnan(want_f)
    if nan_wrong.any():
        index = _first(nan_wrong)
        fail(
            f"{what}: NaN mismatch at index {index} "
            f"(expected {_num(want_f[index])}, got {_num(got_f[index])})",
            hint,
        )
    both = ~np.isnan(want_f)
    inf_wrong = both & (np.isinf(got_f) | np.isinf(want_f)) & (got_f != want_f)
    if inf_wrong.any():
        index = _first(inf_wrong)
        fail(
            f"{what}: infinity mismatch at index {index} "
            f"(expected {_num(want_f[index])}, got {_num(got_f[index])})",
            hint,
        )
    finite = both & np.isfinite(want_f)
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf where both agree
        error = np.where(finite, np.abs(got_f - want_f), 0.0)
    allowed = atol + rtol * np.abs(np.where(finite, want_f, 0.0))
    bad = error > allowed
    if bad.any():
        flat = int(np.argmax(np.where(bad, error, -1.0)))
        index_t = tuple(int(i) for i in np.unravel_index(flat, error.shape))
        fail(
            f"{what}: max abs error {error[index_t]:.1e} at index {index_t} > tolerance "
            f"{allowed[index_t]:.0e} (expected {_num(want_f[index_t])}, "
            f"got {_num(got_f[index_t])})",
            hint,
        )


def assert_equal(
    actual: object, expected: object, *, what: str = "output", hint: str | None = None
) -> None:
    """Exactly equal arrays (indices, labels, counts, masks)."""
    want = np.asarray(expected)
    got = as_array(actual, what=what)
    if got.shape != want.shape:
        fail(f"{what}: shape {got.shape} != expected {want.shape}", hint)
    differs = got != want
    if np.any(differs):
        index = _first(np.asarray(differs))
        fail(
            f"{what}: {np.count_nonzero(differs)} of {want.size} entries differ; first at "
            f"index {index} (expected {want[index]!r}, got {got[index]!r})",
            hint,
        )


def assert_scalar_close(
    actual: object,
    expected: float,
    *,
    what: str = "output",
    atol: float = 1e-6,
    rtol: float = 1e-6,
    hint: str | None = None,
) -> None:
    """A single number within tolerance (a loss, a metric)."""
    array = as_array(actual, what=what)
    if array.size != 1:
        fail(f"{what}: expected a single number, got shape {array.shape}", hint)
    value = float(array.reshape(-1)[0])
    if np.isnan(expected) and np.isnan(value):
        return
    if np.isnan(value) or abs(value - expected) > atol + rtol * abs(expected):
        fail(f"{what}: got {_num(value)}, expected {_num(expected)}", hint)


def assert_unchanged(before: object, after: object, *, what: str) -> None:
    """The submission did not modify an input in place."""
    if not _same(before, after):
        fail(f"{what} was modified in place; return a new array instead of changing the input")


def compare(
    submitted: Callable[..., Any],
    reference: Callable[..., Any],
    *args: Any,
    what: str = "output",
    atol: float = 1e-6,
    rtol: float = 1e-6,
    hint: str | None = None,
    exact: bool = False,
    **kwargs: Any,
) -> Any:
    """Call both functions on copies of the arguments, check the submission left its inputs
    alone, and compare the results (arrays, numbers, or tuples, lists and dicts of them).
    Returns the reference result."""
    expected = reference(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    given_args, given_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    actual = submitted(*given_args, **given_kwargs)
    for i, (before, after) in enumerate(zip(args, given_args, strict=True)):
        assert_unchanged(before, after, what=f"argument {i + 1}")
    for name, value in kwargs.items():
        assert_unchanged(value, given_kwargs[name], what=f"argument {name}")
    assert_tree(actual, expected, what=what, atol=atol, rtol=rtol, hint=hint, exact=exact)
    return expected


def assert_tree(
    actual: object,
    expected: object,
    *,
    what: str,
    atol: float = 1e-6,
    rtol: float = 1e-6,
    hint: str | None = None,
    exact: bool = False,
) -> None:
    """Compare nested tuples, lists and dicts of arrays or numbers."""
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            fail(f"{what}: expected a dict with keys {sorted(expected)}, got {_short(actual)}")
        missing = sorted(set(expected) - set(actual))
        expect(not missing, f"{what}: missing keys {missing}", hint)
        for key in expected:
            assert_tree(
                actual[key],
                expected[key],
                what=f"{what}[{key!r}]",
                atol=atol,
                rtol=rtol,
                hint=hint,
                exact=exact,
            )
        return
    if isinstance(expected, tuple | list):
        if not isinstance(actual, tuple | list) or len(actual) != len(expected):
            fail(
                f"{what}: expected a {type(expected).__name__} of {len(expected)} items, "
                f"got {_short(actual)}"
            )
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_tree(a, e, what=f"{what}[{i}]", atol=atol, rtol=rtol, hint=hint, exact=exact)
        return
    if exact:
        assert_equal(actual, expected, what=what, hint=hint)
    else:
        assert_close(actual, expected, what=what, atol=atol, rtol=rtol, hint=hint)


def _same(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return True  # values we cannot compare, such as callables, are not inputs to mutate


def _first(mask: NDArray[Any]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _num(value: float) -> str:
    return f"{value:.6g}"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _with_hint(message: str, hint: str | None) -> str:
    return f"{message}. Hint: {hint}" if hint else message
