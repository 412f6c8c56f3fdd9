"""The Help Center API of a Zendesk Guide help centre, read politely: the only module that talks to it.

Reads ``<URL>/api/v2/help_center/...`` (locales, then each locale's categories, sections and articles,
following ``next_page`` or, when the answer is cursor-paged, ``links.next`` while ``meta.has_more``) and the
images the bodies show, from the help centre's own host only. Keeps to ``rate`` requests a second, waits as
a ``429``'s ``Retry-After`` says, retries a ``5xx`` or a dropped connection (or an answer shorter than its
``Content-Length``) four times with growing pauses (or as its ``Retry-After`` says), then gives up with the
address and what to do.
Credentials (``ZENDESK_EMAIL`` and ``ZENDESK_API_TOKEN``) go in the ``Authorization`` header and nowhere
else: no message, log line or report names them. Failures are a ``ZendeskError`` whose message names the
address and the fix; an ``Unreachable`` one when it was still failing after every retry (importing again may do).
"""

from __future__ import annotations

import base64
import http.client
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

API = "/api/v2/help_center"
MAX_RETRIES = 4  # after the first try, for a 5xx or a dropped connection
MAX_WAIT = 120.0  # seconds a Retry-After may make us wait
MAX_PAGES = 10_000
MAX_JSON = 50 * 1024 * 1024
MAX_IMAGE = 20 * 1024 * 1024
USER_AGENT = "helpcentre-import-zendesk/1"


class ZendeskError(RuntimeError):
    pass


class Unreachable(ZendeskError):
    """Still failing after every retry: a connection dropped or cut short, a ``5xx``, a ``429``."""


@dataclass(frozen=True)
class Credentials:
    email: str
    token: str

    def header(self) -> str:
        raw = f"{self.email}/token:{self.token}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")

    def __repr__(self) -> str:  # never printed by accident
        return "Credentials(<hidden>)"


