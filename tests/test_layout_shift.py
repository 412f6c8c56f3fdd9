"""Nothing on the page moves as it loads (issue 28: CLS 0): the home page, a category and an article of the real
site in both languages, on a 320 px phone and a 1280 px screen, in Chromium. Every layout shift is counted, the
header's included (its search button shows once the script is ready: the language link beside it must not
move; the logo arrives after the first paint: the title beside it must not move), with the images arriving
late as on a real network, and a failure names what moved."""

from __future__ import annotations

import time

import pytest

from conftest import LANGS, PAGES

WIDTHS = (320, 1280)
# Every image arrives after the first paint (the logo too), as on a reader's network rather than the test's server.
IMAGE_DELAY_S = 0.3


def _late(route) -> None:
    time.sleep(IMAGE_DELAY_S)
    route.continue_()


# Every layout shift since the page started loading, with the elements that moved, once the page has settled.
SHIFTS = """() => new Promise((done) => {
  const found = [];
  const name = (node) => !node ? '?' : node.nodeType !== 1 ? name(node.parentElement)
    : node.tagName.toLowerCase() + (node.className && typeof node.className === 'string'
      ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput)
      found.push({ value: e.value, moved: e.sources.map((s) => name(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done(found), 800);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", list(LANGS))
def test_nothing_moves_as_the_page_loads(chromium, served, lang, width):
    moved = {}
    for kind, path in PAGES.items():
        context = chromium.new_context(viewport={"width": width, "height": 800})  # a first visit: nothing cached
        page = context.new_page()
        page.route(lambda url: url.rsplit(".", 1)[-1] in ("svg", "png", "webp", "jpg"), _late)
        page.goto(served.url + LANGS[lang] + path, wait_until="networkidle")
        shifts = page.evaluate(SHIFTS)
        context.close()
        if shifts:
            moved[kind] = (round(sum(s["value"] for s in shifts), 4), sorted({m for s in shifts for m in s["moved"]}))
    assert moved == {}
