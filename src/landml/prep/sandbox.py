"""Run a Python program in isolation: the only way landml ever runs code a person wrote.

The program runs in a separate ``python -I -S -B`` process, never in the app's own process,
with a clean environment (nothing inherited from the app), a private work folder, limits on
CPU time, memory, processes, file size, open files and output, and a wall-clock timeout
that kills everything it started. ``confine.py`` is the first code that process runs: it
applies the limits to itself, drops root if it has it, then runs the program.

Two modes, reported by :func:`isolation_available`:

``bubblewrap`` (when ``bwrap`` is installed and works here)
    New PID, network, IPC, UTS and cgroup namespaces (no network at all), a root filesystem
    made only of read-only binds of ``/usr``, the Python installation and numpy, a fresh
    ``/proc`` and minimal ``/dev``, and a size-limited tmpfs as the only writable place. The
    home directory, the workspace (``LANDML_HOME``) and ``/etc`` do not exist inside. Killing
    bubblewrap kills the PID namespace, so no process survives the run.

``reduced`` (no bubblewrap)
    The same limits, clean environment and private temporary folder, plus an audit hook that
    refuses sockets, subprocesses, signals, ``ctypes`` and opening files outside the work
    folder and the Python installation; a watchdog stops the run when the work folder grows
    past its quota. Audit hooks are not a security boundary (PEP 578): a determined program
    can get past them, so the CLI tells the person that isolation is reduced and how to get
    bubblewrap. Two more limits of this mode: the disk quota is measured every 50 ms, so a
    fast writer can overshoot it by what it writes in that time (each file is still capped
    by RLIMIT_FSIZE); and under root, only the preloaded standard-library modules can be
    imported when the Python installation is not readable by the unprivileged uid.

``RLIMIT_NPROC`` is what stops a fork storm, and the kernel does not apply it to root. When
landml runs as root, the sandboxed process therefore switches to a fresh unprivileged uid
(picked at random per run, so no other process shares its count) before running any code
it was given; under bubblewrap it keeps only the two capabilities it needs for that switch.

Threat model: the sandbox protects the person's machine and data from code that is buggy
or hostile (an infinite loop, a memory bomb, a fork storm, reading ``~/.ssh``, calling home).
It does not try to stop a person from cheating their own practice.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import platform
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

from landml.errors import LandmlError

IsolationMode = Literal["bubblewrap", "reduced"]

REDUCED_ISOLATION_NOTE = (
    "Reduced isolation: bubblewrap (bwrap) is not available here, so your code runs in a "
    "separate limited process with a clean environment and a guard on files, network and "
    "subprocesses, but without namespaces; hostile code could get past the guard. Install "
    "bubblewrap for full isolation (Debian/Ubuntu: sudo apt install bubblewrap; Fedora: sudo "
    "dnf install bubblewrap)."
)

# Modules imported before any submitted code runs. Under root the process gives up root
# before that code runs and may then be unable to read a Python installed under /root, so
# what exercises are allowed to use is loaded while it still can.
DEFAULT_PRELOAD = (
    "numpy",
    "numpy.linalg",
    "numpy.random",
    "numpy.fft",
    "numpy.typing",
    "abc",
    "bisect",
    "collections",
    "collections.abc",
    "contextlib",
    "copy",
    "dataclasses",
    "enum",
    "fractions",
    "functools",
    "heapq",
    "importlib.util",
    "itertools",
    "json",
    "linecache",
    "math",
    "numbers",
    "operator",
    "pathlib",
    "random",
    "re",
    "statistics",
    "string",
    "textwrap",
    "time",
    "traceback",
    "types",
    "typing",
    "warnings",
)

# The only third-party packages visible inside the sandbox.
SANDBOX_PACKAGES = ("numpy",)

# A high range of uids that no distribution hands out, for the root case (see the module doc).
_SANDBOX_UID_FIRST = 1_900_000_000
_SANDBOX_UID_SPAN = 100_000_000

_POLL_S = 0.05
_EXIT_GRACE_S = 0.3
_CHANNEL_CAP = 4 << 20
_CONFINE = Path(__file__).with_name("confine.py")

# Inside bubblewrap.
_WORK = "/work"
_SITE = "/sandbox/site"
_CONFINE_IN = "/sandbox/confine.py"
_MAIN_IN = "/sandbox/main.py"


class SandboxUnavailable(LandmlError):
    """The isolation mode that was asked for cannot run on this machine."""

    http_status = 503


@dataclass(frozen=True)
class Limits:
    """What one sandboxed run may use. The defaults suit grading a NumPy exercise."""

    cpu_seconds: int = 10
    wall_seconds: float = 20.0
    # numpy alone maps about 150 MB of address space; 1 GiB leaves room for real work.
    memory_bytes: int = 1 << 30
    # Counts threads too. The interpreter runs with one BLAS thread.
    processes: int = 16
    file_size_bytes: int = 8 << 20
    disk_bytes: int = 32 << 20
    open_files: int = 64
    output_bytes: int = 64 << 10


@dataclass(frozen=True)
class SandboxRun:
    """What happened in one sandboxed run."""

    mode: IsolationMode
    run_id: str
    exit_code: int | None
    signal: str | None
    stdout: str
    stderr: str
    channel: bytes
    timed_out: bool
    disk_exceeded: bool
    output_truncated: bool
    duration_s: float
    limits: Limits = field(default_factory=Limits)

    @property
    def stop_reason(self) -> str | None:
        """Why the sandbox stopped the program, or None when it ended by itself."""
        if self.timed_out:
            return f"stopped after {self.limits.wall_seconds:g} s of wall-clock time"
        if self.disk_exceeded:
            mib = self.limits.disk_bytes / (1 << 20)
            return f"stopped for writing more than {mib:g} MiB to its work folder"
        if self.signal == "SIGXCPU":
            return f"stopped after {self.limits.cpu_seconds} s of CPU time"
        if self.signal == "SIGKILL":
            return "killed (SIGKILL): out of CPU time or of memory"
        if self.signal == "SIGXFSZ":
            mib = self.limits.file_size_bytes / (1 << 20)
            return f"stopped for writing a file larger than {mib:g} MiB"
        if self.signal is not None:
            return f"crashed ({self.signal})"
        return None


def isolation_available() -> IsolationMode:
    """The strongest mode this machine supports: ``bubblewrap`` or ``reduced``."""
    return "bubblewrap" if bubblewrap_problem() is None else "reduced"


@functools.cache
def bubblewrap_problem() -> str | None:
    """Why bubblewrap cannot be used here, or None when it works (probed once per process)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bwrap is not installed"
    probe = [
        bwrap,
        *_namespace_flags(as_root=os.geteuid() == 0),
        "--ro-bind",
        "/",
        "/",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        sys.executable,
        "-I",
        "-S",
        "-c",
        "pass",
    ]
    try:
        done = subprocess.run(probe, capture_output=True, timeout=20, env={}, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap did not start: {exc}"
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        return f"bwrap failed: {lines[-1] if lines else f'exit code {done.returncode}'}"
    return None


@functools.cache
def _bwrap_supports(flag: str) -> bool:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return False
    done = subprocess.run([bwrap, "--help"], capture_output=True, check=False, env={})
    return flag in done.stdout.decode(errors="replace")


def run_python(
    script: Path,
    *,
    stdin: bytes = b"",
    limits: Limits | None = None,
    mode: IsolationMode | None = None,
    preload: Iterable[str] = DEFAULT_PRELOAD,
    guard: bool = True,
) -> SandboxRun:
    """Run the Python file `script` in the sandbox and collect what it did.

    `stdin` is fed to the program, which may write results to file descriptor 3 (returned
    as `channel`); stdout and stderr are captured up to ``limits.output_bytes`` each.
    `mode` defaults to the strongest available. `guard` turns the reduced mode's audit
    hook off, which only tests of the kernel limits behind it should do.
    """
    limits = limits or Limits()
    chosen = mode or isolation_available()
    if chosen == "bubblewrap" and (problem := bubblewrap_problem()) is not None:
        raise SandboxUnavailable(
            f"Cannot run the bubblewrap sandbox: {problem}.",
            hint="Install bubblewrap (apt install bubblewrap) or use the reduced mode.",
        )
    with _Prepared.create(chosen, script, limits, tuple(preload), guard) as prepared:
        return prepared.run(stdin)


# --- what the sandboxed process sees -------------------------------------------------------


def _namespace_flags(*, as_root: bool) -> list[str]:
    common = ["--die-with-parent", "--new-session"]
    if as_root:
        # No user namespace: inside one, root would still be uid 0 to the kernel and exempt
        # from RLIMIT_NPROC. confine.py switches to an unprivileged uid instead.
        return [
            "--unshare-pid",
            "--unshare-net",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--cap-drop",
            "ALL",
            "--cap-add",
            "CAP_SETUID",
            "--cap-add",
            "CAP_SETGID",
            *common,
        ]
    flags = ["--unshare-all", "--unshare-user", *common]
    if _bwrap_supports("--disable-userns"):
        flags.append("--disable-userns")
    return flags


@dataclass(frozen=True)
class _Interpreter:
    """Where this Python and the packages a sandbox may import live on the host."""

    executable: Path
    prefixes: tuple[Path, ...]
    packages: tuple[Path, ...]

    @classmethod
    def current(cls) -> _Interpreter:
        executable = Path(os.path.realpath(sys.executable))
        prefixes = {Path(os.path.realpath(sys.base_prefix))}
        for key in ("stdlib", "platstdlib"):
            prefixes.add(Path(os.path.realpath(sysconfig.get_paths()[key])))
        return cls(executable, _outermost(prefixes), tuple(_package_dirs(SANDBOX_PACKAGES)))


def _package_dirs(names: Iterable[str]) -> Iterator[Path]:
    for name in names:
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            raise SandboxUnavailable(
                f"The package {name} is not installed, and exercises need it.",
                hint=f"Install it in landml's environment: pip install {name}.",
            )
        package = Path(os.path.realpath(spec.origin)).parent
        yield package
        # Wheels built with auditwheel keep their shared libraries in a sibling folder.
        libs = package.with_name(f"{name}.libs")
        if libs.is_dir():
            yield libs


def _outermost(paths: Iterable[Path]) -> tuple[Path, ...]:
    kept: list[Path] = []
    for path in sorted(paths, key=lambda p: len(p.parts)):
        if not any(path.is_relative_to(k) for k in kept):
            kept.append(path)
    return tuple(kept)


def bubblewrap_command(
    bwrap: str,
    interpreter: _Interpreter,
    *,
    as_root: bool,
    limits: Limits,
    confine_args: list[str],
    script: Path,
    env: dict[str, str],
) -> list[str]:
    """The bwrap command line: only the needed paths, read-only, and a small private tmpfs."""
    cmd = [bwrap, *_namespace_flags(as_root=as_root), "--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    cmd += ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64"):
        host = Path("/") / top
        if host.is_symlink():
            cmd += ["--symlink", str(host.readlink()), str(host)]
        elif host.is_dir():
            cmd += ["--ro-bind", str(host), str(host)]
    cmd += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    binds: list[tuple[Path, str]] = [(p, str(p)) for p in interpreter.prefixes]
    if not any(interpreter.executable.is_relative_to(p) for p in interpreter.prefixes):
        binds.append((interpreter.executable, str(interpreter.executable)))
    binds += [(p, f"{_SITE}/{p.name}") for p in interpreter.packages]
    binds += [(_CONFINE, _CONFINE_IN), (script, _MAIN_IN)]
    # bwrap creates missing parents with mode 0700, which an unprivileged uid cannot
    # traverse (a Python under /root, say): create them world-traversable first.
    for parent in _missing_parents(dest for _, dest in binds):
        cmd += ["--perms", "0755", "--dir", parent]
    for host_path, dest in binds:
        if str(host_path).startswith("/usr/") and dest == str(host_path):
            continue
        cmd += ["--ro-bind", str(host_path), dest]
    cmd += ["--perms", "1777"]
    if _bwrap_supports("--size"):
        cmd += ["--size", str(limits.disk_bytes)]
    cmd += ["--tmpfs", _WORK, "--chdir", _WORK]
    return [*cmd, str(interpreter.executable), "-I", "-S", "-B", _CONFINE_IN, *confine_args]


def _missing_parents(destinations: Iterable[str]) -> list[str]:
    parents: list[str] = []
    for dest in destinations:
        parts = Path(dest).parts[1:-1]
        for i in range(1, len(parts) + 1):
            parent = "/" + "/".join(parts[:i])
            if parent not in parents and parts[0] not in ("usr", "bin", "lib", "lib64", "sbin"):
                parents.append(parent)
    return parents


def sandbox_environment(work: str) -> dict[str, str]:
    """The whole environment of a sandboxed process: nothing comes from the app's."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": work,
        "TMPDIR": work,
        "LANG": "C.UTF-8",
        # One BLAS thread: threads count against the process limit, and results stay
        # reproducible.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


# --- one run -----------------------------------------------------------------------------


@dataclass
class _Prepared:
    mode: IsolationMode
    script: Path
    limits: Limits
    preload: tuple[str, ...]
    guard: bool
    run_id: str
    uid: int | None
    temp_dirs: list[Path]
    command: list[str] = field(default_factory=list)
    cwd: str = "/"
    env: dict[str, str] = field(default_factory=dict)
    work: Path | None = None
    channel_fd: int = -1

    @classmethod
    def create(
        cls,
        mode: IsolationMode,
        script: Path,
        limits: Limits,
        preload: tuple[str, ...],
        guard: bool,
    ) -> _Prepared:
        as_root = os.geteuid() == 0
        uid = _SANDBOX_UID_FIRST + secrets.randbelow(_SANDBOX_UID_SPAN) if as_root else None
        return cls(mode, script, limits, preload, guard, secrets.token_hex(8), uid, [])

    def __enter__(self) -> _Prepared:
        return self

    def __exit__(self, *_exc: object) -> None:
        for folder in self.temp_dirs:
            shutil.rmtree(folder, ignore_errors=True)

    def _confine_config(self, sys_path: list[str], guard: dict[str, list[str]] | None) -> str:
        config = {
            "run_id": self.run_id,
            "limits": {
                "cpu": self.limits.cpu_seconds,
                "memory": self.limits.memory_bytes,
                "processes": self.limits.processes + self._nproc_base(),
                "file_size": self.limits.file_size_bytes,
                "open_files": self.limits.open_files,
            },
            "uid": self.uid,
            "sys_path": sys_path,
            "preload": list(self.preload),
            "guard": guard,
            "channel_fd": self.channel_fd,
            # Under bubblewrap, --die-with-parent does this job.
            "parent_pid": os.getpid() if self.mode == "reduced" else None,
        }
        return json.dumps(config, separators=(",", ":"))

    def _nproc_base(self) -> int:
        """Tasks the sandbox's uid already has, which RLIMIT_NPROC counts too."""
        if self.uid is not None:
            return 0  # a fresh uid owns nothing yet
        if self.mode == "bubblewrap" and _per_namespace_nproc():
            return 0  # counted per user namespace since Linux 5.14
        return _tasks_of_uid(os.getuid())

    def _build(self, channel_fd: int) -> None:
        self.channel_fd = channel_fd
        interpreter = _Interpreter.current()
        if self.mode == "bubblewrap":
            self.env = {}
            config = self._confine_config([_SITE], None)
            bwrap = shutil.which("bwrap")
            assert bwrap is not None  # checked by bubblewrap_problem()
            self.command = bubblewrap_command(
                bwrap,
                interpreter,
                as_root=self.uid is not None,
                limits=self.limits,
                confine_args=[config, _MAIN_IN],
                script=self.script,
                env=sandbox_environment(_WORK),
            )
            return
        base = _temp_base(for_other_uid=self.uid is not None)
        work = Path(tempfile.mkdtemp(prefix="landml-sandbox-", dir=base))
        site = Path(tempfile.mkdtemp(prefix="landml-sandbox-site-", dir=base))
        self.temp_dirs += [work, site]
        site.chmod(0o755)
        for package in interpreter.packages:
            (site / package.name).symlink_to(package)
        if self.uid is not None:
            os.chown(work, self.uid, self.uid)
        self.work = work
        guard = None
        if self.guard:
            reads = [str(p) for p in (*interpreter.prefixes, *interpreter.packages, site)]
            reads += [str(self.script), "/dev/null", "/dev/urandom"]
            guard = {"read": reads, "write": [str(work), "/dev/null"]}
        config = self._confine_config([str(site)], guard)
        self.command = [
            str(interpreter.executable),
            "-I",
            "-S",
            "-B",
            str(_CONFINE),
            config,
            str(self.script),
        ]
        self.cwd = str(work)
        self.env = sandbox_environment(str(work))

    def run(self, stdin: bytes) -> SandboxRun:
        read_end, write_end = os.pipe()
        try:
            self._build(write_end)
            started = time.monotonic()
            proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(write_end,),
                cwd=self.cwd,
                env=self.env,
                start_new_session=True,
            )
        except BaseException:
            os.close(read_end)
            os.close(write_end)
            raise
        os.close(write_end)
        watch = _Watch(self, proc, read_end, started)
        try:
            watch.loop(stdin)
        finally:
            self._stop(proc)
            watch.drain()
            os.close(read_end)
        return watch.result(proc)

    def _stop(self, proc: subprocess.Popen[bytes]) -> None:
        """Kill whatever the run started, whether it ended by itself or not."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if self.uid is not None:
            _kill_until_gone(lambda: _pids_of_uid(self.uid))
        elif self.mode == "reduced":
            _kill_until_gone(lambda: _pids_of_session(proc.pid))


class _Watch:
    """Feeds stdin, collects output up to its caps, and enforces wall time and disk quota."""

    def __init__(
        self, prepared: _Prepared, proc: subprocess.Popen[bytes], channel: int, started: float
    ) -> None:
        self.prepared = prepared
        self.proc = proc
        self.started = started
        self.ended = started
        self.timed_out = False
        self.disk_exceeded = False
        self.truncated = False
        assert proc.stdout is not None and proc.stderr is not None and proc.stdin is not None
        self.buffers: dict[int, bytearray] = {
            proc.stdout.fileno(): bytearray(),
            proc.stderr.fileno(): bytearray(),
            channel: bytearray(),
        }
        self.caps = {
            proc.stdout.fileno(): prepared.limits.output_bytes,
            proc.stderr.fileno(): prepared.limits.output_bytes,
            channel: _CHANNEL_CAP,
        }
        self.open_fds = set(self.buffers)
        for fd in self.buffers:
            os.set_blocking(fd, False)

    def loop(self, stdin: bytes) -> None:
        """Run until the program has ended and its output is read, or a limit is hit."""
        limits = self.prepared.limits
        deadline = self.started + limits.wall_seconds
        exited_at: float | None = None
        next_disk_check = self.started
        pending = memoryview(stdin)
        stdin_fd = self._stdin_fd()
        os.set_blocking(stdin_fd, False)
        with selectors.DefaultSelector() as selector:
            for fd in self.open_fds:
                selector.register(fd, selectors.EVENT_READ)
            selector.register(stdin_fd, selectors.EVENT_WRITE)
            stdin_open = True
            while True:
                now = time.monotonic()
                if now >= deadline:
                    self.timed_out = True
                    break
                for key, _mask in selector.select(min(_POLL_S, deadline - now)):
                    if key.fd == stdin_fd:
                        pending = self._feed(stdin_fd, pending)
                        if not pending:
                            selector.unregister(stdin_fd)
                            self._close_stdin()
                            stdin_open = False
                    elif self._read(key.fd) is None:
                        selector.unregister(key.fd)
                now = time.monotonic()
                if self.prepared.work is not None and now >= next_disk_check:
                    next_disk_check = now + _POLL_S
                    if _disk_usage(self.prepared.work) > limits.disk_bytes:
                        self.disk_exceeded = True
                        break
                if self.proc.poll() is not None:
                    # Descendants may keep the pipes open after the program ends.
                    exited_at = exited_at or now
                    if not self.open_fds or now - exited_at > _EXIT_GRACE_S:
                        break
            if stdin_open:
                self._close_stdin()
        self.ended = time.monotonic()

    def _stdin_fd(self) -> int:
        assert self.proc.stdin is not None
        return self.proc.stdin.fileno()

    def _close_stdin(self) -> None:
        assert self.proc.stdin is not None
        with contextlib.suppress(OSError):
            self.proc.stdin.close()

    def _feed(self, fd: int, pending: memoryview) -> memoryview:
        try:
            written = os.write(fd, pending[:65536])
        except BlockingIOError:
            return pending
        except (BrokenPipeError, OSError):
            return pending[:0]
        return pending[written:]

    def _read(self, fd: int) -> int | None:
        """Read what the stream holds now: the byte count (0 when empty), None at its end."""
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return 0
        if not data:
            self.open_fds.discard(fd)
            return None
        buffer, cap = self.buffers[fd], self.caps[fd]
        room = max(cap - len(buffer), 0)
        if len(data) > room:
            self.truncated = True
        buffer += data[:room]
        return len(data)

    def drain(self) -> None:
        """Collect what is still buffered in the pipes after the run was stopped."""
        for fd in list(self.open_fds):
            while self._read(fd):
                pass

    def result(self, proc: subprocess.Popen[bytes]) -> SandboxRun:
        assert proc.stdout is not None and proc.stderr is not None
        code = proc.returncode
        exit_code, sig = _exit_status(code, self.prepared.mode)
        out = proc.stdout.fileno()
        err = proc.stderr.fileno()
        proc.stdout.close()
        proc.stderr.close()
        channel = next(fd for fd in self.buffers if fd not in (out, err))
        return SandboxRun(
            mode=self.prepared.mode,
            run_id=self.prepared.run_id,
            exit_code=exit_code,
            signal=None if self.timed_out or self.disk_exceeded else sig,
            stdout=self.buffers[out].decode("utf-8", errors="replace"),
            stderr=self.buffers[err].decode("utf-8", errors="replace"),
            channel=bytes(self.buffers[channel]),
            timed_out=self.timed_out,
            disk_exceeded=self.disk_exceeded,
            output_truncated=self.truncated,
            duration_s=self.ended - self.started,
            limits=self.prepared.limits,
        )


def _exit_status(code: int | None, mode: IsolationMode) -> tuple[int | None, str | None]:
    if code is None:
        return None, None
    if code < 0:
        return None, _signal_name(-code)
    # bubblewrap reports a child killed by signal N as exit status 128 + N.
    if mode == "bubblewrap" and 128 < code < 128 + 65:
        return None, _signal_name(code - 128)
    return code, None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _temp_base(*, for_other_uid: bool) -> str | None:
    """Where the reduced mode makes its folders: the usual temporary folder, unless the
    sandbox's uid could not walk to it (a private TMPDIR under root), then /tmp."""
    base = Path(tempfile.gettempdir()).resolve()
    if not for_other_uid or all(p.stat().st_mode & 0o001 for p in (base, *base.parents)):
        return None
    return "/tmp"


