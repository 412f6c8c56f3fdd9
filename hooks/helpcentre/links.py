"""Absolute URLs for search engines: hreflang alternates, canonical URLs and the sitemap.

Reads site-relative paths and ``site_url`` and produces absolute URLs; the site itself keeps relative
links so it works offline and from any sub-path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from . import DEFAULT_LANGUAGE


class _Alternate(Protocol):
    lang: str
    name: str
    path: str


def absolute(site_url: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + path.lstrip("/")


def hreflang(alternates: Iterable[_Alternate], site_url: str) -> list[dict]:
    """Entries for Material's extra.alternate: each real language, then x-default (the default language's
    page, or the original when that does not exist)."""
    alternates = list(alternates)
    entries = [{"name": a.name, "link": absolute(site_url, a.path), "lang": a.lang} for a in alternates]
    if len(alternates) > 1:
        default = next((a for a in alternates if a.lang == DEFAULT_LANGUAGE), alternates[0])
        entries.append({"name": default.name, "link": absolute(site_url, default.path), "lang": "x-default"})
    return entries


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute url), x-default included


def sitemap(entries, site_url: str) -> list[SitemapUrl]:
    urls = []
    for entry in entries:
        alternates = ()
        if len(entry.alternates) > 1:
            default = dict(entry.alternates).get(DEFAULT_LANGUAGE, entry.alternates[0][1])
            alternates = tuple((lang, absolute(site_url, p)) for lang, p in entry.alternates)
            alternates += (("x-default", absolute(site_url, default)),)
        lastmod = entry.updated.isoformat() if entry.updated else None
        urls.append(SitemapUrl(absolute(site_url, entry.path), lastmod, alternates))
    return urls


def by_folder(entries) -> dict[str, list]:
    """Entries grouped by the folder of their path ("" for the site root)."""
    folders: dict[str, list] = {}
    for entry in entries:
        folder = entry.path.rsplit("/", 1)[0] if "/" in entry.path else ""
        folders.setdefault(folder, []).append(entry)
    return folders
