"""One language's build: the catalogue, the answers converted so far, and the views handed to templates.

Reads the catalogue and strings once (``load``), collects each answer's HTML as MkDocs converts it, then
builds every view of the language in one pass (``build_views``) and serves each page its own view in
O(1) (``page_view``). A new ``LanguageBuild`` is made for every build, so nothing grows across rebuilds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    catalogue,
    checks,
    formatting,
    generated,
    searchindex,
    teaser,
    translations,
    views,
)
from .problems import ContentError, Problem, errors_in
from .strings import Strings, load_strings

__all__ = ["DEFAULT_LANGUAGE", "ContentError", "LanguageBuild", "load"]

_MARKER_HTML = re.compile(r"<p>\[\[contact ([a-z0-9-]+)\]\]</p>")


@dataclass(frozen=True)
class PageView:
    """What one page's templates read, under the name ``hc``."""

    kind: str  # "article", "category" or "home"
    lang: str
    title_parts: tuple[str, ...]  # joined with " | " into the browser title
    breadcrumbs: tuple[tuple[str, str], ...] = ()  # (label, site-relative url); the last is the page itself
    card: views.ArticleCard | None = None
    updated_text: str = ""
    updated_iso: str = ""
    category: views.CategoryView | None = None
    contact: views.ContactView | None = None
    recommended: tuple[views.ArticleCard, ...] = ()
    answers: tuple[tuple[views.ArticleCard, str], ...] = ()  # category page: (card, embedded answer HTML)
    full_answers: bool = True
    categories: tuple[views.CategoryView, ...] = ()
    popular: tuple[views.ArticleCard, ...] = ()
    home_url: str = "index.html"
    source_url: str = ""  # fallback and outdated notices link to the original
    outdated: bool = False
    assistant_contact: views.ContactView | None = None  # shown when the assistant has no good answer


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


def alias_md(alias: str) -> str:
    """An old address as a source path: "keys/battery.html", "keys/battery" or "keys/battery.md"."""
    alias = alias.strip("/")
    for suffix in (".html", ".md"):
        alias = alias.removesuffix(suffix)
    return alias + ".md"


@dataclass(frozen=True)
class SitemapEntry:
    path: str  # site-relative
    alternates: tuple[tuple[str, str], ...]  # (lang, site-relative path), this page included
    updated: dt.date | None


