"""Search and the answer assistant in Debian's Chromium: one language at a time, French done right."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser import ASSISTANT_INPUT, NO_ANSWER, RESULTS, answers, ask, search
from conftest import ARTICLE, BATTERY

pytestmark = pytest.mark.browser


def test_english_query_finds_the_refund_article_first(tab, served):
    found = search(tab, served, "index.html", "refund")
    assert found and found[0].endswith("/" + ARTICLE)
    assert not any("/fr/" in url for url in found)
    assert tab.errors == [] and tab.failed == []


@pytest.mark.parametrize("query", ["remboursement", "rembourser"])
def test_french_inflections_find_the_french_refund_article(tab, served, query):
    found = search(tab, served, "fr/index.html", query)
    assert found and found[0].endswith("/fr/" + ARTICLE)
    assert all("/fr/" in url for url in found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eclairage", "/fr/comfort-and-lighting/ambient-light.html"),  # éclairage, without its accent
        ("oublier", "/fr/my-account/forgot-password.html"),  # oublié
        ("l'application", "/fr/app-and-mini-id/"),  # elision: finds « application »
    ],
)
def test_french_accents_inflections_and_elisions(tab, served, query, expected):
    found = search(tab, served, "fr/index.html", query)
    assert any(expected in url for url in found), found
    assert all("/fr/" in url for url in found)


def test_matches_are_highlighted_and_results_link_to_articles(tab, served):
    search(tab, served, "index.html", "battery")
    marks = tab.page.query_selector_all(".md-content [data-hc='search-results'] mark")
    assert marks and all("batter" in m.inner_text().lower() for m in marks)
    tab.page.click(RESULTS)
    tab.page.wait_for_selector("[data-article-id]")


def test_header_search_opens_with_the_keyboard(tab, served):
    tab.page.goto(served.url + ARTICLE)
    tab.page.keyboard.press("/")
    dialog_input = tab.page.locator("[data-hc-search-dialog] .hc-search__input")
    expect(dialog_input).to_be_visible()  # "/" may first load search.js: wait for the dialog, don't race it
    # Its styles come with search.js: the dialog never shows with the browser's own border (3px).
    style = "getComputedStyle(document.querySelector('[data-hc-search-dialog]'))"
    assert tab.page.evaluate(f"{style}.borderTopWidth") == "0px"
    dialog_input.fill("password")
    tab.page.wait_for_selector("[data-hc-search-dialog] [data-hc='search-results'] a")
    tab.page.keyboard.press("ArrowDown")
    focused = tab.page.evaluate("document.activeElement.className")
    assert "hc-search__link" in focused
    tab.page.keyboard.press("Escape")
    assert not tab.page.locator("[data-hc-search-dialog]").is_visible()


def test_assistant_counter_limit_and_answers(tab, served):
    tab.page.goto(served.url + "index.html")
    counter = tab.page.locator(".hc-assistant__counter")
    assert counter.inner_text() == "0 / 200"
    field = tab.page.locator(ASSISTANT_INPUT)
    field.fill("a" * 250)
    assert len(field.input_value()) == 200 and counter.inner_text() == "200 / 200"
    ask(tab, "How do I replace the battery of my key?")
    links = answers(tab)
    assert 1 <= len(links) <= 3 and links[0].endswith(BATTERY)
    assert tab.page.locator(".hc-assistant__none").is_hidden()


def test_assistant_answers_a_typed_question_that_changed_while_typing(tab, served):
    # Words are searched as they are typed; the answers follow the question as it is when sent.
    tab.page.goto(served.url + "fr/index.html")
    field = tab.page.locator(ASSISTANT_INPUT)
    field.click()
    field.press_sequentially("zorglub frimousse ", delay=20)
    field.fill("")
    field.press_sequentially("Comment remplacer la pile de ma clé ?", delay=20)
    field.press("Enter")
    links = answers(tab)
    assert 1 <= len(links) <= 3 and links[0].endswith(BATTERY), links
    assert tab.page.locator(".hc-assistant__none").is_hidden()
    assert tab.errors == [] and tab.failed == []


def test_assistant_says_so_when_nothing_matches(tab, served):
    tab.page.goto(served.url + "fr/index.html")
    ask(tab, "zorglub frimousse quantique")
    tab.page.wait_for_selector(NO_ANSWER)
    assert "pas trouvé de bonne réponse" in tab.page.inner_text(".hc-assistant__none")
    assert (
        tab.page.locator(".hc-assistant__contact [data-hc='contact']:visible").get_attribute("data-contact")
        == "mini-assist"
    )
    assert tab.page.locator(".hc-assistant__answers").is_hidden()


def test_language_switch_after_following_a_recommendation_lands_on_the_twin(tab, served):
    tab.page.goto(served.url + ARTICLE)
    tab.page.click("[data-hc='recommended'] li[data-article='1003'] a")
    tab.page.wait_for_selector("[data-article-id='1003']")
    tab.page.click("[data-hc='language'] a[hreflang='fr']")
    tab.page.wait_for_url("**/fr/connected-store/book-services-and-functions.html")
    assert tab.page.evaluate("document.documentElement.lang") == "fr"
    assert tab.page.locator("[data-article-id='1003']").count() == 1
    assert tab.errors == [] and tab.failed == []


def test_a_question_outranks_an_answer_that_only_mentions_the_word(tab, served):
    # "password" is in the question of 2003 and only in the answer of 2002, which has more views.
    found = search(tab, served, "index.html", "password")
    assert found[0].endswith("/my-account/forgot-password.html")
    assert any(url.endswith("/my-account/access-my-mini-account.html") for url in found[1:])


def test_assistant_answers_a_question_sent_before_search_has_loaded(tab, served):
    # A slow connection: search.js arrives only after the reader has typed the question and pressed Enter.
    held = []
    tab.page.route("**/assets/hc/search.js", lambda route: held.append(route))
    tab.page.goto(served.url + "index.html")
    field = tab.page.locator(ASSISTANT_INPUT)
    field.click()
    field.press_sequentially("How do I replace the battery of my key?")
    field.press("Enter")
    assert field.input_value() == "How do I replace the battery of my key?"  # Enter sent it, no new line
    assert len(held) == 1 and tab.page.locator(".hc-assistant__answers").is_hidden()
    held[0].continue_()
    links = answers(tab)
    assert links[0].endswith(BATTERY)
    assert tab.errors == [] and tab.failed == []


def test_each_result_says_its_category_in_its_language(tab, served):
    # The search box, the header dialog, the assistant's other suggestions and an answer in the other
    # language: each result names its category above its question, as that category is called in its text.
    category = "li:has(a[href$='{}']) .hc-result__category"
    search(tab, served, "fr/index.html", "remboursement")
    assert tab.page.inner_text(category.format(ARTICLE)) == "Boutique MINI Connected"
    search(tab, served, "fr/index.html", "windshield")  # only English answers: « en anglais »
    marked = tab.page.locator(".md-content .hc-result__category").first
    assert marked.get_attribute("lang") == "en" and marked.inner_text() == "My MINI Account"
    tab.page.goto(served.url + ARTICLE)
    tab.page.keyboard.press("/")
    tab.page.locator("[data-hc-search-dialog] .hc-search__input").fill("battery")
    found = tab.page.locator("[data-hc-search-dialog] " + category.format(BATTERY))
    expect(found).to_have_text("Keys and locking")
    tab.page.goto(served.url + "index.html")
    ask(tab, "refund of my payment")
    answers(tab)
    folded = tab.page.locator(".hc-assistant__item:not(.hc-assistant__item--shown) .hc-result__category")
    assert folded.count() >= 1 and all(text.strip() for text in folded.all_inner_texts())
    assert tab.errors == [] and tab.failed == []


def test_the_index_loads_when_the_field_has_the_focus_not_before(tab, served):
    # A reader takes a moment to find the first letter: Pagefind's WebAssembly loads then, so the first
    # keystroke waits only for the words it asks. A page nobody searches loads no search file.
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    tab.page.goto(served.url + ARTICLE, wait_until="load")
    tab.page.wait_for_timeout(300)  # anything a page would load by itself has started by now
    assert not [url for url in requested if "/pagefind/" in url]
    with tab.page.expect_request(lambda request: "/pagefind/" in request.url and "wasm" in request.url):
        tab.page.locator("[data-hc-search-open]").click()
    assert tab.page.locator("[data-hc-search-dialog] .hc-search__input").input_value() == ""


ASSISTANT_MODULES = ("/search/assistant.js", "/search/exchange.js", "/search/answerview.js")


def test_a_search_loads_none_of_the_assistants_modules_until_the_reader_turns_to_it(tab, served):
    # A reader who only searches never downloads the assistant's modules (some 14 kB); one who turns to it
    # gets them as its field takes the focus, and a question sent before they arrive is answered after.
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    tab.page.goto(served.url + ARTICLE)
    tab.page.keyboard.press("/")
    tab.page.locator("[data-hc-search-dialog] .hc-search__input").fill("battery")
    tab.page.locator("[data-hc-search-dialog] .hc-search__link").first.wait_for()
    assert [url for url in requested if url.endswith("/search/retrieval.js")]
    assert not [url for url in requested if url.endswith(ASSISTANT_MODULES)]
    tab.page.locator("[data-hc-search-close]").click()
    held = []
    tab.page.route("**/search/assistant.js", lambda route: held.append(route))
    ask(tab, "How do I replace the battery of my key?")
    tab.page.wait_for_timeout(200)
    assert len(held) == 1 and tab.page.locator(".hc-assistant__answers").is_hidden()
    held[0].continue_()
    assert answers(tab)[0].endswith(BATTERY)
    assert all(any(url.endswith(module) for url in requested) for module in ASSISTANT_MODULES)
    assert tab.errors == [] and tab.failed == []
