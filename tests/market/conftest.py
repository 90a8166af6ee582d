"""Fixtures of the market tests: the web app in-process on the `workspace` fixture's
database (SQLite and PostgreSQL), with the clock pinned as in the other web tests."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.web.app import create_app

with warnings.catch_warnings():
    # Starlette asks for the `httpx2` fork; the client works the same with httpx.
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture
def client(
    settings: Settings, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("LANDML_NOW", "2026-11-20T12:00:00+00:00")
    monkeypatch.setenv("LANDML_TIMEZONE", "UTC")
    # `workspace` empties the PostgreSQL database; the app opens its own on the same one.
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as c:
        yield c
