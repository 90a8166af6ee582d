"""The grader reports each hidden test with a useful message, and only trusts results the
harness signed with the run's nonce."""

from __future__ import annotations

import json

import pytest

from landml.errors import InvalidInput
from landml.prep.exercises import get_exercise, reference_source
from landml.prep.grader import MAX_SUBMISSION_BYTES, grade, report_from_run
from landml.prep.sandbox import SandboxRun

SOFTMAX = get_exercise("stable-softmax")


def test_a_correct_solution_passes_every_check() -> None:
    report = grade(SOFTMAX, reference_source(SOFTMAX))
    assert report.passed
    assert report.tests[0].name == "the submission loads and defines softmax()"
    assert [t.passed for t in report.tests] == [True] * len(report.tests)
    assert report.isolation in ("bubblewrap", "reduced")
    assert report.time_target_minutes == SOFTMAX.time_target_minutes


def test_a_wrong_axis_is_reported_with_the_error_and_a_hint() -> None:
    wrong_axis = (
        "import numpy as np\n\n"
        "def softmax(x, axis=-1):\n"
        "    e = np.exp(x - x.max(axis=0, keepdims=True))\n"
        "    return e / e.sum(axis=0, keepdims=True)\n"
    )
    report = grade(SOFTMAX, wrong_axis, seed=7)
    assert not report.passed
    by_name = {t.name: t for t in report.tests}
    message = by_name["random logits of several shapes, last axis"].message
    assert message.startswith("softmax of shape (3, 7): max abs error")
    assert "> tolerance" in message and "at index (" in message


def test_an_exception_names_the_line_of_the_submission() -> None:
    report = grade(SOFTMAX, "def softmax(x, axis=-1):\n    return x[99]\n")
    failed = report.tests[1]
    assert "IndexError" in failed.message
    assert "submission.py, line 2, in softmax: return x[99]" in failed.message


def test_a_missing_function_or_a_syntax_error_fails_loading() -> None:
    missing = grade(SOFTMAX, "def soft_max(x):\n    return x\n")
    assert [t.passed for t in missing.tests] == [False]
    assert "does not define `softmax`" in missing.tests[0].message
    broken = grade(SOFTMAX, "def softmax(x:\n")
    assert "SyntaxError" in broken.tests[0].message


def test_exit_in_the_submission_is_a_failure_not_a_crash() -> None:
    report = grade(SOFTMAX, "import sys\n\ndef softmax(x, axis=-1):\n    sys.exit(0)\n")
    assert not report.passed
    assert report.stopped is None
    assert "called exit()" in report.tests[1].message


def test_printed_or_forged_results_do_not_count() -> None:
    forged = {"nonce": "guess", "event": "result", "case": "loads", "passed": True}
    done = {"nonce": "guess", "event": "done"}
    source = (
        "import os, json\n"
        f"print({json.dumps(json.dumps(done))})\n"
        f"os.write(3, ({json.dumps(json.dumps(forged))} + '\\n').encode())\n"
        f"os.write(3, ({json.dumps(json.dumps(done))} + '\\n').encode())\n"
        "os._exit(0)\n"
    )
    report = grade(SOFTMAX, source)
    assert not report.passed
    assert report.tests[0].passed is False
    assert "ended before the checks finished" in (report.stopped or "")


def test_the_same_seed_gives_the_same_report() -> None:
    wrong = "import numpy as np\n\ndef softmax(x, axis=-1):\n    return np.exp(x) / 3\n"
    first = grade(SOFTMAX, wrong, seed=123)
    second = grade(SOFTMAX, wrong, seed=123)
    assert first.seed == second.seed == 123
    assert [t.message for t in first.tests] == [t.message for t in second.tests]


def test_an_oversized_submission_is_refused_before_running() -> None:
    with pytest.raises(InvalidInput, match="KiB"):
        grade(SOFTMAX, "#" * (MAX_SUBMISSION_BYTES + 1))


def _run_with(channel: bytes, **changes: object) -> SandboxRun:
    fields: dict[str, object] = {
        "mode": "bubblewrap",
        "run_id": "r",
        "exit_code": 0,
        "signal": None,
        "stdout": "",
        "stderr": "",
        "channel": channel,
        "timed_out": False,
        "disk_exceeded": False,
        "output_truncated": False,
        "duration_s": 0.5,
    }
    fields.update(changes)
    return SandboxRun(**fields)  # type: ignore[arg-type]


def _events(nonce: str, *events: dict[str, object]) -> bytes:
    return b"".join(json.dumps({"nonce": nonce, **e}).encode() + b"\n" for e in events)


def test_only_events_signed_with_the_nonce_are_read() -> None:
    channel = _events(
        "right",
        {"event": "plan", "cases": ["loads", "a"]},
        {"event": "result", "case": "loads", "passed": True},
        {"event": "result", "case": "a", "passed": False, "message": "wrong"},
    ) + _events("wrong", {"event": "result", "case": "a", "passed": True}, {"event": "done"})
    report = report_from_run(SOFTMAX, _run_with(channel), "right", 1)
    assert not report.passed
    assert report.tests[1].message == "wrong"
    assert report.stopped == "the program ended before the checks finished"


def test_a_killed_run_marks_the_running_check_and_skips_the_rest() -> None:
    channel = _events(
        "n",
        {"event": "plan", "cases": ["loads", "a", "b"]},
        {"event": "result", "case": "loads", "passed": True},
        {"event": "start", "case": "a"},
    )
    report = report_from_run(SOFTMAX, _run_with(channel, timed_out=True, exit_code=None), "n", 1)
    assert report.stopped == "stopped after 20 s of wall-clock time"
    assert [t.passed for t in report.tests] == [True, False, False]
    assert "while running this check" in report.tests[1].message
    assert report.tests[2].message.startswith("not run: stopped after 20 s")
