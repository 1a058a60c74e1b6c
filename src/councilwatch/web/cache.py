"""A short-lived page cache: anonymous GET responses kept for a few seconds.

The knowledge base is read far more than it is written, and most readers are
anonymous, so a page built once serves the next requests for `ttl` seconds.
Requests with a session cookie or an Authorization header are never cached (their
pages may carry a CSRF token), nor is any response that sets a cookie, nor any
status but 200. Any write through the app calls `clear()`; writes by other
processes (imports) show after at most `ttl` seconds.

One request builds a page at a time: while it does, others asking for the same
page get the previous copy (if any) or wait for the new one, so an expiry under
load does not set fifty threads building the same page.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from councilwatch.web.security import SESSION_COOKIE

NEVER = ("/review", "/login", "/logout", "/static", "/api/claims", "/api/docs", "/healthz")


class Pages:
    """The cached responses of one app (kept in app.state.pages, so routes can clear it)."""

    def __init__(self, ttl: float = 5.0, max_entries: int = 2048, max_body: int = 2_000_000):
        self.ttl, self.max_entries, self.max_body = ttl, max_entries, max_body
        self.entries: OrderedDict[tuple[str, bytes], tuple[float, int, list, bytes]] = OrderedDict()
        self.building: dict[tuple[str, bytes], asyncio.Event] = {}
        self.hits = self.misses = 0

    def clear(self) -> None:
        self.entries.clear()


class PageCache:
    """ASGI middleware serving and filling `Pages`."""

    def __init__(self, app: ASGIApp, pages: Pages):
        self.app, self.pages = app, pages

    def _cacheable(self, scope: Scope) -> bool:
        if self.pages.ttl <= 0 or scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(NEVER):
            return False
        for name, value in scope.get("headers", []):
            if name == b"authorization" or (name == b"cookie" and SESSION_COOKIE.encode() in value):
                return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        pages = self.pages
        key = (scope["path"], scope.get("query_string", b""))
        now = time.monotonic()
        entry = pages.entries.get(key)
        if entry is not None and entry[0] > now:
            await self._replay(entry, send)
            return
        building = pages.building.get(key)
        if building is not None:
            if entry is not None:  # stale while another request rebuilds it
                await self._replay(entry, send)
                return
            await building.wait()
            fresh = pages.entries.get(key)
            if fresh is not None:
                await self._replay(fresh, send)
                return
        pages.misses += 1
        done = None
        if key not in pages.building:
            done = pages.building[key] = asyncio.Event()
        try:
            await self._build(key, now, scope, receive, send)
        finally:
            if done is not None:
                del pages.building[key]
                done.set()

    async def _replay(self, entry, send: Send) -> None:
        self.pages.hits += 1
        _, status, headers, body = entry
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _build(self, key, now: float, scope: Scope, receive: Receive, send: Send) -> None:
        pages = self.pages
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= pages.max_body:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, capture)
        if start is None or start["status"] != 200 or size > pages.max_body:
            return
        headers = list(start.get("headers", []))
        if any(name == b"set-cookie" for name, _ in headers):
            return
        pages.entries[key] = (now + pages.ttl, 200, headers, b"".join(chunks))
        pages.entries.move_to_end(key)
        while len(pages.entries) > pages.max_entries:
            pages.entries.popitem(last=False)
