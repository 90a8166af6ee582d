"""Fetching a URL the person asked to import, and nothing else.

Guards against server-side request forgery: only http(s); every host, including
each redirect target, must resolve to public addresses only (no private, loopback,
link-local, multicast or reserved ranges) unless the person passes an explicit
flag. The check runs again at connect time on the resolved address actually used,
so a DNS answer that changes between check and connect cannot slip through.
Response size and time are bounded; proxies from the environment are ignored.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from landml import __version__
from landml.errors import NetworkError, UnsafeURL

USER_AGENT = f"landml/{__version__} (local job-hunt assistant; fetches only what its user asks)"


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 5_000_000
    timeout_s: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True)
class FetchedPage:
    url: str
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def public_addresses(host: str, port: int, *, allow_private: bool) -> list[str]:
    """The addresses `host` resolves to, refusing any non-public one unless allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise NetworkError(f"Cannot resolve {host!r}: {exc.strerror}.") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in addresses:
            if not _is_public(ipaddress.ip_address(address.split("%")[0])):
                raise UnsafeURL(
                    f"Refusing to fetch from {host} ({address}): it is a private, loopback, "
                    "link-local or otherwise non-public address.",
                    hint="If you really mean a machine on your own network, pass --allow-private.",
                )
    return addresses


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse a URL that is not http(s) or whose host is not public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL(f"Only http and https URLs can be imported, not {url!r}.")
    if not parts.hostname:
        raise UnsafeURL(f"The URL {url!r} has no host.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    public_addresses(parts.hostname, port, allow_private=allow_private)


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses that pass the public-address check."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = public_addresses(host, port, allow_private=self.allow_private)[0]
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on the guarded backend."""

    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False, retries=0)
        ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context, network_backend=_GuardedBackend(allow_private)
        )


def fetch(url: str, policy: FetchPolicy | None = None) -> FetchedPage:
    """GET `url` within the policy's bounds, following checked redirects."""
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.timeout_s
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/json;q=0.9,*/*;q=0.5"}
    with httpx.Client(
        transport=GuardedTransport(policy.allow_private),
        timeout=httpx.Timeout(policy.timeout_s),
        follow_redirects=False,
        trust_env=False,
        headers=headers,
    ) as client:
        for _ in range(policy.max_redirects + 1):
            check_url(url, allow_private=policy.allow_private)
            page = _get_bounded(client, url, policy, deadline)
            if isinstance(page, FetchedPage):
                return page
            url = page
        raise NetworkError(f"Too many redirects (more than {policy.max_redirects}).")


def _get_bounded(
    client: httpx.Client, url: str, policy: FetchPolicy, deadline: float
) -> FetchedPage | str:
    """The page, or the next URL when the answer is a redirect."""
    try:
        with client.stream("GET", url) as response:
            if response.is_redirect:
                location = str(response.headers.get("location", ""))
                if not location:
                    raise NetworkError(f"{url} redirects nowhere.")
                return urljoin(url, location)
            if response.status_code >= 400:
                raise NetworkError(f"{url} answered HTTP {response.status_code}.")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise NetworkError(_too_big(policy))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    raise NetworkError(_too_big(policy))
                if time.monotonic() > deadline:
                    raise NetworkError(f"{url} took longer than {policy.timeout_s:.0f} s.")
                chunks.append(chunk)
            return FetchedPage(
                url=str(response.url),
                status=response.status_code,
                content_type=response.headers.get("content-type", ""),
                body=b"".join(chunks),
            )
    except httpx.TimeoutException as exc:
        raise NetworkError(f"{url} took longer than {policy.timeout_s:.0f} s.") from exc
    except httpx.HTTPError as exc:
        raise NetworkError(f"Could not fetch {url}: {exc}.") from exc


def _too_big(policy: FetchPolicy) -> str:
    return f"The response is larger than {policy.max_bytes:,} bytes; nothing was imported."
