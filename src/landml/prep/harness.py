"""The hidden-test runner: grades a submission inside the sandbox, next to the reference.

The grader runs this file in the sandbox (``confine.py`` starts it) and sends one JSON
document on stdin: a nonce, the seed, and the sources of ``checking.py``, the exercise's
``reference.py`` and ``check.py``, and the submission. The sources travel on stdin, not as
files, so the reference is not lying in the work folder for the submission to import.

Results go to file descriptor 3 as JSON lines, each carrying the nonce: ``plan`` (the case
names), ``start`` and ``result`` for each case, then ``done``. The grader keeps only lines
with the right nonce, so text the submission prints, or writes to fd 3 without knowing the
nonce, cannot pass for a result; and a run that dies before ``done`` is a failure. This
raises the bar for faking a pass but does not make it impossible (the submission runs in
this very process): see the threat model in ``sandbox.py``.

Only the standard library and numpy are available here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUBMISSION = "submission.py"


def main() -> None:
    payload: dict[str, Any] = json.loads(sys.stdin.buffer.read())
    _detach_stdin()
    channel = os.fdopen(3, "w", encoding="utf-8", buffering=1)
    emit = _emitter(channel, str(payload.pop("nonce")))
    checking = _module("landml.prep.checking", payload["checking"], "checking.py")
    reference = _module("reference", payload["reference"], "reference.py")
    check = _module("check", payload["check"], "check.py")
    # Not importable by name from the submission (a speed bump, not a wall: see above).
    del sys.modules["reference"], sys.modules["check"]
    del payload["reference"], payload["check"]
    cases = check.checks.cases
    emit("plan", cases=["loads", *(name for name, _ in cases)])
    submission = _load_submission(payload["submission"], payload["functions"], emit)
    if submission is None:
        emit("done")
        return
    import numpy as np

    for index, (name, case) in enumerate(cases):
        emit("start", case=name)
        rng = np.random.default_rng([int(payload["seed"]), index])
        started = time.perf_counter()
        message = _run_case(case, submission, reference, rng, checking.CheckFailed)
        emit(
            "result",
            case=name,
            passed=message is None,
            message=message or "",
            duration_s=round(time.perf_counter() - started, 6),
        )
    emit("done")


def _emitter(channel: Any, nonce: str) -> Callable[..., None]:
    write = channel.write

    def emit(event: str, **fields: Any) -> None:
        write(json.dumps({"nonce": nonce, "event": event, **fields}) + "\n")

    return emit


def _detach_stdin() -> None:
    """Nothing more comes on stdin; give the submission an empty one."""
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as us


def _module(name: str, source: str, filename: str) -> types.ModuleType:
    """Build module `name` from source, with empty parent packages when it is dotted."""
    parts = name.split(".")
    for i in range(1, len(parts)):
        parent = ".".join(parts[:i])
        if parent not in sys.modules:
            package = types.ModuleType(parent)
            package.__path__ = []
            sys.modules[parent] = package
    module = types.ModuleType(name)
    module.__file__ = filename
    sys.modules[name] = module
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


def _load_submission(
    source: str, functions: list[str], emit: Callable[..., None]
) -> types.ModuleType | None:
    """Import the submission as a real file, so tracebacks can show its lines."""
    emit("start", case="loads")
    # Relative to the work folder: under root the sandbox's uid may not be allowed to walk
    # the folders above it.
    path = Path(SUBMISSION)
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("submission", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["submission"] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        emit("result", case="loads", passed=False, message=_describe(exc, loading=True))
        return None
    missing = [f for f in functions if not callable(getattr(module, f, None))]
    if missing:
        names = ", ".join(f"`{name}`" for name in missing)
        emit(
            "result",
            case="loads",
            passed=False,
            message=f"the submission does not define {names}; keep the starter's names",
        )
        return None
    emit("result", case="loads", passed=True, message="")
    return module


def _run_case(
    case: Callable[..., None],
    submission: types.ModuleType,
    reference: types.ModuleType,
    rng: Any,
    check_failed: type[Exception],
) -> str | None:
    """Run one case; None when it passed, else a message for the person."""
    try:
        case(submission, reference, rng)
    except check_failed as exc:
        return str(exc)
    except BaseException as exc:
        return _describe(exc)
    return None


def _describe(exc: BaseException, *, loading: bool = False) -> str:
    if isinstance(exc, SystemExit):
        return "the submission called exit(); return values instead"
    if isinstance(exc, MemoryError):
        return (
            "the submission ran out of memory (MemoryError): it tried to allocate more than "
            "the sandbox allows; look for an array far larger than the inputs"
        )
    if isinstance(exc, RecursionError):
        return "RecursionError: maximum recursion depth exceeded; is there a missing base case?"
    where = _where_in_submission(exc)
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if where is None:
        origin = "while loading the submission" if loading else "raised while checking"
        return f"{what} ({origin})"
    return f"{what} ({where})"


def _where_in_submission(exc: BaseException) -> str | None:
    frames = [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if Path(frame.filename).name == SUBMISSION
    ]
    if not frames:
        return None
    last = frames[-1]
    code = f": {last.line.strip()}" if last.line else ""
    return f"{SUBMISSION}, line {last.lineno}, in {last.name}{code}"


if __name__ == "__main__":
    main()
