"""An answer's images as readers get them: ``<picture>`` with WebP widths and the fallback, ``width`` and
``height`` so nothing moves as they load, lazy but for the first, inside a link to the full image (the
dialog's script opens it in place: ``overrides/assets/hc/screenshots.js``); a caption makes a ``<figure>``.

Reads the answer's HTML as Python-Markdown wrote it (``<img alt="..." src="..." title="..." />``) and each
image's ``variants.Plan`` by its path in the language's tree; produces the same HTML with each image replaced.
A tokenizer by regular expression, as ``pages.answerparts``: the input is MkDocs' own output. What reads the
screenshots back (``lazy``, ``set_apart``, ``shots``) finds them by ``str.find``: they are ours, written one way.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping

from helpcentre.images import references
from helpcentre.images.variants import FOLDER, Plan

SIZES = "(max-width: 44.9em) calc(100vw - 2.4rem), 30rem"
CLASS = "hc-shot"
LAZY = ' loading="lazy" decoding="async"'
# An image alone in its paragraph (group 1) or among words: one pass, so an image is never looked at twice.
_IMAGE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>|<img\b[^>]*>")
_ATTR = re.compile(r"""\s([a-z-]+)="([^"]*)\"""")


def pictures(html: str, page: str, plans: Mapping[str, Plan], lang_folder: str, first: bool = True) -> str:
    """``html`` of the page ``page`` (site-relative: ``fr/my-account/x.html``) with its images as readers get
    them; ``plans`` by path in a language's tree, ``lang_folder`` the language's folder in the site ("" or
    "fr/"): MkDocs points a translation's image at the original's copy when the translation has none. The first
    image of the page is loaded at once when ``first``, the others lazily."""
    if "<img" not in html:
        return html
    state = {"first": first}
    folder = posixpath.dirname(page)
    prefix = "../" * page.count("/")

    def replace(match: re.Match) -> str:
        alone = match.group(1) is not None
        tag = match.group(1) if alone else match.group(0)
        attrs = {name: html_lib.unescape(value) for name, value in _ATTR.findall(tag)}
        src = attrs.get("src", "")
        local = None if references.is_remote(src) else posixpath.normpath(posixpath.join(folder, src))
        if local and lang_folder and local.startswith(lang_folder):
            local = local[len(lang_folder) :]
        p = plans.get(local) if local else None
        if p is None:
            return match.group(0)
        eager, state["first"] = state["first"], False
        shown = _picture(p, attrs.get("alt", ""), prefix, eager)
        if not alone:
            return shown
        caption = attrs.get("title", "").strip()
        caption_html = f"<figcaption>{html_lib.escape(caption, quote=False)}</figcaption>" if caption else ""
        return f'<figure class="{CLASS}">{shown}{caption_html}</figure>'

    return _IMAGE.sub(replace, html)


def _picture(p: Plan, alt: str, prefix: str, eager: bool) -> str:
    url: Callable[[int, str], str] = lambda w, ext: f"{prefix}{FOLDER}/{p.name(w, ext)}"  # noqa: E731
    height = round(p.height * _top(p) / p.width)
    alt_attr = html_lib.escape(alt, quote=True)
    loading = "" if eager else LAZY
    size = f'width="{_top(p)}" height="{height}"'
    if p.format == "SVG":
        image = f'<img src="{url(p.width, "svg")}" alt="{alt_attr}" {size}{loading}>'
        full = url(p.width, "svg")
    else:
        fallback = p.fallback or p.modern
        ext = p.fallback_ext
        source = ", ".join(f"{url(w, 'webp')} {w}w" for w in p.modern)
        srcset = ", ".join(f"{url(w, ext)} {w}w" for w in fallback)
        image = (
            f'<picture><source type="image/webp" srcset="{source}" sizes="{SIZES}">'
            f'<img src="{url(fallback[0], ext)}" srcset="{srcset}" sizes="{SIZES}" alt="{alt_attr}" {size}{loading}>'
            "</picture>"
        )
        full = url(fallback[-1], ext)
    return f'<a class="{CLASS}__open" href="{full}">{image}</a>'


def _top(p: Plan) -> int:
    return max((*p.modern, *p.fallback)) if p.format != "SVG" else p.width


# How ``pictures`` opens a screenshot: a figure (with a caption, or alone in its paragraph) or the link alone.
_CLASS = 'class="hc-shot'
_OPENINGS = (("<figure ", '<figure class="hc-shot">', "</figure>"), ("<a ", '<a class="hc-shot__open"', "</a>"))


def _spans(html: str) -> Iterator[tuple[int, int]]:
    """Where each screenshot ``pictures`` wrote starts and ends in ``html``, in order. Cost: one ``str.find``
    pass over ``html`` and one a screenshot for its end; the regular expression it replaced
    (``<figure ...>.*?</figure>``) made ``set_apart`` take 0.094 s instead of 0.035 s for 3,000 answers."""
    at = html.find(_CLASS)
    while at != -1:
        for tag, opening, closing in _OPENINGS:
            start = at - len(tag)
            if html.startswith(opening, start) and (end := html.find(closing, at)) != -1:
                yield start, end + len(closing)
                at = html.find(_CLASS, end)
                break
        else:  # another element of ours (class="hc-shot__..."), not a screenshot's start
            at = html.find(_CLASS, at + len(_CLASS))


def _replaced(html: str, change: Callable[[str], str]) -> str:
    parts, position = [], 0
    for start, end in _spans(html):
        parts += [html[position:start], change(html[start:end])]
        position = end
    return "".join(parts) + html[position:] if parts else html


def lazy(html: str) -> str:
    """``html`` with every screenshot loaded lazily: an answer shown after another on a category page, where
    only the page's first screenshot is loaded at once."""
    if "hc-shot" not in html:
        return html
    return _replaced(html, _lazy)


