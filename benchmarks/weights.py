"""Weighing a built site: its pages, the JS+CSS an article loads and what its language's search downloads.

Reads a built site folder: HTML pages, their ``<script src>`` and ``<link rel=stylesheet>``, Material's
``__config``, our ``data-bundle`` and ``data-merge`` attributes, the Pagefind bundles or Material's search
index. Produces frozen values: ``SiteSize``, ``PageWeight`` (an article page's HTML and the JS+CSS it
loads) and ``SearchWeight`` (a language's search index and an estimate of what a first query downloads).
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Our search.js reads the data (title, excerpt) of 10 results per query; Pagefind's own UI reads 5.
FRAGMENTS_PER_QUERY = 10


@dataclass(frozen=True)
class SiteSize:
    pages: int  # HTML files
    files: int
    total_bytes: int


def site_size(out: Path) -> SiteSize:
    files = [p for p in out.rglob("*") if p.is_file()]
    return SiteSize(
        pages=sum(p.suffix == ".html" for p in files),
        files=len(files),
        total_bytes=sum(p.stat().st_size for p in files),
    )


class _PageParser(HTMLParser):
    """The assets a page asks for and the bits of configuration search scripts read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.bundles: list[str] = []
        self.merges: list[str] = []  # the entry files of the bundles search.js merges into the first
        self.material_config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.styles.append(a["href"])
        if a.get("data-bundle"):
            self.bundles.append(a["data-bundle"])
            self.merges = a.get("data-merge", "").split()

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.material_config += data


