"""MkDocs events for the help centre: thin adapters around the ``helpcentre`` package.

Collect first, render later (as Material's tags plugin does), because a category page and every
recommended list need answers that MkDocs converts one page at a time:

- ``on_pre_build`` reads the catalogue once per language build, *before* MkDocs cleans ``site/``, so bad
  content stops the build with ``path:line`` messages and nothing written;
- ``on_files`` (after static-i18n's, which only then has chosen this language's files) adds the
  generated home and category pages;
- ``on_nav`` lists home and categories only, so a page's size never grows with the number of articles;
- ``on_page_content`` keeps each answer's HTML, converted once; category pages reuse it;
- ``on_env``, once every page is converted, builds the views of the whole language in one pass;
- ``on_page_context`` hands each template the view of its page.
"""

from __future__ import annotations

import logging
import os
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
from mkdocs.utils import get_relative_url

from helpcentre import build, htmlfix, links, searchindex, structured

log = logging.getLogger("mkdocs.plugins.helpcentre")
_build: build.LanguageBuild | None = None
_preview: build.PreviewMemory | None = None  # only for `mkdocs serve --dirty` (make serve)


def on_startup(*, command: str, dirty: bool) -> None:
    """Once per `mkdocs serve` or `mkdocs build` process, before its first build."""
    global _preview
    _preview = build.PreviewMemory() if dirty else None


