"""The sandbox runs a program in isolation and stops whatever it should not do.

Programs here talk to the sandbox directly (no grader), so the kernel-level limits are
tested on their own: the reduced mode's audit hook is turned off where it would hide them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from landml.prep import sandbox
from landml.prep.sandbox import (
    IsolationMode,
    Limits,
    SandboxRun,
    SandboxUnavailable,
    bubblewrap_command,
    run_python,
)


def _run(
    tmp_path: Path,
    code: str,
    mode: IsolationMode,
    limits: Limits | None = None,
    *,
    guard: bool = True,
    stdin: bytes = b"",
) -> SandboxRun:
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent(code), encoding="utf-8")
    return run_python(
        program, stdin=stdin, limits=limits, mode=mode, guard=guard, preload=("numpy", "json")
    )


def _processes_of(run: SandboxRun) -> list[int]:
    """Processes still alive whose command line carries the run's id."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[-1].split()[0]
        except OSError:
            continue
        if run.run_id.encode() in cmdline and state != "Z":
            alive.append(int(entry.name))
    return alive


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return "gone"


def _alive(pid: int) -> bool:
    return _state(pid) not in ("Z", "gone")


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[-1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def test_program_gets_stdin_and_reports_on_fd_3(tmp_path: Path, isolation: IsolationMode) -> None:
    run = _run(
        tmp_path,
        """
        import os, sys
        data = sys.stdin.read()
        os.write(3, data.upper().encode())
        print("done")
        """,
        isolation,
        stdin=b"hello",
    )
    assert run.channel == b"HELLO"
    assert run.stdout == "done\n"
    assert run.exit_code == 0 and run.stop_reason is None
    assert run.mode == isolation


def test_environment_is_clean_and_home_is_the_work_folder(
    tmp_path: Path, isolation: IsolationMode, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANDML_SECRET", "hunter2-from-the-app")
    run = _run(
        tmp_path,
        """
        import json, os
        print(json.dumps({"env": dict(os.environ), "cwd": os.getcwd()}))
        """,
        isolation,
    )
    seen = json.loads(run.stdout)
    assert "LANDML_SECRET" not in seen["env"]
    assert "hunter2" not in run.stdout
    assert "LANDML_HOME" not in seen["env"]
    assert seen["env"]["HOME"] == seen["cwd"]
    assert seen["env"]["HOME"] != os.environ["HOME"]
    assert set(seen["env"]) <= {*sandbox.sandbox_environment("/x"), "PWD"}


def test_sandboxed_code_never_runs_as_root(tmp_path: Path, isolation: IsolationMode) -> None:
    run = _run(
        tmp_path,
        """
        import os
        caps = [l.split()[1] for l in open("/proc/self/status") if l.startswith("CapEff")]
        print(os.getuid(), os.geteuid(), caps[0])
        """,
        isolation,
    )
    uid, euid, caps = run.stdout.split()
    if os.geteuid() == 0:
        assert int(uid) != 0 and int(euid) != 0
    assert int(caps, 16) == 0


def test_infinite_loop_is_stopped_by_the_cpu_limit(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    run = _run(tmp_path, "while True:\n    pass\n", isolation, tight_limits)
    assert run.stop_reason == "stopped after 2 s of CPU time"
    assert not run.timed_out


def test_sleeping_program_is_stopped_by_the_wall_clock(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    limits = dataclasses.replace(tight_limits, wall_seconds=2.0)
    run = _run(tmp_path, "import time\ntime.sleep(60)\n", isolation, limits)
    assert run.timed_out
    assert run.stop_reason == "stopped after 2 s of wall-clock time"
    assert not _processes_of(run)


def test_memory_bomb_is_refused(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    run = _run(
        tmp_path,
        """
        import numpy as np
        hoard = []
        try:
            while True:
                hoard.append(np.ones(16 << 20))
        except MemoryError:
            print("refused after", len(hoard) * 128, "MiB")
        """,
        isolation,
        # Page faults can cost seconds of system time on a busy virtual machine: give CPU
        # and wall time room, so that the memory limit is what stops this program.
        dataclasses.replace(tight_limits, cpu_seconds=20, wall_seconds=40),
    )
    assert run.stdout.startswith("refused after")
    assert int(run.stdout.split()[2]) <= tight_limits.memory_bytes >> 20


def test_fork_storm_is_capped_and_leaves_no_process(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    run = _run(
        tmp_path,
        """
        import os, sys
        children = 0
        while True:
            try:
                if os.fork() == 0:
                    while True:  # every child spins and tries again
                        try:
                            os.fork()
                        except OSError:
                            pass
                children += 1
            except OSError:
                print("capped after", children, "children", flush=True)
                while True:
                    pass
        """,
        isolation,
        dataclasses.replace(tight_limits, wall_seconds=4.0),
        guard=False,  # test the process limit itself, not the reduced mode's audit hook
    )
    assert run.stop_reason is not None
    assert run.stdout.startswith("capped after")
    assert int(run.stdout.split()[2]) < tight_limits.processes
    assert not _processes_of(run)


def test_network_is_unreachable(tmp_path: Path, isolation: IsolationMode) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        port = server.getsockname()[1]
        run = _run(
            tmp_path,
            f"""
            try:
                import socket

                socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"leak")
                print("connected")
            except Exception as exc:  # the reduced mode refuses even the import
                print("refused:", type(exc).__name__)
            """,
            isolation,
        )
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()
    assert run.stdout.startswith("refused:")


def test_home_and_workspace_files_cannot_be_read(
    tmp_path: Path, isolation: IsolationMode, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    workspace = tmp_path / "landml-workspace"
    for folder in (home, workspace):
        folder.mkdir()
        (folder / "secret.txt").write_text("s3cr3t-" + folder.name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("LANDML_HOME", str(workspace))
    run = _run(
        tmp_path,
        f"""
        import os
        for path in ({str(home / "secret.txt")!r}, {str(workspace / "secret.txt")!r}):
            try:
                print(open(path).read())
            except OSError as exc:
                print("denied", type(exc).__name__)
            try:
                print(os.listdir(os.path.dirname(path)))
            except OSError as exc:
                print("denied", type(exc).__name__)
        """,
        isolation,
    )
    assert "s3cr3t" not in run.stdout
    assert "secret.txt" not in run.stdout
    assert run.stdout.count("denied") == 4


def test_writing_outside_the_work_folder_fails(tmp_path: Path, isolation: IsolationMode) -> None:
    target = tmp_path / "planted.txt"
    run = _run(
        tmp_path,
        f"""
        try:
            open({str(target)!r}, "w").write("x")
            print("wrote")
        except OSError as exc:
            print("denied", type(exc).__name__)
        open("inside.txt", "w").write("fine")
        print(open("inside.txt").read())
        """,
        isolation,
    )
    assert not target.exists()
    lines = run.stdout.splitlines()
    assert lines[0].startswith("denied")
    assert lines[1] == "fine"


def test_one_huge_file_hits_the_file_size_limit(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    run = _run(
        tmp_path,
        """
        try:
            with open("big.bin", "wb") as out:
                for _ in range(64):
                    out.write(b"x" * (1 << 20))
        except OSError as exc:
            print("stopped:", exc.strerror)
        """,
        isolation,
        tight_limits,
    )
    assert run.stdout.strip() == "stopped: File too large"


def test_filling_the_disk_is_contained(
    tmp_path: Path, isolation: IsolationMode, tight_limits: Limits
) -> None:
    run = _run(
        tmp_path,
        """
        import time
        written = 0
        try:
            for i in range(10_000):
                with open(f"fill-{i}.bin", "wb") as out:
                    out.write(b"x" * (1 << 20))
                written += 1
                time.sleep(0.002)
        except OSError as exc:
            print("stopped:", exc.strerror, "after", written, "MiB", flush=True)
        """,
        isolation,
        tight_limits,
    )
    if isolation == "bubblewrap":
        # The work folder is a tmpfs of disk_bytes: the kernel refuses the write.
        assert run.stdout.startswith("stopped: No space left on device")
        assert int(run.stdout.split()[-2]) <= tight_limits.disk_bytes >> 20
    else:
        # The watchdog measures the work folder and stops the run.
        assert run.disk_exceeded
        assert "MiB to its work folder" in (run.stop_reason or "")
    assert not _processes_of(run)


def test_output_is_capped(tmp_path: Path, isolation: IsolationMode, tight_limits: Limits) -> None:
    run = _run(tmp_path, "print('y' * (4 << 20))\n", isolation, tight_limits)
    assert run.output_truncated
    assert len(run.stdout) == tight_limits.output_bytes
    assert run.exit_code == 0


def test_reduced_mode_guard_refuses_subprocesses_sockets_and_ctypes(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        """
        import os
        attempts = {
            "subprocess": lambda: __import__("subprocess").run(["true"]),
            "socket": lambda: __import__("socket").socket(),
            "fork": os.fork,
            "kill": lambda: os.kill(os.getppid(), 0),
            "ctypes": lambda: __import__("ctypes").CDLL(None).getpid(),
            "listdir": lambda: os.listdir("/"),
        }
        for name, attempt in attempts.items():
            try:
                attempt()
                print(name, "allowed")
            except (OSError, ImportError, RuntimeError) as exc:
                print(name, "refused")
        """,
        "reduced",
    )
    assert "allowed" not in run.stdout
    assert run.stdout.count("refused") == 6


def test_bubblewrap_command_binds_only_the_interpreter_and_numpy(tmp_path: Path) -> None:
    interpreter = sandbox._Interpreter.current()
    script = tmp_path / "main.py"
    cmd = bubblewrap_command(
        "/usr/bin/bwrap",
        interpreter,
        as_root=False,
        limits=Limits(disk_bytes=1 << 20),
        confine_args=["{}", "/sandbox/main.py"],
        script=script,
        env={"HOME": "/work"},
    )
    for flag in ("--unshare-all", "--die-with-parent", "--new-session", "--clearenv"):
        assert flag in cmd
    assert "--share-net" not in cmd
    assert "--bind" not in cmd and "--dev-bind" not in cmd  # nothing on the host is writable
    sources = {
        Path(cmd[i + 1]) for i, arg in enumerate(cmd) if arg in ("--ro-bind", "--ro-bind-try")
    }
    allowed = {
        *interpreter.prefixes,
        *interpreter.packages,
        interpreter.executable,
        sandbox._CONFINE,
        script,
        Path("/usr"),
        Path("/etc/ld.so.cache"),
        *(Path("/") / top for top in ("bin", "sbin", "lib", "lib32", "lib64")),
    }
    assert sources <= allowed
    assert cmd[cmd.index("--tmpfs") + 1] == "/work"
    assert cmd[cmd.index("--size") + 1] == str(1 << 20)


def test_asking_for_bubblewrap_without_it_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.bubblewrap_problem.cache_clear()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    try:
        assert sandbox.isolation_available() == "reduced"
        with pytest.raises(SandboxUnavailable, match="bwrap is not installed"):
            _run(tmp_path, "pass\n", "bubblewrap")
    finally:
        sandbox.bubblewrap_problem.cache_clear()


def test_the_sandbox_dies_with_the_app(tmp_path: Path, isolation: IsolationMode) -> None:
    program = tmp_path / "sleeper.py"
    program.write_text("import time\ntime.sleep(120)\n")
    app = tmp_path / "app.py"
    app.write_text(
        "from pathlib import Path\n"
        "from landml.prep.sandbox import Limits, run_python\n"
        f"run_python(Path({str(program)!r}), mode={isolation!r}, preload=(),\n"
        "           limits=Limits(cpu_seconds=120, wall_seconds=120))\n"
    )
    # The killed app cannot remove its temporary folders: give it one of its own, which the
    # sandbox's uid can walk to (pytest's tmp_path cannot be, under root).
    app_tmp = Path(tempfile.mkdtemp(prefix="landml-test-app-", dir="/tmp"))
    app_tmp.chmod(0o711)
    try:
        everything = _kill_app_while_sandboxed(app, app_tmp)
    finally:
        shutil.rmtree(app_tmp, ignore_errors=True)
    gone_by = time.monotonic() + 10
    while any(_alive(pid) for pid in everything) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert not [pid for pid in everything if _alive(pid)]


def _kill_app_while_sandboxed(app: Path, app_tmp: Path) -> list[int]:
    """Start `app`, wait until its sandboxed program runs, SIGKILL the app; return every
    process the app had started."""
    proc = subprocess.Popen([sys.executable, str(app)], env={**os.environ, "TMPDIR": str(app_tmp)})
    started = time.monotonic()
    sandboxed: list[int] = []
    while not sandboxed and time.monotonic() - started < 30:
        time.sleep(0.1)
        sandboxed = [pid for pid in _descendants(proc.pid) if _is_sandboxed_python(pid)]
    assert sandboxed, "the sandboxed program never started"
    while _state(sandboxed[0]) == "R" and time.monotonic() - started < 30:
        time.sleep(0.05)  # wait until it sleeps in the program, past its own start-up
    everything = _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return everything


def _is_sandboxed_python(pid: int) -> bool:
    """The interpreter running confine.py, not the bubblewrap process that started it."""
    argv = _cmdline(pid).split(b"\0")
    return any(arg.endswith(b"confine.py") for arg in argv) and not argv[0].endswith(b"bwrap")


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
