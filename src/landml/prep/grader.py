"""Grade a submission: run the hidden tests against it in the sandbox, report each one.

The submission, the reference and the checks run together inside one sandboxed process
(``harness.py``); this module builds what that process receives, reads back the results it
signed with a per-run nonce, and turns a run the sandbox had to stop (time, CPU, memory,
disk) into failed tests with a message that says what happened.

Threat model: the sandbox guards the machine; nothing here tries to stop a person from
cheating on their own practice (the submission runs in the same process as the checks).
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from landml.errors import InvalidInput
from landml.prep.exercises import Exercise, check_source, reference_source
from landml.prep.sandbox import (
    REDUCED_ISOLATION_NOTE,
    IsolationMode,
    Limits,
    SandboxRun,
    run_python,
)

HARNESS = Path(__file__).with_name("harness.py")
CHECKING = Path(__file__).with_name("checking.py")
MAX_SUBMISSION_BYTES = 256 * 1024
_OUTPUT_TAIL = 4000
_LOADS = "loads"


class TestResult(BaseModel):
    """One hidden test: its name, whether it passed, and what went wrong if not."""

    __test__ = False  # not a pytest class, despite the name

    name: str
    passed: bool
    message: str = ""
    duration_s: float | None = None


class GradeReport(BaseModel):
    """The outcome of grading one submission."""

    exercise_id: str
    passed: bool
    tests: list[TestResult]
    duration_s: float
    isolation: IsolationMode
    isolation_note: str | None
    seed: int
    stopped: str | None = None
    output: str = ""
    output_truncated: bool = False
    time_target_minutes: int

    @property
    def failed(self) -> list[TestResult]:
        return [t for t in self.tests if not t.passed]


def grade(
    exercise: Exercise,
    source_code: str,
    *,
    mode: IsolationMode | None = None,
    limits: Limits | None = None,
    seed: int | None = None,
) -> GradeReport:
    """Run `exercise`'s hidden tests on `source_code` in the sandbox.

    The inputs are random, drawn from `seed` (a fresh one when None; the report names it so
    a failure can be reproduced).
    """
    size = len(source_code.encode("utf-8"))
    if size > MAX_SUBMISSION_BYTES:
        raise InvalidInput(
            f"The submission is {size // 1024} KiB; the limit is "
            f"{MAX_SUBMISSION_BYTES // 1024} KiB.",
            hint="Submit only the solution file.",
        )
    nonce = secrets.token_hex(16)
    chosen_seed = secrets.randbelow(2**31) if seed is None else seed
    payload = {
        "nonce": nonce,
        "seed": chosen_seed,
        "functions": list(exercise.functions),
        "checking": CHECKING.read_text(encoding="utf-8"),
        "reference": reference_source(exercise),
        "check": check_source(exercise),
        "submission": source_code,
    }
    run = run_python(HARNESS, stdin=json.dumps(payload).encode("utf-8"), limits=limits, mode=mode)
    return report_from_run(exercise, run, nonce, chosen_seed)


def report_from_run(exercise: Exercise, run: SandboxRun, nonce: str, seed: int) -> GradeReport:
    """Read the harness's signed events and the way the run ended into a report."""
    events = _signed_events(run.channel, nonce)
    plan: list[str] = next((e["cases"] for e in events if e.get("event") == "plan"), [_LOADS])
    results = {e["case"]: e for e in events if e.get("event") == "result"}
    started = [e["case"] for e in events if e.get("event") == "start"]
    done = any(e.get("event") == "done" for e in events)
    stopped = run.stop_reason
    if not done and stopped is None:
        stopped = _ended_early(run)
    running = started[-1] if started and started[-1] not in results else None
    tests: list[TestResult] = []
    for case in plan:
        name = _display_name(case, exercise)
        if case in results:
            result = results[case]
            tests.append(
                TestResult(
                    name=name,
                    passed=bool(result["passed"]),
                    message=str(result.get("message", "")),
                    duration_s=result.get("duration_s"),
                )
            )
        elif not done:
            message = _unfinished(case, running, stopped)
            tests.append(TestResult(name=name, passed=False, message=message))
    if done and _LOADS in results and not results[_LOADS]["passed"]:
        tests = tests[:1]  # nothing else ran; the load failure says why
    passed = done and stopped is None and bool(tests) and all(t.passed for t in tests)
    output = run.stdout + (("\n" if run.stdout else "") + run.stderr if run.stderr else "")
    return GradeReport(
        exercise_id=exercise.id,
        passed=passed,
        tests=tests,
        duration_s=round(run.duration_s, 4),
        isolation=run.mode,
        isolation_note=REDUCED_ISOLATION_NOTE if run.mode == "reduced" else None,
        seed=seed,
        stopped=stopped,
        output=output[-_OUTPUT_TAIL:],
        output_truncated=run.output_truncated or len(output) > _OUTPUT_TAIL,
        time_target_minutes=exercise.time_target_minutes,
    )


def _signed_events(channel: bytes, nonce: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for line in channel.decode("utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and event.get("nonce") == nonce:
            events.append(event)
    return events


def _display_name(case: str, exercise: Exercise) -> str:
    if case == _LOADS:
        names = ", ".join(f"{f}()" for f in exercise.functions)
        return f"the submission loads and defines {names}"
    return case


def _unfinished(case: str, running: str | None, stopped: str | None) -> str:
    reason = stopped or "the run stopped"
    if case == running:
        return (
            f"{reason} while running this check (an infinite loop, a blocking call, or a "
            "solution far slower than needed?)"
        )
    return f"not run: {reason} before this check"


def _ended_early(run: SandboxRun) -> str:
    if run.exit_code not in (None, 0):
        return f"the program ended before the checks finished (exit code {run.exit_code})"
    return "the program ended before the checks finished"