def _current() -> build.LanguageBuild:
    if _build is None:
        raise PluginError("helpcentre: the catalogue was not loaded (on_pre_build did not run)")
    return _build


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the previous build (modules stay loaded across `mkdocs serve` rebuilds) and give the
    theme the language being built; runs after static-i18n has chosen it."""
    global _build
    _build = None
    lang = config.plugins["i18n"].current_language
    config.theme["language"] = lang
    # MkDocs writes its static templates at the site root in every language's build, so the last
    # language won the root 404 page. Only the default language writes the root one; on_post_build
    # writes the others under /<lang>/. robots.txt is rendered from overrides/.
    templates = config.theme.static_templates
    templates.add("robots.txt")
    if lang == build.DEFAULT_LANGUAGE:
        templates.add("404.html")
    else:
        templates.discard("404.html")
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _build
    lang = config.plugins["i18n"].current_language
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    settings = config.extra.get("helpcentre", {})
    try:
        _build, warnings = build.load(root, docs_dir, lang, settings)
    except build.ContentError as exc:
        raise PluginError(f"content errors:\n{exc}") from None
    for problem in warnings if lang == build.DEFAULT_LANGUAGE else ():
        log.info(str(problem))


@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in _current().generated:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.dest_uri = page.dest_uri
        file.url = file._get_url(config.use_directory_urls)
        files.append(file)
    return files


@event_priority(-110)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    state = _current()
    pages = [files.get_file_from_path(page.src_uri).page for page in state.generated]
    nav.items = pages
    for page in pages:
        page.parent = None
    state.nav = nav
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Articles are short answers read in one column: no page tree or table of contents beside them.
    if page.file.src_uri in _current().articles_by_src:
        page.meta.setdefault("hide", ["navigation", "toc"])
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _current()

    def render_contact(contact) -> str:
        if state.page_env is None:  # one Jinja environment per build: each new one compiles the template again
            state.page_env = config.theme.get_env()
            state.page_env.globals["t"] = state.strings
        env = state.page_env
        base_url = get_relative_url(".", page.url)
        return env.get_template("partials/hc/contact.html").render(
            contact=contact, page=page, base_url=base_url, config=config
        )

    return state.keep_answer(page.file.src_uri, html, render_contact)


def on_env(env, *, config: MkDocsConfig, files: Files):
    state = _current()
    if _preview is not None:
        _preview.fill_answers(state)
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    state.build_views(urls)
    env.globals["t"] = state.strings
    env.globals["hc_search_bundles"] = state.search_bundles()
    state.env = env
    state.files = files
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    """Index this language's articles once every page is written (static-i18n builds the next
    language after this, into its own folder), or save them for ``make site`` to index once MkDocs has
    ended, and write the per-folder sitemaps."""
    state = _current()
    _write_folder_sitemaps(state, config)
    _write_redirects(state, config)
    if state.lang != build.DEFAULT_LANGUAGE:
        _write_404(state, config)
    template = state.env.get_template("partials/hc/search-record.html")
    records = [
        searchindex.Record(card.url, template.render(lang=state.lang, card=card, tags=article.tags, answer=answer))
        for card, article, answer in state.search_entries()
    ]
    site_dir = Path(config.site_dir)
    if saved_for_later := os.environ.get(searchindex.RECORDS_VARIABLE):  # make site: indexed after MkDocs ends
        searchindex.save(records, state.lang, Path(saved_for_later), state.search_shard_size)
        return
    digest = searchindex.digest(records, state.lang) if _preview is not None else ""
    current = _preview is not None and _preview.index_is_current(state.lang, digest)
    if current and (site_dir / searchindex.bundle_dir(state.lang, 1)).is_dir():
        return  # a preview rebuild after an edit in the other language: this index is already right
    try:
        count = searchindex.write(records, state.lang, site_dir, state.search_shard_size)
    except searchindex.SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    if _preview is not None:
        _preview.indexed(state.lang, digest)
    log.info(f"helpcentre: indexed {count} '{state.lang}' articles for search")


def _write_folder_sitemaps(state: build.LanguageBuild, config: MkDocsConfig) -> None:
    """Material looks for sitemap.xml beside each alternate-language page; give every folder one
    (its own pages, with their alternates) so those requests find a real sitemap, not a 404."""
    template = state.env.get_template("sitemap.xml")
    for folder, entries in links.by_folder(state.sitemap()).items():
        if folder:
            path = Path(config.site_dir) / folder / "sitemap.xml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.render(hc_sitemap=links.sitemap(entries, config.site_url or "")), encoding="utf-8")


def _write_404(state: build.LanguageBuild, config: MkDocsConfig) -> None:
    """This language's "not found" page at /<lang>/404.html, as MkDocs renders the root one: with
    links from the site root, since a host serves it at any missing address."""
    context = get_context(state.nav, state.files, config)
    context["base_url"] = urlsplit(config.site_url or "/").path
    context = config.plugins.on_template_context(context, template_name="404.html", config=config)
    html = htmlfix.valid_inputs(state.env.get_template("404.html").render(context))
    path = Path(config.site_dir) / state.lang / "404.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def _write_redirects(state: build.LanguageBuild, config: MkDocsConfig) -> None:
    """A page at each old address of a moved article, in this language, sending readers to the new one."""
    template = state.env.get_template("hc-redirect.html")
    for redirect in state.redirects():
        target = get_relative_url(redirect.target, redirect.path)
        html = template.render(
            redirect=redirect,
            target=target,
            canonical=links.absolute(config.site_url or "", redirect.target),
            t=state.strings,
        )
        path = Path(config.site_dir) / redirect.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    state = _current()
    src_uri = page.file.src_uri
    context["hc"] = state.page_view(src_uri)
    _header_and_footer(state, context, config, state.alternates(src_uri))
    site_url = config.site_url or ""
    if canonical := state.canonical_path(src_uri):
        page.canonical_url = links.absolute(site_url, canonical)
    view = context["hc"]
    if description := structured.description(view) or state.strings("home.intro"):
        # Material writes it into an attribute without escaping: escape it here, once.
        page.meta["description"] = escape(description)
    context["hc_ld"] = structured.for_page(view, site_url, page.canonical_url or "", state.answer_text)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return htmlfix.valid_inputs(output)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return htmlfix.valid_inputs(output) if template_name.endswith(".html") else output


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "sitemap.xml":
        context["hc_sitemap"] = links.sitemap(_current().sitemap(), config.site_url or "")
    elif template_name == "404.html":
        _not_found_context(_current(), context, config)
    return context


def _not_found_context(state: build.LanguageBuild, context: dict, config: MkDocsConfig) -> None:
    """A "not found" page is no page of ours: its language link and hreflang go to the home pages, and it
    keeps the header search and footer contacts of every page. Material shows the header's language and
    search part only when ``extra.alternate`` is set: the root 404 page (rendered before any page) had
    neither, and /fr/404.html took the alternates the last page left there."""
    _header_and_footer(state, context, config, state.alternates(f"{state.lang}/index.md"))


def _header_and_footer(state: build.LanguageBuild, context: dict, config: MkDocsConfig, alternates: list) -> None:
    """What every page's header (language link, search) and footer (contacts) read, for ``alternates``."""
    context["hc_alternates"] = alternates
    context["hc_languages"] = state.languages()
    context["hc_contacts"] = state.footer_contacts()
    # Material writes <link rel="alternate" hreflang> from extra.alternate: absolute URLs, x-default
    # for the default language. static-i18n sets the attribute (not the item) per page: ours wins.
    config.extra.alternate = links.hreflang(alternates, config.site_url or "")
