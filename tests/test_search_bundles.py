"""A large site's search index in several Pagefind bundles (searchindex): the real content built with
10 articles a bundle, so each language's 26 articles come in three bundles the browser merges."""

from __future__ import annotations

import pytest

from browser import RESULTS, Server, ask_typed, search
from conftest import ARTICLE, BATTERY, LANGS, new_site

SHARD_SIZE = 10


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    config = {"extra": {"helpcentre": {"search_shard_size": SHARD_SIZE}}}
    built = new_site(tmp_path_factory.mktemp("bundled"), config=config, real_content=True)
    assert built.ok, built.output
    return built


@pytest.fixture(scope="module")
def bundled_served(bundled):
    with Server(bundled.out) as server:
        yield server


def articles(built, lang: str) -> int:
    return len(list((built.root / "docs" / lang).rglob("*.md")))


@pytest.mark.parametrize("lang", LANGS)
def test_each_article_is_in_exactly_one_bundle_and_only_the_first_carries_the_program(bundled, lang):
    pagefind = bundled.out / "pagefind"
    folders = sorted(p.name for p in pagefind.iterdir() if p.name == lang or p.name.startswith(f"{lang}-"))
    assert folders == [lang, f"{lang}-2", f"{lang}-3"]
    fragments = [len(list((pagefind / f / "fragment").iterdir())) for f in folders]
    assert sum(fragments) == articles(bundled, lang) and max(fragments) - min(fragments) <= 1
    assert (pagefind / lang / "pagefind.js").is_file() and list((pagefind / lang).glob("wasm.*.pagefind"))
    for extra in folders[1:]:
        assert (pagefind / extra / "pagefind-entry.json").is_file()
        assert not list((pagefind / extra).glob("*.js")) and not list((pagefind / extra).glob("wasm.*"))


def test_pages_name_every_bundle_of_their_language(bundled):
    box = bundled.html("fr/my-account/forgot-password.html").select_one("[data-hc='search']")
    assert box["data-bundle"] == "../../pagefind/fr/pagefind.js"
    assert box["data-merge"].split() == [
        "../../pagefind/fr-2/pagefind-entry.json",
        "../../pagefind/fr-3/pagefind-entry.json",
    ]
    home = bundled.html("index.html").select_one("[data-hc='assistant']")
    assert home["data-merge"].split() == ["pagefind/en-2/pagefind-entry.json", "pagefind/en-3/pagefind-entry.json"]


@pytest.mark.browser
def test_results_come_from_every_bundle_ranked_as_one_index(tab, bundled_served, served):
    # "MINI" is in nearly every answer: the merged results count them all, as the one-bundle site does.
    for page in ("index.html", "fr/index.html"):
        search(tab, bundled_served, page, "MINI")
        merged_status = tab.page.inner_text(".md-content .hc-search__status")
        search(tab, served, page, "MINI")
        assert merged_status == tab.page.inner_text(".md-content .hc-search__status")
    assert search(tab, bundled_served, "index.html", "refund")[0].endswith("/" + ARTICLE)
    found = search(tab, bundled_served, "fr/index.html", "rembourser")
    assert found[0].endswith("/fr/" + ARTICLE) and all("/fr/" in u for u in found)
    found = search(tab, bundled_served, "index.html", "password")
    assert found[0].endswith("/my-account/forgot-password.html")
    tab.page.click(RESULTS)
    tab.page.wait_for_selector("[data-article-id='2003']")
    assert tab.errors == [] and tab.failed == []


@pytest.mark.browser
def test_assistant_answers_from_the_merged_bundles(tab, bundled_served):
    links = ask_typed(tab, bundled_served.url + "fr/index.html", "Comment remplacer la pile de ma clé ?")
    assert 1 <= len(links) <= 3 and links[0].endswith(BATTERY), links
    assert tab.errors == [] and tab.failed == []
