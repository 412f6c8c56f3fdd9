"""A third language added the way README's "Adding a language" says: the i18n plugin's line in mkdocs.yml,
``data/languages/es.yml``, ``data/i18n/es.yml`` and the language's names in every table, its names in
``data/categories.yml`` and ``data/contacts.yml``, and ``docs/es/``. Nothing else: no code.

One fixture site (the base articles, two of them in Spanish) is built once; the tests read its pages as a
reader's browser and a search engine would: alternates among the three, each language's own search index,
the fallback and outdated notices, the other languages search offers, the language control, valid HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpcentre.content import article
from helpcentre.core import languages

from browser import MAIN_SEARCH, RESULTS, search_in
from conftest import REPO, Site, new_site
from nuchecker import vnu_errors

SPANISH_RULES = """\
english_name: Spanish
locale: es_US
singular: [1]
numbers:
  group_separator: ","
dates:
  first_day: ""
hours:
  on_the_hour: "{h}:{mm}"
  with_minutes: "{h}:{mm}"
  am: ""
  pm: ""
typography: {}
new_answer: |
  Responda a la pregunta en la primera frase.
search:
  elisions: []
  stop_words: como de el la las los mi para que un una
"""
# Two of the base articles in Spanish: forgot-password up to date, key-battery recorded from an older original.
SPANISH_ARTICLES = {
    "my-account/forgot-password.md": (2003, "¿Olvidó su contraseña?", "my-account"),
    "keys-and-locking/key-battery.md": (3002, "¿Cómo cambio la pila de la llave?", "keys-and-locking"),
}
ANSWER = "Use el enlace de restablecimiento en la página de inicio de sesión; su cuenta sigue vigente.\n"


def _i18n(languages_list: list[dict]) -> dict:
    """The i18n plugin's settings of the real mkdocs.yml with ``languages_list`` (MkDocs replaces a list)."""
    plugin = next(p["i18n"] for p in languages._config(REPO / "mkdocs.yml")["plugins"] if "i18n" in p)
    return {"plugins": [{"i18n": {**plugin, "languages": languages_list}}]}


