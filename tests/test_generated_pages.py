"""Generated pages at scale: a large category lists teasers and links instead of every answer."""

from __future__ import annotations


def test_large_category_lists_teasers_instead_of_full_answers(make_site):
    built = make_site(config={"extra": {"helpcentre": {"full_answers_limit": 1}}})
    assert built.ok, built.output
    big = built.html("my-account/index.html")  # two articles: over the limit of one
    items = big.select('[data-hc="category-list"] li')
    assert len(items) == 2
    for item in items:
        link = item.select_one("a")["href"]
        assert not link.startswith("#")
        assert built.html(built.resolve("my-account/index.html", link)).select_one("[data-article-id]") is not None
        assert item.select_one(".hc-teaser").get_text(strip=True)
    assert big.select(".hc-answer") == []
    small = built.html("keys-and-locking/index.html")  # one article: answers in full
    assert len(small.select(".hc-answer")) == 1
