"""An answer as the answer assistant shows it in its box: its allowed structure, as data, never as HTML.

Reads an answer's HTML as MkDocs converted it and produces:

- ``anchored(html)``: the same HTML where a long answer's top-level blocks carry ids (``hc-part-1``, ...), so
  the assistant can link to the part it shows; a short answer (most of ours) is shown whole and unchanged;
- ``parts(html)``: the answer's allowed structure, ``{"blocks": [node, ...]}`` plus ``"anchors"`` (one id or
  "" per block) for a long answer;
- ``file(lang, answer)``: one small JSON file per article, ``pagefind/parts-<lang>/<id>.json``, with its
  id, question, address (site-relative), contact key and parts, which the assistant fetches for the answers
  it shows (and for the ids an endpoint cites). Kept out of the Pagefind index on purpose: Pagefind 1.5
  indexes metadata, and the same structure as metadata grew the index chunks by 31% and the fragments by
  18% on our 26 articles, against the 15% the whole index may grow. A node is a string (text) or ``[tag, child, ...]``
  with ``tag`` one of ``ALLOWED``; a link is ``["a", href, child, ...]`` with a relative ``href`` (our own
  pages); a screenshot (as ``images.markup`` wrote it) is ``["shot", {src, srcset, alt, width, height}]``, which
  the box offers behind a "Show screenshot" button and loads only when pressed. Other elements give their text
  (inline) or are left out (tables, contact blocks, code blocks, anything unknown); scripts and styles give nothing.

The browser (``overrides/assets/hc/search/answerview.js``) applies the same allowlist again and writes the
nodes with ``createElement`` and text nodes: what the index holds is never parsed as HTML. A tokenizer by
regular expression, not ``html.parser``: the input is MkDocs' own output, and at 3,000 articles a language
the parser cost more than the hooks' time budget allows.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from helpcentre.images import markup

ALLOWED = ("p", "ol", "ul", "li", "strong", "em", "a", "code")
_RENAMED = {"b": "strong", "i": "em", "h2": "p", "h3": "p", "h4": "p", "h5": "p", "h6": "p"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}  # shown as a paragraph in bold
_TOP_BLOCKS = {"p", "ol", "ul", *_HEADINGS}
_SILENT = {"script", "style", "template", "svg", "iframe", "object", "table", "pre", "aside", "figure", "img"}
_VOID = {"br", "hr", "img", "wbr", "input", "source", "meta", "link"}
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)  # _TOKEN's tags
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_MARKER = re.compile(r"^\s*\[\[contact [a-z0-9-]+\]\]\s*$")
_TAGS = re.compile(r"<[^>]*>")
_ADDED_ID = re.compile(r' id="hc-part-[0-9]+"')
_SPACES = re.compile(r"[ \t\n\r\f]+")  # not \s: no-break spaces (French typography) stay

# Longer than this (in characters of text) an answer is long: the assistant shows the part that best
# matches the question, with a link to it. Most of our answers (a sentence and five steps) are shorter.
LONG_ANSWER = 700
ANCHOR_PREFIX = "hc-part-"


def is_long(html: str) -> bool:
    # The text is never longer than its HTML: most short answers are known short without stripping tags.
    return len(html) > LONG_ANSWER and len(html_lib.unescape(_TAGS.sub("", html)).strip()) > LONG_ANSWER


def anchored(html: str) -> str:
    """``html`` with an id on each top-level block without one, when the answer is long. Only tags are
    visited (the text between them is copied in slices): every page's answer goes through here."""
    if not is_long(html):
        return html
    depth = 0
    number = 0
    out: list[str] = []
    copied = 0
    for match in _TAG.finditer(html):
        closing, tag, attrs = match.groups()
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if not closing and depth == 0 and tag in _TOP_BLOCKS:
            number += 1
            if not _ID.search(attrs):
                out += (html[copied : match.start()], f'<{tag} id="{ANCHOR_PREFIX}{number}"{attrs}>')
                copied = match.end()
        if tag not in _VOID and not attrs.rstrip().endswith("/"):
            depth = max(depth - 1 if closing else depth + 1, 0)
    out.append(html[copied:])
    return "".join(out)


def unanchored(html: str) -> str:
    """``html`` without the ids ``anchored`` added: the search records and category pages need none (Pagefind
    keeps every id as an anchor in its fragments: 4 to 5% more index on 600 long answers)."""
    return _ADDED_ID.sub("", html) if ANCHOR_PREFIX in html else html


