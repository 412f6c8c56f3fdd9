"""A writer's preview says what is wrong in the page and never keeps the browser waiting (issue 23).

Tested as a writer works: `make serve`'s command (``mkdocs serve --livereload --dirty``, with the environment
the Makefile sets, both languages and ``ONLY=fr``) runs on a free port in a small project in ``tmp_path``.
Each case breaks an article, waits until the live-reload request says the browser would reload, then asks for
pages with a short timeout: each answers, with the banner naming the file and line in the page's language.
Fixing the article takes the banner away. A strict build of content with warnings carries no trace of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcentre.core import languages
from helpcentre.preview import onerrors

from browser import axe_violations
from conftest import new_site
from preview import (
    BANNER,
    REBUILD_DEADLINE_S,
    STRINGS,
    Breakage,
    Preview,
    banner,
    breakages,
    check_banner,
    page_of,
    restore,
    save,
)

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(Path(__file__).resolve().parents[1]).codes


@pytest.mark.parametrize("only", ["", "fr"], ids=["both-languages", "only-fr"])
def test_each_content_error_shows_in_every_page_until_it_is_fixed(tmp_path, only):
    project = new_site(tmp_path / "project", build=False).root
    articles = {path: path.read_bytes() for path in (project / "docs").rglob("*.md")}
    with Preview(project, only, tmp_path / "serve.log") as preview:
        for breakage, save in breakages(project):
            lang = only or breakage.lang
            page = page_of(breakage.file, lang)
            # The home page of the other language (of French alone with ONLY=fr), and an article nobody saved,
            # which a dirty build would not write again were it not for the banner.
            other_home = "fr/index.html" if only or lang == LANGUAGES[0] else "index.html"
            untouched = page_of("docs/en/my-account/forgot-password.md", lang)
            soup = preview.after_save(page, save, lambda s: banner(s) is not None)
            assert soup.html["lang"] == lang, breakage.name
            check_banner(soup, breakage)
            check_banner(preview.page(other_home), breakage)
            check_banner(preview.page(untouched), breakage)
            if breakage.name == "bad YAML" and lang == breakage.lang:
                # The page shows its last good version: the question and answer as they were.
                assert soup.h1.get_text(strip=True) == "How do I replace the key battery?"
                answer = soup.select_one("[data-article-id]").get_text()
                assert "Press and hold the button" in answer and "category:" not in answer

            fixed = preview.after_save(page, lambda: restore(project, articles), lambda s: banner(s) is None)
            assert fixed.select_one("[data-article-id]") is not None, breakage.name
            assert banner(preview.page(other_home)) is None, breakage.name
            assert banner(preview.page(untouched)) is None, breakage.name


def test_a_preview_started_on_broken_content_serves_the_rest_and_folds_warnings_away(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    key_en = project / "docs/en/keys-and-locking/key-battery.md"
    good = key_en.read_text(encoding="utf-8")
    key_en.write_text(good.replace("title: How", 'title: "How'), encoding="utf-8")
    with Preview(project, "", tmp_path / "serve.log") as preview:
        # Nothing was ever built: the preview is built without the broken article (and its twin), and says so.
        soup = preview.page("keys-and-locking/key-battery.html")
        check_banner(soup, Breakage("bad YAML", "", "docs/en/keys-and-locking/key-battery.md:3", "YAML", "en"))
        assert STRINGS["en"]("preview.left_out") in banner(soup).get_text()
        other = preview.page("my-account/access.html")
        assert banner(other) is not None and other.select_one("[data-article-id='2002']") is not None

        fixed = preview.after_save(
            "keys-and-locking/key-battery.html",
            lambda: key_en.write_text(good, encoding="utf-8"),
            lambda s: banner(s) is None,
        )
        assert fixed.select_one("[data-article-id='3002']") is not None

        # A warning alone: a region (no alert), its list folded in a closed <details>, in French on French pages.
        access_fr = project / "docs/fr/my-account/access.md"
        french = access_fr.read_text(encoding="utf-8")
        assert "\u202f?" in french
        soup = preview.after_save(
            "fr/my-account/access.html",
            lambda: access_fr.write_text(french.replace("\u202f?", " ?", 1), encoding="utf-8"),
            lambda s: banner(s) is not None,
        )
        found = banner(soup)
        assert found["role"] == "region" and found["tabindex"] == "0"
        strings = STRINGS["fr"]
        assert soup.find(id=found["aria-labelledby"]).get_text(strip=True) == strings.plural("preview.warnings_only", 1)
        assert not found.select("ul:not(details ul)"), "no error list"
        details = found.select_one("details")
        assert details is not None and not details.has_attr("open")
        assert details.summary.get_text(strip=True) == strings.plural("preview.warnings", 1)
        (item,) = details.select("li")
        assert item.code.get_text() == "docs/fr/my-account/access.md:3"
        assert "French typography" in item.get_text()

        fixed = preview.after_save(
            "fr/my-account/access.html",
            lambda: access_fr.write_text(french, encoding="utf-8"),
            lambda s: banner(s) is None,
        )


def test_a_strict_build_carries_no_trace_of_the_preview_banner(tmp_path):
    """`make site` of content with warnings: no banner markup, stylesheet, class or string anywhere."""
    built = new_site(tmp_path / "project", "check-french-typography")
    assert built.ok, built.output
    assert "warning: French typography" in built.output  # the content has something a preview would show
    # Every text of the banner, in every language: the parts of its strings around their {placeholders}.
    texts = [text for strings in STRINGS.values() for key, text in strings.table.items() if key.startswith("preview.")]
    parts = {part.strip() for text in texts for part in re.split(r"\{\w+\}", text)}
    traces = {"hc-preview", "preview-problems", "preview.css"} | {part for part in parts if len(part) > 8}
    files = [p for p in built.out.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name == "preview.css"]
    assert any(p.suffix == ".html" for p in files)
    for path in files:
        if path.suffix in {".html", ".css", ".js", ".xml", ".json", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            found = [trace for trace in traces if trace in text]
            assert not found, f"{path.relative_to(built.out)}: {found}"


@pytest.mark.browser
def test_the_banner_is_accessible_reached_by_keyboard_and_goes_when_the_browser_reloads(tmp_path, tab):
    project = new_site(tmp_path / "project", build=False).root
    key_fr = project / "docs/fr/keys-and-locking/key-battery.md"
    good = key_fr.read_text(encoding="utf-8")
    broken = good.replace("\u202f?", " ?", 1).replace(
        "couvercle.\n", "couvercle.\nVoyez [cette page](nulle-part.md).\n"
    )
    page_path = "fr/keys-and-locking/key-battery.html"
    with Preview(project, "", tmp_path / "serve.log") as preview:
        preview.after_save(page_path, lambda: key_fr.write_text(broken, encoding="utf-8"), lambda s: banner(s))
        page = tab.page
        for scheme, width in (("light", 375), ("dark", 1280)):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(preview.base + page_path)
            assert axe_violations(page) == [], (scheme, width)
        # The keyboard reaches the banner right after the skip link, then its folded warnings, and opens them.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.hc") == "preview-problems"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        warning = page.locator(f"{BANNER} details li")
        assert not warning.is_visible()
        page.keyboard.press("Enter")
        assert "French typography" in warning.inner_text()
        # Saving the fix reloads the open page by itself (live reload), without the banner.
        key_fr.write_text(good, encoding="utf-8")
        page.wait_for_selector(BANNER, state="detached", timeout=REBUILD_DEADLINE_S * 1000)
        assert page.locator("[data-article-id='3002']").count() == 1
    assert tab.errors == []


def test_what_a_preview_builds_with_when_the_content_has_errors(tmp_path):
    """preview.onerrors' choices, in plain Python: last good read, without the broken article, home alone."""
    project = new_site(tmp_path / "project", build=False).root
    key_en = project / "docs/en/keys-and-locking/key-battery.md"
    key_fr = project / "docs/fr/keys-and-locking/key-battery.md"
    good = key_en.read_text(encoding="utf-8")

    def choose():
        chosen = onerrors.choose(project, "docs", "fr", [])
        return chosen, chosen.read.catalogue

    save(key_en, good.replace("updated:", "related: [9999]\nupdated:"))  # before any good read
    chosen, cat = choose()
    assert chosen.banner.left_out == ("docs/en/keys-and-locking/key-battery.md", str(key_fr.relative_to(project)))
    assert sorted(cat.ids) == [2002, 2003]

    save(key_en, good)
    chosen, good_cat = choose()
    assert chosen.banner is None and 3002 in good_cat.ids

    save(key_en, good.replace("title: How", 'title: "How'))  # the last good read is used, this page kept
    chosen, cat = choose()
    assert cat is good_cat and chosen.banner.kept == ("docs/en/keys-and-locking/key-battery.md",)

    key_fr.rename(key_fr.with_name("pile.md"))  # a renamed file: the last good read has no page for it
    chosen, cat = choose()
    assert cat is not good_cat and 3002 not in cat.ids and chosen.banner.kept == ()

    save(project / "data/categories.yml", "- [broken\n")  # the site data too: the home page alone
    chosen, cat = choose()
    assert cat.ids == () and cat.categories == () and len(chosen.banner.left_out) == 6
    assert any(p.path == "data/categories.yml" for p in chosen.banner.errors)
