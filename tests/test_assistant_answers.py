"""The answer assistant answers in its box (issue 17), in Debian's Chromium on built sites: the steps of the best
answer as the article shows them, "Did this answer your question?" with the next suggestion on No and the
contact of the question's category after the last, a long answer's best part, and markup in an
article or a question shown as text or dropped, never run."""

from __future__ import annotations

import pytest

from browser import ASSISTANT_INPUT, NO_ANSWER, SHOWN, Server, answers, ask, axe_violations, shown_steps
from conftest import BATTERY

pytestmark = pytest.mark.browser

EXHAUSTED = ".hc-assistant__exhausted:not([hidden])"
CONTACT = ".hc-assistant__contact:not([hidden]) [data-hc='contact']:not([hidden])"
ACCOUNT = "my-account/forgot-password.html"  # article 2003, category My MINI Account
STORE = "connected-store/refund-payment-method.html"  # article 1001, category MINI Connected Store


def steps_on_page(site, page: str) -> list[str]:
    """The numbered steps of the answer on its own page, as the built site has them."""
    body = site.html(page).select_one("[data-article-id]")
    return [" ".join(li.get_text().split()) for li in body.select("ol > li")]


@pytest.mark.parametrize(
    ("lang", "question"), [("fr", "comment changer la pile de ma clé"), ("en", "how do I change my key battery")]
)
def test_the_steps_of_the_best_answer_show_in_the_box_on_a_phone(site, served, tab, lang, question):
    page = tab.page
    page.set_viewport_size({"width": 375, "height": 800})
    prefix = "fr/" if lang == "fr" else ""
    page.goto(served.url + prefix + "index.html")
    ask(tab, question)
    page.wait_for_selector(SHOWN)
    steps = steps_on_page(site, prefix + BATTERY)
    assert len(steps) == 5 and shown_steps(page) == steps  # the five steps, as a list, in the box
    numbering = page.eval_on_selector(f"{SHOWN} .hc-assistant__answer ol", "ol => getComputedStyle(ol).listStyleType")
    assert numbering == "decimal"  # numbered as the article numbers them (not a, b, c as a nested list)
    article_title = site.html(prefix + BATTERY).select_one("h1").get_text(strip=True)
    assert page.inner_text(f"{SHOWN} .hc-assistant__question") == article_title
    read = page.locator(f"{SHOWN} .hc-assistant__link")
    assert read.get_attribute("href").endswith("/" + prefix + BATTERY)
    expected = "Lire la réponse complète\u00a0: " if lang == "fr" else "Read the whole answer: "
    assert read.inner_text() == expected + article_title
    assert page.get_attribute(".hc-assistant__result", "aria-live") == "polite"
    # The box fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.locator(f"{SHOWN} .hc-assistant__answer").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert tab.errors == [] and tab.failed == []


