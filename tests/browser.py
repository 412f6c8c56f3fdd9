"""Driving Debian's Chromium through Playwright (scripts/chromium.py) on a site that scripts/static_server.py
serves, as a reader does: a tab that records what a reader would never want to see, searching, and asking the
answer assistant. Each helper waits on what the reader would see, never on a fixed delay."""

from __future__ import annotations

from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from chromium import CHROMIUM, CHROMIUM_ARGS, launch

from static_server import Server, free_port

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Server", "Tab", "free_port", "launch"]

MAIN_SEARCH = ".md-content [data-hc='search']"  # the page's own search field, on home and category pages
DIALOG_SEARCH = "[data-hc-search-dialog] [data-hc='search']"  # the header's, on every page
SEARCH_INPUT = f"{MAIN_SEARCH} .hc-search__input"
RESULT_LIST = ".md-content [data-hc='search-results']"  # the page's own search field's results
RESULTS = f"{RESULT_LIST} a"
ASSISTANT_INPUT = "#hc-assistant-input"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SEND = ".hc-assistant button[type=submit]"
ANSWERS = ".hc-assistant__answers:not([hidden]) a"
NO_ANSWER = ".hc-assistant__none:not([hidden])"
ANSWER_LINKS = ".hc-assistant__list .hc-assistant__link"  # one per suggestion, best first
SHOWN = ".hc-assistant__item--shown"  # the suggestion whose answer the box shows
# A search box has finished searching once its status says how many results (or none), not "loading".
SEARCH_SETTLED = """(box) => {
  const status = box.querySelector('.hc-search__status').textContent.trim();
  return status.length > 0 && status !== box.getAttribute('data-loading');
}"""


@dataclass
class Tab:
    """A browser page that records what a reader would never want to see."""

    page: object
    errors: list
    failed: list
    dialogs: list


def record(page) -> Tab:
    """``page``, with its console errors, failed requests (and 4xx/5xx answers) and dialogs recorded."""
    recorded = Tab(page, [], [], [])
    page.on("console", lambda m: recorded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: recorded.errors.append(str(e)))
    # A request the page itself dropped by moving on (a favicon while a link is followed) is no failure a
    # reader sees; any other failed request is.
    page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else recorded.failed.append(r.url))
    page.on("response", lambda r: recorded.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def on_dialog(dialog):
        recorded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return recorded


def wait_for_search(page, box: str = MAIN_SEARCH) -> str:
    """Until the search box ``box`` shows its results or says there are none (or that search failed): its status."""
    page.wait_for_function(SEARCH_SETTLED, arg=page.query_selector(box))
    return page.inner_text(f"{box} .hc-search__status")


def search_in(page, box: str, query: str) -> str:
    """Fill the field of the search box ``box`` with ``query`` and send it with Enter: its status once searched."""
    field = f"{box} .hc-search__input"
    page.fill(field, query)
    page.press(field, "Enter")  # search.js, once loaded, says "loading" before this returns: no stale status
    return wait_for_search(page, box)


def search(tab: Tab, served, page: str, query: str) -> list[str]:
    """Open ``page``, type ``query`` into its search field: the addresses of the results, best first."""
    tab.page.goto(served.url + page)
    tab.page.fill(SEARCH_INPUT, query)
    wait_for_search(tab.page)
    return [a.get_attribute("href") for a in tab.page.query_selector_all(RESULTS)]


def answers(tab: Tab) -> list[str]:
    """The links of the assistant's answers, best first, once it shows them: the shown answer's "Read the whole
    answer", then the other suggestions."""
    tab.page.wait_for_selector(ANSWERS)
    return [a.get_attribute("href") for a in tab.page.query_selector_all(ANSWER_LINKS)]


def shown_steps(page) -> list[str]:
    """The numbered steps of the answer the assistant's box shows, spaces tidied, without a step's "Show
    screenshot" control (its text is the control's, not the step's)."""
    steps = page.locator(f"{SHOWN} .hc-assistant__answer ol > li")
    texts = steps.evaluate_all(
        "items => items.map(item => { const copy = item.cloneNode(true);"
        " copy.querySelectorAll('.hc-assistant__shot').forEach(shot => shot.remove()); return copy.innerText; })"
    )
    return [" ".join(t.split()) for t in texts]


def ask(tab: Tab, question: str) -> None:
    """Fill the assistant's field with ``question`` and press its button (the answers come later)."""
    tab.page.fill(ASSISTANT_INPUT, question)
    tab.page.click(SEND)


def ask_typed(tab: Tab, url: str, question: str) -> list[str]:
    """Open ``url``, type ``question`` into the assistant as a reader does, send it with Enter: its answers."""
    tab.page.goto(url)
    field = tab.page.locator(ASSISTANT_INPUT)
    field.click()
    field.press_sequentially(question, delay=20)
    field.press("Enter")
    return answers(tab)


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on ``page`` (id and the first few elements of each)."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
