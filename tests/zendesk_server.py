"""A local Zendesk Guide help centre: the Help Center API's answers as Zendesk gives them, on 127.0.0.1.

Shapes follow Zendesk's documented responses (and the examples of the public facetoe/zenpy repository):
``{"locales": [...], "default_locale": ...}``; list endpoints offset-paged (``page``, ``per_page``,
``page_count``, ``count``, ``next_page``) or, for the locales in ``cursor``, cursor-paged (``meta.has_more``,
``meta.after_cursor``, ``links.next``); articles with ``id``, ``html_url``, ``title``, ``body``,
``locale``, ``source_locale``, ``outdated``, ``draft``, ``label_names``, ``position``, ``section_id``,
``vote_sum``, ``vote_count``, ``updated_at``. Images under ``/hc/article_attachments/<id>/<name>``, found as
a real server finds a file: by its path decoded once (``my%20shot.png`` is ``my shot.png``, ``my%2520shot.png``
a 404). Faults on demand: a ``429`` with ``Retry-After`` before the first article page, ``401`` without
credentials, a malformed page, a ``404``, the articles lists (or an image) failing (a ``5xx``, a connection
reset or an answer cut short) some times or always, a delay per request (to kill an import in the middle).
Each request's path (as sent) and arrival time are kept, so a test can see what the importer asked for and how
long it waited before trying again.
"""

from __future__ import annotations

