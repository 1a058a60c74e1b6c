"""Who may write, CSRF tokens, and the limits every request passes through.

Reading is public. A write needs the server's token, sent either as
`Authorization: Bearer <token>` (API clients; no cookie, so no CSRF) or once
through the login form, which marks the signed session cookie as a writer.
Every form carries a per-session CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 64 * 1024  # forms and JSON bodies are small; anything bigger is refused
MAX_QUERY = 4096  # bytes of query string
SESSION_COOKIE = "councilwatch_session"
SESSION_AGE = 8 * 3600

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Briefs are whole documents rendered by councilwatch.publish with inline styles (and SVG charts
# with style blocks); they get their own policy: inline styles, and no script of any kind.
BRIEF_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
             "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class WriteRefused(Exception):
    """A write without a valid token or CSRF token; `status` is 401 or 403."""

    def __init__(self, status: int, message: str):
        self.status, self.message = status, message
        super().__init__(message)


def session_secret(token: str | None) -> str:
    """Sessions are signed with a key derived from the token: a new token logs everyone out."""
    if not token:
        return secrets.token_hex(32)
    return hmac.new(token.encode(), b"councilwatch-session", hashlib.sha256).hexdigest()


def _fingerprint(token: str) -> str:
    return hashlib.sha256(b"cw-writer:" + token.encode()).hexdigest()[:16]


class Auth:
    """The server's write token and the checks built on it."""

    def __init__(self, token: str | None):
        self.token = token or None

    @property
    def writes_enabled(self) -> bool:
        return self.token is not None

    def token_matches(self, given: str | None) -> bool:
        return bool(self.token and given) and hmac.compare_digest(given.encode(), self.token.encode())

    def bearer(self, request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None

    def is_writer(self, request: Request) -> bool:
        """A valid bearer token, or a session that logged in with the current token."""
        if not self.writes_enabled:
            return False
        if self.token_matches(self.bearer(request)):
            return True
        return request.session.get("writer") == _fingerprint(self.token)

    def log_in(self, request: Request, given: str) -> bool:
        if not self.token_matches(given):
            return False
        request.session["writer"] = _fingerprint(self.token)
        request.session["csrf"] = secrets.token_urlsafe(32)  # a fresh token after the privilege change
        return True

    @staticmethod
    def log_out(request: Request) -> None:
        request.session.pop("writer", None)

    def require_writer(self, request: Request, csrf: str | None = None) -> None:
        """Raise WriteRefused unless the request may write (bearer, or session plus CSRF token)."""
        if not self.writes_enabled:
            raise WriteRefused(403, "writes are disabled: the server was started without COUNCILWATCH_TOKEN")
        if self.bearer(request) is not None:
            if self.token_matches(self.bearer(request)):
                return
            raise WriteRefused(403, "the bearer token is not valid")
        if request.session.get("writer") != _fingerprint(self.token):
            raise WriteRefused(401, "this needs the write token: log in, or send 'Authorization: Bearer <token>'")
        check_csrf(request, csrf)


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use (this is what sets the session cookie)."""
    value = request.session.get("csrf")
    if not value:
        value = secrets.token_urlsafe(32)
        request.session["csrf"] = value
    return value


def check_csrf(request: Request, given: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not given or not hmac.compare_digest(expected.encode(), given.encode()):
        raise WriteRefused(403, "the form has expired or did not come from this site (CSRF token mismatch); reload and retry")


class Limits:
    """ASGI middleware: refuse oversized requests, and add security headers to every response."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_query: int = MAX_QUERY):
        self.app, self.max_body, self.max_query = app, max_body, max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own = {name.lower() for name, _ in headers}  # a route's own policy (briefs) wins
                message["headers"] = headers + [h for h in SECURITY_HEADERS if h[0] not in own]
            await send(message)

        if len(scope.get("query_string", b"")) > self.max_query:
            await _refuse(send_with_headers, 414, f"the query string is longer than {self.max_query} bytes")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _refuse(send_with_headers, 413, f"the request body is larger than {self.max_body} bytes")
            return

        received = 0
        too_big = False

        async def counted_receive() -> Message:
            nonlocal received, too_big
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # A chunked body without a length: stop reading once it passes the limit.
                    too_big = True
                    return {"type": "http.disconnect"}
            return message

        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_big and not started:
                return
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not too_big:
                raise
        if too_big and not started:
            await _refuse(send_with_headers, 413, f"the request body is larger than {self.max_body} bytes")


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