# --- processes and disk, read from /proc and the work folder -------------------------------


def _per_namespace_nproc() -> bool:
    release = platform.release().split("-")[0].split(".")
    try:
        major, minor = int(release[0]), int(release[1])
    except (IndexError, ValueError):
        return False
    return (major, minor) >= (5, 14)


@dataclass(frozen=True)
class _Process:
    pid: int
    uid: int
    pgrp: int
    session: int
    threads: int


def _processes() -> Iterator[_Process]:
    """Live processes from /proc; zombies are left out, they can do nothing any more."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        # Fields after the parenthesised command name: state ppid pgrp session ...
        rest = stat.rsplit(")", 1)[-1].split()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if rest[0] in ("Z", "X"):
            continue
        yield _Process(
            pid=int(entry.name),
            uid=int(fields["Uid"].split()[0]),
            pgrp=int(rest[2]),
            session=int(rest[3]),
            threads=int(fields.get("Threads", "1")),
        )


def _tasks_of_uid(uid: int) -> int:
    return sum(p.threads for p in _processes() if p.uid == uid)


def _pids_of_uid(uid: int | None) -> list[int]:
    return [p.pid for p in _processes() if p.uid == uid]


def _pids_of_session(sid: int) -> list[int]:
    """Processes in the run's session or process group (it leads both)."""
    return [p.pid for p in _processes() if sid in (p.pgrp, p.session)]


def _kill_until_gone(find: Callable[[], list[int]]) -> None:
    # Killed processes cannot fork any more and new ones are capped by RLIMIT_NPROC, so a
    # few rounds are enough; the cap on rounds keeps a misbehaving system from hanging us.
    for _ in range(50):
        pids = [pid for pid in find() if pid != os.getpid()]
        if not pids:
            return
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.01)


def _disk_usage(folder: Path) -> int:
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            try:
                total += (Path(root) / name).lstat().st_blocks * 512
            except OSError:
                continue
    return total