def parts(html: str) -> dict:
    """The allowed structure of ``html``: ``{"blocks": [...]}``, with ``"anchors"`` for a long answer."""
    root: list = ["root"]
    # Open elements, innermost last: (source tag, the node its children go to: a list, or None when its
    # content is left out, or "" when it is unwrapped and its children go to its parent's node).
    stack: list[tuple[str, list | str | None]] = [("", root)]
    anchors: list[str] = []
    for match, shot in _tokens(html):
        if shot is not None:  # a screenshot: the box offers it, and loads it only when asked
            target = _target(stack)
            if target is root:
                anchors.append("")
            if target is not None:
                target.append(["shot", shot])
            continue
        closing, tag, attrs, text = match.groups()
        if tag is None:
            if match.group(0).startswith("<!--"):
                continue
            target = _target(stack)
            if target is not None and target is not root:
                _add_text(target, html_lib.unescape(text if text is not None else "<"))
            continue
        tag = tag.lower()
        if tag in _VOID:
            target = _target(stack)
            if tag == "br" and target is not None and target is not root:
                _add_text(target, " ")
            continue
        if closing:
            stack = _close(tag, stack)
            continue
        target = _target(stack)
        if target is None or tag in _SILENT or (target is root and tag not in _TOP_BLOCKS):
            stack.append((tag, None))
            continue
        outer, inner = _open(tag, attrs or "")
        if outer is None:
            stack.append((tag, ""))
            continue
        if target is root:
            found = _ID.search(attrs or "")
            anchors.append((found.group(1) or found.group(2) or "") if found else "")
        target.append(outer)
        stack.append((tag, inner))
    kept = [(b, a) for b, a in zip((_tidy(b) for b in root[1:]), anchors, strict=True) if b is not None]
    result: dict = {"blocks": [b for b, _ in kept]}
    if any(a.startswith(ANCHOR_PREFIX) for _, a in kept):
        result["anchors"] = [a for _, a in kept]
    return result


@dataclass(frozen=True)
class AnswerEntry:
    id: int
    title: str
    url: str  # site-relative, as the search index gives it
    contact: str  # the key of the contact block its page shows ("" for none)
    html: str  # the answer as its page shows it


def folder(lang: str) -> str:
    return f"pagefind/parts-{lang}"


def file(lang: str, entry: AnswerEntry) -> tuple[str, str]:
    """(site-relative path, JSON) of an article's answer file."""
    data = {"id": entry.id, "title": entry.title, "url": entry.url, "contact": entry.contact, **parts(entry.html)}
    return f"{folder(lang)}/{entry.id}.json", json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _tokens(html: str) -> Iterator[tuple[re.Match | None, dict | None]]:
    """(token, None) for each of ``_TOKEN``'s tokens of ``html``, but (None, its data) for each screenshot in
    place of its markup's tokens, which are never read (a dozen a screenshot)."""
    position = 0
    for start, (end, shot) in sorted(markup.shots(html).items()):
        for match in _TOKEN.finditer(html, position, start):
            yield match, None
        yield None, shot
        position = end
    for match in _TOKEN.finditer(html, position):
        yield match, None


def _open(tag: str, attrs: str) -> tuple[list | None, list | None]:
    """The node an element adds to its parent and the node its children go to (the same but for a heading,
    a paragraph whose children go in bold); (None, None) when only its text is kept."""
    if tag == "a":
        found = _HREF.search(attrs)
        href = html_lib.unescape((found.group(1) or found.group(2) or "") if found else "").strip()
        node = ["a", href]
        return (node, node) if href and not _SCHEME.match(href) else (None, None)
    if tag in _HEADINGS:
        bold: list = ["strong"]
        return ["p", bold], bold
    tag = _RENAMED.get(tag, tag)
    node = [tag]
    return (node, node) if tag in ALLOWED else (None, None)


def _target(stack: list[tuple[str, list | str | None]]) -> list | None:
    """Where content goes now: the innermost kept node, or None inside an element left out."""
    for _tag, node in reversed(stack):
        if node is None:
            return None
        if node != "":
            return node
    return None


def _add_text(node: list, text: str) -> None:
    if len(node) > 1 and isinstance(node[-1], str) and not (node[0] == "a" and len(node) == 2):
        node[-1] += text
    else:
        node.append(text)


def _close(tag: str, stack: list) -> list:
    """Close the innermost open ``tag`` (and whatever was left open inside it); an unmatched one is ignored."""
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth][0] == tag:
            return stack[:depth]
    return stack


_BLOCKS = {"p", "ol", "ul", "li"}


def _tidy(node: list | str) -> list | str | None:
    """Whitespace collapsed; empty elements and contact markers left out."""
    if isinstance(node, str):
        return _SPACES.sub(" ", node)
    if node[0] == "shot":
        return node
    start = 2 if node[0] == "a" else 1
    children = [c for c in (_tidy(c) for c in node[start:]) if c is not None]
    if node[0] in ("ol", "ul"):
        children = [c for c in children if not isinstance(c, str)]  # whitespace between items
    if node[0] in _BLOCKS and children:
        if isinstance(children[0], str):
            children[0] = children[0].lstrip()
        if isinstance(children[-1], str):
            children[-1] = children[-1].rstrip()
    children = [c for c in children if c != ""]
    if not any(not isinstance(c, str) or c.strip() for c in children):
        return None
    if node[0] == "p" and len(children) == 1 and isinstance(children[0], str) and _MARKER.match(children[0]):
        return None
    return [*node[:start], *children]
