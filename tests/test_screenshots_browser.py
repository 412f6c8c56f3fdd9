"""A closer look at a screenshot, in Chromium: the full image in an accessible dialog (axe, both languages, light
and dark, 320 and 1280 px), focus kept inside and given back, and no layout shift as the screenshots load; the
assistant's "Show screenshot" loading the image only when pressed."""

from __future__ import annotations

import pytest
import yaml

from browser import RESULT_LIST, SHOWN, Server, ask, axe_violations, free_port, search
from conftest import BATTERY, LANGS, REPO, SITES, new_site

CASES = [("en", "light", 320), ("fr", "dark", 320), ("en", "dark", 1280), ("fr", "light", 1280)]
# Layout shifts of the answer (the whole page's: tests/test_layout_shift.py).
CLS = """() => new Promise((done) => {
  let total = 0;
  const inAnswer = (e) => e.sources.some((s) => s.node && s.node.closest && s.node.closest('.md-content'));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (inAnswer(e)) total += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  window.scrollTo(0, document.body.scrollHeight);
  setTimeout(() => done(total), 800);
})"""


@pytest.fixture(scope="module")
def shots_served(tmp_path_factory):
    site = new_site(tmp_path_factory.mktemp("shots-browser") / "project", "screenshots")
    assert site.ok, site.output
    with Server(site.out, port=free_port()) as server:
        yield server


@pytest.mark.parametrize(("lang", "scheme", "width"), CASES)
def test_a_screenshot_opens_full_size_in_an_accessible_dialog(tab, shots_served, lang, scheme, width):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(shots_served.url + LANGS[lang] + BATTERY)
    assert page.evaluate(CLS) == 0  # width and height reserve each screenshot's place
    page.evaluate("window.scrollTo(0, 0)")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    border = page.eval_on_selector(".hc-shot img", "img => getComputedStyle(img).outlineStyle")
    assert border == ("solid" if scheme == "dark" else "none")
    link = page.locator("a.hc-shot__open").first
    alt = link.locator("img").get_attribute("alt")
    link.click()
    dialog = page.locator("[data-hc-shot-dialog]")
    assert dialog.evaluate("d => d.open")
    assert dialog.get_attribute("aria-label") == alt
    full = dialog.locator("img")
    full.evaluate("img => img.decode()")
    assert full.evaluate("img => img.naturalWidth") == int(link.locator("img").get_attribute("width"))
    assert axe_violations(page) == []
    for _ in range(3):  # the modal dialog keeps focus inside it
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('[data-hc-shot-dialog]') !== null")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('hc-shot__open')")
    link.click()
    page.locator("[data-hc-shot-close]").click()
    assert not dialog.evaluate("d => d.open")
    assert tab.errors == [] and tab.failed == []


def test_without_script_a_screenshot_is_a_link_to_its_full_image(chromium, shots_served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(shots_served.url + BATTERY)
    page.locator("a.hc-shot__open").first.click()
    assert page.url.endswith(".1600.png")
    context.close()


# The question each language asks: the title of its article with screenshots.
QUESTIONS = {
    lang: yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])["title"]
    for lang in LANGS
    if (page := SITES / "screenshots/docs" / lang / "keys-and-locking/key-battery.md").exists()
}


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_the_assistant_loads_a_step_screenshot_only_when_asked(tab, shots_served, lang):
    page = tab.page
    images: list[str] = []
    page.on("request", lambda r: images.append(r.url) if "/assets/shots/" in r.url else None)
    page.goto(shots_served.url + LANGS[lang] + "index.html")
    ask(tab, QUESTIONS[lang])
    buttons = page.locator(f"{SHOWN} .hc-assistant__shot-button")
    buttons.first.wait_for()
    assert buttons.count() == 2  # one per step's screenshot
    assert images == []  # asking downloads no image
    strings = yaml.safe_load((REPO / "data/i18n" / f"{lang}.yml").read_text(encoding="utf-8"))
    first = buttons.first
    assert first.inner_text() == strings["shot.show"] and first.get_attribute("aria-expanded") == "false"
    described = page.locator("#" + first.get_attribute("aria-describedby")).text_content()
    first.click()
    shot = page.locator(f"{SHOWN} .hc-assistant__shot img").first
    shot.evaluate("img => img.decode()")
    assert len(images) == 1 and shot.get_attribute("alt") == described != ""
    assert first.inner_text() == strings["shot.hide"] and first.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    first.click()
    assert shot.is_hidden() and first.inner_text() == strings["shot.show"]
    assert len(images) == 1 and tab.errors == [] and tab.failed == []


# Words only a screenshot's alt text holds in the battery answer (not its caption, text or title), and a word of
# its title.
ALT_ONLY = {"en": "seen above", "fr": "vue dessus"}
TITLE_WORD = {"en": "battery", "fr": "pile"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_words_only_a_screenshot_shows_find_its_answer_and_stay_out_of_the_results_text(tab, shots_served, lang):
    found = search(tab, shots_served, LANGS[lang] + "index.html", ALT_ONLY[lang])
    assert found and found[0].endswith(BATTERY), found
    shown = tab.page.inner_text(RESULT_LIST).lower().split()  # every result: title, excerpt
    assert TITLE_WORD[lang] in shown, shown
    assert not set(ALT_ONLY[lang].split()) & set(shown), shown  # the excerpt is the answer's text, never the alt
    assert tab.errors == [] and tab.failed == []
