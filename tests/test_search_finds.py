"""Search however a reader types: several words, typing errors, synonyms, the other language (issue 16), on
the real site in Debian's Chromium. Each test names what a reader would notice."""

from __future__ import annotations

import pytest

from browser import MAIN_SEARCH, RESULTS, answers, ask, search, search_in, wait_for_search
from conftest import ARTICLE

pytestmark = pytest.mark.browser
NOTE = f"{MAIN_SEARCH} .hc-search__note"


def note(tab) -> str:
    return tab.page.inner_text(NOTE) if tab.page.is_visible(NOTE) else ""


def test_a_question_finds_the_article_with_most_of_its_words(tab, served):
    found = search(tab, served, "index.html", "which card gets my refund")
    assert found and found[0].endswith("/" + ARTICLE)
    assert "some of them" in note(tab)  # no article has every word: the reader is told
    assert tab.errors == [] and tab.failed == []


def test_a_typing_error_is_corrected_and_said_with_a_way_back(tab, served):
    requests = []
    tab.page.on("request", lambda r: requests.append(r.url))
    found = search(tab, served, "index.html", "refnd")
    assert found and found[0].endswith("/" + ARTICLE)
    assert "Showing results for refund." in note(tab)
    assert any("/pagefind/words-en/r.json" in url for url in requests)
    tab.page.click(f"{MAIN_SEARCH} .hc-search__as-typed")  # "Search for refnd instead"
    status = wait_for_search(tab.page)
    assert tab.page.query_selector_all(RESULTS) == [] and "No answer" in status
    assert tab.errors == [] and tab.failed == []


def test_a_search_without_typos_fetches_no_spelling_data(tab, served):
    requests = []
    tab.page.on("request", lambda r: requests.append(r.url))
    found = search(tab, served, "index.html", "battery")
    assert found and "key-battery" in found[0]
    # The language's rules (words-en/language.json) load with the index; no letter of the spelling data does.
    assert not any("/words-" in url and not url.endswith("/language.json") for url in requests)
    assert note(tab) == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("airbag", "/fr/driver-assistance-and-safety/passenger-airbag.html"),  # the answer says « coussin gonflable »
        ("VIN", "/fr/my-account/link-your-account.html"),  # the answer says NIV
        ("rembourcement", "/fr/" + ARTICLE),  # one typing error in a long word
    ],
)
def test_french_synonyms_and_typos(tab, served, query, expected):
    found = search(tab, served, "fr/index.html", query)
    assert found and found[0].endswith(expected), found


def test_nothing_in_french_offers_the_english_answers_marked_as_such(tab, served):
    found = search(tab, served, "fr/index.html", "windshield")  # the French answer says « pare-brise »
    assert found and not any("/fr/" in url for url in found)
    link = tab.page.query_selector(RESULTS)
    assert link.get_attribute("hreflang") == "en" and link.get_attribute("lang") == "en"
    assert "en anglais" in tab.page.inner_text(f"{MAIN_SEARCH} [data-hc='search-results']")
    assert "Aucune réponse en français" in note(tab)


def test_the_assistant_uses_the_same_retrieval(tab, served):
    tab.page.goto(served.url + "fr/index.html")
    ask(tab, "comment changer la pile de ma clé")
    assert answers(tab)[0].endswith("/fr/keys-and-locking/key-battery.html")
    tab.page.goto(served.url + "index.html")
    ask(tab, "ambiant light")  # a typo the search box forgives too
    assert "ambient-light" in answers(tab)[0]


def test_a_nonsense_query_says_no_answer(tab, served):
    tab.page.goto(served.url + "index.html")
    status = search_in(tab.page, MAIN_SEARCH, "xqzv")
    assert "No answer" in status and tab.page.query_selector_all(RESULTS) == []
    assert tab.errors == [] and tab.failed == []
