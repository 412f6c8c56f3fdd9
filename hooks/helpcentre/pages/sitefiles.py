"""The files our hooks add to ``site/`` once MkDocs has written its own: a sitemap in every folder (Material
looks for sitemap.xml beside each alternate-language page, so those requests find a real sitemap, not a
404) and a page at each old address of a moved article, sending readers to the new one.

Reads the language's sitemap entries and redirects and the renderer; produces (site-relative path, text)
pairs, and ``write`` puts any such file in place: the one way our hooks write into ``site/``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path

from helpcentre.pages import links
from helpcentre.pages.renderer import Renderer


def folder_sitemaps(
    entries: Iterable[links.SitemapEntry], site_url: str, renderer: Renderer
) -> Iterator[tuple[str, str]]:
    for folder, found in links.by_folder(entries).items():
        if folder:  # the root's sitemap.xml is MkDocs' own
            yield f"{folder}/sitemap.xml", renderer.sitemap(links.sitemap(found, site_url))


def redirect_pages(redirects: Iterable[links.Redirect], site_url: str, renderer: Renderer) -> Iterator[tuple[str, str]]:
    for redirect in redirects:
        target = relative_url(redirect.target, redirect.path)
        yield redirect.path, renderer.redirect(redirect, target, links.absolute(site_url, redirect.target))


def relative_url(target: str, from_page: str) -> str:
    """The link from the page at site-relative ``from_page`` to site-relative ``target``."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def write(site_dir: Path, files: Iterable[tuple[str, str]]) -> None:
    made: set[Path] = set()
    for rel, text in files:
        path = site_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
