"""Shared fixtures. Every test runs with LANDML_HOME in a temporary directory, so the
real home is never touched. Storage and service tests take the `workspace` fixture,
which runs them on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from landml.config import Settings
from landml.db.registry import Base
from landml.db.workspace import Workspace

PG_ADMIN_URL = os.environ.get(
    "LANDML_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
_pg_state: dict[str, object] = {}


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "landml-home"
    monkeypatch.setenv("LANDML_HOME", str(home))
    for var in (
        "LANDML_DATABASE_URL",
        "LANDML_NOW",
        "LANDML_TIMEZONE",
        "LANDML_DAILY_GOAL",
        "LANDML_FOLLOW_UP_DAYS",
        "LANDML_GHOST_AFTER_DAYS",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))
    return home


def _pg_database_url() -> str | None:
    """A fresh PostgreSQL database for this test process, or None when no server answers."""
    if "url" in _pg_state:
        return _pg_state["url"]  # type: ignore[return-value]
    name = f"landml_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:
        _pg_state["url"] = None
        _pg_state["why"] = str(exc).splitlines()[0]
        return None
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    _pg_state["url"] = url
    _pg_state["name"] = name
    return url


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    name = _pg_state.get("name")
    if not name:
        return
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(ws: Workspace) -> None:
    """Empty every table and restart ids, keeping the implicit local owner."""
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with ws.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('local', now())"))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgresql" and _pg_database_url() is None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI but did not answer: {_pg_state['why']}")
        pytest.skip(
            f"PostgreSQL not reachable at {PG_ADMIN_URL} ({_pg_state['why']}); "
            "the PostgreSQL half of the storage tests did not run"
        )
    return name


@pytest.fixture
def settings(backend: str, _isolated_home: Path) -> Settings:
    if backend == "postgresql":
        return Settings(home=_isolated_home, database_url=_pg_database_url())
    return Settings(home=_isolated_home)


@pytest.fixture
def workspace(settings: Settings) -> Iterator[Workspace]:
    ws = Workspace.open(settings)
    if not settings.is_sqlite:
        _reset_postgres(ws)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    with workspace.session() as s:
        yield s


@pytest.fixture
def owner() -> int:
    from landml.accounts.models import LOCAL_OWNER_ID

    return LOCAL_OWNER_ID
