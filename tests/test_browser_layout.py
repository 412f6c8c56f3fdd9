"""Layout facts a reader notices, in Debian's Chromium: screenshots of the three kinds of page in both
languages, phone and desktop, light and dark; no sideways scrolling at 320 px; search first after the skip
link; the recommended list under the answer, in two columns on wide screens only; 44 px touch targets;
a focus ring; AA contrast; a print view of just the question, the answer and the contact block.

Screenshots go to $HC_SCREENSHOTS when it is set (.ci/run points it at test-artifacts/screenshots/, which
CI keeps), else to the test's temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import SEARCH_INPUT, wait_for_search
from conftest import ARTICLE, LANGS, PAGES

pytestmark = pytest.mark.browser

SCHEMES = {"light": (255, 255, 255), "dark": (18, 18, 18)}  # prefers-color-scheme -> the page's background

# The color of an element's text and the background behind it, both as opaque RGB, and their contrast.
CONTRAST_JS = """
(el) => {
  const rgba = (c) => {
    const m = c.match(/rgba?\\(([^)]*)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3]));
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const bg = rgba(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] === 1) break;
  }
  let bg = [255, 255, 255];
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const fg = over(rgba(getComputedStyle(el).color), bg);
  const lum = (c) => {
    const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}
"""

# Text a reader has to read on each page: muted lines, links, the footer and its copyright line.
CONTRAST_SELECTORS = {
    "home": [
        ".hc-lead",
        ".hc-search__label",
        ".hc-card__description",
        ".hc-card__count",
        ".hc-links a",
        ".hc-assistant__counter",
        ".hc-footer a",
        ".md-copyright__highlight",
    ],
    "category": [
        ".hc-breadcrumbs a",
        ".hc-breadcrumbs [aria-current]",
        ".hc-answer__prefix",
        ".hc-answer__body a",
        ".hc-contact__purpose",
        ".hc-contact__phone",
        ".md-copyright__highlight",
    ],
    "article": [
        ".hc-language__link",
        ".hc-article p",
        ".hc-updated small",
        ".hc-contact__email",
        ".hc-recommended__title",
        ".hc-recommended__views",
        ".hc-recommended__teaser",
        ".hc-not-found a",
        ".hc-footer__purpose",
        ".md-copyright__highlight",
    ],
}


@pytest.fixture
def screenshots(tmp_path) -> Path:
    folder = Path(os.environ["HC_SCREENSHOTS"]) if os.environ.get("HC_SCREENSHOTS") else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def show(tab, served, path: str, width: int, scheme: str = "light", height: int = 800):
    """Open ``path`` as a reader with this screen width and system color scheme would see it."""
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto(served.url + path)
    page.wait_for_selector("[data-hc-search-open]:not([hidden])", state="attached")  # our scripts ran
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb({}, {}, {})".format(*SCHEMES[scheme]), (scheme, background)
    return page


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_screenshots_phone_and_desktop_light_and_dark(tab, served, screenshots, kind, lang):
    for width in (375, 1280):
        for scheme in SCHEMES:
            page = show(tab, served, LANGS[lang] + PAGES[kind], width, scheme)
            out = screenshots / f"{kind}-{lang}-{width}-{scheme}.png"
            page.screenshot(path=str(out), full_page=True)
            assert out.stat().st_size > 10_000
            assert overflow(page) <= 0, f"{out.name} scrolls sideways"
    assert tab.errors == [] and tab.failed == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_horizontal_scrolling_at_320_px(tab, served, kind, lang):
    page = show(tab, served, LANGS[lang] + PAGES[kind], 320)
    assert overflow(page) <= 0
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.offsetParent)
              .map((e) => e.className || e.tagName)"""
    )
    assert wide == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_on_a_320_px_phone_show_each_category_above_its_question(tab, served, screenshots, scheme):
    page = show(tab, served, LANGS["fr"] + PAGES["home"], 320, scheme)
    page.fill(SEARCH_INPUT, "remboursement carte")
    wait_for_search(page)
    out = screenshots / f"search-fr-320-{scheme}.png"
    page.locator(".md-content .hc-search").screenshot(path=str(out))
    assert overflow(page) <= 0, f"{out.name} scrolls sideways"
    first = page.locator(".md-content .hc-search__result").first
    category, question = first.locator(".hc-result__category"), first.locator(".hc-search__link")
    above = category.bounding_box()
    below = question.bounding_box()
    assert above["y"] + above["height"] <= below["y"] + 1 and above["x"] + above["width"] <= 320
    assert category.evaluate(CONTRAST_JS) >= 4.5
    assert tab.errors == [] and tab.failed == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_field_is_the_first_control_after_the_skip_link(tab, served, lang):
    page = show(tab, served, LANGS[lang] + "index.html", 1280)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "hc-skip" in skip.get_attribute("class")
    page.wait_for_timeout(400)  # Material fades the skip link in when it has the focus
    assert skip.is_visible() and skip.bounding_box()["height"] >= 44
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hc-search-input"
    # And in the page's own content, nothing comes before it.
    first = page.evaluate(
        """() => document.querySelector('.md-content').querySelector(
              'a[href], button:not([hidden]), input, textarea, select, [tabindex]').id"""
    )
    assert first == "hc-search-input"


