"""Links and what search engines read of them: alternates, canonical paths, the sitemap and redirects.

Reads the catalogue and each language's strings and produces, per page, its versions in every language it
really exists in (``Alternate``), where a fallback page's canonical points, every real page once with its
alternates (``SitemapEntry``) and each old address of a moved article (``Redirect``), all as site-relative
paths; then absolute URLs from ``site_url``. The site itself keeps relative links so it works offline and
from any sub-path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.core.languages import Languages
from helpcentre.core.strings import Strings
from helpcentre.pages.kinds import alias_md


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's own name: "Français"
    path: str  # site-relative


@dataclass(frozen=True)
class Redirect:
    path: str  # the old address, site-relative
    target: str  # the article's address now, site-relative
    title: str
    lang: str


@dataclass(frozen=True)
class SitemapEntry:
    path: str  # site-relative
    alternates: tuple[tuple[str, str], ...]  # (lang, site-relative path), this page included
    updated: dt.date | None


def alternates(
    catalogue: Catalogue, all_strings: Mapping[str, Strings], src_uri: str, article: Article | None
) -> list[Alternate]:
    """The page at ``src_uri`` in every language it really exists in (site-relative paths): a language an
    article is missing in is left out, so no hreflang points at a fallback page."""
    rel, langs = src_uri.split("/", 1)[1], catalogue.languages
    found = [lang for lang in langs.fallback_order if article is None or catalogue.get(lang, article.id)]
    return [Alternate(lang, all_strings[lang]("lang.name"), langs.site_path(lang, rel)) for lang in found]


def languages(langs: Languages, all_strings: Mapping[str, Strings]) -> list[tuple[str, str, str]]:
    """(lang, its own name, its home page) for every language: the header's language control."""
    return [(lang, all_strings[lang]("lang.name"), langs.site_path(lang, "index.md")) for lang in langs.codes]


def canonical_path(langs: Languages, article: Article | None, lang: str) -> str | None:
    """Where a fallback page's canonical points: the original, not English text under /fr/."""
    if article is None or article.lang == lang:
        return None
    return langs.site_path(article.lang, article.rel_path)


def sitemap_entries(catalogue: Catalogue, generated_rels: Iterable[str]) -> list[SitemapEntry]:
    """Every real page of every language once, with its alternates; identical in each language's build.
    ``generated_rels`` are the generated pages' paths below the language folder (``index.md``, ...)."""
    entries, langs = [], catalogue.languages
    for rel in generated_rels:
        paths = tuple((lang, langs.site_path(lang, rel)) for lang in langs.fallback_order)
        entries += [SitemapEntry(path, paths, None) for _, path in paths]
    for article_id in catalogue.ids:
        versions = [a for lang in langs.fallback_order if (a := catalogue.get(lang, article_id))]
        paths = tuple((a.lang, langs.site_path(a.lang, a.rel_path)) for a in versions)
        entries += [SitemapEntry(path, paths, a.updated) for a, (_, path) in zip(versions, paths, strict=True)]
    return sorted(entries, key=lambda e: e.path)


def redirects(catalogue: Catalogue, lang: str, article_urls: Mapping[int, str]) -> list[Redirect]:
    """Each old address (``aliases``) of each article, in ``lang``, and where it moved."""
    found, langs = [], catalogue.languages
    for article_id in catalogue.ids:
        article = catalogue.shown(lang, article_id)
        aliases = {a for other in langs.codes if (v := catalogue.get(other, article_id)) for a in v.aliases}
        for alias in sorted(aliases):
            found.append(
                Redirect(langs.site_path(lang, alias_md(alias)), article_urls[article_id], article.title, lang)
            )
    return found


def absolute(site_url: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + path.lstrip("/")


def hreflang(versions: Iterable[Alternate], site_url: str) -> list[dict]:
    """Entries for Material's extra.alternate: each real language, then x-default (the first version: the
    default language's page, or the original when that does not exist, as ``alternates`` orders them)."""
    versions = list(versions)
    entries = [{"name": a.name, "link": absolute(site_url, a.path), "lang": a.lang} for a in versions]
    if len(versions) > 1:
        default = versions[0]
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
            default = entry.alternates[0][1]  # in fallback order: the default language's page, else the original
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
