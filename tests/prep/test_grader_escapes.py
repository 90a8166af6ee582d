"""Submissions that misbehave are stopped or contained, reported as failed, and the grader
keeps working afterwards: every escape test ends by grading a correct solution."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

import pytest

from landml.prep.exercises import get_exercise, reference_source
from landml.prep.grader import GradeReport, grade
from landml.prep.sandbox import IsolationMode, Limits

EXERCISE = get_exercise("stable-softmax")


def _grade(source: str, mode: IsolationMode, limits: Limits) -> GradeReport:
    return grade(EXERCISE, source, mode=mode, limits=limits)


def _still_works(mode: IsolationMode) -> None:
    report = grade(EXERCISE, reference_source(EXERCISE), mode=mode)
    assert report.passed, report.tests


def _softmax_body(body: str) -> str:
    indented = "\n".join(f"    {line}" for line in body.strip().splitlines())
    return f"import os\nimport numpy as np\n\n\ndef softmax(x, axis=-1):\n{indented}\n"


def test_infinite_loop_is_stopped(isolation: IsolationMode, tight_limits: Limits) -> None:
    report = _grade(_softmax_body("while True:\n    pass"), isolation, tight_limits)
    assert not report.passed
    assert report.stopped == "stopped after 2 s of CPU time"
    running = report.tests[1]
    assert not running.passed
    assert "while running this check" in running.message
    assert all("not run" in t.message for t in report.tests[2:])
    _still_works(isolation)


def test_memory_bomb_is_refused(isolation: IsolationMode, tight_limits: Limits) -> None:
    source = _softmax_body("hoard = []\nwhile True:\n    hoard.append(np.ones(16 << 20))")
    limits = dataclasses.replace(tight_limits, cpu_seconds=20, wall_seconds=60)
    report = _grade(source, isolation, limits)
    assert not report.passed
    assert any("ran out of memory" in t.message for t in report.tests)
    _still_works(isolation)


def test_fork_storm_is_contained(isolation: IsolationMode, tight_limits: Limits) -> None:
    source = _softmax_body(
        "while True:\n    try:\n        os.fork()\n    except OSError:\n        pass"
    )
    report = _grade(source, isolation, dataclasses.replace(tight_limits, wall_seconds=4.0))
    assert not report.passed
    assert report.stopped is not None
    _still_works(isolation)


def test_network_connection_fails(isolation: IsolationMode, tight_limits: Limits) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        port = server.getsockname()[1]
        source = _softmax_body(
            f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=2)\nreturn x"
        )
        report = _grade(source, isolation, tight_limits)
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()
    assert not report.passed
    _still_works(isolation)


def test_reading_the_home_directory_fails(
    isolation: IsolationMode, tight_limits: Limits, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".netrc").write_text("machine example.com password hunter2")
    monkeypatch.setenv("HOME", str(home))
    source = _softmax_body(f"print(open({str(home / '.netrc')!r}).read())\nreturn x")
    report = _grade(source, isolation, tight_limits)
    assert not report.passed
    assert "hunter2" not in report.model_dump_json()
    _still_works(isolation)


def test_printing_the_environment_shows_no_app_variable(
    isolation: IsolationMode, tight_limits: Limits, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANDML_SECRET", "token-from-the-app")
    source = _softmax_body("print(dict(os.environ))\nreturn None")
    report = _grade(source, isolation, tight_limits)
    assert not report.passed
    assert "PATH" in report.output  # the print ran...
    assert "LANDML_SECRET" not in report.output  # ...and saw none of the app's variables
    assert "token-from-the-app" not in report.model_dump_json()
    _still_works(isolation)


def test_writing_outside_the_temp_dir_fails(
    isolation: IsolationMode, tight_limits: Limits, tmp_path: Path
) -> None:
    target = tmp_path / "planted.py"
    source = _softmax_body(f"open({str(target)!r}, 'w').write('import evil')\nreturn x")
    report = _grade(source, isolation, tight_limits)
    assert not report.passed
    assert not target.exists()
    _still_works(isolation)


def test_filling_the_disk_is_contained(isolation: IsolationMode, tight_limits: Limits) -> None:
    source = _softmax_body(
        "i = 0\nwhile True:\n    open(f'fill-{i}', 'wb').write(b'x' * (1 << 20))\n    i += 1"
    )
    report = _grade(source, isolation, tight_limits)
    assert not report.passed
    if isolation == "bubblewrap":
        assert "No space left on device" in report.tests[1].message
    else:
        assert "MiB to its work folder" in (report.stopped or "")
    _still_works(isolation)
