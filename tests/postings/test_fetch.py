from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest
import respx

from landml.errors import NetworkError, UnsafeURL
from landml.postings.fetch import FetchPolicy, fetch

PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A fake resolver: host -> address, so no test depends on real DNS."""
    table: dict[str, str] = {}

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = socket.AF_INET6 if ":" in table[host] else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (table[host], port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(dns: dict[str, str], address: str) -> None:
    dns["jobs.example"] = address
    with pytest.raises(UnsafeURL, match="non-public"):
        fetch("https://jobs.example/posting")


def test_redirect_to_a_private_address_is_refused(dns: dict[str, str]) -> None:
    dns["jobs.example"] = PUBLIC_IP
    dns["internal.example"] = "10.0.0.7"
    with respx.mock(assert_all_called=True) as mock:
        mock.get("https://jobs.example/a").respond(
            302, headers={"Location": "http://internal.example/admin"}
        )
        with pytest.raises(UnsafeURL, match=r"internal\.example"):
            fetch("https://jobs.example/a")


def test_public_page_is_fetched_and_redirects_followed(dns: dict[str, str]) -> None:
    dns["jobs.example"] = PUBLIC_IP
    with respx.mock() as mock:
        mock.get("https://jobs.example/a").respond(301, headers={"Location": "/b"})
        mock.get("https://jobs.example/b").respond(
            200, text="<h1>MLE</h1>", headers={"Content-Type": "text/html; charset=utf-8"}
        )
        page = fetch("https://jobs.example/a")
    assert page.url == "https://jobs.example/b"
    assert page.text == "<h1>MLE</h1>"


def test_response_size_is_bounded(dns: dict[str, str]) -> None:
    dns["jobs.example"] = PUBLIC_IP
    with respx.mock() as mock:
        mock.get("https://jobs.example/big").respond(200, content=b"x" * 2000)
        with pytest.raises(NetworkError, match="larger than 1,000 bytes"):
            fetch("https://jobs.example/big", FetchPolicy(max_bytes=1000))


def test_redirect_loops_stop(dns: dict[str, str]) -> None:
    dns["jobs.example"] = PUBLIC_IP
    with respx.mock() as mock:
        mock.get("https://jobs.example/loop").respond(302, headers={"Location": "/loop"})
        with pytest.raises(NetworkError, match="Too many redirects"):
            fetch("https://jobs.example/loop", FetchPolicy(max_redirects=3))


def test_timeouts_and_http_errors_are_clear(dns: dict[str, str]) -> None:
    dns["jobs.example"] = PUBLIC_IP
    with respx.mock() as mock:
        mock.get("https://jobs.example/slow").mock(side_effect=httpx.ReadTimeout("slow"))
        mock.get("https://jobs.example/gone").respond(404)
        with pytest.raises(NetworkError, match="took longer than"):
            fetch("https://jobs.example/slow")
        with pytest.raises(NetworkError, match="HTTP 404"):
            fetch("https://jobs.example/gone")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.example/a", "http:///nohost"])
def test_only_http_urls_with_a_host(url: str) -> None:
    with pytest.raises(UnsafeURL):
        fetch(url)


def test_connect_time_check_catches_a_changed_dns_answer(dns: dict[str, str]) -> None:
    """The guarded transport re-checks the address it connects to (DNS rebinding)."""
    from landml.postings.fetch import GuardedTransport

    dns["rebind.example"] = "127.0.0.1"
    with (
        httpx.Client(transport=GuardedTransport(allow_private=False)) as client,
        pytest.raises(UnsafeURL),
    ):
        client.get("http://rebind.example/")


def test_private_addresses_allowed_only_when_asked(dns: dict[str, str]) -> None:
    dns["intranet.example"] = "10.0.0.8"
    with respx.mock() as mock:
        mock.get("http://intranet.example/job").respond(200, text="ok")
        page = fetch("http://intranet.example/job", FetchPolicy(allow_private=True))
    assert page.text == "ok"
