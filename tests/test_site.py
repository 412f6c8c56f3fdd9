"""The real help centre as a reader sees it: built once, parsed, checked page by page."""

from __future__ import annotations

import csv
import re

import pytest
import yaml

from conftest import ARTICLE, LANGS, REPO


def _front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


ARTICLES = {
    (lang, _front_matter(p)["id"]): (p.relative_to(REPO / "docs" / lang).as_posix(), _front_matter(p))
    for lang in LANGS
    for p in sorted((REPO / "docs" / lang).rglob("*.md"))
}
VIEWS = {int(r["id"]): int(r["views"]) for r in csv.DictReader((REPO / "data/popularity.csv").open())}
CATEGORIES = yaml.safe_load((REPO / "data/categories.yml").read_text(encoding="utf-8"))


def page_of(lang: str, rel_md: str) -> str:
    return LANGS[lang] + rel_md[:-3] + ".html"


def test_all_29_articles_in_both_languages(site):
    ids = sorted({i for _, i in ARTICLES})
    assert len(ids) == 29
    for (lang, article_id), (rel, meta) in ARTICLES.items():
        html = site.html(page_of(lang, rel))
        assert html.html["lang"] == lang
        body = html.select_one(f'[data-article-id="{article_id}"]')
        assert body is not None, rel
        assert body.find("h1").get_text(strip=True) == meta["title"]


def test_counts_of_generated_pages(site):
    pages = site.pages()
    for prefix in LANGS.values():
        mine = [p for p in pages if p.startswith(prefix) and (prefix or not p.startswith("fr/"))]
        assert prefix + "index.html" in mine
        assert len([p for p in mine if p.count("/") == prefix.count("/") + 1 and p.endswith("/index.html")]) == 7
        assert len([p for p in mine if not p.endswith("index.html") and p.count("/") == prefix.count("/") + 1]) == 29


def test_language_switcher_points_at_the_twin(site):
    for (lang, article_id), (rel, _) in ARTICLES.items():
        page = page_of(lang, rel)
        html = site.html(page)
        links = html.select('[data-hc="language"] a[hreflang]')
        assert [a["hreflang"] for a in links] == [other for other in LANGS if other != lang]
        for link in links:
            twin = site.html(site.resolve(page, link["href"]))
            assert twin.html["lang"] == link["hreflang"] == link["lang"]
            assert twin.select_one(f'[data-article-id="{article_id}"]') is not None


def test_browser_titles(site):
    rel, meta = ARTICLES[("fr", 2002)]
    assert site.html(page_of("fr", rel)).title.get_text() == f"{meta['title']} | Mon Compte MINI | FAQ MINI"
    rel, meta = ARTICLES[("en", 1001)]
    assert site.html(page_of("en", rel)).title.get_text() == f"{meta['title']} | MINI Connected Store | MINI FAQ"
    assert site.html("keys-and-locking/index.html").title.get_text() == "Keys and locking | MINI FAQ"
    assert site.html("fr/keys-and-locking/index.html").title.get_text() == "Clés et verrouillage | FAQ MINI"
    assert site.html("fr/index.html").title.get_text() == "FAQ MINI"


@pytest.mark.parametrize("lang", LANGS)
def test_category_pages_list_their_articles_most_viewed_first(site, lang):
    for category in CATEGORIES:
        mine = [
            (i, meta) for (lng, i), (_, meta) in ARTICLES.items() if lng == lang and meta["category"] == category["key"]
        ]
        expected = [i for i, _ in sorted(mine, key=lambda m: (-VIEWS.get(m[0], 0), m[0]))]
        html = site.html(f"{LANGS[lang]}{category['key']}/index.html")
        listed = [int(li["data-article"]) for li in html.select('[data-hc="category-list"] li')]
        assert listed == expected
        titles = [a.get_text(strip=True) for a in html.select('[data-hc="category-list"] li a')]
        assert titles == [dict(mine)[i]["title"] for i in expected]
        # Every question links to its answer further down, and each answer to its own page.
        for article_id in expected:
            answer = html.select_one(f"#a{article_id}")
            assert answer is not None and answer.select_one(".hc-answer__body").get_text(strip=True)
            own = [a["href"] for a in answer.select("a") if a["href"].endswith(".html")]
            rel = ARTICLES[(lang, article_id)][0]
            assert any(site.resolve(f"{LANGS[lang]}{category['key']}/index.html", h) == page_of(lang, rel) for h in own)
        assert html.select_one(".hc-not-found") is not None
        if category.get("contact"):
            assert html.select_one(f'[data-hc="contact"][data-contact="{category["contact"]}"]') is not None


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_counts_and_most_viewed(site, lang):
    html = site.html(f"{LANGS[lang]}index.html")
    assert html.select_one('[data-hc="search"] input[type="search"]') is not None
    cards = html.select('[data-hc="categories"] li')
    assert [c["data-category"] for c in cards] == [c["key"] for c in CATEGORIES]
    for card, category in zip(cards, CATEGORIES, strict=True):
        count = sum(1 for (lng, _), (_, m) in ARTICLES.items() if lng == lang and m["category"] == category["key"])
        assert card.select_one(".hc-card__count").get_text(strip=True) == f"{count} article{'s' if count > 1 else ''}"
        assert category["name"][lang] in card.get_text()
        assert category["description"][lang] in card.get_text()
    popular = [int(li["data-article"]) for li in html.select('[data-hc="popular"] li')]
    assert popular[:3] == [3001, 4001, 3004]


def test_navigation_lists_categories_not_articles(site):
    html = site.html(ARTICLE)
    nav_links = [a["href"] for a in html.select("nav.md-nav--primary a.md-nav__link")]
    assert any(h.endswith("index.html") for h in nav_links)
    assert not any("refund-payment-method" in h or "forgot-password" in h for h in nav_links)
    assert len(nav_links) <= 1 + len(CATEGORIES) + 2


EXTERNAL = re.compile(r"""(?:src|href|srcset|action|poster|data)\s*=\s*["']\s*(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//)""", re.I)


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in site.pages():
        html = site.html(page)
        for tag in html.select("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]"):
            url = tag.get("src") or tag.get("href")
            rel = " ".join(tag.get("rel", []))
            if tag.name == "link" and rel in {"canonical", "alternate"}:
                continue
            if re.match(r"(?:https?:)?//", url):
                offenders.append((page, url))
    for css in site.out.rglob("*.css"):
        if CSS_EXTERNAL.search(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append((css.name, "external url() in CSS"))
    assert offenders == []


def test_each_language_ships_pagefind_whole(site):
    # Pagefind's runtime files are the same for every language; a copy cut short (as the Python API
    # once left one when it stopped the service mid-write) would break search in that language only.
    en, fr = site.out / "pagefind" / "en", site.out / "pagefind" / "fr"
    for name in ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"):
        assert (en / name).read_bytes() == (fr / name).read_bytes(), name
        assert (en / name).stat().st_size > 30_000, name
    for folder in (en, fr):
        assert (folder / "pagefind-entry.json").is_file()
        assert list((folder / "index").iterdir()) and list((folder / "fragment").iterdir())
