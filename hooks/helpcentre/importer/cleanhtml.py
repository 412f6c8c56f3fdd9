"""Zendesk's article HTML made safe and plain before it becomes Markdown: what the converter is given.

Reads an article's body (HTML as Zendesk's editor and its users left it) and produces HTML holding only the
elements a Markdown answer can say (paragraphs, headings, lists, emphasis, links, images, tables, code), with
every attribute gone but a link's address and an image's source and alt text, and the list of what was
dropped or changed, for the import report. Scripts, styles, forms and their content are dropped; embeds
(a video's ``<iframe>``) become a link to what they showed; ``javascript:`` links lose their address; wrappers
(``<span>``, ``<font>``) give up their content. Text that Markdown would read as markup (``<tag``, ``[``,
``{``, ``&name;``) is kept as text; runs of ``&nbsp;`` become one space and a single one stays (French
typography needs it). Links and images go through the caller's ``link`` and ``image`` functions: a link to
another imported article becomes its relative path, an image of the help centre's own host a placeholder
the importer replaces once it has the file. Pure: no network, no files.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Placeholders for text that must stay text through the converter, put back by ``restore``.
NBSP, LT, BRACKET, BRACE, AMP = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
_RESTORED = {NBSP: "\u00a0", LT: "&lt;", BRACKET: "\\[", BRACE: "\\{", AMP: "&amp;"}
KEPT = {"p", "br", "div", "ol", "ul", "li", "strong", "b", "em", "i", "a", "img", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "pre", "code", "blockquote", "hr", "sup", "sub", "kbd", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "caption"}  # fmt: skip
DROPPED = {"script", "style", "noscript", "template", "head", "title", "form", "button", "select", "textarea",
           "svg", "math", "canvas", "object", "applet", "frameset", "frame", "map"}  # fmt: skip
EMBEDS = {"iframe", "embed", "video", "audio"}
VOID = {"br", "img", "hr", "input", "meta", "link", "source", "embed", "wbr", "col", "area", "param", "track"}
_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)


@dataclass
class Cleaned:
    html: str
    changes: Counter = field(default_factory=Counter)  # what was dropped or changed -> how many times
    no_alt: list[str] = field(default_factory=list)  # images shown without alt text (their address)
    depth: int = 0  # the deepest nesting of the elements kept


def escape_text(text: str) -> str:
    """Text as the converter must see it: markup-looking characters held by placeholders, ``&nbsp;`` runs cut."""
    text = re.sub(r"[ \t\r\n]*\u00a0[ \t\r\n\u00a0]*", lambda m: NBSP if m.group() == "\u00a0" else " ", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", LT, text)
    text = re.sub(r"&(?=#?\w+;)", AMP, text)
    return text.replace("[", BRACKET).replace("{", BRACE)


def restore(markdown: str) -> str:
    for placeholder, text in _RESTORED.items():
        markdown = markdown.replace(placeholder, text)
    return markdown


class _Cleaner(HTMLParser):
    def __init__(self, link: Callable[[str], str | None], image: Callable[[str, str], str | None]) -> None:
        super().__init__(convert_charrefs=True)
        self.link, self.image = link, image
        self.out: list[str] = []
        self.result = Cleaned("")
        self.dropping: list[str] = []  # open elements whose content is dropped
        self.open: list[str] = []  # the kept elements open, to close what the HTML leaves open
        self.code = 0  # inside <pre> or <code>: text is taken as it is

    def note(self, what: str) -> None:
        self.result.changes[what] += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, dict((k.lower(), v or "") for k, v in attrs), tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, dict((k.lower(), v or "") for k, v in attrs), True)

    def _start(self, tag: str, attrs: dict[str, str], void: bool) -> None:
        if self.dropping:
            if not void:
                self.dropping.append(tag)
            return
        for name in attrs:
            if name.startswith("on"):
                self.note(f"event-handler attribute `{name}` removed")
        if "style" in attrs:
            self.note("inline style removed")
        if tag in DROPPED:
            self.note(f"`<{tag}>` removed with its content")
            if not void:
                self.dropping.append(tag)
            return
        if tag in EMBEDS or (tag == "source" and attrs.get("src")):
            self._embed(tag, attrs)
            return
        if tag not in KEPT:
            return  # a wrapper (<span>, <font>, <section>...): its content stays
        if tag == "a":
            self._link(attrs)
        elif tag == "img":
            self._image(attrs)
        else:
            self.out.append(f"<{tag}>")
            if tag in ("pre", "code"):
                self.code += 1
        if not void:
            self.open.append(tag)
            self.result.depth = max(self.result.depth, len(self.open))

    def _embed(self, tag: str, attrs: dict[str, str]) -> None:
        src = attrs.get("src", "").strip()
        if src and not _UNSAFE_SCHEME.match(src):
            src = re.sub(r"^//", "https://", src)
            self.note(f"embedded `<{tag}>` became a link to {src}")
            self.out.append(f'<p><a href="{html.escape(src)}">{html.escape(src)}</a></p>')
        elif tag != "source":
            self.note(f"`<{tag}>` removed (nothing to link to)")
        if tag in ("iframe", "video", "audio"):
            self.dropping.append(tag)  # their fallback content says "your browser cannot..."

    def _link(self, attrs: dict[str, str]) -> None:
        href = attrs.get("href", "").strip()
        if _UNSAFE_SCHEME.match(href):
            self.note("`javascript:` (or `data:`) link removed, its text kept")
            href = ""
        target = self.link(href) if href else None
        if href and target is None:
            target = href
        self.out.append(f'<a href="{html.escape(target)}">' if target else "<a>")

    def _image(self, attrs: dict[str, str]) -> None:
        src, alt = attrs.get("src", "").strip(), " ".join(attrs.get("alt", "").split())
        alt = alt.replace("[", "(").replace("]", ")")
        if not src or _UNSAFE_SCHEME.match(src):
            self.note("image without an address (or an inline `data:` image) removed")
            return
        local = self.image(src, alt)
        if local is None:
            self.note(f"image from another host became a link: {src}")
            self.out.append(f'<a href="{html.escape(src)}">{html.escape(escape_text(alt or src))}</a>')
            return
        if not alt:
            self.result.no_alt.append(src)
        self.out.append(f'<img src="{html.escape(local)}" alt="{html.escape(alt)}">')

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag in self.dropping:
                while self.dropping and self.dropping.pop() != tag:
                    pass
            return
        if tag not in self.open:
            return
        while self.open:  # close what was left open inside it
            top = self.open.pop()
            if top in ("pre", "code"):
                self.code -= 1
            if top not in VOID:
                self.out.append(f"</{top}>")
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        self.out.append(html.escape(data if self.code else escape_text(data), quote=False))

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self.note("HTML comment removed")


def clean(body: str, link: Callable[[str], str | None], image: Callable[[str, str], str | None]) -> Cleaned:
    """``body`` reduced to what Markdown says; ``link(href)``: the new address, or None to keep ``href``;
    ``image(src, alt)``: the image's placeholder, or None for an image of another host (it becomes a link)."""
    cleaner = _Cleaner(link, image)
    cleaner.feed(body)
    cleaner.close()
    while cleaner.open:
        cleaner.handle_endtag(cleaner.open[-1])
    cleaner.result.html = "".join(cleaner.out)
    return cleaner.result
