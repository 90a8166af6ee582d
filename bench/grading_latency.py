"""Grading latency per submission, in each sandbox mode, against the cost of a bare Python.

Grades the reference solution of several exercises N times each through the real grader
(`landml.prep.grader.grade`: sandbox start, numpy import, the hidden tests, teardown) and
prints the median and 95th percentile latency per submission, for the bubblewrap mode (when
it works on this machine) and the reduced mode. The peer, measured in the same run, is the
floor any out-of-process grader pays: `python -c pass` and `python -c "import numpy"` with
the same interpreter, started as plain subprocesses.

Latency is wall-clock time seen by the caller. On a shared machine run it a few times; the
medians are the figures to quote. Reads nothing outside the repository.

Usage: .venv/bin/python bench/grading_latency.py [--runs 10] [--exercises a,b,c]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from landml.prep.exercises import get_exercise, reference_source
from landml.prep.grader import grade
from landml.prep.sandbox import IsolationMode, bubblewrap_problem

DEFAULT_EXERCISES = (
    "stable-softmax",
    "scaled-dot-product-attention",
    "transformer-block",
    "mlp-backprop",
    "roc-auc",
    "kmeans",
)


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _row(label: str, times: list[float]) -> str:
    median_ms = statistics.median(times) * 1000
    return f"{label:<44} median {median_ms:7.1f} ms   p95 {_p95(times) * 1000:7.1f} ms"


def _python_floor(code: str) -> Callable[[], object]:
    command = [sys.executable, "-I", "-c", code]

    def run() -> object:
        return subprocess.run(command, check=True, capture_output=True)

    return run


def _grading(exercise_id: str, mode: IsolationMode) -> Callable[[], object]:
    exercise = get_exercise(exercise_id)
    source = reference_source(exercise)

    def run() -> object:
        report = grade(exercise, source, mode=mode)
        if not report.passed:
            raise SystemExit(f"reference of {exercise_id} failed in {mode}: {report.tests}")
        return report

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="gradings per exercise and mode")
    parser.add_argument("--exercises", default=",".join(DEFAULT_EXERCISES))
    args = parser.parse_args()
    exercises = [e.strip() for e in args.exercises.split(",") if e.strip()]

    problem = bubblewrap_problem()
    modes: list[IsolationMode] = ["reduced"] if problem else ["bubblewrap", "reduced"]
    print(f"python {sys.version.split()[0]}, {args.runs} runs per row")
    if problem:
        print(f"bubblewrap not measured: {problem}")

    print("\npeer: bare interpreter start, same executable")
    print(_row("python -I -c pass", _timed(_python_floor("pass"), args.runs)))
    print(_row("python -I -c 'import numpy'", _timed(_python_floor("import numpy"), args.runs)))

    for mode in modes:
        print(f"\ngrading the reference solution, sandbox {mode}")
        every: list[float] = []
        for exercise_id in exercises:
            times = _timed(_grading(exercise_id, mode), args.runs)
            every += times
            print(_row(exercise_id, times))
        print(_row(f"all submissions ({mode})", every))


if __name__ == "__main__":
    main()
