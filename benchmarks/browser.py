"""Search as a reader meets it: a cold Chromium, a built site on 127.0.0.1, one query typed on an article.

Reads a built site folder; serves it with scripts/static_server.py (plain files, no compression), opens an
article page in a fresh browser context (empty cache), opens the page's search (our header dialog, else
Material's header field), types a query and times, inside the page, the first keystroke to the first result
in the list. Also adds up the bytes of every file the page fetched, split into before the first keystroke /
search assets. When the page has our answer assistant, it times, in two more cold visits, Enter in its field
to its answers: after typing the question as a reader does, and after pasting it whole. Produces
``BrowserRun`` values; needs Playwright and Debian's /usr/bin/chromium (else ``available`` is False and
nothing is measured).
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from chromium import CHROMIUM, launch

from .weights import is_search_asset
from static_server import Server

RESULTS = "[data-hc-search-dialog] [data-hc='search-results'] li, .md-search-result__item"
ANSWERED = ".hc-assistant__answers:not([hidden]) li, .hc-assistant__none:not([hidden])"
TIMEOUT_MS = 60_000
# Installed before any script of the page runs: records the first keydown and the first time the selector
# in window.__bench.selector matches, in the page's own clock.
_PROBE = """
window.__bench = {key: null, done: null, selector: %s};
document.addEventListener("keydown", function () {
  if (window.__bench.key === null) window.__bench.key = performance.now();
}, true);
new MutationObserver(function () {
  var b = window.__bench;
  if (b.key !== null && b.done === null && document.querySelector(b.selector)) b.done = performance.now();
}).observe(document, {childList: true, subtree: true, attributes: true});
"""


@dataclass(frozen=True)
class BrowserRun:
    page: str
    query: str
    engine_ui: str  # "ours" (header dialog) or "material"
    first_result_ms: float | None  # first keystroke to the first result shown
    page_bytes: int  # everything fetched before the first keystroke (HTML, JS, CSS, images...)
    search_bytes: int  # search files fetched from page load to the first result (index and search scripts)
    after_key_bytes: int  # everything fetched from the first keystroke to the first result
    requests_after_key: int
    error: str = ""


@dataclass(frozen=True)
class AssistantRun:
    page: str
    question: str
    answer_ms: float | None  # Enter in the question field to answers (or the "no good answer" state) shown
    search_bytes: int
    pasted: bool = False  # the question put in the field whole and sent at once, not typed
    error: str = ""


# A reader types the question: 20 characters a second is a fast typist, on a keyboard rather than a phone.
TYPING_DELAY_MS = 50


def available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def _bytes(out: Path, url: str) -> int:
    path = out / unquote(urlparse(url).path).lstrip("/")
    return path.stat().st_size if path.is_file() else 0


def _is_search_asset(url: str) -> bool:
    return is_search_asset(unquote(urlparse(url).path))


def _open_search(page) -> str:
    """Focus the page's search field; returns which interface it is."""
    opener = page.locator("[data-hc-search-open]")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
        page.locator("[data-hc-search-dialog] .hc-search__input").wait_for(state="visible")
        return "ours"
    page.locator(".md-search__input").first.click()
    return "material"


def _visit(browser, url: str, selector: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[tuple[float, str]] = []
    page.on("requestfinished", lambda request: fetched.append((time.perf_counter(), request.url)))
    page.add_init_script(_PROBE % json.dumps(selector))
    page.goto(url, wait_until="load")
    return context, page, fetched


def _elapsed_ms(page) -> float:
    page.wait_for_function("window.__bench.done !== null", timeout=TIMEOUT_MS)
    timing = page.evaluate("window.__bench")
    return timing["done"] - timing["key"]


def _failed(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def measure_search(browser, base_url: str, out: Path, page_path: str, query: str) -> BrowserRun:
    """One cold visit: load ``page_path``, open search, type ``query``, wait for the first result."""
    context = None
    try:
        context, page, fetched = _visit(browser, base_url + page_path, RESULTS)
        ui = _open_search(page)
        typed = time.perf_counter()
        page.keyboard.type(query)
        elapsed = _elapsed_ms(page)
        found = time.perf_counter()
        return BrowserRun(
            page=page_path,
            query=query,
            engine_ui=ui,
            first_result_ms=elapsed,
            page_bytes=sum(_bytes(out, url) for at, url in fetched if at < typed),
            search_bytes=sum(_bytes(out, url) for at, url in fetched if at <= found and _is_search_asset(url)),
            after_key_bytes=sum(_bytes(out, url) for at, url in fetched if typed <= at <= found),
            requests_after_key=sum(typed <= at <= found for at, _ in fetched),
        )
    except Exception as exc:  # a page that cannot be searched is a result, not a crash of the benchmark
        return BrowserRun(page_path, query, "", None, 0, 0, 0, 0, error=_failed(exc))
    finally:
        if context is not None:
            context.close()


def measure_assistant(
    browser, base_url: str, out: Path, page_path: str, question: str, pasted: bool = False
) -> AssistantRun | None:
    """One cold visit: tap our assistant's field, type ``question`` (or paste it whole), press Enter, wait
    for its answers; the time runs from Enter."""
    context = None
    try:
        context, page, fetched = _visit(browser, base_url + page_path, ANSWERED)
        field = page.locator(".hc-assistant__input")
        if not field.count():
            return None
        field.first.click()
        if pasted:
            field.first.fill(question)
        else:
            field.first.press_sequentially(question, delay=TYPING_DELAY_MS)
        page.evaluate("window.__bench.key = null")  # the clock starts at Enter, not at the first letter
        field.first.press("Enter")
        elapsed = _elapsed_ms(page)
        search = sum(_bytes(out, url) for _, url in fetched if _is_search_asset(url))
        return AssistantRun(page_path, question, elapsed, search, pasted=pasted)
    except Exception as exc:
        return AssistantRun(page_path, question, None, 0, pasted=pasted, error=_failed(exc))
    finally:
        if context is not None:
            context.close()


@dataclass(frozen=True)
class Visit:
    page: str
    query: str
    question: str
    typo: str = ""  # a query that needs a correction, searched in a visit of its own


def measure_site(out: Path, visits: list[Visit], repeats: int) -> tuple[list[BrowserRun], list[AssistantRun]]:
    """Each visit ``repeats`` times, each time in a new browser context (cold cache)."""
    from playwright.sync_api import sync_playwright

    searches: list[BrowserRun] = []
    answers: list[AssistantRun] = []
    with Server(out) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for visit in visits:
                for _ in range(repeats):
                    searches.append(measure_search(browser, server.url, out, visit.page, visit.query))
                    if visit.typo:
                        searches.append(measure_search(browser, server.url, out, visit.page, visit.typo))
                    for pasted in (False, True):
                        answer = measure_assistant(browser, server.url, out, visit.page, visit.question, pasted)
                        answers += [answer] if answer is not None else []
        finally:
            browser.close()
    return searches, answers


def chromium_version() -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return browser.version
        finally:
            browser.close()
