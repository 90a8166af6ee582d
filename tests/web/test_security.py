"""The guards of a local server: loopback Host names only (DNS rebinding), no writes from
other sites (CSRF), our own scripts and styles only."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.datastructures import Headers

from landml.config import Settings
from landml.db.workspace import Workspace
from landml.web.app import create_app
from landml.web.rendering import STATIC_DIR, TEMPLATES_DIR
from landml.web.security import allowed_hosts_for, host_name, origin_of, refusal
from tests.web.conftest import add_application, html, stages_of, text_of

LOCAL = allowed_hosts_for("127.0.0.1")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("localhost", "localhost"),
        ("[::1]:8000", "::1"),
        ("LOCALHOST:80", "localhost"),
        ("evil.example:8000", "evil.example"),
    ],
)
def test_host_name_drops_port_and_brackets(header: str, name: str) -> None:
    assert host_name(header) == name


def test_binding_all_interfaces_accepts_any_host_and_a_named_one_adds_itself() -> None:
    assert allowed_hosts_for("0.0.0.0") is None
    assert allowed_hosts_for("::") is None
    named = allowed_hosts_for("192.168.1.20")
    assert named == frozenset({"localhost", "127.0.0.1", "::1", "192.168.1.20"})
    assert allowed_hosts_for("[::1]") == frozenset({"localhost", "127.0.0.1", "::1"})


def test_origin_of_keeps_scheme_host_and_port_only() -> None:
    assert origin_of("http://127.0.0.1:8000/board?x=1") == "http://127.0.0.1:8000"
    assert origin_of("null") is None


@pytest.mark.parametrize(
    ("method", "headers", "refused"),
    [
        ("GET", {"host": "127.0.0.1:8000"}, False),
        ("GET", {"host": "attacker.example"}, True),
        ("GET", {}, True),
        ("POST", {"host": "127.0.0.1:8000", "origin": "http://127.0.0.1:8000"}, False),
        ("POST", {"host": "127.0.0.1:8000", "origin": "http://localhost:8000"}, True),
        ("POST", {"host": "127.0.0.1:8000", "origin": "https://attacker.example"}, True),
        ("POST", {"host": "127.0.0.1:8000", "origin": "null"}, True),
        ("POST", {"host": "127.0.0.1:8000", "referer": "http://attacker.example/x"}, True),
        ("POST", {"host": "127.0.0.1:8000", "referer": "http://127.0.0.1:8000/board"}, False),
        ("POST", {"host": "127.0.0.1:8000"}, False),  # curl, a script: no browser origin
        ("DELETE", {"host": "127.0.0.1:8000", "origin": "http://evil.example"}, True),
        ("GET", {"host": "127.0.0.1:8000", "origin": "http://evil.example"}, False),
    ],
)
def test_refusal_rules(method: str, headers: dict[str, str], refused: bool) -> None:
    assert (refusal(method, "http", Headers(headers), LOCAL) is not None) is refused


def test_a_foreign_host_is_refused_with_a_page(client: TestClient) -> None:
    response = client.get("/board", headers={"Host": "rebound.attacker.example"})
    assert response.status_code == 403
    page = html(response.text)
    assert text_of(page.find(".//h1")) == "Request refused"
    assert "rebound.attacker.example" in text_of(page.find(".//main"))
    api = client.get("/api/v1/board", headers={"Host": "rebound.attacker.example"})
    assert api.status_code == 403
    assert api.json()["error"]["type"] == "Forbidden"


def test_a_cross_site_form_post_is_refused_and_changes_nothing(client: TestClient) -> None:
    app = add_application(client)
    response = client.post(
        f"/applications/{app['id']}/move",
        data={"stage": "applied"},
        headers={"Origin": "https://attacker.example"},
    )
    assert response.status_code == 403
    assert "https://attacker.example" in text_of(html(response.text).find(".//main"))
    api = client.post(
        f"/api/v1/applications/{app['id']}/moves",
        json={"stage": "applied"},
        headers={"Origin": "https://attacker.example"},
    )
    assert api.status_code == 403
    assert stages_of(client, app["id"]) == ["saved"]


def test_a_same_origin_post_goes_through(client: TestClient) -> None:
    app = add_application(client)
    response = client.post(
        f"/api/v1/applications/{app['id']}/moves",
        json={"stage": "applied"},
        headers={"Origin": "http://127.0.0.1"},
    )
    assert response.status_code == 201
    assert stages_of(client, app["id"]) == ["saved", "applied"]


@pytest.fixture
def lan_client(settings: Settings, workspace: Workspace) -> Iterator[TestClient]:
    app = create_app(settings, allowed_hosts=allowed_hosts_for("0.0.0.0"))
    with TestClient(app, base_url="http://192.168.1.20:8000") as c:
        yield c


def test_serving_on_all_interfaces_answers_other_hosts_but_still_refuses_csrf(
    lan_client: TestClient,
) -> None:
    assert lan_client.get("/board").status_code == 200
    response = lan_client.post(
        "/api/v1/applications",
        json={"company": "A", "title": "B"},
        headers={"Origin": "http://attacker.example"},
    )
    assert response.status_code == 403


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    response = client.get("/board")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_templates_and_static_files_load_nothing_from_other_sites() -> None:
    external = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
    css_import = re.compile(r"""@import|url\(\s*["']?(?:https?:)?//""", re.I)
    offenders = [
        path.name
        for path in [*TEMPLATES_DIR.rglob("*.html"), *STATIC_DIR.rglob("*")]
        if path.is_file()
        and (external.search(path.read_text()) or css_import.search(path.read_text()))
    ]
    assert offenders == []


def test_rendered_pages_reference_only_local_scripts_and_styles(client: TestClient) -> None:
    add_application(client)
    for url in ("/board", "/applications/1", "/applications/new", "/today", "/docs"):
        page = html(client.get(url).text)
        sources = [s.get("src", "") for s in page.iterfind(".//script")]
        styles = [link.get("href", "") for link in page.iterfind(".//link[@rel='stylesheet']")]
        assert all(src.startswith("/static/") for src in sources + styles), url
        assert not [s for s in page.iterfind(".//script") if not s.get("src")], url
