"""MkDocs events for the help centre: thin adapters around the ``helpcentre`` package.

Collect first, render later (as Material's tags plugin does), because a category page and every
recommended list need answers that MkDocs converts one page at a time:

- ``on_config`` first undoes an import killed between its two swaps (``helpcentre.importer.staging``);
- ``on_pre_build`` reads the catalogue once per language build, *before* MkDocs cleans ``site/``, so bad
  content stops the build with ``path:line`` messages and nothing written; a writer's preview (``mkdocs
  serve``, not strict) builds anyway, with what ``helpcentre.preview.onerrors`` chooses, and every page
  carries a banner listing the problems (a build that raised would leave the browser waiting);
- ``on_files`` (after static-i18n's, which only then has chosen this language's files) adds the
  generated home and category pages;
- ``on_nav`` lists home and categories only, so a page's size never grows with the number of articles;
- ``on_page_markdown`` puts each snippet's text in place of its ``[[snippet key]]`` line (teasers and search
  records are made from the converted answer);
- ``on_page_content`` keeps each answer's HTML, converted once; category pages reuse it;
- ``on_env``, once every page is converted, places contact blocks and builds the views of the whole
  language in one pass, rendering through MkDocs' own Jinja environment (``helpcentre.pages.renderer``);
- ``on_page_context`` hands each template the view of its page;
- ``on_post_build`` writes the files MkDocs does not (``helpcentre.pages.sitefiles``) and the search index.
Each event reads what MkDocs gives it, hands off to ``helpcentre`` and keeps MkDocs' objects to itself.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcentre.build import languagebuild
from helpcentre.core import languages
from helpcentre.importer import staging as import_staging
from helpcentre.pages import htmlfix, links, sitefiles, structured
from helpcentre.pages.renderer import Renderer
from helpcentre.preview import memory
from helpcentre.release import parallel
from helpcentre.search import searchindex

log = logging.getLogger("mkdocs.plugins.helpcentre")


@dataclass
class _State:
    """One language's build and the MkDocs objects kept for the pages written after it (the 404 page)."""

    build: languagebuild.LanguageBuild
    nav: Navigation | None = None
    files: Files | None = None


_state: _State | None = None
_preview: memory.PreviewMemory | None = None  # only for `mkdocs serve --dirty` (make serve)
_serving = False  # `mkdocs serve`: a preview when not strict (make serve)
_PREVIEW_CSS = "assets/hc/preview.css"  # shown only in a preview: a strict build leaves it out of the site


def on_startup(*, command: str, dirty: bool) -> None:
    """Once per `mkdocs serve` or `mkdocs build` process, before its first languagebuild."""
    global _preview, _serving
    _preview = memory.PreviewMemory() if dirty else None
    _serving = command == "serve"


def _previewing(config: MkDocsConfig) -> bool:
    return _serving and not config.strict


def on_serve(server, *, config: MkDocsConfig, builder):
    """A preview rebuilds when data/ changes too (MkDocs watches docs/ and mkdocs.yml only)."""
    data = Path(config.config_file_path).resolve().parent / "data"
    if data.is_dir():
        server.watch(str(data))
    return server


def _languages(config: MkDocsConfig) -> languages.Languages:
    """The i18n plugin's languages, as the product reads them from the same mkdocs.yml."""
    return languages.of(Path(config.config_file_path).resolve().parent)