import base64
import json
import socket
import struct
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7\x9a\xa0\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass
class HelpCentre:
    locales: list[str] = field(default_factory=lambda: ["en-us", "fr-ca"])
    default_locale: str = "en-us"
    categories: dict[str, list[dict]] = field(default_factory=dict)
    sections: dict[str, list[dict]] = field(default_factory=dict)
    articles: dict[str, list[dict]] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)  # path as the file is named (spaces, accents) -> bytes
    cursor: set[str] = field(default_factory=set)  # locales whose lists are cursor-paged
    per_page: int = 2
    too_many_once: bool = False  # a 429 with Retry-After: 1 before the first articles page
    auth: tuple[str, str] | None = None  # (email, token) a private help centre wants
    malformed: str | None = None  # a path answered with broken JSON
    missing: str | None = None  # a path answered 404, as a help centre with Guide turned off answers
    failing: int = 0  # the next N requests ``failing_on`` names fail (-1: every one), as ``failure`` says
    failing_on: str = "/articles.json"  # how the failing requests' paths end: the articles lists, or an image's path
    failure: str = "503"  # a status ("503", "502", "500"), "reset" (the connection reset unanswered) or "cut"
    delay: float = 0.0
    log: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # time.monotonic() as each request of ``log`` arrived
    headers: list[dict] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    centre: HelpCentre
    base: str
    cut = False

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        centre = self.centre
        centre.times.append(time.monotonic())
        centre.log.append(self.path)
        centre.headers.append(dict(self.headers))
        if centre.delay:
            time.sleep(centre.delay)
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        if centre.auth and parts.path.startswith("/api/"):
            email, token = centre.auth
            wanted = "Basic " + base64.b64encode(f"{email}/token:{token}".encode()).decode()
            if self.headers.get("Authorization") != wanted:
                return self._send(401, {"error": "Couldn't authenticate you"})
        if centre.failing and parts.path.endswith(centre.failing_on):
            centre.failing -= centre.failing > 0
            if centre.failure != "cut":
                return self._fail(centre.failure)
            self.cut = True  # the answer's headers and half its body, then the connection closes
        if centre.missing and parts.path == centre.missing:
            return self._send(404, {"error": "InvalidEndpoint", "description": "Not found"})
        if centre.malformed and parts.path == centre.malformed:
            return self._raw(200, b'{"articles": [ {"id": 1,', "application/json")
        if (named := urllib.parse.unquote(parts.path)) in centre.images:
            return self._raw(200, centre.images[named], "image/png")
        path = parts.path.removeprefix("/api/v2/help_center/")
        if path == "locales.json":
            return self._send(200, {"locales": centre.locales, "default_locale": centre.default_locale})
        locale, _, kind = path.partition("/")
        kind = kind.removesuffix(".json")
        if locale in centre.locales and kind in ("categories", "sections", "articles"):
            if kind == "articles" and centre.too_many_once:
                centre.too_many_once = False
                return self._send(429, {"error": "TooManyRequests"}, {"Retry-After": "1"})
            items = getattr(centre, kind).get(locale, [])
            return self._send(200, self._page(kind, locale, items, query))
        return self._send(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _fail(self, failure: str) -> None:
        if failure == "reset":  # an RST, no answer: what a dropped connection looks like to the client
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return None
        # A 503 that passes says when to come back, as Zendesk's do; an outage that lasts says nothing (and
        # the test waits only the importer's short backoff).
        retry = {"Retry-After": "1"} if failure == "503" and self.centre.failing >= 0 else None
        return self._send(int(failure), {"error": "ServiceUnavailable"}, retry)

    def _page(self, kind: str, locale: str, items: list[dict], query: dict) -> dict:
        size = self.centre.per_page
        url = f"{self.base}/api/v2/help_center/{locale}/{kind}.json"
        if locale in self.centre.cursor:
            start = int(query.get("page[after]", "0") or 0)
            chunk, more = items[start : start + size], start + size < len(items)
            after = str(start + size)
            return {
                kind: chunk,
                "meta": {"has_more": more, "after_cursor": after if more else None, "before_cursor": str(start)},
                "links": {"first": url, "last": url, "next": f"{url}?page%5Bafter%5D={after}&page%5Bsize%5D={size}",
                          "prev": None},
            }  # fmt: skip
        page = int(query.get("page", "1"))
        count = len(items)
        pages = max(1, -(-count // size))
        chunk = items[(page - 1) * size : page * size]
        return {
            kind: chunk, "page": page, "per_page": size, "page_count": pages, "count": count,
            "next_page": f"{url}?page={page + 1}&per_page={size}" if page < pages else None,
            "previous_page": f"{url}?page={page - 1}&per_page={size}" if page > 1 else None,
            "sort_by": "position", "sort_order": "asc",
        }  # fmt: skip

    def _send(self, status: int, data: dict, headers: dict | None = None) -> None:
        self._raw(status, json.dumps(data).encode(), "application/json; charset=utf-8", headers)

    def _raw(self, status: int, body: bytes, kind: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.cut:  # fewer bytes than Content-Length announced: what a connection lost mid-answer delivers
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self.wfile.write(body)


class ZendeskServer:
    """``with ZendeskServer(centre) as server``: ``server.url`` answers as the help centre."""

    def __init__(self, centre: HelpCentre) -> None:
        self.centre = centre

    def __enter__(self) -> ZendeskServer:
        handler = type("Handler", (_Handler,), {"centre": self.centre, "base": ""})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        handler.base = self.url
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def article(url: str, zid: int, locale: str, section: int, title: str, body: str, **extra) -> dict:
    slug = "-".join(title.split())[:40]
    return {
        "id": zid, "url": f"{url}/api/v2/help_center/{locale}/articles/{zid}.json",
        "html_url": f"{url}/hc/{locale}/articles/{zid}-{urllib.parse.quote(slug)}",
        "author_id": 1, "comments_disabled": False, "draft": False, "promoted": False, "position": 0,
        "vote_sum": 3, "vote_count": 5, "section_id": section, "created_at": "2024-01-02T10:00:00Z",
        "updated_at": "2024-03-04T10:00:00Z", "name": title, "title": title, "body": body, "source_locale": "en-us",
        "locale": locale, "outdated": False, "outdated_locales": [], "label_names": [], "user_segment_id": None,
        "permission_group_id": 1, **extra,
    }  # fmt: skip


def section(url: str, sid: int, locale: str, category: int, name: str, description: str = "", **extra) -> dict:
    return {
        "id": sid, "url": f"{url}/api/v2/help_center/{locale}/sections/{sid}.json",
        "html_url": f"{url}/hc/{locale}/sections/{sid}-{'-'.join(name.split())}", "category_id": category,
        "position": 0, "sorting": "manual", "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z",
        "name": name, "description": description, "locale": locale, "source_locale": "en-us", "outdated": False,
        "parent_section_id": None, "manageable_by": "managers", "user_segment_id": None, **extra,
    }  # fmt: skip


def category(url: str, cid: int, locale: str, name: str) -> dict:
    return {
        "id": cid, "url": f"{url}/api/v2/help_center/{locale}/categories/{cid}.json",
        "html_url": f"{url}/hc/{locale}/categories/{cid}-{'-'.join(name.split())}", "position": 0,
        "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z", "name": name,
        "description": "", "locale": locale, "source_locale": "en-us", "outdated": False,
    }  # fmt: skip
