"""`landml serve`: the web app on this machine (127.0.0.1 unless told otherwise)."""

from __future__ import annotations

import socket
from pathlib import Path

import click
from sqlalchemy.engine import make_url

from landml.cli.context import CliState, command_options, pass_state
from landml.config import Settings
from landml.db.workspace import Workspace
from landml.errors import LandmlError
from landml.tracker import service
from landml.tracker.demo import load_demo
from landml.web.security import LOCAL_HOSTS, allowed_hosts_for


def demo_settings(home: Path) -> Settings:
    """A SQLite workspace in <home>/demo, apart from the person's own data."""
    return Settings(home=home / "demo", database_url=None)


def fill_demo(settings: Settings, st: CliState) -> bool:
    """Load the demo data into an empty demo workspace; True when it was loaded now."""
    workspace = Workspace.open(settings)
    try:
        with workspace.session() as session:
            if not service.workspace_is_empty(session, st.owner):
                return False
            load_demo(session, st.owner, now=st.now())
            return True
    finally:
        workspace.close()


def listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound before the server starts so a busy port is a clear error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise LandmlError(
            f"Cannot listen on {host}:{port}: {exc.strerror or exc}.",
            hint="Another program may use that port; choose another with --port.",
        ) from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_for(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but 127.0.0.1/localhost exposes your workspace "
    "to the network without a login.",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks one."
)
@click.option(
    "--demo",
    is_flag=True,
    help="Serve a sample workspace in <home>/demo instead of your own (filled on first use).",
)
@command_options
@pass_state
def serve(st: CliState, host: str, port: int, demo: bool) -> None:
    """Open the board, applications and today's list in your browser."""
    import uvicorn

    from landml.web.app import create_app

    if demo:
        settings = demo_settings(st.settings.home)
        if fill_demo(settings, st) and not st.json:
            st.err.print(f"Filled the demo workspace in {settings.home}.")
    else:
        settings = st.settings
        # Opened (and migrated) here, so a broken workspace fails with a message, not a trace.
        _ = st.workspace
        st.close()
    sock = listen(host, port)
    url = url_for(host, sock.getsockname()[1])
    where = (
        str(settings.sqlite_path)
        if settings.is_sqlite
        else make_url(settings.url).render_as_string(hide_password=True)
    )
    st.emit(
        {"url": url, "workspace": where, "demo": demo},
        lambda: st.console.print(
            f"landml is serving {'the demo workspace' if demo else where} at {url} (Ctrl+C to stop)"
        ),
    )
    if host.strip("[]").lower() not in LOCAL_HOSTS:
        st.err.print(
            f"Listening on {host}: anyone who can reach this address can read and change "
            "this workspace (there is no login)."
        )
    app = create_app(settings, allowed_hosts=allowed_hosts_for(host))
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def register(cli: click.Group) -> None:
    cli.add_command(serve)