def _current() -> _State:
    if _state is None:
        raise PluginError("helpcentre: the catalogue was not loaded (on_pre_build did not run)")
    return _state


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the previous build (modules stay loaded across `mkdocs serve` rebuilds) and give the
    theme the language being built; runs after static-i18n has chosen it."""
    global _state
    _state = None
    # An import killed between swapping docs/ and data/ in is undone before either is read (make serve
    # reaches here without helpcentre.cli, which does it first for every other command).
    for done in import_staging.recover(Path(config.config_file_path).parent):
        log.info(done)
    lang = config.plugins["i18n"].current_language
    config.theme["language"] = lang
    # MkDocs writes its static templates at the site root in every language's build, so the last
    # language won the root 404 page. Only the default language writes the root one; on_post_build
    # writes the others under /<lang>/. robots.txt is rendered from overrides/.
    templates = config.theme.static_templates
    templates.add("robots.txt")
    if lang == _languages(config).default:
        templates.add("404.html")
    else:
        templates.discard("404.html")
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _state
    lang = config.plugins["i18n"].current_language
    preview = _previewing(config)
    paths = Path(config.config_file_path), Path(config.docs_dir)
    try:
        language_build, lines = languagebuild.start(
            *paths,
            lang,
            config.extra.get("helpcentre"),
            preview=preview,
            reporting=parallel.speaks_for_build(lang, _languages(config).default),
        )
    except languagebuild.ContentError as exc:
        raise PluginError(f"content errors:\n{exc}") from None
    _state = _State(language_build)
    languagebuild.start_images(language_build)
    for level, line in lines:
        log.log(level, line)


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language_build = _current().build
    if not _previewing(config) and (stylesheet := files.get_file_from_path(_PREVIEW_CSS)) is not None:
        files.remove(stylesheet)
    if _preview is not None and _preview.banner_changed(language_build.lang, language_build.banner):
        _rewrite_every_page(files)
    for page in language_build.generated:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.dest_uri = page.dest_uri
        file.url = file._get_url(config.use_directory_urls)
        files.append(file)
    return files


def _rewrite_every_page(files: Files) -> None:
    """Make a dirty build (which writes only the pages older than their source) write every page again,
    so that none keeps a banner that no longer says what is wrong."""
    for file in files.documentation_pages():
        if file.abs_src_path is not None and os.path.isfile(file.abs_dest_path):
            os.utime(file.abs_dest_path, ns=(0, 0))


@event_priority(-110)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    state = _current()
    pages = [files.get_file_from_path(page.src_uri).page for page in state.build.generated]
    nav.items = pages
    for page in pages:
        page.parent = None
    state.nav = nav
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Articles are short answers read in one column: no page tree or table of contents beside them.
    language_build = _current().build
    src = page.file.src_uri
    if (article := language_build.articles_by_src.get(src)) is not None:
        page.meta.setdefault("hide", ["navigation", "toc"])
        if src in language_build.kept:  # a preview shows its last good version: MkDocs read no title now
            page.meta["title"] = article.title
    return language_build.markdown(src, markdown)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().build.keep_answer(page.file.src_uri, html)


def on_env(env, *, config: MkDocsConfig, files: Files):
    state = _current()
    language_build = state.build
    if _preview is not None:
        _preview.fill_answers(language_build.lang, language_build.catalogue.ids, language_build.answers)
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    language_build.finish(urls, Renderer(env, language_build.strings))
    env.globals["hc_search_bundles"] = language_build.search_bundles()
    env.globals["hc_settings"] = language_build.settings
    # How the language is written (data/languages/<lang>.yml): og:locale, and what search leaves out.
    env.globals["hc_language"] = language_build.catalogue.languages[language_build.lang]
    env.globals["hc_preview"] = language_build.banner
    state.files = files
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write what MkDocs does not: folder sitemaps, redirect pages, this language's 404 page, and the
    search data and index (or what they are built from, for ``make site`` to build once MkDocs has ended)."""
    state = _current()
    language_build = state.build
    site_dir = Path(config.site_dir)
    if problems := language_build.images.finish(site_dir):
        raise PluginError("content errors:\n" + "\n".join(map(str, problems)))
    languagebuild.write_site_files(language_build, site_dir, config.site_url or "")
    if language_build.lang != language_build.catalogue.languages.default:
        sitefiles.write(site_dir, [(f"{language_build.lang}/404.html", _not_found_page(state, config))])
    digests = _preview.index_digests if _preview is not None else None
    entries = list(language_build.search_entries())
    if not entries and _previewing(config):
        return  # a preview built without its broken articles may have none: Pagefind refuses an empty index
    plan = language_build.index_plan(str(config.theme.custom_dir))
    try:
        count = searchindex.publish(entries, plan, language_build.lang, site_dir, digests)
    except searchindex.SearchIndexError as exc:
        if not _previewing(config):
            raise PluginError(str(exc)) from None
        log.error(str(exc))  # the preview's pages are written: serve them, without search
        return
    if count is not None:
        log.info(f"helpcentre: indexed {count} '{language_build.lang}' articles for search")


def on_build_error(*, error: Exception) -> None:
    """A failed build stops its screenshots' encoding (the cache keeps only whole entries)."""
    if _state is not None and _state.build.images is not None:
        _state.build.images.close()


def _not_found_page(state: _State, config: MkDocsConfig) -> str:
    """This language's "not found" page, as MkDocs renders the root one: with links from the site root,
    since a host serves it at any missing address."""
    context = get_context(state.nav, state.files, config)
    context["base_url"] = urlsplit(config.site_url or "/").path
    context = config.plugins.on_template_context(context, template_name="404.html", config=config)
    return htmlfix.valid_inputs(state.build.renderer.page("404.html", context))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language_build = _current().build
    src_uri = page.file.src_uri
    if (answer := language_build.answer_html(src_uri)) is not None:
        page.content = answer  # with its contact blocks in place
    view = language_build.page_view(src_uri)
    context["hc"] = view
    _header_and_footer(language_build, context, config, language_build.alternates(src_uri))
    site_url = config.site_url or ""
    if canonical := language_build.canonical_path(src_uri):
        page.canonical_url = links.absolute(site_url, canonical)
    if description := structured.description(view) or language_build.strings("home.intro"):
        # Material writes it into an attribute without escaping: escape it here, once.
        page.meta["description"] = escape(description)
    context["hc_ld"] = structured.for_page(view, site_url, page.canonical_url or "", language_build.answer_text)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return htmlfix.valid_inputs(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return htmlfix.valid_inputs(output) if template_name.endswith(".html") else output


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    language_build = _current().build
    if template_name == "sitemap.xml":
        context["hc_sitemap"] = links.sitemap(language_build.sitemap(), config.site_url or "")
    elif template_name == "404.html":
        # A "not found" page is no page of ours: its language link and hreflang go to the home pages, and
        # it keeps the header search and footer contacts of every page. Material shows the header's
        # language and search part only when ``extra.alternate`` is set: the root 404 page (rendered before
        # any page) had neither, and /fr/404.html took the alternates the last page left there.
        home = f"{language_build.lang}/index.md"
        _header_and_footer(language_build, context, config, language_build.alternates(home))
    return context


def _header_and_footer(
    language_build: languagebuild.LanguageBuild, context: dict, config: MkDocsConfig, alternates: list
) -> None:
    """What every page's header (language link, search) and footer (contacts) read, for ``alternates``."""
    context["hc_alternates"] = alternates
    context["hc_languages"] = language_build.languages()
    context["hc_contacts"] = language_build.footer_contacts()
    # Material writes <link rel="alternate" hreflang> from extra.alternate: absolute URLs, x-default
    # for the default language. static-i18n sets the attribute (not the item) per page: ours wins.
    config.extra.alternate = links.hreflang(alternates, config.site_url or "")
