"""Fixtures of the web tests: the app on a fresh workspace (SQLite and PostgreSQL), a
client that speaks to it in-process, a pinned clock, and an HTML reader."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.web.app import create_app

with warnings.catch_warnings():
    # Starlette asks for the `httpx2` fork; the client works the same with httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
ZONE = "Europe/Paris"
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDML_NOW", NOW.isoformat())
    monkeypatch.setenv("LANDML_TIMEZONE", ZONE)


@pytest.fixture
def client(settings: Settings, workspace: Workspace) -> Iterator[TestClient]:
    # `workspace` empties the PostgreSQL database; the app opens its own on the same one.
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def add_application(client: TestClient, **fields: Any) -> dict[str, Any]:
    """Add an application through the JSON API and return its summary."""
    body = {"company": "Acme AI", "title": "ML Engineer", **fields}
    response = client.post("/api/v1/applications", json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def stages_of(client: TestClient, app_id: int) -> list[str]:
    """The application's ledger as the server holds it."""
    detail = client.get(f"/api/v1/applications/{app_id}").json()
    return [change["to_stage"] for change in detail["stages"]]


class _TreeReader(HTMLParser):
    """Reads HTML into an ElementTree, so tests can query pages with XPath."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = ET.TreeBuilder()
        self.open: list[str] = []
        self.builder.start("document", {})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {k: v if v is not None else "" for k, v in attrs})
        if tag in VOID_TAGS:
            self.builder.end(tag)
        else:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return
        while self.open:
            closing = self.open.pop()
            self.builder.end(closing)
            if closing == tag:
                break

    def handle_data(self, data: str) -> None:
        self.builder.data(data)

    def close_tree(self) -> ET.Element:
        self.close()
        while self.open:
            self.builder.end(self.open.pop())
        self.builder.end("document")
        return self.builder.close()


def html(text: str) -> ET.Element:
    """A page as an element tree: html(r.text).find(".//li[@id='app-1']")."""
    reader = _TreeReader()
    reader.feed(text)
    return reader.close_tree()


def text_of(element: ET.Element | None) -> str:
    """All the text inside an element, whitespace collapsed."""
    assert element is not None
    return " ".join("".join(element.itertext()).split())
