"""Opening a workspace: the database engine, its migrations and its sessions.

A workspace is one person's (or, on PostgreSQL, one deployment's) database.
Opening it applies any pending migration first; an existing SQLite file is
copied beside itself before it is migrated, so an upgrade can always be undone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from landml.config import Settings
from landml.errors import WorkspaceError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

F = TypeVar("F", bound=Callable[..., Any])


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(settings: Settings) -> Engine:
    """An engine for the workspace's database, with SQLite's foreign keys switched on."""
    if settings.is_sqlite:
        settings.home.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            settings.url,
            connect_args={"timeout": settings.busy_timeout_s},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(settings.url, pool_pre_ping=True)


def alembic_config(engine: Engine, script_location: Path = MIGRATIONS_DIR) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    script = ScriptDirectory.from_config(
        alembic_config(create_engine("sqlite://"), script_location)
    )
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a SQLite database beside itself with SQLite's online backup (safe under WAL)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision or 'unversioned'}-{stamp}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(
    engine: Engine, settings: Settings, script_location: Path = MIGRATIONS_DIR
) -> Path | None:
    """Bring the database to the newest schema. Returns the backup written, if any."""
    current = current_revision(engine)
    if current == head_revision(script_location):
        return None
    backup: Path | None = None
    has_tables = bool(inspect(engine).get_table_names())
    if settings.is_sqlite and has_tables and settings.sqlite_path.exists():
        backup = backup_sqlite(settings.sqlite_path, current)
    command.upgrade(alembic_config(engine, script_location), "head")
    return backup


class Workspace:
    """An opened, migrated workspace: hands out sessions."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup: Path | None = None

    @classmethod
    def open(cls, settings: Settings) -> Workspace:
        try:
            engine = make_engine(settings)
            ws = cls(settings, engine)
            ws.backup = migrate(engine, settings)
        except DBAPIError as exc:
            raise translate_db_error(exc, settings) from exc
        return ws

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def translate_db_error(exc: DBAPIError, settings: Settings | None = None) -> WorkspaceError:
    """Turn a driver error a user can meet into a message that says what to do."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    where = settings.url if settings is not None and not settings.is_sqlite else None
    if "database is locked" in text:
        return WorkspaceError(
            "The workspace database is locked by another program; nothing was changed.",
            hint="Close the other landml process (or the program holding the file) and retry.",
        )
    if "unable to open database" in text:
        return WorkspaceError(
            f"Cannot open the workspace database: {text}.",
            hint="Check that LANDML_HOME points to a writable directory.",
        )
    if "file is not a database" in text:
        return WorkspaceError(
            "The workspace file is not a SQLite database (corrupt or foreign file).",
            hint="Move it away or point LANDML_HOME elsewhere.",
        )
    if where is not None and ("Connection refused" in text or "could not connect" in text):
        return WorkspaceError(
            "Cannot reach the database server; nothing was changed.",
            hint="Check LANDML_DATABASE_URL and that the server is running.",
        )
    return WorkspaceError(f"Database error: {text.splitlines()[0] if text else exc!r}")


def transactional(fn: F) -> F:
    """Run a service use case as one transaction: commit on success, roll back on any error."""

    @wraps(fn)
    def wrapper(session: Session, *args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(session, *args, **kwargs)
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise translate_db_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        return result

    return cast(F, wrapper)
