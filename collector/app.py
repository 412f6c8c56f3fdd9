"""The collector's HTTP side: one address that takes a reader's view, vote or unanswered search.

Reads ``POST`` requests from the help centre's pages (``Origin`` must be the site's; the body is JSON of at
most ``events.MAX_BODY`` bytes, sent as ``text/plain`` so that browsers send it without a preflight and
without cookies); produces 204 when the event is stored, else one plain line saying why: 403 wrong origin,
413 body too large, 400 bad body, 429 too many requests, 503 database away (with ``Retry-After``). Nothing
about the client is stored or logged: the server runs without its access log.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from . import events
from .config import Config
from .ratelimit import RateLimit
from .store import Store, Unavailable

RETRY_AFTER = "30"


def create_app(config: Config, store: Store | None = None) -> Starlette:
    store = store or Store(config.database_url)
    limit = RateLimit(config.rate_limit)

    def answer(status: int, reason: str = "", cors: bool = True, **headers: str) -> Response:
        if cors:  # the site's own pages may read the answer: no CORS error in the reader's console
            headers |= {"Access-Control-Allow-Origin": config.origin, "Vary": "Origin"}
        if status == 204:
            return Response(status_code=204, headers=headers)
        return PlainTextResponse(reason + "\n", status_code=status, headers=headers)

    async def collect(request: Request) -> Response:
        origin = request.headers.get("origin", "")
        if origin.lower() != config.origin:
            return answer(403, f"origin {origin or '(none)'} is not the help centre's ({config.origin})", cors=False)
        if request.method == "OPTIONS":
            return answer(204, **{"Access-Control-Allow-Methods": "POST", "Access-Control-Max-Age": "86400"})
        if not limit.allows(request.client.host if request.client else ""):
            return answer(429, "too many requests from this client: try again in a minute", **{"Retry-After": "60"})
        body = await _read(request, events.MAX_BODY)
        if body is None:
            return answer(413, f"the body is larger than {events.MAX_BODY} bytes")
        try:
            table, row = events.parse(body, config)
        except events.Invalid as exc:
            return answer(400, str(exc))
        try:
            await run_in_threadpool(store.add, table, row)
        except Unavailable:
            return answer(503, "the feedback database is unavailable: try again later", **{"Retry-After": RETRY_AFTER})
        return answer(204)

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def not_here(request: Request, exc: Exception) -> Response:
        return PlainTextResponse(f"{request.method} {request.url.path} is not an address of the collector\n", 404)

    async def method(request: Request, exc: Exception) -> Response:
        return PlainTextResponse(f"{request.method} is not accepted here: send POST\n", 405)

    async def failure(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("the collector failed on this request; nothing was stored\n", 500)

    routes = [Route("/collect", collect, methods=["POST", "OPTIONS"]), Route("/health", health)]
    return Starlette(routes=routes, exception_handlers={404: not_here, 405: method, Exception: failure})


async def _read(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it passes ``limit`` bytes (never read whole into memory)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                return None
    except ClientDisconnect:
        return b""
    return bytes(body)
