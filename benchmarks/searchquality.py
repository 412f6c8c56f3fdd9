"""`make bench-search`: how well search finds the answer however a reader types it (issue 16).

Reads the query sets (``benchmarks/search/<lang>.yml``, ``search_sets``) and the repository, which it builds
into a temporary folder (``search_site``), serves with scripts/static_server.py and queries in Debian's Chromium
through the home page's search box and assistant (``search_browser``). Writes ``benchmarks/SEARCH.md`` and
``benchmarks/search-results.json`` (``search_report``; ``--no-save`` only prints). ``measure`` is also what the
fast test of `make test` runs on its own subset.

    python -m benchmarks.searchquality [--sets typos,synonyms] [--limit 5] [--no-save] [--note TEXT]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from chromium import launch
from playwright.sync_api import sync_playwright

from helpcentre.core import languages

from . import search_browser, search_report, search_sets, search_site
from .search_scores import Result, unmet
from static_server import Server

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(Path(__file__).resolve().parents[1]).codes

HERE = Path(__file__).resolve().parent
REPORT = HERE / "SEARCH.md"
RECORD = HERE / "search-results.json"


def measure(
    page,
    base_url: str,
    known: dict[str, search_site.Article],
    queries: Sequence[search_sets.Query],
    places: Sequence[str] = search_browser.PLACES,
    progress: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Each query through each place on its language's home page, opened in ``page`` (one page is reused)."""
    results = []
    opened = None
    for query in queries:
        if opened != query.lang:
            search_browser.open_home(page, base_url, query.lang)
            opened = query.lang
        for place in places:
            shown = search_browser.ask(page, base_url, query.lang, place, query.q)
            links = tuple(search_site.site_path(url, base_url) for url in shown.links)
            found = tuple(search_site.article_at(path, known) for path in links)
            result = Result(query, place, links, found, shown.status, shown.error, shown.match, shown.full)
            results.append(result)
            if progress:
                progress(result)
    return results


def _commit() -> str:
    done = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(HERE), "status", "--porcelain"], capture_output=True, text=True)
    return (done.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty.stdout.strip() else "")


def _print(result: Result) -> None:
    if result.query.answerable:
        mark = "ok " if (result.rank() or 99) <= 3 else "MISS"
    else:
        mark = "NONSENSE" if result.confident else "ok "
    print(f"  {mark} {result.query.lang} {result.query.set:<10} {result.place:<9} {result.query.q}", flush=True)


def run(langs: Sequence[str], sets: tuple[str, ...], limit: int | None, verbose: bool) -> list[Result]:
    queries = [query for lang in langs for query in search_sets.load(lang, sets, limit)]
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = Path(tmp) / "site"
        print(f"Building the site into {site} ...", flush=True)
        search_site.build(site)
        known = search_site.articles(site)
        with Server(site) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                context = browser.new_context()
                print(f"Asking {len(queries)} queries in {len(search_browser.PLACES)} places ...", flush=True)
                return measure(context.new_page(), server.url, known, queries, progress=_print if verbose else None)
            finally:
                browser.close()


def _sets(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in search_sets.SETS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose among {', '.join(search_sets.SETS)} (comma-separated)")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench-search", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=_sets, default=search_sets.SETS, help="comma-separated sets (default: all)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many queries of each set")
    parser.add_argument("--langs", type=lambda s: tuple(s.split(",")), default=LANGUAGES, help="e.g. fr")
    parser.add_argument("--no-save", action="store_true", help="print the report, write nothing")
    parser.add_argument("--note", default="", help="a paragraph to put at the top of SEARCH.md")
    parser.add_argument("--quiet", action="store_true", help="no line per query")
    args = parser.parse_args(argv)
    if any(lang not in LANGUAGES for lang in args.langs):
        parser.error(f"--langs: choose among {', '.join(LANGUAGES)}")
    try:
        results = run(args.langs, args.sets, args.limit, not args.quiet)
    except (search_sets.QuerySetError, search_site.SiteError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    report = search_report.Run(when, _commit(), args.sets, args.limit, args.note)
    text = search_report.markdown(results, report)
    if args.no_save:
        print(text)
    else:
        REPORT.write_text(text, encoding="utf-8")
        RECORD.write_text(search_report.to_json(search_report.record(results, report)), encoding="utf-8")
        print(f"Wrote {REPORT.relative_to(HERE.parent)} and {RECORD.relative_to(HERE.parent)}")
    missed = unmet(results)
    print("\n".join(["Targets missed:", *missed]) if missed else "Every target met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