@pytest.mark.parametrize("width", [375, 1280])
def test_recommended_list_is_under_the_answer(tab, served, width):
    page = show(tab, served, ARTICLE, width)
    answer = page.locator("[data-article-id]").bounding_box()
    recommended = page.locator("[data-hc='recommended']").bounding_box()
    assert recommended["y"] >= answer["y"] + answer["height"]
    assert recommended["x"] >= answer["x"] - 1  # in the same column, not a sidebar


@pytest.mark.parametrize(("width", "columns"), [(375, 1), (1280, 2)])
def test_recommended_list_has_two_columns_on_wide_screens_only(tab, served, width, columns):
    page = show(tab, served, ARTICLE, width)
    items = page.locator(".hc-recommended__item")
    lefts = {round(items.nth(i).bounding_box()["x"]) for i in range(items.count())}
    assert len(lefts) == columns
    # Each item: its title, its view count and its teaser.
    first = items.first
    for part in (".hc-recommended__title", ".hc-recommended__views", ".hc-recommended__teaser"):
        assert first.locator(part).is_visible()


# The controls a thumb taps on each kind of page; each selector must match something shown there, so a renamed
# class cannot leave its controls unmeasured.
TAPPED = (".md-header__button", ".hc-language__link", ".hc-footer a", "button")
TARGETS = {
    "home": (*TAPPED, ".md-button", ".hc-card__link", ".hc-links a"),
    "category": (*TAPPED, ".hc-breadcrumbs a", ".hc-links a", ".hc-not-found a"),
    "article": (
        *TAPPED,
        ".md-button",
        ".hc-breadcrumbs a",
        ".hc-contact__ways a",
        ".hc-recommended__title",
        ".hc-not-found a",
    ),
}


@pytest.mark.parametrize("kind", PAGES)
def test_touch_targets_are_at_least_44_px(tab, served, kind):
    page = show(tab, served, PAGES[kind], 375)
    measured = page.evaluate(
        """(selectors) => selectors.map((selector) => {
              const shown = [...document.querySelectorAll(selector)]
                .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
              const small = shown
                .map((e) => [e.className || e.tagName, e.getBoundingClientRect(), e.tagName === 'BUTTON'])
                .filter(([, r, button]) => r.height < 44 || (button && r.width < 44))
                .map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`);
              return [selector, shown.length, small];
            })""",
        TARGETS[kind],
    )
    assert [selector for selector, shown, _ in measured if not shown] == []
    assert [target for _, _, small in measured for target in small] == []


@pytest.mark.parametrize("kind", ["home", "article"])
def test_every_control_shows_a_focus_ring(tab, served, kind):
    page = show(tab, served, PAGES[kind], 1280)
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return [document.activeElement.className || document.activeElement.tagName,
                               s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
        )
        assert ring[1] != "none" and ring[2] >= 2, ring


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_text_contrast_passes_aa(tab, served, kind, scheme):
    page = show(tab, served, PAGES[kind], 1280, scheme)
    low = []
    for selector in CONTRAST_SELECTORS[kind]:
        element = page.locator(selector).first
        assert element.count(), selector
        ratio = element.evaluate(CONTRAST_JS)
        if ratio < 4.5:
            low.append(f"{selector}: {ratio:.2f}")
    assert low == []


def test_print_shows_the_question_the_answer_and_the_contact_only(tab, served):
    page = show(tab, served, ARTICLE, 1280)
    page.emulate_media(media="print")
    for selector in ("[data-article-id] h1", "[data-article-id] p", "[data-hc='contact']"):
        assert page.locator(selector).first.is_visible(), selector
    hidden = (
        ".md-header",
        ".md-footer",
        ".hc-footer",
        "[data-hc='recommended']",
        "[data-hc='helpful']",
        "[data-hc='assistant']",
        "[data-hc='breadcrumbs']",
        ".hc-not-found",
    )
    for selector in hidden:
        assert not page.locator(selector).first.is_visible(), selector


def test_a_file_copy_of_an_article_still_runs_the_page_widgets(tab, site):
    # Plain .html addresses browse from a folder (file://), where browsers refuse ES modules: the page's
    # widgets ship as one classic script, so the vote still thanks the reader and the contact says if it is open.
    page = tab.page
    page.goto((site.out / ARTICLE).as_uri())
    status = page.locator("[data-hc='contact'] .hc-contact__status").first
    page.wait_for_function("(el) => !el.hidden", arg=status.element_handle())
    page.click("[data-hc='helpful'] [data-answer='yes']")
    assert page.locator("[data-hc='helpful'] .hc-helpful__thanks").is_visible()
