"""A screenshot alone in its paragraph, the way a step shows one, made an element at once.

Python-Markdown makes such a paragraph's text an image by trying its inline patterns in turn on it, about twenty
with our extensions: at 3,000 answers a language with two screenshots each, a second of each language's build,
the largest share of what screenshots added to it. ``AloneImages`` makes the same ``<p><img></p>`` directly from
a block that is one plain image and nothing else: an alt text, a file name of plain characters and an optional
plain caption, none holding a character any of those patterns or the link parser would read (brackets,
backslashes, backticks, quotes, ``+``). Any other image (a reference, an attribute list, a stranger address) goes
the usual way. The output is the same, byte for byte (tests/test_screenshots.py compares both ways).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

# ![alt](file "caption") and nothing else; \x02 and \x03 are Python-Markdown's placeholders.
_ALONE = re.compile(
    r"!\[([^\\\[\]`+\x02\x03\n]*)\]\(([A-Za-z0-9._~/%-]+)(?: +\"([^\"'\\\[\]`+()\x02\x03\n\t\r\f\v]*)\")?\)"
)
# Before every other block processor (the highest are 105): none of them takes a line that starts with '![' and
# is indented less than a code block, so the paragraph (10) would have had it, after some twenty tests; a
# step's screenshot, indented under its list item, meets them all again once the item has taken it.
_PRIORITY = 110


class _AloneImage(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return (
            "](" in block
            and not block.startswith(" " * self.tab_length)  # indented: code, or a list item's (detabbed first)
            and not self.parser.state.isstate("list")
            and not _footnote(parent)
            and _ALONE.fullmatch(block.lstrip()) is not None
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        alt, src, title = _ALONE.fullmatch(blocks.pop(0).lstrip()).groups()
        image = etree.SubElement(etree.SubElement(parent, "p"), "img")
        image.set("src", src)  # the attributes in the order Python-Markdown's image pattern sets them
        if title is not None:
            image.set("title", title.strip())
        image.set("alt", alt)


def _footnote(parent: etree.Element | None) -> bool:
    # The footnotes extension parses a definition into a bare <div> and then appends its back link to the last
    # paragraph's text, which it expects to hold the image's Markdown still (without: a TypeError, the build's).
    return parent is not None and parent.tag == "div" and not parent.attrib


class AloneImages(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_AloneImage(md.parser), "hc_alone_image", _PRIORITY)
