"""Plain text from an answer's rendered HTML: the teaser shown in lists and meta descriptions.

Reads the HTML MkDocs produced for an article body and produces text with no Markdown, no tags and no
headings, cut at a word boundary near 170 characters and ending in "…".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

TEASER_LENGTH = 170
_SKIP = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "template",
    "svg",
    "figcaption",
}  # captions: not the answer
_BLOCK = {"p", "li", "div", "br", "ol", "ul", "tr", "td", "th", "blockquote", "details", "summary"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str, enough: int | None = None) -> str:
    """The text of ``html``; with ``enough``, possibly only its start, as long as that start is longer
    than ``enough`` characters (the teaser needs 170 of an answer's 2,000: parsing the rest was most of
    the hooks' time at 3,000 articles)."""
    parser = _TextExtractor()
    step = 2 * enough if enough else len(html) or 1
    for start in range(0, len(html), step):
        parser.feed(html[start : start + step])  # HTMLParser keeps a tag or entity cut in two for the next feed
        if enough and start + step < len(html) and len(_normalised("".join(parser.parts))) > enough:
            return _normalised("".join(parser.parts))
    parser.close()
    return _normalised("".join(parser.parts))


def _normalised(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # Spaces that block-level tags left before punctuation ("step one ." from "</li>.")
    return re.sub(r" ([.,)])", r"\1", text)


def cut(text: str, length: int = TEASER_LENGTH) -> str:
    """At most ``length`` characters plus "…", cut between words; short text is returned whole."""
    text = text.strip()
    if len(text) <= length:
        return text
    head = text[: length + 1]
    space = max(head.rfind(" "), head.rfind("\u00a0"), head.rfind("\u202f"))
    head = head[:space] if space > length // 2 else text[:length]
    return head.rstrip(" \u00a0\u202f,;:–—-(«\"'") + "…"


def teaser(html: str, length: int = TEASER_LENGTH) -> str:
    # A margin past ``length``: the start's last characters may still change with what follows them.
    return cut(plain_text(html, enough=length + 40), length)
