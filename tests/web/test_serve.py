"""`landml serve` as a person runs it: a real process, a real port, a real workspace."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from queue import Empty, Queue

import httpx
from click.testing import CliRunner

from landml.cli.main import cli

START_TIMEOUT_S = 60


@contextmanager
def serving(*args: str) -> Iterator[tuple[str, list[str]]]:
    """Run `landml serve ARGS` and yield the URL it printed and its stderr lines so far."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "landml", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: Queue[str] = Queue()
    errors: list[str] = []

    def pump_stdout() -> None:
        for line in proc.stdout or ():
            lines.put(line)

    threading.Thread(target=pump_stdout, daemon=True).start()
    threading.Thread(target=lambda: errors.extend(proc.stderr or ()), daemon=True).start()
    try:
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except Empty:
            raise AssertionError(f"landml serve printed nothing; stderr: {errors}") from None
        url = line.split(" at ", 1)[1].split()[0]
        yield url, errors
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_prints_its_url_and_serves_the_board_on_loopback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with serving("--home", str(home)) as (url, _):
        assert url.startswith("http://127.0.0.1:")
        response = httpx.get(url + "board", follow_redirects=True)
        assert response.status_code == 200
        assert "No applications yet." in response.text
        added = httpx.post(url + "api/v1/applications", json={"company": "A", "title": "B"})
        assert added.status_code == 201
    assert (home / "landml.sqlite3").exists()


def test_serve_demo_fills_a_separate_workspace_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with serving("--home", str(home), "--demo") as (url, errors):
        board = httpx.get(url + "api/v1/board").json()
        assert board["total"] > 10
        assert all(a["demo"] for c in board["columns"] for a in c["applications"])
        assert any("Filled the demo workspace" in line for line in errors)
    assert (home / "demo" / "landml.sqlite3").exists()
    assert not (home / "landml.sqlite3").exists()  # the person's own workspace is untouched
    with serving("--home", str(home), "--demo") as (url, errors):
        assert httpx.get(url + "api/v1/board").json()["total"] == board["total"]
        assert not any("Filled" in line for line in errors)


def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--home", str(tmp_path / "home"), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in result.output
    assert "--port" in result.output