def _lazy(shot: str) -> str:
    start = shot.find("<img")  # one image a screenshot, as ``pictures`` writes it
    end = shot.find(">", start)
    if start == -1 or end == -1 or " loading=" in shot[start:end]:
        return shot
    return shot[:end] + LAZY + shot[end:]


_ALT = re.compile(r'<img\b[^>]*\salt="([^"]*)"')
_CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)


def set_apart(html: str) -> tuple[str, str]:
    """``html`` without its screenshots, and their alt texts and captions as one line: search finds an answer by
    the words of its screenshots, and never shows them in an excerpt."""
    if "hc-shot" not in html:
        return html, ""
    words = []

    def words_of(shot: str) -> str:
        words.extend(html_lib.unescape(t) for t in _ALT.findall(shot) + _CAPTION.findall(shot))
        return ""

    return _replaced(html, words_of), " ".join(w.strip() for w in words if w.strip())


_SOURCE = re.compile(r'<source\b[^>]*\ssrcset="([^"]*)"')
_SHOT_IMG = re.compile(r"<img\b[^>]*>")


def shots(html: str) -> dict[int, tuple[int, dict]]:
    """The screenshots of an answer as ``markup.pictures`` wrote them, as data for the answer assistant: by
    where each starts in ``html``, (where it ends, ``{src, srcset, alt, width, height}``): addresses as the
    page has them (relative to it), the WebP widths as ``srcset`` ("" for an SVG)."""
    if "hc-shot" not in html:
        return {}
    found = {}
    for start, end in _spans(html):
        markup = html[start:end]
        image = _SHOT_IMG.search(markup)
        if image is None:
            continue
        attrs = {name: html_lib.unescape(value) for name, value in _ATTR.findall(image.group(0))}
        source = _SOURCE.search(markup)
        shot = {
            "src": attrs.get("src", ""),
            "srcset": html_lib.unescape(source.group(1)) if source else "",
            "alt": attrs.get("alt", ""),
            "width": int(attrs.get("width", "0") or 0),
            "height": int(attrs.get("height", "0") or 0),
        }
        found[start] = (end, shot)
    return found
