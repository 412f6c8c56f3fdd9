"""The release build: search-engine metadata, reproducible output, moved articles, 404 pages, make release."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tarfile
from urllib.parse import urlsplit

import pytest

from conftest import ARTICLE, BATTERY, REPO, Site


def test_hreflang_and_canonical_are_absolute(site, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    html = site.html("fr/" + ARTICLE)
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"en": base + ARTICLE, "fr": base + "fr/" + ARTICLE, "x-default": base + ARTICLE}
    assert html.select_one('link[rel="canonical"]')["href"] == base + "fr/" + ARTICLE
    category = site.html("my-account/index.html")
    assert {link["hreflang"] for link in category.select('link[rel="alternate"][hreflang]')} == {
        "en",
        "fr",
        "x-default",
    }


def test_sitemap_lists_every_page_once_per_language_with_alternates(site, site_port):
    xml = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert len(locs) == len(set(locs)) == 2 * (29 + 7 + 1)  # articles, categories, home; in each language
    assert f"http://127.0.0.1:{site_port}/fr/{ARTICLE}" in locs
    block = xml.split(f"<loc>http://127.0.0.1:{site_port}/{ARTICLE}</loc>")[1].split("</url>")[0]
    assert block.count("<xhtml:link") == 3 and "<lastmod>2026-10-06</lastmod>" in block
    robots = (site.out / "robots.txt").read_text()
    assert f"Sitemap: http://127.0.0.1:{site_port}/sitemap.xml" in robots


def _json_ld(html) -> list[dict]:
    return [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]


def test_structured_data(site):
    article = {d["@type"]: d for d in _json_ld(site.html("fr/" + ARTICLE))}
    assert article["Article"]["inLanguage"] == "fr"
    assert article["Article"]["dateModified"] == "2026-10-06"
    assert article["Article"]["headline"].startswith("Quel mode de paiement")
    assert [i["position"] for i in article["BreadcrumbList"]["itemListElement"]] == [1, 2, 3]
    category_html = site.html("my-account/index.html")
    faq = {d["@type"]: d for d in _json_ld(category_html)}["FAQPage"]
    visible = [a.get_text(strip=True) for a in category_html.select('[data-hc="category-list"] a')]
    assert [q["name"] for q in faq["mainEntity"]] == visible
    assert all(q["acceptedAnswer"]["text"] for q in faq["mainEntity"])


def test_every_page_has_a_description_and_open_graph(site):
    for page in site.pages():
        html = site.html(page)
        if html.select_one('meta[http-equiv="refresh"]') or page.endswith("404.html"):
            continue
        description = html.select_one('meta[name="description"]')
        assert description and description["content"].strip(), page
        assert html.select_one('meta[property="og:title"]')["content"].strip(), page


def test_404_pages_per_language(site):
    root = site.html("404.html")
    assert root.html["lang"] == "en" and "MINI FAQ" in root.title.get_text()
    french = site.html("fr/404.html")
    assert french.html["lang"] == "fr" and "FAQ MINI" in french.title.get_text()
    assert all(a["href"].startswith("/fr/") for a in french.select('[data-hc="language"] ~ a, .md-nav__link[href]'))
    # A reader on a dead link gets search, contacts and the other language's home, whatever page was built last.
    for page, other in ((root, "/fr/index.html"), (french, "/index.html")):
        assert page.select_one('[data-hc="search"]') and page.select_one('[data-hc="footer-contacts"]')
        assert [a["href"] for a in page.select('[data-hc="language"] a')] == [other]
        hreflang = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
        assert {urlsplit(href).path for href in hreflang.values()} == {"/index.html", "/fr/index.html"}


EPOCH = {"SOURCE_DATE_EPOCH": "1780000000"}


def test_two_builds_are_byte_identical_and_parallel_equals_sequential(tmp_path):
    # One process building both languages, then one process per language merged into one folder.
    first = Site(REPO, tmp_path / "a").build(env={**EPOCH, "HC_BUILD_JOBS": "1"})
    second = Site(REPO, tmp_path / "b").build(env={**EPOCH, "HC_BUILD_JOBS": "2"})
    assert first.ok and second.ok, first.output + second.output
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (tmp_path / "a" / p).read_bytes() != (tmp_path / "b" / p).read_bytes()]
    assert different == []


def test_untranslated_article_declares_no_french_alternate_and_points_canonical_home(make_site):
    built = make_site("untranslated")
    assert built.ok, built.output
    fallback = built.html("fr/" + BATTERY)
    assert [link["hreflang"] for link in fallback.select('link[rel="alternate"][hreflang]')] == ["en"]
    assert fallback.select_one('link[rel="canonical"]')["href"].endswith("/" + BATTERY)
    assert "/fr/" not in fallback.select_one('link[rel="canonical"]')["href"]
    sitemap = (built.out / "sitemap.xml").read_text()
    assert "/fr/" + BATTERY not in sitemap


@pytest.mark.parametrize("lang_prefix", ["", "fr/"])
def test_renamed_article_old_addresses_redirect(make_site, lang_prefix):
    built = make_site("renamed")
    assert built.ok, built.output
    for old in ("keys/battery.html", "old-battery.html"):
        page = lang_prefix + old
        html = built.html(page)
        refresh = html.select_one('meta[http-equiv="refresh"]')["content"]
        target = refresh.split("url=", 1)[1]
        assert built.resolve(page, target) == lang_prefix + BATTERY
        assert html.select_one('meta[name="robots"]')["content"] == "noindex"
        assert built.resolve(page, html.select_one("body a")["href"]) == lang_prefix + BATTERY
        assert html.html["lang"] == (lang_prefix.rstrip("/") or "en")
    assert "keys/battery.html" not in (built.out / "sitemap.xml").read_text()


def test_release_verifies_writes_headers_and_archives(make_site):
    project = make_site(build=False)
    result = project.cli("release", env=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project.out
    headers = (site / "_headers").read_text()
    csp = next(line for line in headers.splitlines() if "Content-Security-Policy" in line)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "http" not in csp
    inline = set()
    for page in site.rglob("*.html"):
        for script in re.findall(r"<script>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            inline.add("'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'")
    assert inline and all(h in csp for h in inline)
    with tarfile.open(project.root / "dist/site.tar.gz") as tar:
        assert "site/index.html" in tar.getnames()


def test_release_with_a_broken_link_keeps_the_previous_site(make_site):
    project = make_site("broken-release-link", build=False)
    root = project.root
    (root / "site").mkdir()
    (root / "site/index.html").write_text("previous release")
    result = project.cli("release")
    assert result.returncode == 1
    assert f"{BATTERY}: a.href ../nowhere/gone.html points at a missing file" in result.stderr
    assert "site/ was left as it was" in result.stderr
    assert [p.name for p in (root / "site").iterdir()] == ["index.html"]
    assert not (root / "dist").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_bad_alias_is_refused(make_site):
    built = make_site("bad-alias")
    assert not built.ok and "alias 'my-account/access.html' is the address of a page that exists" in built.output