def _with_spanish(root: Path) -> None:
    """What README's "Adding a language" asks a team to write, written into the fixture project."""
    (root / "data/languages/es.yml").write_text(SPANISH_RULES, encoding="utf-8")
    names = {"en": ("in Spanish", "Spanish version"), "fr": ("en espagnol", "version espagnole")}
    for lang, (in_form, version) in names.items():
        with open(root / f"data/i18n/{lang}.yml", "a", encoding="utf-8") as table:
            table.write(f"language.es.in: {in_form}\nlanguage.es.version: {version}\n")
    english = yaml.safe_load((root / "data/i18n/en.yml").read_text(encoding="utf-8"))
    spanish = {
        **english,
        "lang.name": "Español",
        "language.en.in": "en inglés",
        "language.en.version": "versión en inglés",
        "language.fr.in": "en francés",
        "language.fr.version": "versión en francés",
        "language.es.in": "en español",
        "language.es.version": "versión en español",
        "notice.fallback": "Este artículo aún no está disponible en español. Se muestra {language}.",
        "notice.outdated": "La {version} de este artículo cambió desde esta traducción.",
        "search.other_language": "Ninguna respuesta en español. Estas respuestas están {language}.",
    }
    (root / "data/i18n/es.yml").write_text(yaml.safe_dump(spanish, allow_unicode=True), encoding="utf-8")
    for name in ("categories.yml", "contacts.yml"):
        _give_spanish(root / "data" / name)
    for rel, (article_id, title, category) in SPANISH_ARTICLES.items():
        original = (root / "docs/en" / rel).read_text(encoding="utf-8")
        digest = _digest(original) if article_id == 2003 else "deadbeefcafe"  # recorded from another text
        front = f'---\nid: {article_id}\ntitle: "{title}"\ncategory: {category}\ntranslation_of: {digest}\n---\n\n'
        (root / "docs/es" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs/es" / rel).write_text(front + ANSWER, encoding="utf-8")
    # The third base article stays in English and French: its original says it is published untranslated.
    access = root / "docs/en/my-account/access.md"
    access.write_text(access.read_text(encoding="utf-8").replace("---\n", "---\nuntranslated: true\n", 1))


def _give_spanish(path: Path) -> None:
    """Every per-language text of a data file gets a Spanish one (the English, for the test)."""

    def walk(value):
        if isinstance(value, dict):
            if "en" in value and "fr" in value and isinstance(value["en"], str):
                value["es"] = value["en"]
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    walk(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _digest(text: str) -> str:
    found, problems = article.read_article("en", "my-account/forgot-password.md", text.encode(), "docs")
    assert found is not None, problems
    return found.digest


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("three") / "project"
    config = _i18n(
        [
            {"locale": "en", "name": "English", "default": True, "build": True, "site_name": "MINI FAQ"},
            {"locale": "fr", "name": "Français", "build": True, "site_name": "FAQ MINI"},
            {"locale": "es", "name": "Español", "build": True, "site_name": "Preguntas MINI"},
        ]
    )
    site = new_site(root, config=config, build=False)
    _with_spanish(root)
    built = site.build()
    assert built.ok, built.output
    return built


def test_the_languages_are_mkdocs_yml_s_and_their_rules_the_data(three):
    found, problems = languages.read(three.root)
    assert problems == []
    assert found.codes == ("en", "fr", "es") and found.others("es") == ("en", "fr")
    assert found["es"].locale == "es_US"


def test_hreflang_links_the_three_versions_and_leaves_out_a_missing_one(three):
    translated = three.html("es/my-account/forgot-password.html")
    hreflangs = {link["hreflang"] for link in translated.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {"en", "fr", "es", "x-default"}
    fallback = three.html("es/my-account/access.html")
    assert {link["hreflang"] for link in fallback.select('link[rel="alternate"][hreflang]')} == {
        "en",
        "fr",
        "x-default",
    }
    assert fallback.select_one('meta[property="og:locale"]')["content"] == "es_US"


def test_each_language_has_its_own_search_index_and_rules(three):
    for lang in ("en", "fr", "es"):
        assert (three.out / "pagefind" / lang / "pagefind.js").is_file(), lang
    rules = json.loads((three.out / "pagefind/words-es/language.json").read_text(encoding="utf-8"))
    assert "para" in rules["stop"] and rules["elisions"] == []
    # Two Spanish articles, indexed under /es/ only.
    entries = json.loads((three.out / "pagefind/es/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entries["languages"].values()) == 2


def test_fallback_and_outdated_notices_name_the_language_shown(three):
    fallback = three.html("es/my-account/access.html").select_one('[data-hc="fallback-notice"]')
    assert (
        fallback.get_text(" ", strip=True) == "Este artículo aún no está disponible en español. Se muestra en inglés."
    )
    outdated = three.html("es/keys-and-locking/key-battery.html").select_one('[data-hc="outdated-notice"]')
    assert "La versión en inglés de este artículo cambió" in outdated.get_text(" ", strip=True)
    assert outdated.select_one("a")["hreflang"] == "en"
    assert three.html("es/my-account/forgot-password.html").select_one('[data-hc="outdated-notice"]') is None


def test_search_offers_every_other_language_in_fallback_order_once_each(three):
    box = three.html("es/index.html").select_one('[data-hc="search"]')
    assert box["data-others"] == "en fr"
    for lang, name in (("en", "en inglés"), ("fr", "en francés")):
        assert box[f"data-in-{lang}-bundle"].endswith(f"pagefind/{lang}/pagefind.js")
        assert box[f"data-in-{lang}-label"] == name
    raw = (three.out / "es/index.html").read_text(encoding="utf-8")
    start = raw.index('data-hc="search"')
    tag = raw[start : raw.index(">", start)]
    assert tag.count("data-in-en-bundle=") == 1 and "data-other-lang" not in tag


@pytest.mark.browser
def test_a_search_that_finds_nothing_in_spanish_offers_the_english_answers(three, tab):
    from static_server import Server

    with Server(three.out) as server:
        tab.page.goto(server.url + "es/index.html")
        status = search_in(tab.page, MAIN_SEARCH, "register activate")
        note = tab.page.inner_text(f"{MAIN_SEARCH} .hc-search__note")
        links = tab.page.query_selector_all(RESULTS)
        assert links, status
        assert note == "Ninguna respuesta en español. Estas respuestas están en inglés."
        assert {link.get_attribute("hreflang") for link in links} == {"en"}
    assert tab.failed == [] and tab.errors == []


def test_the_language_control_links_to_the_page_in_each_other_language(three):
    control = three.html("es/my-account/forgot-password.html").select_one('[data-hc="language"]')
    links = {a["hreflang"]: a["href"] for a in control.select("a")}
    assert links == {"en": "../../my-account/forgot-password.html", "fr": "../../fr/my-account/forgot-password.html"}
    control = three.html("fr/my-account/access.html").select_one('[data-hc="language"]')
    links = {a["hreflang"]: a["href"] for a in control.select("a")}
    assert links == {"en": "../../my-account/access.html", "es": "../../es/index.html"}  # none in Spanish: its home


def test_every_page_of_the_three_languages_is_valid_html(three):
    assert vnu_errors(three.out / "es", "--skip-non-html") == []
