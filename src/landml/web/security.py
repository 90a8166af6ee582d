"""Guards for an app that serves one person's data on their own machine.

Two attacks matter for a local server without login:
- DNS rebinding: a web page on evil.example makes its name resolve to 127.0.0.1 and
  reads the app from the person's browser. The Host header still says evil.example,
  so requests whose Host is not a loopback name are refused.
- Cross-site requests: a page on another site posts a form to 127.0.0.1. Browsers send
  Origin (or Referer) with it, so state-changing requests from another origin are refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# Bind addresses that mean "every interface": any Host name may then be legitimate.
ALL_INTERFACES = frozenset({"0.0.0.0", "::", ""})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Every script and style is our own file: nothing inline, nothing from another site.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def allowed_hosts_for(bind_host: str) -> frozenset[str] | None:
    """Host names to accept when serving on `bind_host`; None accepts any."""
    host = bind_host.strip().strip("[]").lower()
    if host in ALL_INTERFACES:
        return None
    return LOCAL_HOSTS | {host}


def host_name(host_header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def origin_of(url: str) -> str | None:
    """scheme://host[:port] of a URL, lower-cased; None when it has none ("null")."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def refusal(
    method: str, scheme: str, headers: Headers, allowed_hosts: frozenset[str] | None
) -> str | None:
    """Why a request must be refused, or None when it may go on."""
    host = headers.get("host", "")
    if allowed_hosts is not None and host_name(host) not in allowed_hosts:
        return (
            f"This landml server only answers to {', '.join(sorted(allowed_hosts))}; "
            f"the request was addressed to {host or 'no host'!r}."
        )
    if method.upper() not in UNSAFE_METHODS:
        return None
    claimed = headers.get("origin") or headers.get("referer")
    if claimed is None:
        # Browsers send Origin with every cross-site POST; a request without it comes
        # from a program the person runs themselves (curl, a script).
        return None
    if origin_of(claimed) != f"{scheme}://{host}".lower():
        return (
            f"A page from {origin_of(claimed) or 'an unknown origin'} tried to change "
            "your workspace; only landml's own pages may do that."
        )
    return None


class LocalRequestGuard:
    """ASGI middleware: refuses foreign hosts and cross-site writes, adds security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed_hosts: Iterable[str] | None,
        render_refusal: Callable[[Request, str], Response],
    ) -> None:
        self.app = app
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None
        self.render_refusal = render_refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        reason = refusal(
            scope["method"], scope.get("scheme", "http"), Headers(scope=scope), self.allowed_hosts
        )
        if reason is not None:
            response = self.render_refusal(Request(scope, receive), reason)
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        return send_with_headers
