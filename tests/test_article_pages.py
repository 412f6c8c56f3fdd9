"""Article pages as a reader sees them: recommended list, contact, vote, breadcrumbs, notices."""

from __future__ import annotations

import re

import pytest

from conftest import ARTICLE, BATTERY, LANGS

REFUND = {lang: prefix + ARTICLE for lang, prefix in LANGS.items()}
ACCESS = {lang: prefix + "my-account/access-my-mini-account.html" for lang, prefix in LANGS.items()}
NNBSP = "\u202f"


def text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True).replace("\u00a0", " "))


@pytest.mark.parametrize("lang", LANGS)
def test_1001_recommended_list(site, lang):
    page = REFUND[lang]
    html = site.html(page)
    items = html.select('[data-hc="recommended"] li')
    ids = [int(li["data-article"]) for li in items]
    assert len(ids) == 20 and len(set(ids)) == 20 and 1001 not in ids
    assert ids[:7] == [1002, 1003, 1004, 1005, 1006, 1007, 3001]  # the store's others, most viewed first
    first = items[0]
    views = first.select_one(".hc-recommended__views").get_text()
    assert views == ("3,430 views" if lang == "en" else f"3{NNBSP}430 consultations")
    for li in items:
        teaser = li.select_one(".hc-recommended__teaser").get_text()
        assert 20 < len(teaser) <= 171 and "<" not in teaser and "**" not in teaser
        target = site.resolve(page, li.select_one("a")["href"])
        assert site.html(target).html["lang"] == lang
        assert target.startswith("fr/") == (lang == "fr")
        assert site.html(target).select_one(f'[data-article-id="{li["data-article"]}"]') is not None


@pytest.mark.parametrize("lang", LANGS)
def test_1001_contact_block(site, lang):
    block = site.html(REFUND[lang]).select_one('[data-hc="contact"]')
    assert block["data-contact"] == "mini-assist"
    assert block.select_one('a[href="tel:+18668600060"]') is not None
    email = block.select_one('a[href="mailto:customercare.miniassist@miniusa.com"]')
    # The address reads as itself; a line may break after the @ (<wbr>) on a narrow phone.
    assert email.get_text() == "customercare.miniassist@miniusa.com"
    assert email.select_one("wbr") is not None
    assert ("MINI Assist Customer Care" if lang == "en" else "Service à la clientèle MINI Assist") in text(block)


def test_opening_hours_in_each_language(site):
    en = text(site.html(ACCESS["en"]).select_one('[data-hc="contact"]'))
    fr = text(site.html(ACCESS["fr"]).select_one('[data-hc="contact"]'))
    assert "Monday to Thursday, 9:00 a.m. to 8:00 p.m. ET" in en
    assert "Friday, 9:00 a.m. to 6:00 p.m. ET" in en
    assert "Du lundi au jeudi, de 9 h à 20 h HE" in fr
    assert "Le vendredi, de 9 h à 18 h HE" in fr
    block = site.html(ACCESS["fr"]).select_one('[data-hc="contact"]')
    assert block.has_attr("data-schedule") and block.select_one(".hc-contact__status").has_attr("hidden")


@pytest.mark.parametrize("lang", LANGS)
def test_helpful_breadcrumbs_date_and_way_out(site, lang):
    page = REFUND[lang]
    html = site.html(page)
    vote = html.select_one('[data-hc="helpful"]')
    assert vote["data-article"] == "1001" and vote["data-lang"] == lang
    assert [b.get_text(strip=True) for b in vote.select("button")] == (
        ["Yes", "No"] if lang == "en" else ["Oui", "Non"]
    )
    assert all(b["type"] == "button" for b in vote.select("button"))
    crumbs = html.select('[data-hc="breadcrumbs"] li')
    assert len(crumbs) == 3
    links = [a["href"] for a in html.select('[data-hc="breadcrumbs"] a')]
    assert [site.resolve(page, h) for h in links] == [
        LANGS[lang] + "index.html",
        LANGS[lang] + "connected-store/index.html",
    ]
    assert crumbs[-1].select_one('[aria-current="page"]') is not None
    updated = text(html.select_one(".hc-updated"))
    assert updated == ("Last updated October 6, 2026" if lang == "en" else "Dernière mise à jour : 6 octobre 2026")
    way_out = html.select_one(".hc-not-found a")
    assert site.resolve(page, way_out["href"]).endswith("connected-store/index.html")


def test_untranslated_article_falls_back_with_a_french_notice(make_site):
    built = make_site("untranslated")
    assert built.ok, built.output
    fr = built.html("fr/" + BATTERY)
    assert fr.html["lang"] == "fr"
    notice = fr.select_one('[data-hc="fallback-notice"]')
    assert notice is not None and "pas encore offert en français" in notice.get_text()
    assert fr.select_one('[data-article-id="3002"]')["lang"] == "en"
    assert [link["hreflang"] for link in fr.select('link[rel="alternate"][hreflang]')] == ["en"]
    en = built.html(BATTERY)
    assert [link["hreflang"] for link in en.select('link[rel="alternate"][hreflang]')] == ["en"]
    assert en.select_one('[data-hc="fallback-notice"]') is None
    # French lists mark the English article as English, in words too.
    listed = built.html("fr/keys-and-locking/index.html").select_one('[data-hc="category-list"] [data-article="3002"]')
    assert listed.select_one(".hc-language-note").get_text(strip=True) == "(en anglais)"
    assert built.html("fr/keys-and-locking/index.html").select_one('[data-article="3002"][lang="en"]') is not None
    recommended = built.html("fr/my-account/access.html").select_one('[data-hc="recommended"] [data-article="3002"]')
    assert recommended["lang"] == "en" and "(en anglais)" in recommended.get_text()
    assert (
        built.html("fr/my-account/access.html").select_one(
            '[data-hc="recommended"] [data-article="2003"] .hc-language-note'
        )
        is None
    )


def test_outdated_translation_shows_a_notice_linking_to_the_source(make_site):
    built = make_site("outdated")
    assert built.ok, built.output
    page = "fr/my-account/forgot-password.html"
    notice = built.html(page).select_one('[data-hc="outdated-notice"]')
    assert notice is not None
    assert built.resolve(page, notice.select_one("a")["href"]) == "my-account/forgot-password.html"
    assert built.html("my-account/forgot-password.html").select_one('[data-hc="outdated-notice"]') is None
    assert built.html("fr/my-account/access.html").select_one('[data-hc="outdated-notice"]') is None


def test_contact_marker_places_a_block_in_the_answer(make_site):
    built = make_site("contact-marker")
    assert built.ok, built.output
    body = built.html("my-account/access.html").select_one('[data-article-id="2002"]')
    block = body.select_one('[data-hc="contact"][data-contact="mini-financial-services"]')
    assert block is not None and "[[contact" not in body.get_text()
    assert "After the block." in body.get_text()