@dataclass
class LanguageBuild:
    lang: str
    catalogue: catalogue.Catalogue
    strings: Strings
    all_strings: MappingProxyType
    settings: dict
    generated: tuple[generated.GeneratedPage, ...]
    articles_by_src: dict[str, catalogue.Article]
    answers: dict[int, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    views: views.LanguageViews | None = None
    # Kept from MkDocs events for pages written after the build (404, redirects); opaque here.
    nav: object = None
    env: object = None
    page_env: object = None  # the theme's Jinja environment for blocks rendered inside answers
    files: object = None

    # -- collect -------------------------------------------------------------------------------------
    def keep_answer(self, src_uri: str, html: str, render_contact: Callable[[views.ContactView], str]) -> str:
        """Record an article's converted answer, with its [[contact key]] markers replaced by blocks."""
        article = self.articles_by_src.get(src_uri)
        if article is None:
            return html
        if "[[contact " in html:
            html = _MARKER_HTML.sub(lambda m: self._render_marker(m.group(1), render_contact), html)
        self.answers[article.id] = html
        return html

    def _render_marker(self, key: str, render_contact: Callable[[views.ContactView], str]) -> str:
        # Contacts are known before any page is converted; URLs are filled in by build_views later,
        # so a marker's block carries no message link (the article's own block below it does).
        contact = self.catalogue.contacts[key]
        return render_contact(views.contact_view(contact, self.strings, {}))

    # -- render --------------------------------------------------------------------------------------
    def build_views(self, urls: dict[str, str]) -> None:
        self.urls = urls
        article_urls = {i: urls[src(self.catalogue.shown(self.lang, i))] for i in self.catalogue.ids}
        category_urls = {p.category: p.dest_uri for p in self.generated if p.category}
        self.views = views.language_views(
            self.catalogue,
            self.strings,
            article_urls,
            category_urls,
            self.answers,
            int(self.settings.get("recommended_count", 20)),
        )

    @property
    def search_shard_size(self) -> int:
        return int(self.settings.get("search_shard_size", searchindex.SHARD_SIZE))

    def search_bundles(self) -> tuple[str, ...]:
        """The site-relative folders of this language's search index, the one pages load first: as many
        as ``searchindex.save`` makes of ``search_entries``."""
        return searchindex.bundles(self.lang, len(self.search_entries()), self.search_shard_size)

    def search_entries(self) -> list[tuple[views.ArticleCard, catalogue.Article, str]]:
        """The articles this language's index holds: its own, never English text under a French URL."""
        entries = []
        for article_id in self.catalogue.ids:
            article = self.catalogue.get(self.lang, article_id)
            if article is not None:
                entries.append((self.views.cards[article_id], article, self.answers.get(article_id, "")))
        return entries

    def page_view(self, src_uri: str) -> PageView | None:
        page = next((p for p in self.generated if p.src_uri == src_uri), None)
        if page is not None:
            return self._home_view() if page.kind == generated.HOME else self._category_view(page.category)
        article = self.articles_by_src.get(src_uri)
        return self._article_view(article) if article is not None else None

    def alternates(self, src_uri: str) -> list[Alternate]:
        """The same page in every language it really exists in (site-relative paths).

        A language an article is missing in is left out, so no hreflang points at a fallback page.
        """
        rel = src_uri.split("/", 1)[1]
        article = self.articles_by_src.get(src_uri)
        langs = [lang for lang in LANGUAGES if article is None or self.catalogue.get(lang, article.id)]
        return [Alternate(lang, self.all_strings[lang]("lang.name"), generated.site_path(lang, rel)) for lang in langs]

    def answer_text(self, article_id: int) -> str:
        return teaser.plain_text(self.answers.get(article_id, ""))

    def footer_contacts(self) -> tuple[views.ContactView, ...]:
        return tuple(self.views.contacts.values()) if self.views else ()

    def redirects(self) -> list[Redirect]:
        """Each old address (``aliases``) of each article, in this language, and where it moved."""
        found = []
        for article_id in self.catalogue.ids:
            article = self.catalogue.shown(self.lang, article_id)
            aliases = {a for lang in LANGUAGES if (v := self.catalogue.get(lang, article_id)) for a in v.aliases}
            target = self.views.cards[article_id].url
            for alias in sorted(aliases):
                found.append(
                    Redirect(generated.site_path(self.lang, alias_md(alias)), target, article.title, self.lang)
                )
        return found

    def languages(self) -> list[tuple[str, str, str]]:
        """(lang, its own name, its home page) for every language: the header's language link."""
        return [
            (lang, self.all_strings[lang]("lang.name"), generated.site_path(lang, "index.md")) for lang in LANGUAGES
        ]

    def canonical_path(self, src_uri: str) -> str | None:
        """Where a fallback page's canonical points: the original, not English text under /fr/."""
        article = self.articles_by_src.get(src_uri)
        if article is None or article.lang == self.lang:
            return None
        return generated.site_path(article.lang, article.rel_path)

    def sitemap(self) -> list[SitemapEntry]:
        """Every real page of every language once, with its alternates; identical in each language's build."""
        entries = []
        for page in generated.pages_for(self.catalogue, self.strings):
            rel = page.src_uri.split("/", 1)[1]
            paths = tuple((lang, generated.site_path(lang, rel)) for lang in LANGUAGES)
            entries += [SitemapEntry(path, paths, None) for _, path in paths]
        for article_id in self.catalogue.ids:
            versions = [a for lang in LANGUAGES if (a := self.catalogue.get(lang, article_id))]
            paths = tuple((a.lang, generated.site_path(a.lang, a.rel_path)) for a in versions)
            entries += [SitemapEntry(path, paths, a.updated) for a, (_, path) in zip(versions, paths, strict=True)]
        return sorted(entries, key=lambda e: e.path)

    def _home_url(self) -> str:
        return generated.site_path(self.lang, "index.md")

    def _crumbs(self, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        return ((self.strings("breadcrumbs.home"), self._home_url()), *extra)

    def _general_contact(self) -> views.ContactView | None:
        return self.views.contacts.get(str(self.settings.get("general_contact", "")))

    def _home_view(self) -> PageView:
        v = self.views
        return PageView(
            assistant_contact=self._general_contact(),
            kind="home",
            lang=self.lang,
            title_parts=(self.strings("site.name"),),
            categories=v.categories,
            popular=v.cards_for(v.most_viewed[:10]),
            home_url=self._home_url(),
        )

    def _category_view(self, key: str) -> PageView:
        v = self.views
        cat = v.category(key)
        cards = v.cards_for(cat.ids)
        full = len(cards) <= int(self.settings.get("full_answers_limit", 30))
        answers = tuple((c, views.embed_answer(self.answers.get(c.id, ""), f"a{c.id}-") if full else "") for c in cards)
        return PageView(
            kind="category",
            lang=self.lang,
            title_parts=(cat.name, self.strings("site.name")),
            breadcrumbs=self._crumbs((cat.name, cat.url)),
            category=cat,
            contact=v.contacts.get(self.catalogue.category(key).contact or ""),
            answers=answers,
            full_answers=full,
            home_url=self._home_url(),
        )

    def _article_view(self, article: catalogue.Article) -> PageView:
        v = self.views
        card = v.cards[article.id]
        cat = v.category(article.category)
        contact = self.catalogue.contact_for(article)
        twin = self.catalogue.twin(article)
        outdated = article.lang == self.lang and translations.is_outdated(self.catalogue, article)
        source_url = generated.site_path(twin.lang, twin.rel_path) if twin is not None else ""
        return PageView(
            kind="article",
            lang=self.lang,
            title_parts=(article.title, cat.name, self.strings("site.name")),
            breadcrumbs=self._crumbs((cat.name, cat.url), (article.title, card.url)),
            card=card,
            updated_text=self.strings("article.updated", date=formatting.date(article.updated, self.strings))
            if article.updated
            else "",
            category=cat,
            contact=v.contacts.get(contact.key) if contact else None,
            recommended=v.cards_for(v.recommended[article.id]),
            home_url=self._home_url(),
            source_url=source_url if (outdated or card.fallback) else "",
            outdated=outdated,
            updated_iso=article.updated.isoformat() if article.updated else "",
            assistant_contact=self._general_contact(),
        )


def src(article: catalogue.Article) -> str:
    return f"{article.lang}/{article.rel_path}"


@dataclass
class PreviewMemory:
    """What a preview rebuild (`make serve`: ``mkdocs serve --dirty``) takes from the last build of the same
    language. A dirty rebuild converts only the files saved since, so the other answers come from here and
    category pages and search still hold every one; a language's search index whose records did not change
    is kept. One entry per language, replaced at each build, never grown."""

    answers: dict[str, dict[int, str]] = field(default_factory=dict)
    index_digests: dict[str, str] = field(default_factory=dict)

    def fill_answers(self, build: LanguageBuild) -> None:
        """Give ``build`` the answers it did not convert, then remember all of its answers."""
        previous = self.answers.get(build.lang, {})
        build.answers.update({i: previous[i] for i in build.catalogue.ids if i not in build.answers and i in previous})
        self.answers[build.lang] = dict(build.answers)

    def index_is_current(self, lang: str, digest: str) -> bool:
        return self.index_digests.get(lang) == digest

    def indexed(self, lang: str, digest: str) -> None:
        self.index_digests[lang] = digest


# static-i18n builds the languages one after the other in one process, and each build needs the whole
# catalogue (both languages, and the checks): the second build reuses the first's reading when no file of
# docs/ or data/ has changed since (same names, sizes and modification times).
# One entry, replaced, never grown; the catalogue is immutable. Measured at 3,000 articles a language:
# half of the hooks' time.
@dataclass(frozen=True)
class ContentRead:
    catalogue: catalogue.Catalogue | None  # None when there are errors
    problems: tuple[Problem, ...]
    all_strings: MappingProxyType


_last_read: tuple[str, ContentRead] | None = None


def _inputs_fingerprint(root: Path, docs_dir: str) -> str:
    # Names, sizes and modification times, as make and git compare files: a save changes the time, and
    # reading every file's bytes again cost a fifth of the reading it was meant to spare.
    digest = hashlib.blake2b(f"{root.resolve()}\0{docs_dir}".encode())
    for folder in (docs_dir, "data"):
        for rel, stat in sorted(_files_below(root / folder, folder)):
            digest.update(f"\0{rel}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _files_below(folder: Path | str, rel: str) -> list[tuple[str, os.stat_result]]:
    """(path relative to the project, stat) of every file below ``folder``, with one scandir a folder."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            found += _files_below(entry.path, f"{rel}/{entry.name}")
        elif entry.is_file():
            found.append((f"{rel}/{entry.name}", entry.stat()))
    return found


def _read_content(root: Path, docs_dir: str) -> ContentRead:
    global _last_read
    fingerprint = _inputs_fingerprint(root, docs_dir)
    if _last_read is not None and _last_read[0] == fingerprint:
        return _last_read[1]
    cat, problems = catalogue.load(root, docs_dir)
    all_strings, string_problems = load_strings(root)
    problems += string_problems
    if cat is not None:
        problems += checks.run(root, docs_dir, cat)
    _last_read = (fingerprint, ContentRead(cat, tuple(problems), all_strings))
    return _last_read[1]


def load(root: Path, docs_dir: str, lang: str, settings: dict) -> tuple[LanguageBuild, list[Problem]]:
    """Read everything once for a build of ``lang``; raises ContentError listing every error."""
    read = _read_content(root, docs_dir)
    cat, all_strings, problems = read.catalogue, read.all_strings, list(read.problems)
    if errors_in(problems) or cat is None:
        raise ContentError(problems)
    strings = all_strings[lang]
    return LanguageBuild(
        lang=lang,
        catalogue=cat,
        strings=strings,
        all_strings=all_strings,
        settings=dict(settings),
        generated=generated.pages_for(cat, strings),
        articles_by_src={src(a): a for a in cat.articles.values()},
    ), problems
