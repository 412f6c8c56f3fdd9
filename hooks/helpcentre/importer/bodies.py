"""An article's body, Zendesk's HTML, as the Markdown a writer here would have written.

Reads the HTML ``cleanhtml`` made safe and plain, converts it with html-to-markdown (README "Moving from
Zendesk" says why that converter), then tidies what it leaves: headings start at the answer's level (``##``:
the question is the page's only ``#``), no empty heading, no space at a line's end but a list item's line
break, one blank line between blocks. Produces the Markdown with the images' placeholders still in it, what
was dropped or changed, the help-centre links left absolute and the images without alt text; or a
``BodyError`` naming the article, for a body the converter refuses. Pure: no network, no files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import html_to_markdown

from helpcentre.importer import cleanhtml, files

_OPTIONS = html_to_markdown.ConversionOptions(
    heading_style="atx", bullets="-", list_indent_width=4, escape_misc=False, max_depth=200
)
# html-to-markdown drops, silently, what lies deeper than its max_depth (200, counting its own wrappers);
# a body nested deeper than this is refused rather than imported with text missing.
MAX_DEPTH = 100
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")


class BodyError(ValueError):
    pass


@dataclass(frozen=True)
class Body:
    markdown: str
    changes: tuple[str, ...]  # what was dropped or changed, with how many times
    external: tuple[str, ...]  # links to the old help centre's articles, sections, categories not imported
    no_alt: tuple[str, ...]  # images shown without alt text


def convert(
    body: str,
    link: Callable[[str], tuple[str | None, bool]],
    image: Callable[[str, str], str | None],
) -> Body:
    """``link(href)``: (the new address or None to keep it, whether it is an old article left absolute)."""
    external: list[str] = []

    def relink(href: str) -> str | None:
        target, left = link(href)
        if left:
            external.append(target or href)
        return target

    if broken := files.broken_character(body or ""):
        raise BodyError(f"its body holds {broken}")
    cleaned = cleanhtml.clean(body or "", relink, image)
    if cleaned.depth > MAX_DEPTH:
        raise BodyError(
            f"its body nests {cleaned.depth} elements deep (at most {MAX_DEPTH} convert whole); remove the nested"
            " <div>, <blockquote> or lists in Zendesk's editor (its source code view), then import again"
        )
    try:
        markdown = html_to_markdown.convert(cleaned.html, _OPTIONS).content
    except Exception as exc:  # the converter's own errors have no common base
        raise BodyError(
            f"html-to-markdown cannot convert its body ({type(exc).__name__}: {str(exc)[:200]}); simplify the body"
            " in Zendesk's editor, then import again"
        ) from exc
    markdown = tidy(cleanhtml.restore(markdown))
    changes = tuple(f"{what} (×{n})" if n > 1 else what for what, n in sorted(cleaned.changes.items()))
    return Body(markdown, changes, tuple(dict.fromkeys(external)), tuple(cleaned.no_alt))


def tidy(markdown: str) -> str:
    """Headings from ``##`` down, keeping their steps; line ends, blank lines and empty headings tidied."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    fenced, levels = False, []
    for line in lines:
        fenced ^= bool(_FENCE.match(line))
        if not fenced and (m := _ATX.match(line)) and m.group(2).strip():
            levels.append(len(m.group(1)))
    shift = 2 - min(levels) if levels else 0
    out, fenced = [], False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line.rstrip())
            continue
        if fenced:
            out.append(line)
            continue
        m = _ATX.match(line)
        if m:
            if not m.group(2).strip():
                continue
            line = "#" * min(6, len(m.group(1)) + shift) + " " + m.group(2).strip()
        hard_break = line.endswith("  ") and line.strip()
        line = line.rstrip() + ("  " if hard_break else "")
        out.append(line)
    text = "\n".join(out)
    text = re.sub(r"  \n(?=[ \t]*(\n|$))", "\n", text)  # a line break before a blank line breaks nothing
    text = re.sub(r"[ \t]+$", "", text) if text.endswith(" ") else text
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