def parse_page(out: Path, page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed((out / page).read_text(encoding="utf-8"))
    return parser


def resolve(page: str, href: str) -> str | None:
    """The site path ``href`` on ``page`` points at, or None for another host."""
    if href.startswith(("http:", "https:", "//", "data:")):
        return None
    path = href.split("#")[0].split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


@dataclass(frozen=True)
class PageWeight:
    page: str
    html_bytes: int
    js_bytes: int
    css_bytes: int
    assets: tuple[tuple[str, int], ...]  # (site path, bytes) of each script and stylesheet
    missing: tuple[str, ...]  # referenced but not in the site
    external: tuple[str, ...]  # loaded from another host

    @property
    def js_css_bytes(self) -> int:
        return self.js_bytes + self.css_bytes


def page_weight(out: Path, page: str) -> PageWeight:
    parsed = parse_page(out, page)
    sizes: dict[str, int] = {}
    missing, external = [], []
    js = css = 0
    for kind, hrefs in (("js", parsed.scripts), ("css", parsed.styles)):
        for href in hrefs:
            target = resolve(page, href)
            if target is None:
                external.append(href)
                continue
            if not (out / target).is_file():
                missing.append(target)
                continue
            size = (out / target).stat().st_size
            sizes[target] = size
            js, css = (js + size, css) if kind == "js" else (js, css + size)
    return PageWeight(
        page=page,
        html_bytes=(out / page).stat().st_size,
        js_bytes=js,
        css_bytes=css,
        assets=tuple(sorted(sizes.items())),
        missing=tuple(missing),
        external=tuple(external),
    )


@dataclass(frozen=True)
class SearchWeight:
    engine: str  # "pagefind", "lunr" (Material's search plugin) or "none"
    location: str  # the index's folder or file, site-relative
    index_bytes: int  # everything the engine may download for this language
    index_files: int
    shared_languages: tuple[str, ...]  # languages whose pages load this same index
    first_query_bytes: int  # estimate from the files (upper bound for Pagefind), see first_query_files
    first_query_files: tuple[str, ...]
    problems: tuple[str, ...] = ()  # e.g. empty or unreadable files in the bundle


NO_SEARCH = SearchWeight("none", "", 0, 0, (), 0, ())


def is_search_asset(path: str) -> bool:
    """A file that only search needs: a Pagefind bundle or its spelling data, lunr, our search modules
    (assets/hc/search/), or a file named after search."""
    path = "/" + path.lstrip("/")
    folders = ("/pagefind/", "/lunr/", "/assets/hc/search/")
    return any(folder in path for folder in folders) or "search" in posixpath.basename(path)


def search_weight(out: Path, page: str) -> SearchWeight:
    """What the search of ``page``'s language weighs: a Pagefind bundle named by our ``data-bundle``
    attributes, else Material's search index named by its ``__config``. The first query also counts the
    page's own search scripts (e.g. our search.js), though the page loaded them before any search."""
    parsed = parse_page(out, page)
    weight = NO_SEARCH
    for href in parsed.bundles:
        target = resolve(page, href)
        if target and (out / target).is_file():
            merged = [posixpath.dirname(m) for m in (resolve(page, e) for e in parsed.merges) if m]
            weight = pagefind_weight(out, posixpath.dirname(target), merged)
            break
    else:
        if parsed.material_config and json.loads(parsed.material_config).get("search"):
            weight = lunr_weight(out, page, json.loads(parsed.material_config))
    scripts = [t for t in (resolve(page, src) for src in parsed.scripts) if t and is_search_asset(t)]
    extra = [t for t in scripts if t not in weight.first_query_files]
    return dataclasses.replace(
        weight,
        first_query_bytes=weight.first_query_bytes + sum(_size(out, rel) for rel in extra),
        first_query_files=weight.first_query_files + tuple(extra),
    )


def _size(out: Path, rel: str) -> int:
    path = out / rel
    return path.stat().st_size if path.is_file() else 0


def pagefind_weight(out: Path, bundle: str, merged: list[str] | None = None) -> SearchWeight:
    """A Pagefind bundle and the bundles merged into it. First query, as an upper bound: the loader, the
    entry file, the language's WebAssembly and the metadata of the first bundle; the entry file, the
    metadata and the largest index chunk of every bundle; the largest result fragments of them all."""
    bundles = [bundle, *(merged or [])]
    files = [p for b in bundles for p in (out / b).rglob("*") if p.is_file()]
    problems = [f"empty file {p.relative_to(out).as_posix()}" for p in files if p.stat().st_size == 0]
    chosen: list[str] = []
    languages: set[str] = set()
    for number, folder in enumerate(bundles):
        root = out / folder
        try:
            entry = json.loads((root / "pagefind-entry.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{folder}/pagefind-entry.json unreadable: {type(exc).__name__}: {exc}")
            entry = {}
        languages.update(entry.get("languages", {}))
        lang_info = next(iter(entry.get("languages", {}).values()), {})
        names = ["pagefind-entry.json", f"pagefind.{lang_info.get('hash', '')}.pf_meta"]
        if number == 0:
            names += ["pagefind.js", "pagefind-worker.js", f"wasm.{lang_info.get('wasm') or 'unknown'}.pagefind"]
        chosen += [f"{folder}/{n}" for n in names if (root / n).is_file()]
        chunks = sorted(root.rglob("*.pf_index"), key=lambda p: p.stat().st_size, reverse=True)
        chosen += [p.relative_to(out).as_posix() for p in chunks[:1]]
    fragments = sorted((p for p in files if p.suffix == ".pf_fragment"), key=lambda p: p.stat().st_size, reverse=True)
    chosen += [p.relative_to(out).as_posix() for p in fragments[:FRAGMENTS_PER_QUERY]]
    return SearchWeight(
        engine="pagefind",
        location=" + ".join(b + "/" for b in bundles),
        index_bytes=sum(p.stat().st_size for p in files),
        index_files=len(files),
        shared_languages=tuple(sorted(languages)),
        first_query_bytes=sum(_size(out, rel) for rel in chosen),
        first_query_files=tuple(chosen),
        problems=tuple(problems[:20]),
    )


def lunr_weight(out: Path, page: str, config: dict) -> SearchWeight:
    """Material's search: one JSON index (static-i18n puts every language in it), the worker and the
    lunr language files the worker imports; a first query needs all of them."""
    base = posixpath.normpath(posixpath.join(posixpath.dirname(page), config.get("base", ".")))
    index = posixpath.normpath(posixpath.join(base, "search/search_index.json"))
    worker = resolve(page, config["search"]) or ""
    langs: list[str] = []
    if (out / index).is_file():
        langs = json.loads((out / index).read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    lunr = posixpath.normpath(posixpath.join(posixpath.dirname(worker), "..", "lunr", "min"))
    extra = [f"{lunr}/lunr.{lang}.min.js" for lang in langs if lang != "en"]
    extra += [f"{lunr}/lunr.multi.min.js"] if len(langs) > 1 else []
    extra = [f"{lunr}/lunr.stemmer.support.min.js", *extra] if extra else []
    chosen = [index, worker, *extra]
    return SearchWeight(
        engine="lunr",
        location=index,
        index_bytes=_size(out, index),
        index_files=1,
        shared_languages=tuple(langs),
        first_query_bytes=sum(_size(out, rel) for rel in chosen),
        first_query_files=tuple(chosen),
    )
