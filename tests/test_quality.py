"""Quality gates a reader never sees fail: accessibility (axe-core), valid HTML (vnu), a clean
console, the keyboard, hostile input, the Content-Security-Policy, and a site under a sub-path."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from helpcentre.release import artefacts

from browser import (
    ANSWERS,
    ASSISTANT_INPUT,
    DIALOG_SEARCH,
    MAIN_SEARCH,
    NO_ANSWER,
    SEARCH_INPUT,
    Server,
    answers,
    ask,
    axe_violations,
    search_in,
    wait_for_search,
)
from conftest import ARTICLE, BATTERY, LANGS, PAGES
from nuchecker import vnu_errors

pytestmark = pytest.mark.browser

PAYLOADS = [
    '<img src=x onerror="alert(1)">',
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    '<b>key</b> battery <img src=x onerror="alert(1)">',  # answered: the box shows the answer, the markup as text
]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_nothing(tab, served, kind, lang, scheme, width):
    tab.page.set_viewport_size({"width": width, "height": 900})
    tab.page.emulate_media(color_scheme=scheme)
    tab.page.goto(served.url + LANGS[lang] + PAGES[kind])
    assert axe_violations(tab.page) == []


@pytest.mark.parametrize("lang", LANGS)
def test_axe_with_search_results_and_assistant_answers(tab, served, lang):
    tab.page.goto(served.url + LANGS[lang] + ARTICLE)
    tab.page.click("[data-hc-search-open]")
    tab.page.fill("[data-hc-search-dialog] .hc-search__input", "remboursement" if lang == "fr" else "refund")
    tab.page.wait_for_selector("[data-hc-search-dialog] [data-hc='search-results'] a")
    assert axe_violations(tab.page) == []
    tab.page.click("[data-hc-search-close]")
    ask(tab, "clé pile" if lang == "fr" else "key battery")
    tab.page.wait_for_selector(ANSWERS)
    assert axe_violations(tab.page) == []


def test_every_built_page_is_valid_html(site):
    assert vnu_errors(site.out, "--skip-non-html") == []


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_no_console_errors_or_failed_requests(tab, served, lang):
    for page in [*PAGES.values(), "keys-and-locking/index.html", "404.html"]:
        tab.page.goto(served.url + lang + page)
        tab.page.wait_for_load_state("networkidle")
    tab.page.goto(served.url + lang + "index.html")
    tab.page.fill(SEARCH_INPUT, "key")
    tab.page.wait_for_selector(".md-content [data-hc='search-results'] a")
    assert tab.errors == [] and tab.failed == []


def test_helpful_vote_and_assistant_work_from_the_keyboard(tab, served):
    page = tab.page
    page.goto(served.url + ARTICLE)
    page.focus("[data-hc='helpful'] [data-answer='no']")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.locator(".hc-helpful__thanks").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('hc-helpful__thanks')")
    assert page.locator(".hc-helpful__sorry [data-hc='contact']").is_visible()
    page.reload()
    assert page.locator(".hc-helpful__thanks").is_visible()  # remembered in this browser
    page.focus(ASSISTANT_INPUT)
    page.keyboard.type("replace the key battery")
    page.keyboard.press("Enter")
    links = answers(tab)
    assert 1 <= len(links) <= 3 and links[0].endswith(BATTERY), links
    page.focus(".hc-assistant__list .hc-assistant__link")  # the first answer, followed from the keyboard
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + BATTERY)
    assert page.locator("[data-article-id='3002']").count() == 1


def test_skip_link_comes_first(tab, served):
    tab.page.goto(served.url + ARTICLE)
    tab.page.keyboard.press("Tab")
    first = tab.page.evaluate("[document.activeElement.tagName, document.activeElement.hash]")
    assert first[0] == "A" and first[1].startswith("#")
    target = tab.page.evaluate(f"!!document.getElementById({json.dumps(first[1][1:])})")
    assert target


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_input_stays_inert(tab, served, payload):
    page = tab.page
    elements = "document.querySelectorAll('img, script, iframe').length"
    page.goto(served.url + "index.html?q=" + quote(payload))
    statuses = [wait_for_search(page)]  # the ?q= link searched for it
    assert page.input_value(SEARCH_INPUT) == payload  # shown as typed
    before = page.evaluate(elements)
    statuses.append(search_in(page, MAIN_SEARCH, payload))
    ask(tab, payload)
    page.wait_for_selector(f"{NO_ANSWER}, {ANSWERS}")
    page.click("[data-hc-search-open]")
    statuses.append(search_in(page, DIALOG_SEARCH, payload))
    # Each search said how many results it found, or that there were none; none failed, nothing ran.
    assert page.get_attribute(MAIN_SEARCH, "data-unavailable") not in statuses, statuses
    assert tab.dialogs == [] and tab.errors == []
    assert page.evaluate(elements) == before
    assert page.evaluate("document.querySelectorAll('[onerror], a[href^=\"javascript:\"]').length") == 0


def test_pages_work_under_the_release_content_security_policy(site, tab):
    csp = artefacts.content_security_policy(artefacts.script_hashes(site.out))
    page = tab.page
    page.add_init_script(
        "window.hcViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.hcViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    with Server(site.out, headers={"Content-Security-Policy": csp}) as server:
        for path in ["index.html", "fr/" + ARTICLE, "my-account/index.html"]:
            page.goto(server.url + path)
            box = MAIN_SEARCH
            if page.query_selector(MAIN_SEARCH) is None:
                page.click("[data-hc-search-open]")
                box = DIALOG_SEARCH
            status = search_in(page, box, "key")
            assert status != page.get_attribute(box, "data-unavailable"), path
            assert page.evaluate("window.hcViolations") == [], path
        page.goto(server.url + "index.html")
        page.fill(SEARCH_INPUT, "refund")
        page.wait_for_selector(".md-content [data-hc='search-results'] a")
        assert page.evaluate("window.hcViolations") == [] and tab.errors == []


def test_site_under_a_sub_path_navigates_searches_and_switches_language(site, tab):
    page = tab.page
    with Server(site.out, prefix="/help/") as server:
        page.goto(server.url + "index.html")
        page.click("[data-hc='categories'] [data-category='my-account'] a")
        page.wait_for_selector("[data-hc='category-list']")
        page.click("[data-hc='category-list'] li:first-child a")
        page.click(".hc-answer:first-of-type .hc-answer__links a")
        page.wait_for_selector("[data-article-id]")
        assert "/help/my-account/" in page.url
        page.click("[data-hc='language'] a[hreflang='fr']")
        page.wait_for_url("**/help/fr/my-account/**")
        assert page.evaluate("document.documentElement.lang") == "fr"
        page.goto(server.url + "fr/index.html")
        page.fill(SEARCH_INPUT, "remboursement")
        page.wait_for_selector(".md-content [data-hc='search-results'] a")
        href = page.get_attribute(".md-content [data-hc='search-results'] a", "href")
        assert href.startswith("/help/fr/")
        assert tab.failed == []


def test_failing_endpoints_never_break_the_page(make_site, tab):
    dead = "http://127.0.0.1:9"  # nothing listens there: the request fails at once
    endpoints = {"helpful_endpoint": f"{dead}/vote", "assistant_endpoint": f"{dead}/ask"}
    built = make_site(config={"extra": {"helpcentre": endpoints}})
    assert built.ok, built.output
    csp = artefacts.content_security_policy(artefacts.script_hashes(built.out), artefacts.endpoint_origins(built.out))
    assert f"connect-src 'self' {dead}" in csp
    page = tab.page
    crashes = []
    page.on("pageerror", lambda e: crashes.append(str(e)))
    with Server(built.out) as server:
        page.goto(server.url + BATTERY)
        page.click("[data-hc='helpful'] [data-answer='yes']")
        assert page.locator(".hc-helpful__thanks").is_visible()
        ask(tab, "replace the key battery")
        assert answers(tab)[0].endswith(BATTERY)  # local answers after the endpoint failed
    assert crashes == []
    assert tab.failed and all(url.startswith(dead) for url in tab.failed), tab.failed
