"""Response headers that keep untrusted article text inert, a Host check against DNS
rebinding, and the token that guards writes."""
from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException

from .errors import error_response

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


class SecurityHeaders:
    """ASGI middleware: adds HEADERS to every HTTP response and, when `hosts` is given, refuses
    requests whose Host header names another server (a DNS-rebinding page in the user's browser)."""

    def __init__(self, app, hosts: set[str] | None = None):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.hosts is not None and _host(scope) not in self.hosts:
            response = error_response(400, "unexpected Host header: open the address newsgraph serve printed")
            return await response(scope, receive, _with_headers(send))
        await self.app(scope, receive, _with_headers(send))


def _host(scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"host":
            host = value.decode("latin-1")
            return host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return ""


def _with_headers(send):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            message.setdefault("headers", [])
            message["headers"] = list(message["headers"]) + HEADERS
        await send(message)
    return wrapped


def allowed_hosts(bind: str) -> set[str] | None:
    """The Host names a browser may use to reach a server bound to `bind`; None (any) when it
    listens on every interface."""
    if bind in ("0.0.0.0", "::", ""):
        return None
    return LOOPBACK | {bind} if bind in LOOPBACK else {bind}


def require_token(request: Request) -> None:
    """Writes need `Authorization: Bearer TOKEN` with the token `serve` was started with."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with `newsgraph serve --token T` "
                                 "(or NEWSGRAPH_TOKEN) to allow merge, split and rename")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid token is needed: send `Authorization: Bearer TOKEN` with the token "
                                 "newsgraph serve was started with", headers={"WWW-Authenticate": "Bearer"})
