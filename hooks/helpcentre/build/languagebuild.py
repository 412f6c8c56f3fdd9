"""One language's build: the catalogue, the answers converted so far, and what every page is made from.

Reads the content once (``load``, through ``checks.contentread``), collects each answer's HTML as MkDocs converts
it (``keep_answer``), then, once every page is converted, places contact blocks in the answers and builds
every view of the language in one pass (``finish``). After that it hands each page its view in O(1)
(``page_view``) and answers for the language's links, search records and extra files by handing off to
``pageviews``, ``links``, ``searchdata`` and ``sitefiles``. A new ``LanguageBuild`` is made for every
build, so nothing grows across rebuilds. A preview (``load_preview``) builds even when the content has errors,
with what ``preview.onerrors`` chooses, and carries the banner that lists them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.checks import contentread, github
from helpcentre.content import catalogue, snippets
from helpcentre.core import settings
from helpcentre.core.problems import ContentError, Problem, errors_in
from helpcentre.core.settings import Settings
from helpcentre.core.strings import Strings
from helpcentre.images import inspected
from helpcentre.images.language import LanguageImages, cache_folder, collect, is_docs_image
from helpcentre.pages import answerparts, cars, generated, links, minify, pageviews, sitefiles, teaser
from helpcentre.pages.kinds import CATEGORY, HOME, src_uri
from helpcentre.pages.renderer import Renderer
from helpcentre.pages.views import ContactView, LanguageViews, contact_view, language_views
from helpcentre.preview import onerrors
from helpcentre.release import parallel
from helpcentre.search import searchdata, searchindex
from helpcentre.search.synonyms import Synonyms

__all__ = ["ContentError", "LanguageBuild", "is_docs_image", "load"]

_MARKER_HTML = re.compile(r"<p>\[\[contact ([a-z0-9-]+)\]\]</p>")


@dataclass
class LanguageBuild:
    lang: str
    catalogue: catalogue.Catalogue
    strings: Strings
    all_strings: Mapping[str, Strings]
    settings: Settings
    synonyms: Synonyms
    generated: tuple[generated.GeneratedPage, ...]
    articles_by_src: dict[str, catalogue.Article]
    answers: dict[int, str] = field(default_factory=dict)
    views: LanguageViews | None = None
    renderer: Renderer | None = None
    banner: onerrors.Banner | None = None  # only in a preview
    kept: frozenset[str] = frozenset()  # sources whose last good answer a preview keeps showing
    images: LanguageImages | None = None  # the screenshots its answers show

    # -- collect ----------------------------------------------------------------------------------------
    def keep_answer(self, src: str, html: str) -> str:
        """Record an article's converted answer, as its page shows it (a long answer's parts anchored for the
        assistant: ``answerparts``); its [[contact key]] markers are placed by ``finish``."""
        article = self.articles_by_src.get(src)
        if article is None:
            return html
        html = answerparts.anchored(html)
        if self.images is not None:
            html = self.images.html(article.rel_path, self.lang, html)
        if src not in self.kept:
            self.answers[article.id] = html
        return html

    def finish(self, urls: Mapping[str, str], renderer: Renderer) -> None:
        """Once every page is converted: contact blocks into the answers, then every view of the language."""
        self.renderer = renderer
        for article_id, html in self.answers.items():
            if "[[contact " in html:
                self.answers[article_id] = _MARKER_HTML.sub(lambda m: self._marker_block(m.group(1)), html)
        article_urls = {i: urls[src_uri(self.catalogue.shown(self.lang, i))] for i in self.catalogue.ids}
        category_urls = {p.category: p.dest_uri for p in self.generated if p.category}
        self.views = language_views(
            self.catalogue, self.strings, article_urls, category_urls, self.answers, self.settings.recommended_count
        )

    def _marker_block(self, key: str) -> str:
        # A marker's block carries no message link (the article's own block below it does).
        return self.renderer.contact(contact_view(self.catalogue.contacts[key], self.strings, {}))

    def markdown(self, src: str, markdown: str) -> str:
        """The Markdown MkDocs converts for a page: an article's with its snippets' text in place."""
        article = self.articles_by_src.get(src)
        return snippets.expand(markdown, article.lang, self.catalogue.snippets) if article is not None else markdown

    def answer_html(self, src: str) -> str | None:
        """An article's answer as pages show it (contact blocks in place), once ``finish`` has run."""
        article = self.articles_by_src.get(src)
        return self.answers.get(article.id) if article is not None else None

    def problem_lines(self) -> Iterator[tuple[int, str]]:
        """What a preview prints about its problems: (logging level, line)."""
        return onerrors.terminal_lines(self.banner)

    # -- pages ------------------------------------------------------------------------------------------
    def page_view(self, src: str) -> pageviews.PageView | None:
        inputs = pageviews.PageInputs(self.lang, self.strings, self.catalogue, self.views, self.answers, self.settings)
        page = next((p for p in self.generated if p.src_uri == src), None)
        if page is not None and page.kind == HOME:
            return pageviews.home_page(inputs)
        if page is not None and page.kind == CATEGORY:
            return pageviews.category_page(inputs, page.category)
        article = self.articles_by_src.get(src)
        return pageviews.article_page(inputs, article) if article is not None else None

    def answer_text(self, article_id: int) -> str:
        return teaser.plain_text(self.answers.get(article_id, ""))

    def footer_contacts(self) -> tuple[ContactView, ...]:
        return tuple(self.views.contacts.values()) if self.views else ()

    # -- links ------------------------------------------------------------------------------------------
    def alternates(self, src: str) -> list[links.Alternate]:
        return links.alternates(self.catalogue, self.all_strings, src, self.articles_by_src.get(src))

    def languages(self) -> list[tuple[str, str, str]]:
        return links.languages(self.catalogue.languages, self.all_strings)

    def canonical_path(self, src: str) -> str | None:
        return links.canonical_path(self.catalogue.languages, self.articles_by_src.get(src), self.lang)

    def sitemap(self) -> list[links.SitemapEntry]:
        return links.sitemap_entries(self.catalogue, [p.src_uri.split("/", 1)[1] for p in self.generated])

    def extra_files(self, site_url: str) -> Iterator[tuple[str, str]]:
        """The files written after MkDocs' own: folder sitemaps and redirect pages."""
        yield from sitefiles.folder_sitemaps(self.sitemap(), site_url, self.renderer)
        article_urls = {i: card.url for i, card in self.views.cards.items()}
        yield from sitefiles.redirect_pages(
            links.redirects(self.catalogue, self.lang, article_urls), site_url, self.renderer
        )

    # -- search -----------------------------------------------------------------------------------------
    def search_entries(self) -> Iterator[searchdata.SearchEntry]:
        """What search needs of each article this language's index holds (its own, never English text under
        a French URL); ``searchdata`` builds the records, answer files and spelling data from them."""
        return searchdata.search_entries(self.catalogue, self.lang, self.views.cards, self.answers)

    def index_plan(self, templates: str) -> searchdata.IndexPlan:
        language = self.catalogue.languages[self.lang]
        shard_size, groups = self.settings.search_shard_size, self.synonyms.groups
        actions = tuple(action.as_rule() for action in self.synonyms.actions)
        stop, elisions, endings = language.stop_words, language.elisions, language.endings
        return searchdata.IndexPlan(templates, shard_size, groups, stop, elisions, actions, endings)

    def search_bundles(self) -> dict[str, tuple[str, ...]]:
        """Each language's index folders, the one its pages load first: as many as ``searchindex.save``
        makes of its records. Pages load their own language's; the other's only when theirs finds nothing."""
        counts = {
            lang: sum(1 for i in self.catalogue.ids if self.catalogue.get(lang, i))
            for lang in self.catalogue.languages.codes
        }
        return {lang: searchindex.bundles(lang, n, self.settings.search_shard_size) for lang, n in counts.items()}


