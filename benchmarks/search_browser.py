"""Queries typed into the built site in Chromium, where readers type them: the home page's search box and
its answer assistant (`make bench-search`, issue 16).

Reads a served site (its base URL) through a Playwright page. The search box: fill the field, press Enter, wait
until the results list is not ``aria-busy="true"`` and the status says something, read the result links in
order and the status. The assistant: fill its field, press its submit button, wait until its result is not
``aria-busy`` and shows either the answers or "no answer", read the answer links. Produces ``Shown`` values.

All the harness knows of the engine is that contract: it marks the list (or the assistant's result) busy while
it works. A MutationObserver counts those changes, so a search counts as finished only once this query made
the page busy, and the previous query's results are never read as this one's.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError

from .search_site import home_path

PLACES: tuple[str, ...] = ("search", "assistant")
SEARCH_BOX = ".md-content [data-hc='search']"
SEARCH_INPUT = f"{SEARCH_BOX} .hc-search__input"
SEARCH_LIST = f"{SEARCH_BOX} [data-hc='search-results']"
SEARCH_STATUS = f"{SEARCH_BOX} .hc-search__status"
ASSISTANT = ".md-content [data-hc='assistant']"
ASSISTANT_INPUT = f"{ASSISTANT} .hc-assistant__input"
ASSISTANT_SUBMIT = f"{ASSISTANT} .hc-assistant__form button[type=submit]"
ASSISTANT_LINKS = f"{ASSISTANT} .hc-assistant__list .hc-assistant__link"  # one per suggestion, best first
ASSISTANT_SHOWN = f"{ASSISTANT} .hc-assistant__item--shown"  # the answer shown in full, if any
TIMEOUT_MS = 20_000

# Counts every change of an aria-busy attribute in the page, from now on.
_WATCH = """() => {
  if (window.__hcBusyChanges !== undefined) return;
  window.__hcBusyChanges = 0;
  new MutationObserver((records) => { window.__hcBusyChanges += records.length; })
    .observe(document.documentElement, {attributes: true, attributeFilter: ["aria-busy"], subtree: true});
}"""
_CHANGES = "() => window.__hcBusyChanges"
_SEARCH_DONE = """([before, list, status]) => {
  const results = document.querySelector(list), said = document.querySelector(status);
  return window.__hcBusyChanges > before && !!results && results.getAttribute("aria-busy") !== "true"
    && !!said && said.textContent.trim() !== "";
}"""
_ASSISTANT_DONE = """([before, box]) => {
  const assistant = document.querySelector(box);
  const result = assistant && assistant.querySelector(".hc-assistant__result");
  const shown = (selector) => { const el = assistant.querySelector(selector); return !!el && el.checkVisibility(); };
  return window.__hcBusyChanges > before && !!result && result.getAttribute("aria-busy") !== "true"
    && (shown(".hc-assistant__list") || shown(".hc-assistant__none"));
}"""
_HREFS = "(links) => links.map((a) => a.href)"  # resolved against the page, as the browser follows them


@dataclass(frozen=True)
class Shown:
    links: tuple[str, ...]  # absolute URLs of the result links, in the order shown
    status: str = ""  # the search box's status line ("" for the assistant)
    match: str = ""  # the search box's data-match: do its results have all the query's words ("all"), or some
    error: str = ""  # why nothing could be read (a time-out, a page error); the links are then empty
    full: bool = True  # the assistant: its first answer shown in full (False when it says it is not sure)


def open_home(page, base_url: str, lang: str) -> None:
    """Load the home page of ``lang`` (it has both the search box and the assistant) and start counting."""
    page.goto(base_url + home_path(lang))
    page.evaluate(_WATCH)


def _changes(page) -> int:
    return page.evaluate(_CHANGES)


def search_box(page, query: str, timeout_ms: int = TIMEOUT_MS) -> Shown:
    before = _changes(page)
    page.fill(SEARCH_INPUT, query)
    page.press(SEARCH_INPUT, "Enter")
    page.wait_for_function(_SEARCH_DONE, arg=[before, SEARCH_LIST, SEARCH_STATUS], timeout=timeout_ms)
    links = page.eval_on_selector_all(f"{SEARCH_LIST} a", _HREFS)
    match = page.get_attribute(SEARCH_LIST, "data-match") or ""
    return Shown(tuple(links), page.inner_text(SEARCH_STATUS).strip(), match)


def assistant(page, query: str, timeout_ms: int = TIMEOUT_MS) -> Shown:
    before = _changes(page)
    page.fill(ASSISTANT_INPUT, query)
    page.click(ASSISTANT_SUBMIT)
    page.wait_for_function(_ASSISTANT_DONE, arg=[before, ASSISTANT], timeout=timeout_ms)
    links = tuple(page.eval_on_selector_all(ASSISTANT_LINKS, _HREFS))
    full = page.eval_on_selector_all(ASSISTANT_SHOWN, "(found) => found.some((el) => el.checkVisibility())")
    return Shown(links, full=bool(full))


ASK = {"search": search_box, "assistant": assistant}


def ask(page, base_url: str, lang: str, place: str, query: str) -> Shown:
    """``query`` through ``place`` on the home page of ``lang`` already open in ``page``. On a time-out or a page
    error the home page is loaded again, so the next query starts clean, and the error is returned."""
    try:
        return ASK[place](page, query)
    except PlaywrightError as error:
        open_home(page, base_url, lang)
        return Shown((), "", str(error).splitlines()[0])
