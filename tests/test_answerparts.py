"""What the answer assistant shows of an answer (helpcentre.pages.answerparts): the allowed structure only, as data."""

from __future__ import annotations

import json

from helpcentre.pages import answerparts

STEPS = (
    "<p>You can replace it&nbsp;: <strong>yourself</strong>.</p>\n"
    "<ol>\n<li>Press <em>and</em> hold.</li>\n<li>Lift.</li>\n</ol>\n"
)


def test_a_short_answer_keeps_its_paragraphs_steps_and_bold_labels():
    assert answerparts.parts(STEPS) == {
        "blocks": [
            ["p", "You can replace it\u00a0: ", ["strong", "yourself"], "."],
            ["ol", ["li", "Press ", ["em", "and"], " hold."], ["li", "Lift."]],
        ]
    }
    assert answerparts.anchored(STEPS) == STEPS  # shown whole: nothing to link to


def test_markup_outside_the_allowlist_gives_its_text_or_nothing():
    html = (
        '<p>See <a href="../my-account/x.html#top">this</a>, <a href="https://evil.example/">that</a>, '
        '<a href="javascript:alert(1)">run</a> <span onclick="x()">plain</span> <code>&lt;b&gt;</code></p>'
        "<script>alert(1)</script><table><tr><td>cell</td></tr></table><aside class='hc-contact'><p>Call</p></aside>"
        '<div class="admonition"><p>note</p></div><p>[[contact mini-assist]]</p><img src=x onerror=alert(1)>'
        "<h2 id='more'>More <em>help</em></h2><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>"
    )
    assert answerparts.parts(html)["blocks"] == [
        ["p", "See ", ["a", "../my-account/x.html#top", "this"], ", that, run plain ", ["code", "<b>"]],
        ["p", ["strong", "More ", ["em", "help"]]],
        ["p", "<script>alert(2)</script>"],  # text, which the browser writes as text
    ]


def test_a_long_answer_anchors_each_block_and_says_where_they_are():
    long_html = "".join(f"<p>Paragraph {n} {'word ' * 30}</p>\n<h2 id='s{n}'>Part {n}</h2>\n" for n in range(6))
    anchored = answerparts.anchored(long_html)
    assert '<p id="hc-part-1">' in anchored and "<h2 id='s0'>" in anchored and 'id="hc-part-3"' in anchored
    parts = answerparts.parts(anchored)
    assert parts["anchors"][:3] == ["hc-part-1", "s0", "hc-part-3"]
    assert len(parts["anchors"]) == len(parts["blocks"]) == 12


def test_one_file_per_article_with_what_the_box_needs():
    entry = answerparts.AnswerEntry(3002, "How?", "keys/key-battery.html", "", STEPS)
    path, text = answerparts.file("fr", entry)
    assert path == "pagefind/parts-fr/3002.json"
    data = json.loads(text)
    assert (data["id"], data["title"], data["url"], data["contact"]) == (3002, "How?", "keys/key-battery.html", "")
    assert data["blocks"][1][0] == "ol" and "anchors" not in data


def test_the_ids_added_for_the_assistant_stay_on_the_article_page_only():
    long_html = "<p>word " * 200 + "</p><h2 id='s'>Part</h2>"
    assert answerparts.unanchored(answerparts.anchored(long_html)) == long_html


def test_a_steps_screenshot_is_data_the_box_loads_only_when_asked():
    shot = (
        '<figure class="hc-shot"><a class="hc-shot__open" href="../a.1.1600.png"><picture><source type="image/webp"'
        ' srcset="../a.1.400.webp 400w" sizes="30rem"><img src="../a.1.800.png" srcset="../a.1.800.png 800w"'
        ' sizes="30rem" alt="The key &amp; its button" width="1600" height="1000"></picture></a>'
        "<figcaption>Caption</figcaption></figure>"
    )
    blocks = answerparts.parts(f"<ol>\n<li>\n<p>Press.</p>\n{shot}\n</li>\n</ol>")["blocks"]
    data = {"src": "../a.1.800.png", "srcset": "../a.1.400.webp 400w", "alt": "The key & its button"}
    assert blocks == [["ol", ["li", ["p", "Press."], " ", ["shot", {**data, "width": 1600, "height": 1000}]]]]