def start_images(language_build: LanguageBuild) -> None:
    """Encode the screenshots missing from the cache while MkDocs converts the pages: each language's process
    takes its share of the cores."""
    shares = 1 if parallel.checked_language() is None else len(language_build.catalogue.languages.codes)
    language_build.images.start(max(1, parallel.jobs() // shares))


def start(
    config_file: Path, docs_path: Path, lang: str, extra: Mapping | None, *, preview: bool, reporting: bool
) -> tuple[LanguageBuild, list[tuple[int, str]]]:
    """What a language's build begins with (mkdocs.yml's path, the docs folder, ``extra.helpcentre``): the
    settings, read once, then the content. Returns the build and the lines to log (only when ``reporting``:
    one language's build speaks for both). A strict build raises ContentError on errors, also noted on their
    lines on GitHub; a preview never stops on content errors: it prints them and its pages show them."""
    config_file = config_file.resolve()  # `mkdocs build -f mkdocs.yml` gives relative paths
    root = config_file.parent
    docs_dir = docs_path.resolve().relative_to(root).as_posix()
    chosen, setting_problems = settings.read(extra, settings.lines_in(config_file.read_text(encoding="utf-8")))
    if preview:
        language_build = load_preview(root, docs_dir, lang, chosen, setting_problems)
        return language_build, list(language_build.problem_lines()) if reporting else []
    try:
        if setting_problems:
            raise ContentError(setting_problems)
        language_build, warnings = load(root, docs_dir, lang, chosen)
    except ContentError as exc:
        github.annotate(exc.problems if reporting else ())
        raise
    github.annotate(warnings if reporting else ())
    return language_build, [(logging.INFO, str(problem)) for problem in warnings] if reporting else []


def load(root: Path, docs_dir: str, lang: str, settings: Settings) -> tuple[LanguageBuild, list[Problem]]:
    """Read everything once for a build of ``lang``; raises ContentError listing every error."""
    inspected.remember(cache_folder(root))  # a warm image cache: the checks read no screenshot again
    read = contentread.read(root, docs_dir, checked=parallel.checked_language())
    if errors_in(read.problems) or read.catalogue is None:
        raise ContentError(read.problems)
    return _language_build(read, lang, settings), list(read.problems)


def load_preview(
    root: Path, docs_dir: str, lang: str, settings: Settings, setting_problems: list[Problem]
) -> LanguageBuild:
    """A preview's build of ``lang``: built even on errors, carrying the banner; raises ContentError only
    when there is nothing to build with (no strings for ``lang`` were ever read)."""
    inspected.remember(cache_folder(root))
    chosen = onerrors.choose(root, docs_dir, lang, setting_problems)
    if chosen.read is None:
        raise ContentError(chosen.banner.errors)
    language_build = _language_build(chosen.read, lang, settings)
    language_build.banner = chosen.banner
    if chosen.banner is not None:
        language_build.kept = frozenset(path.removeprefix(f"{docs_dir}/") for path in chosen.banner.kept)
    return language_build


def _language_build(read: contentread.ContentRead, lang: str, settings: Settings) -> LanguageBuild:
    cat = read.catalogue
    strings = read.all_strings[lang]
    shown = [cat.shown(lang, article_id) for article_id in cat.ids]
    images = collect(read.images, lang, shown, found=read.images_shown)
    inspected.keep(images.cache)
    return LanguageBuild(
        lang=lang,
        catalogue=cat,
        strings=strings,
        all_strings=read.all_strings,
        settings=settings,
        synonyms=read.synonyms[lang],
        generated=generated.pages_for(cat, strings),
        articles_by_src={src_uri(a): a for a in cat.articles.values()},
        images=images,
    )


def write_site_files(language_build: LanguageBuild, site_dir: Path, site_url: str) -> None:
    """What MkDocs does not write, once it has written its own: folder sitemaps and redirect pages, the minified
    scripts and stylesheets, and the stylesheet of the cars' pictures."""
    sitefiles.write(site_dir, language_build.extra_files(site_url))
    sitefiles.write(site_dir, minify.scripts(site_dir))
    sitefiles.write(site_dir, minify.stylesheets(site_dir))
    sitefiles.write(site_dir, cars.stylesheet(site_dir, language_build.catalogue.vehicles))