# On an account article's page, the assistant offers a copy of the page's own contact block (it does not carry it).
@pytest.mark.parametrize("where", ["fr/index.html", "fr/" + ACCOUNT])
def test_no_shows_the_next_suggestion_then_the_account_contact(served, tab, where):
    page = tab.page
    page.goto(served.url + where)
    ask(tab, "J'ai oublié mon mot de passe de Mon Compte MINI")
    links = answers(tab)
    assert links[0].endswith("/fr/" + ACCOUNT) and len(links) >= 2, links
    titles = [page.inner_text(f"{SHOWN} .hc-assistant__question")]
    for number in range(1, len(links)):
        page.click(f"{SHOWN} .hc-assistant__no")
        page.wait_for_function(
            "([selector, href]) => (document.querySelector(selector) || {}).getAttribute?.('href') === href",
            arg=[f"{SHOWN} .hc-assistant__link", links[number]],
        )
        titles.append(page.inner_text(f"{SHOWN} .hc-assistant__question"))
        # The focus follows: on the suggestion now shown.
        assert page.evaluate("document.activeElement.classList.contains('hc-assistant__question')")
        assert page.locator(EXHAUSTED).count() == 0
    assert len(set(titles)) == len(links)
    page.click(f"{SHOWN} .hc-assistant__no")
    page.wait_for_selector(EXHAUSTED)
    assert page.locator(SHOWN).count() == 0
    assert page.locator(CONTACT).get_attribute("data-contact") == "mini-financial-services"
    assert page.locator(CONTACT).is_visible() and page.locator(CONTACT).count() == 1
    assert page.evaluate("!!document.activeElement.closest('.hc-assistant__exhausted')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "question"), [("fr", "mot de passe oublié"), ("en", "forgot my password")])
def test_axe_finds_nothing_in_each_state_of_the_box_at_320_px(served, tab, scheme, lang, question):
    page = tab.page
    page.set_viewport_size({"width": 320, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(served.url + ("fr/" if lang == "fr" else "") + "index.html")
    ask(tab, question)
    page.wait_for_selector(SHOWN)
    assert axe_violations(page) == []
    for _ in answers(tab):  # every suggestion in turn, then the contact
        page.click(f"{SHOWN} .hc-assistant__no")
    page.wait_for_selector(EXHAUSTED)
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_best_answer_is_fetched_while_the_reader_types(served, tab):
    # No second wait after Enter: the answer file is already there; and typing never loads the other language.
    page = tab.page
    requested = []
    page.on("request", lambda r: requested.append(r.url.removeprefix(served.url)))
    page.goto(served.url + "index.html")
    field = page.locator(ASSISTANT_INPUT)
    field.click()
    field.press_sequentially("How do I replace the battery of my key ", delay=30)
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('parts-en/3002'))")
    before = len(requested)
    field.press("Enter")
    page.wait_for_selector(SHOWN)
    assert not [url for url in requested[before:] if "/parts-" in url], requested[before:]
    assert not [url for url in requested if url.startswith("pagefind/fr")], requested


def test_yes_closes_the_exchange(served, tab):
    page = tab.page
    page.goto(served.url + "index.html")
    ask(tab, "How do I replace the battery of my key?")
    page.wait_for_selector(SHOWN)
    page.focus(f"{SHOWN} .hc-assistant__yes")
    page.keyboard.press("Enter")
    thanks = page.locator(f"{SHOWN} .hc-assistant__thanks")
    assert thanks.inner_text() == "Glad we could help."
    assert page.evaluate("document.activeElement.classList.contains('hc-assistant__thanks')")
    assert page.locator(".hc-assistant__feedback").count() == 0
    assert page.locator(".hc-assistant__contact").is_hidden()


def test_no_good_answer_offers_the_contact_of_the_question_s_category(served, tab):
    # One word of four matches an account article: not a good answer, but the question is about the account.
    # The assistant says it is not sure, lists the closest answers, shows none in full (issue 31).
    page = tab.page
    page.goto(served.url + "fr/index.html")
    ask(tab, "zorglub frimousse quantique compte")
    page.wait_for_selector(".hc-assistant__unsure:not([hidden])")
    assert page.locator(SHOWN).count() == 0
    assert page.locator(CONTACT).get_attribute("data-contact") == "mini-financial-services"


def test_the_connected_store_offers_mini_assist_whatever_the_general_contact(make_site, tab):
    built = make_site(
        real_content=True, config={"extra": {"helpcentre": {"general_contact": "mini-financial-services"}}}
    )
    assert built.ok, built.output
    page = tab.page
    with Server(built.out) as server:
        page.goto(server.url + "index.html")
        ask(tab, "Which payment method gets my refund?")
        links = answers(tab)
        assert links[0].endswith("/" + STORE), links
        for _ in links:
            page.click(f"{SHOWN} .hc-assistant__no")
        page.wait_for_selector(EXHAUSTED)
        assert page.locator(CONTACT).get_attribute("data-contact") == "mini-assist"
        ask(tab, "zorglub frimousse")  # nothing at all: the general contact
        page.wait_for_selector(NO_ANSWER)
        assert page.locator(CONTACT).get_attribute("data-contact") == "mini-financial-services"


# -- a long answer: the part that matches, linked to its place ------------------------------------------------
LONG = """---
id: 3002
title: Comment remplacer la pile de la clé ?
category: keys-and-locking
updated: 2026-09-01
---

{filler}

Pour la pile de rechange, choisissez une pile CR2032 que vous trouverez chez tout détaillant.

{filler}
"""
FILLER = " ".join(["Le verrouillage centralisé de votre véhicule fonctionne avec la télécommande."] * 8)


def test_a_long_answer_shows_the_matching_paragraph_linked_to_its_place(make_site, tab):
    built = make_site(files={"docs/fr/keys-and-locking/key-battery.md": LONG.format(filler=FILLER).encode()})
    assert built.ok, built.output
    page = tab.page
    with Server(built.out) as server:
        page.goto(server.url + "fr/index.html")
        ask(tab, "Quelle pile de rechange choisir ?")
        page.wait_for_selector(SHOWN)
        shown = page.locator(f"{SHOWN} .hc-assistant__answer p").all_inner_texts()
        assert shown == [
            "Pour la pile de rechange, choisissez une pile CR2032 que vous trouverez chez tout détaillant."
        ]
        part = page.get_attribute(f"{SHOWN} .hc-assistant__part", "href")
        assert part.endswith("/fr/" + BATTERY + "#hc-part-2"), part
        page.click(f"{SHOWN} .hc-assistant__part")
        page.wait_for_url("**#hc-part-2")
        assert "CR2032" in page.inner_text("#hc-part-2")


# -- markup in an article or a question ------------------------------------------------------------------------
HOSTILE_ARTICLE = """---
id: 3002
title: Comment remplacer la pile de la clé ?
category: keys-and-locking
updated: 2026-09-01
---

Vous pouvez remplacer la pile &lt;script&gt;window.hcRan=1&lt;/script&gt; <span style="color:red">vous-même</span> :
consultez [ce site](https://evil.example/pile) ou [cette réponse](../my-account/forgot-password.md).

1. Appuyez sur le **bouton** et tapez `<img src=x onerror="window.hcRan=2">`.
2. Retirez le <u>couvercle</u>.

<table><tr><td>cellule</td></tr></table>
"""


def test_markup_in_an_article_shows_as_text_or_is_dropped(make_site, tab):
    built = make_site(files={"docs/fr/keys-and-locking/key-battery.md": HOSTILE_ARTICLE.encode()})
    assert built.ok, built.output
    page = tab.page
    with Server(built.out) as server:
        page.goto(server.url + "fr/index.html")
        ask(tab, "remplacer la pile de la clé")
        page.wait_for_selector(SHOWN)
        answer = f"{SHOWN} .hc-assistant__answer"
        text = page.inner_text(answer)
        assert "<script>window.hcRan=1</script>" in text and "vous-même" in text and "cellule" not in text
        assert page.inner_text(f"{answer} code") == '<img src=x onerror="window.hcRan=2">'
        tags = page.evaluate(f"[...document.querySelectorAll('{answer} *')].map(e => e.tagName.toLowerCase())")
        assert set(tags) <= {"p", "ol", "li", "strong", "a", "code"}, tags
        hrefs = page.evaluate(f"[...document.querySelectorAll('{answer} a')].map(a => a.href)")
        assert hrefs == [server.url + "fr/my-account/forgot-password.html"], hrefs  # ours kept; the other host as text
        assert "ce site" in text
        assert (
            page.evaluate("[...document.querySelectorAll('" + answer + " [style], " + answer + " [onerror]')].length")
            == 0
        )
        assert page.evaluate("window.hcRan") is None and tab.dialogs == [] and tab.errors == []


def test_a_question_carrying_markup_is_answered_and_shown_as_text(served, tab):
    page = tab.page
    page.goto(served.url + "index.html")
    question = '<img src=x onerror="window.hcRan=1">replace the <b>key battery</b>'
    ask(tab, question)
    page.wait_for_selector(SHOWN)
    assert answers(tab)[0].endswith("/" + BATTERY)
    assert page.input_value(ASSISTANT_INPUT) == question
    assert page.evaluate("document.querySelectorAll('.hc-assistant img, .hc-assistant b').length") == 0
    assert page.evaluate("window.hcRan") is None and tab.dialogs == [] and tab.errors == []
