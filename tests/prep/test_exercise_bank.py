"""Every shipped exercise is sound: its reference passes its hidden tests in the sandbox,
its starter does not, and its files agree with each other."""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor

import pytest

from landml.errors import NotFound
from landml.prep.exercises import (
    TOPICS,
    Exercise,
    check_source,
    get_exercise,
    list_exercises,
    reference_source,
    starter,
)
from landml.prep.grader import GradeReport, grade

EXERCISES = list_exercises()


def _defined_names(source: str) -> set[str]:
    tree = ast.parse(source)
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)}


def test_catalogue_has_enough_of_each_kind() -> None:
    kinds = [ex.kind for ex in EXERCISES]
    assert kinds.count("coding") >= 30
    assert kinds.count("debugging") >= 15
    assert len({ex.id for ex in EXERCISES}) == len(EXERCISES)


def test_listing_filters_by_kind_and_topic() -> None:
    debugging = list_exercises(kind="debugging")
    assert debugging and all(ex.kind == "debugging" for ex in debugging)
    attention = list_exercises(topic="attention")
    assert {ex.id for ex in attention} >= {"scaled-dot-product-attention", "multi-head-attention"}
    assert all(ex.topic in TOPICS for ex in EXERCISES)


def test_lookup_accepts_underscores_and_rejects_unknown_ids() -> None:
    assert get_exercise("kv_cache_decoding").id == "kv-cache-decoding"
    with pytest.raises(NotFound, match="landml prep exercises"):
        get_exercise("no-such-exercise")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda ex: ex.id)
def test_files_agree_with_the_metadata(exercise: Exercise) -> None:
    start, ref = starter(exercise), reference_source(exercise)
    assert exercise.statement.startswith("# ")
    for name in exercise.functions:
        assert name in _defined_names(start), f"starter lacks {name}"
        assert name in _defined_names(ref), f"reference lacks {name}"
    assert start != ref
    if exercise.kind == "coding":
        assert "raise NotImplementedError" in start
    else:
        assert "NotImplementedError" not in start  # a debugging starter runs, wrongly
    assert "checks = Checks()" in check_source(exercise)


def _grade_pair(exercise: Exercise) -> tuple[GradeReport, GradeReport]:
    with ThreadPoolExecutor(2) as pool:
        ref = pool.submit(grade, exercise, reference_source(exercise))
        start = pool.submit(grade, exercise, starter(exercise))
        return ref.result(), start.result()


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda ex: ex.id)
def test_reference_passes_and_starter_fails(exercise: Exercise) -> None:
    ref, start = _grade_pair(exercise)
    failures = [f"{t.name}: {t.message}" for t in ref.tests if not t.passed]
    assert ref.passed, f"reference failed: {failures} {ref.stopped} {ref.output}"
    assert len(ref.tests) >= 3  # loading plus at least two real checks
    assert not start.passed
    assert start.stopped is None  # failing checks, not a crash of the sandbox
    if exercise.kind == "debugging":
        # The buggy code runs; it is caught by the checks, not by an exception on import.
        assert start.tests[0].passed
        assert any(not t.passed for t in start.tests[1:])
