"""Every French page of the built site reads in French: no English interface string anywhere on it.

The English strings are the values of data/i18n/en.yml that differ from their French translation, so a
string added to the tables is checked without anyone updating this test. Text a page marks as another
language (``lang="en"``: the link to the English site, an answer shown in English as a fallback) is
the only English allowed.
"""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from helpcentre.content.sitedata import load_categories
from helpcentre.core.strings import load_strings

from conftest import REPO

STRINGS = load_strings(REPO)[0]
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# What a reader sees or hears besides the text: labels, tooltips, placeholders, the assistant's and the
# contact card's messages that the scripts show later (data-*), and the description in search results.
_READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "value", "content")


def _pattern(value: str) -> re.Pattern | None:
    """The English string as it can appear on a page: whole words only (``No`` is not in « Non »), its
    placeholders filled with anything, its spaces any run of spaces within one piece of text (the page's
    text nodes are read one a line, so « FAQ MINI » beside « FAQ MINI » is not "MINI FAQ")."""
    pieces = [piece.split() for piece in _PLACEHOLDER.split(value)]
    pieces = [words for words in pieces if words]
    if not any(re.search(r"[A-Za-z]", word) for words in pieces for word in words):
        return None  # "{n} / {max}": nothing English in it
    literal = r"[^\n]+?".join(r"[^\S\n]+".join(map(re.escape, words)) for words in pieces)
    return re.compile(rf"(?<!\w){literal}(?!\w)")


def english_strings() -> dict[str, re.Pattern]:
    english, french = STRINGS["en"].table, STRINGS["fr"].table
    patterns = {}
    for key, value in english.items():
        if value == french[key]:
            continue
        # The month names are one list in one string, each shown on its own.
        values = value.split() if key == "date.months" else [value]
        for index, one in enumerate(values):
            if (pattern := _pattern(one.strip())) is not None:
                patterns[f"{key}[{index}]" if len(values) > 1 else key] = pattern
    return patterns


def french_reading(html: str) -> list[str]:
    """The page's text and read attributes, without scripts and without what is marked as not French."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["script", "style", "template"]):
        element.decompose()
    for element in soup.find_all(lang=True):
        if element.name != "html" and not element["lang"].startswith("fr"):
            element.decompose()
    texts = [soup.get_text("\n")]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if (name in _READ_ATTRIBUTES or name.startswith("data-")) and isinstance(value, str):
                texts.append(value)
    return [re.sub(r"\s*\n\s*", "\n", re.sub(r"[^\S\n]+", " ", text)) for text in texts]


def english_on(html: str, patterns: dict[str, re.Pattern]) -> list[str]:
    found = []
    for text in french_reading(html):
        for key, pattern in patterns.items():
            if match := pattern.search(text):
                start = max(match.start() - 40, 0)
                found.append(f"{key}: …{text[start : match.end() + 40]}…".replace("\n", " / "))
    return found


def test_the_english_strings_are_found_where_they_appear():
    patterns = english_strings()
    assert "footer.copyright" in patterns and "contact.call" in patterns and "date.months[2]" in patterns
    page = (
        '<html lang="fr"><body><p>Appeler</p><footer><div>© MINI USA — help centre</div></footer>'
        '<a lang="en" hreflang="en">English</a><p>Non, 20 mars 2026</p><p>Was this article helpful?</p>'
        '<button aria-label="Close search"></button></body></html>'
    )
    found = {line.split(":")[0] for line in english_on(page, patterns)}
    assert found == {"footer.copyright", "helpful.question", "search.close"}


def test_no_english_interface_string_on_any_french_page(site):
    patterns = english_strings()
    pages = [p for p in site.pages() if p.startswith("fr/")]
    assert len(pages) > 30  # articles, categories, home, 404, redirects
    problems = [
        f"{page}: {line}"
        for page in pages
        for line in english_on((site.out / page).read_text(encoding="utf-8"), patterns)
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("page", ["fr/index.html", "fr/404.html", "fr/my-account/index.html"])
def test_the_french_footer_is_french(site, page):
    footer = site.html(page).select_one("footer .md-copyright")
    assert footer is not None and footer.get_text(" ", strip=True) == STRINGS["fr"]("footer.copyright")


@pytest.mark.parametrize(
    ("category", "heading", "link"),
    [
        (
            "connected-store",
            "FAQ sur la Boutique MINI Connected",
            "Voir toutes les questions sur la Boutique MINI Connected",
        ),
        ("my-account", "FAQ sur Mon Compte MINI", "Voir toutes les questions sur Mon Compte MINI"),
        (
            "keys-and-locking",
            "FAQ sur les clés et le verrouillage",
            "Voir toutes les questions sur les clés et le verrouillage",
        ),
    ],
)
def test_a_category_name_reads_as_part_of_the_sentence(site, category, heading, link):
    assert site.html(f"fr/{category}/index.html").h1.get_text(strip=True) == heading
    article = next(p for p in site.pages() if p.startswith(f"fr/{category}/") and not p.endswith("index.html"))
    assert site.html(article).select_one(".hc-not-found a").get_text(strip=True) == link


def test_a_wrong_name_in_sentence_is_an_error_naming_its_line(tmp_path):
    # A project: its languages (mkdocs.yml, data/languages/) and a categories file with one wrong line.
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "data/languages", tmp_path / "data/languages")
    text = (REPO / "data/categories.yml").read_text(encoding="utf-8")
    bad = text.replace("    fr: la Boutique MINI Connected\n", "    de: die Boutique\n", 1)
    (tmp_path / "data/categories.yml").write_text(bad, encoding="utf-8")
    categories, problems = load_categories(tmp_path)
    assert "connected-store" not in [c.key for c in categories]
    line = bad.split("\n").index("  name_in_sentence:") + 1
    assert [(p.path, p.line) for p in problems] == [("data/categories.yml", line)]
    assert "name_in_sentence of 'connected-store'" in problems[0].message
