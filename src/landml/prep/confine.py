"""The first code a sandboxed process runs: it confines itself, then runs the program.

Started by ``sandbox.py`` as ``python -I -S -B confine.py CONFIG_JSON PROGRAM.py``. In
order, before any code it was given runs, it:

1. lowers its resource limits (CPU, address space, processes, file size, open files, no
   core dumps); lowering is always allowed, so this needs no privilege, and doing it here
   keeps the app free of ``preexec_fn``, which is unsafe in a threaded server;
2. reads the program and imports the preload modules (numpy...), while it may still read
   the Python installation;
3. when started as root, switches to the unprivileged uid it was given, which drops every
   capability and makes RLIMIT_NPROC apply; in the reduced mode it then asks the kernel to
   kill it if the app dies (bubblewrap does the same with --die-with-parent);
4. in the reduced mode, installs an audit hook that refuses sockets, subprocesses, signals,
   ctypes, limit changes and file access outside the allowed folders;
5. moves the result channel to file descriptor 3 and runs the program as ``__main__``.

Only the standard library is used: nothing else is importable at that point.
"""

from __future__ import annotations

# Imported before root is dropped: afterwards the Python installation may be unreadable.
import ctypes
import importlib
import json
import os
import resource
import signal
import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CHANNEL_FD = 3

# Audit events refused outright in the reduced mode (see sys.audit's event table).
_REFUSED_EVENTS = frozenset(
    {
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
        "os.kill",
        "os.killpg",
        "subprocess.Popen",
        "pty.spawn",
        "resource.setrlimit",
        "resource.prlimit",
        "sys.addaudithook",
    }
)
_REFUSED_PREFIXES = ("socket.", "ctypes.")
_REFUSED_IMPORTS = frozenset({"_posixsubprocess", "_socket", "_ctypes", "_multiprocessing"})

# Audit events that name files: event -> (argument positions, True when it writes).
_PATH_EVENTS: dict[str, tuple[tuple[int, ...], bool]] = {
    "os.listdir": ((0,), False),
    "os.scandir": ((0,), False),
    "os.chdir": ((0,), False),
    "os.getxattr": ((0,), False),
    "os.listxattr": ((0,), False),
    "os.remove": ((0,), True),
    "os.rmdir": ((0,), True),
    "os.mkdir": ((0,), True),
    "os.rename": ((0, 1), True),
    "os.symlink": ((1,), True),
    "os.link": ((0, 1), True),
    "os.chmod": ((0,), True),
    "os.chown": ((0,), True),
    "os.truncate": ((0,), True),
    "os.utime": ((0,), True),
    "os.setxattr": ((0,), True),
    "os.removexattr": ((0,), True),
    "os.mknod": ((0,), True),
}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def main(argv: Sequence[str]) -> None:
    config: dict[str, Any] = json.loads(argv[1])
    program = argv[2]
    set_limits(config["limits"])
    source = Path(program).read_text(encoding="utf-8")
    sys.path[:0] = config["sys_path"]
    for name in config["preload"]:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
    if config["uid"] is not None:
        drop_root(int(config["uid"]))
    if config.get("parent_pid") is not None:
        die_with_parent(int(config["parent_pid"]))
    move_channel(int(config["channel_fd"]))
    if config["guard"] is not None:
        install_guard(config["guard"]["read"], config["guard"]["write"])
    run_program(program, source)


def set_limits(limits: dict[str, int]) -> None:
    """Lower this process's limits; soft and hard alike, so the program cannot raise them."""
    cpu = limits["cpu"]
    # The soft CPU limit sends SIGXCPU; the hard one, a second later, SIGKILL.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    for kind, value in (
        (resource.RLIMIT_AS, limits["memory"]),
        (resource.RLIMIT_NPROC, limits["processes"]),
        (resource.RLIMIT_FSIZE, limits["file_size"]),
        (resource.RLIMIT_NOFILE, limits["open_files"]),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(kind, (value, value))


def drop_root(uid: int) -> None:
    """Become `uid` for good: no groups, no way back, no capabilities."""
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    if os.getresuid() != (uid, uid, uid) or os.getresgid() != (uid, uid, uid):
        raise SystemExit("landml sandbox: could not give up root; refusing to run.")


def die_with_parent(parent_pid: int) -> None:
    """Get SIGKILL if the app dies mid-run (set after drop_root, which would clear it)."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)  # the app died before the signal was armed


def move_channel(fd: int) -> None:
    if fd != CHANNEL_FD:
        os.dup2(fd, CHANNEL_FD)
        os.close(fd)
    os.set_inheritable(CHANNEL_FD, False)


def run_program(path: str, source: str) -> None:
    module = types.ModuleType("__main__")
    module.__file__ = path
    sys.modules["__main__"] = module
    sys.argv = [path]
    exec(compile(source, path, "exec"), module.__dict__)


def install_guard(read_roots: Sequence[str], write_roots: Sequence[str]) -> None:
    """Refuse, by audit hook, what the reduced mode forbids. Best effort: see sandbox.py."""
    # Its own /proc entry (status, limits...) tells a program nothing about the machine.
    own = f"/proc/{os.getpid()}"
    reads = tuple(os.path.realpath(p) for p in (*read_roots, *write_roots, own))
    writes = tuple(os.path.realpath(p) for p in write_roots)
    loaded = set(sys.modules)

    def inside(path: object, roots: tuple[str, ...]) -> bool:
        if isinstance(path, int):
            return True  # an already open descriptor was checked when it was opened
        if path is None:
            path = "."  # os.listdir() and friends default to the current folder
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str | os.PathLike):
            return False
        real = os.path.realpath(os.fspath(path))
        return any(real == root or real.startswith(root.rstrip("/") + "/") for root in roots)

    def refuse(what: str) -> None:
        raise PermissionError(f"landml sandbox: {what} is not allowed here")

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _REFUSED_EVENTS or event.startswith(_REFUSED_PREFIXES):
            refuse(event)
        elif event == "import":
            if args[0] in _REFUSED_IMPORTS and args[0] not in loaded:
                raise ImportError(f"landml sandbox: importing {args[0]} is not allowed here")
        elif event == "open":
            path, mode, flags = args
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool(
                (flags or 0) & _WRITE_FLAGS
            )
            if not inside(path, writes if writing else reads):
                refuse(f"{'writing' if writing else 'reading'} {path}")
        elif event in _PATH_EVENTS:
            positions, writing = _PATH_EVENTS[event]
            roots = writes if writing else reads
            for position in positions:
                if position < len(args) and not inside(args[position], roots):
                    refuse(f"{event} on {args[position]}")

    _add_hook(hook)


def _add_hook(hook: Callable[[str, tuple[Any, ...]], None]) -> None:
    sys.addaudithook(hook)


if __name__ == "__main__":
    main(sys.argv)