class Client:
    def __init__(
        self,
        url: str,
        credentials: Credentials | None = None,
        rate: float = 5.0,
        backoff: float = 1.0,
        timeout: float = 30.0,
        progress: bool | None = None,
    ) -> None:
        parts = urllib.parse.urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ZendeskError(f"'{url}' is not a help centre's address; give it as URL=https://help.example.com")
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.netloc.lower()
        self.credentials, self.timeout, self.backoff = credentials, timeout, backoff
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.requests = 0
        self._next_slot = 0.0
        self._lock = threading.Lock()
        self.progress = sys.stderr.isatty() if progress is None else progress

    def api(self, path: str) -> str:
        return f"{self.base}{API}/{path.lstrip('/')}"

    def _wait_turn(self) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot)
            self._next_slot = slot + self.interval
        if slot > now:
            time.sleep(slot - now)

    def _get(self, url: str, accept: str, limit: int, paced: bool = True) -> bytes:
        """The body at ``url``, after the retries a 429, a 5xx or a dropped connection deserve."""
        if urllib.parse.urlsplit(url).netloc.lower() != self.host:
            raise ZendeskError(f"{url}: not on {self.host}; the importer reads the help centre's own host only")
        headers = {"Accept": accept, "User-Agent": USER_AGENT}
        if self.credentials:
            headers["Authorization"] = self.credentials.header()
        for attempt in range(MAX_RETRIES + 1):
            if paced:
                self._wait_turn()
            self.requests += 1
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=self.timeout) as r:
                    data = r.read(limit + 1)
                    missing = r.length  # what Content-Length announced and did not come (None: not announced)
                if len(data) > limit:
                    raise ZendeskError(f"{url}: answer over {limit // 1024 // 1024} MB; not imported")
                if missing:  # a connection lost mid-answer: read(n) returns the part that came, without a word
                    raise http.client.IncompleteRead(data, missing)
                return data
            except urllib.error.HTTPError as exc:
                wait = retry_wait(url, exc, attempt, self.backoff, self.credentials is not None)
            except http.client.InvalidURL as exc:  # a control character in it: refused before sending, at every try
                raise ZendeskError(
                    f"{url}: cannot be requested as written ({exc}); correct that address in Zendesk's editor"
                ) from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as exc:
                if attempt == MAX_RETRIES:
                    cut = isinstance(exc, http.client.IncompleteRead)
                    reason = "its answers cut short" if cut else getattr(exc, "reason", None) or type(exc).__name__
                    raise Unreachable(
                        f"{url}: cannot reach it after {MAX_RETRIES + 1} tries ({reason}); check URL and the network,"
                        " then import again"
                    ) from None
                wait = self.backoff * 2**attempt
            time.sleep(wait)
        raise Unreachable(f"{url}: still failing after {MAX_RETRIES + 1} tries; try again later")

    def json(self, url: str) -> dict:
        data = self._get(url, "application/json", MAX_JSON)
        try:
            value = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ZendeskError(f"{url}: the answer is not JSON ({exc}); is URL a Zendesk help centre?") from None
        if not isinstance(value, dict):
            raise ZendeskError(f"{url}: the answer is JSON but not an object; is URL a Zendesk help centre?")
        return value

    def items(self, path: str, key: str, label: str) -> Iterator[dict]:
        """Every item of a list endpoint, following either kind of pagination Zendesk answers with."""
        url, seen, count = self.api(path) + "?per_page=100", set(), 0
        for _ in range(MAX_PAGES):
            seen.add(url)
            page = self.json(url)
            items = page.get(key)
            if not isinstance(items, list):
                raise ZendeskError(f"{url}: the answer has no '{key}' list; is URL a Zendesk help centre?")
            for item in items:
                if isinstance(item, dict):
                    yield item
            count += len(items)
            self.say(f"{label}: {count}")
            url = next_page(page)
            if url is None:
                return
            if url in seen:
                raise ZendeskError(f"{url}: the pages loop back to an address already read")
        raise ZendeskError(f"{self.api(path)}: more than {MAX_PAGES} pages")

    def image(self, url: str) -> bytes:
        return self._get(url, "image/*", MAX_IMAGE, paced=False)

    def say(self, text: str) -> None:
        if self.progress:
            print(f"\r\033[Kimport-zendesk: {text}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.progress:
            print(file=sys.stderr)


def retry_wait(url: str, exc: urllib.error.HTTPError, attempt: int, backoff: float, private: bool) -> float:
    """How long to wait before trying ``url`` again, or the ZendeskError that ends the import."""
    status = exc.code
    if (status == 429 or status >= 500) and attempt < MAX_RETRIES:
        return _retry_after(exc, backoff * 2**attempt)
    if status in (401, 403):
        fix = (
            "check ZENDESK_EMAIL and ZENDESK_API_TOKEN"
            if private
            else "the help centre is private: set ZENDESK_EMAIL and ZENDESK_API_TOKEN in the environment"
        )
        raise ZendeskError(f"{url}: {status} {exc.reason}; {fix}") from None
    if status == 429:
        raise Unreachable(f"{url}: still rate-limited (429) after {MAX_RETRIES} waits; try again later")
    if status >= 500:
        raise Unreachable(
            f"{url}: Zendesk answered {status} {exc.reason} {MAX_RETRIES + 1} times; it may be down or busy:"
            " import again later"
        ) from None
    if status == 404:
        raise ZendeskError(
            f"{url}: 404 Not Found; is URL the help centre's own address, with Guide turned on and this locale"
            " published?"
        ) from None
    raise ZendeskError(f"{url}: {status} {exc.reason}") from None


def _retry_after(exc: urllib.error.HTTPError, otherwise: float) -> float:
    """The wait a ``Retry-After`` in seconds asks for (at most ``MAX_WAIT``), else ``otherwise``."""
    try:
        return min(MAX_WAIT, max(0.0, float(exc.headers.get("Retry-After", ""))) or otherwise)
    except ValueError:
        return otherwise


def next_page(page: dict) -> str | None:
    """The next page's address: ``links.next`` while ``meta.has_more`` (cursor pages), else ``next_page``."""
    meta, links = page.get("meta"), page.get("links")
    if isinstance(meta, dict) and "has_more" in meta:
        following = links.get("next") if isinstance(links, dict) and meta.get("has_more") else None
        return following if isinstance(following, str) and following else None
    following = page.get("next_page")
    return following if isinstance(following, str) and following else None
