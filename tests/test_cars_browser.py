"""Which MINI do you have (issue 32), in Chromium on the real site, in both languages: the marks before any
choice, choosing "earlier systems" (the lists and search put those answers first, the others say "For other
MINI", an article for Operating System 9 says so with its counterpart), the choice kept over a reload with no
layout shift and no cookie, "I don't know", axe in each state; and without script the marks still read."""

from __future__ import annotations

import pytest
import yaml

from browser import RESULTS, SEARCH_INPUT, answers, ask, axe_violations, search, wait_for_search
from conftest import LANGS, REPO

STRINGS = {lang: yaml.safe_load((REPO / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in LANGS}
STORE = "connected-store/index.html"
OS9_ONLY = {"1002", "1004", "1005"}  # the store's answers for Operating System 9
EARLIER = {"1006", "1007"}
# Layout shifts of the content and the control (the whole page's: tests/test_layout_shift.py).
CLS = """() => new Promise((done) => {
  let total = 0;
  const ours = (e) => e.sources.some((s) => s.node && s.node.closest && s.node.closest('.md-content, .hc-car'));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (ours(e)) total += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done(total), 300);
})"""


def order(page) -> list[str]:
    return page.eval_on_selector_all("[data-hc='category-list'] > li", "lis => lis.map(li => li.dataset.article)")


def visible(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts() if t.strip()]


def choose(page, value: str) -> None:
    page.click(".hc-car__button")
    assert page.locator("#hc-car-dialog fieldset").is_visible()
    assert axe_violations(page) == []
    page.check(f"#hc-car-dialog input[value='{value}']")
    page.click("#hc-car-dialog button")
    assert not page.locator("#hc-car-dialog fieldset").is_visible()


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_readers_car_comes_first_and_the_others_say_so(tab, served, lang):
    page, s = tab.page, STRINGS[lang]
    page.goto(served.url + LANGS[lang] + STORE)
    before = order(page)
    # No choice yet: the control asks, every answer for some cars names them, none says "for other MINI".
    assert visible(page, ".hc-car__button") == [s["car.question"]]
    assert s["car.other"] not in page.inner_text(".md-content")
    assert axe_violations(page) == []

    choose(page, "earlier")
    assert s["car.change"] in page.inner_text(".hc-car__button")
    after = order(page)
    assert sorted(after) == sorted(before)  # nothing hidden
    assert set(after[-len(OS9_ONLY) :]) == OS9_ONLY  # the answers for the other system last, in their order
    assert [i for i in after if i in OS9_ONLY] == [i for i in before if i in OS9_ONLY]
    others = page.locator("[data-hc='category-list'] > li .hc-for__other:visible")
    assert others.count() == len(OS9_ONLY) and set(others.all_inner_texts()) == {s["car.other"]}
    assert axe_violations(page) == []

    # Kept in this browser: applied before the first paint after a reload, with no layout shift, no cookie.
    page.reload()
    assert order(page) == after
    assert page.evaluate(CLS) == 0
    assert page.context.cookies() == []

    # An article for the other system says so at its top, with the answer for the reader's car.
    page.goto(served.url + LANGS[lang] + "connected-store/buy-upgrades-in-car.html")
    notice = page.locator("[data-hc='cars-notice']")
    assert s["car.notice_other"] in notice.inner_text()
    assert notice.locator("a").get_attribute("href") == "upgrades-earlier-cars.html"
    assert axe_violations(page) == []

    # Search puts the answers for the reader's car first, and marks the others.
    page.goto(served.url + LANGS[lang] + "index.html")
    page.fill(SEARCH_INPUT, "MINI Connected Upgrades" if lang == "en" else "mises à niveau MINI Connected")
    wait_for_search(page)
    found = [a.get_attribute("href").rsplit("/", 1)[-1] for a in page.query_selector_all(RESULTS)]
    assert found.index("upgrades-earlier-cars.html") < found.index("buy-upgrades-in-car.html")
    assert s["car.other"] in page.inner_text(".md-content [data-hc='search-results']")
    # The assistant orders them the same way and shows the answer for the reader's car in full.
    ask(tab, "MINI Connected Upgrades" if lang == "en" else "mises à niveau MINI Connected")
    shown = [href.rsplit("/", 1)[-1] for href in answers(tab)]
    assert shown[0] == "upgrades-earlier-cars.html"
    assert page.locator(".hc-assistant__unsure:not([hidden])").count() == 0

    # "I don't know": every answer in its place, none for "other" MINI.
    page.goto(served.url + LANGS[lang] + STORE)
    choose(page, "")
    assert order(page) == before
    assert s["car.any"] in page.inner_text(".hc-car__button")
    assert s["car.other"] not in page.inner_text(".md-content")
    assert axe_violations(page) == []
    assert tab.errors == [] and tab.failed == []


def test_without_script_the_marks_and_notices_still_read(chromium, served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served.url + LANGS["en"] + "connected-store/buy-upgrades-in-car.html")
    notice = page.inner_text("[data-hc='cars-notice']")
    assert "This answer is for MINI with Operating System 9." in notice
    assert STRINGS["en"]["car.notice_other"] not in notice
    assert not page.locator(".hc-car").is_visible()  # no choice to offer without script
    marks = visible(page, "[data-hc='recommended'] .hc-for")
    assert "For MINI with an earlier system" in marks and STRINGS["en"]["car.other"] not in marks
    context.close()


def test_a_reader_who_has_not_chosen_downloads_none_of_the_cars_rules(tab, served):
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    found = search(tab, served, LANGS["en"] + "index.html", "MINI Connected Upgrades")
    assert any(url.endswith("buy-upgrades-in-car.html") for url in found)
    assert requested and not [url for url in requested if url.endswith("/search/cars.js")]
