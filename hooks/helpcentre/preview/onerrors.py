"""What a writer's preview (``make serve``) builds with while the content has errors, and the banner that
says what is wrong.

A strict build refuses bad content; a preview must still build, or ``mkdocs serve`` keeps the browser
waiting until the content is fixed. Reads the content through ``checks.contentread`` and produces a
``PreviewRead``: the content to build with and a ``Banner`` listing every problem as the terminal prints it.
The content is, in this order:

1. the content as it is, when its catalogue reads and every string is there: the checks' errors (a link to a
   missing page, raw markup, ...) are on pages MkDocs converts all the same, shown as the writer saved them;
2. the last content read without errors in this process, when each of its articles is still on disk: a page
   whose file now has an error shows its last good version (``Banner.kept``);
3. the content without the articles that have errors (a first build, or a file renamed since the last good
   read): each one left out, and in turn those that fail without it, such as its twin (``Banner.left_out``);
4. when the site data itself (``data/``) is broken and nothing was built yet: the home page alone.

Only when no strings can be read for the language (``data/i18n/`` broken before any good read) is there
nothing to build with: then ``PreviewRead.read`` is None and the caller stops as a strict build does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.checks import contentread
from helpcentre.checks.contentread import ContentRead
from helpcentre.content import catalogue
from helpcentre.core import languages
from helpcentre.core.languages import Languages
from helpcentre.core.problems import ERROR, Problem, errors_in
from helpcentre.core.strings import strings_file

_STRINGS = strings_file("")[: -len(".yml")]  # data/i18n/


@dataclass(frozen=True)
class Banner:
    errors: tuple[Problem, ...]  # sorted by file and line, as the terminal prints them
    warnings: tuple[Problem, ...]
    kept: tuple[str, ...] = ()  # files whose page shows its last version without errors
    left_out: tuple[str, ...] = ()  # article files the preview is built without


@dataclass(frozen=True)
class PreviewRead:
    read: ContentRead | None  # None: nothing to build with
    banner: Banner | None  # None: nothing to say


def choose(root: Path, docs_dir: str, lang: str, setting_problems: list[Problem]) -> PreviewRead:
    """The content a preview of ``lang`` builds with, and the banner its pages carry."""
    current = contentread.read(root, docs_dir)
    problems = sorted(set(current.problems) | set(setting_problems))
    if _buildable(current):
        return PreviewRead(current, _banner(problems))
    broken = sorted({p.path for p in errors_in(problems)})
    last = contentread.last_good(root, docs_dir)
    if last is not None and _still_on_disk(root, last.catalogue):
        shown = {a.path for a in last.catalogue.articles.values()}
        return PreviewRead(last, _banner(problems, kept=tuple(p for p in broken if p in shown)))
    if lang not in current.all_strings:
        return PreviewRead(None, _banner(problems))
    cat, left_out = _without_broken_articles(root, docs_dir, current)
    read = ContentRead(cat, current.problems, current.all_strings, current.synonyms, current.images)
    return PreviewRead(read, _banner(problems, left_out=left_out))


def terminal_lines(banner: Banner | None) -> Iterator[tuple[int, str]]:
    """(logging level, line) for the terminal: each problem as ``make check`` prints it, then what the
    preview did about the errors."""
    if banner is None:
        return
    yield from ((logging.ERROR, str(problem)) for problem in banner.errors)
    yield from ((logging.INFO, str(problem)) for problem in banner.warnings)
    for path in banner.kept:
        yield (
            logging.WARNING,
            f"helpcentre: the preview shows the last version of {path} without errors until it is fixed",
        )
    for path in banner.left_out:
        yield logging.WARNING, f"helpcentre: the preview is built without {path} until it is fixed"


def _buildable(read: ContentRead) -> bool:
    """A catalogue and every string: the errors left (a link to a missing page, raw markup, ...) are the
    checks' on pages MkDocs converts all the same, and the preview shows them as the writer saved them."""
    return read.catalogue is not None and not any(
        p.severity == ERROR and p.path.startswith(_STRINGS) for p in read.problems
    )


def _banner(problems: list[Problem], kept: tuple[str, ...] = (), left_out: tuple[str, ...] = ()) -> Banner | None:
    if not problems:
        return None
    errors = tuple(p for p in problems if p.severity == ERROR)
    warnings = tuple(p for p in problems if p.severity != ERROR)
    return Banner(errors, warnings, kept, left_out)


def _still_on_disk(root: Path, cat: catalogue.Catalogue) -> bool:
    # MkDocs builds the files on disk: an article of the last good read renamed since has no page to show.
    return all((root / article.path).is_file() for article in cat.articles.values())


def _without_broken_articles(
    root: Path, docs_dir: str, current: ContentRead
) -> tuple[catalogue.Catalogue, tuple[str, ...]]:
    """The catalogue of every article that reads without errors once the broken ones are left out (the
    checks' errors, such as a link to a page left out, need no leaving out: MkDocs converts those pages)."""
    articles = {f"{docs_dir}/{lang}/{rel}" for lang, rel, _ in catalogue.iter_sources(root, docs_dir)}
    cat, found = current.catalogue, list(current.problems)
    left_out: set[str] = set()
    while cat is None and (more := ({p.path for p in errors_in(found)} & articles) - left_out):
        left_out |= more
        cat, found = catalogue.load(root, docs_dir, leave_out=frozenset(left_out))
    if cat is None:
        return _home_only(languages.of(root)), tuple(sorted(articles))
    return cat, tuple(sorted(left_out))


def _home_only(langs: Languages) -> catalogue.Catalogue:
    """No category, no article: what a preview shows when ``data/`` is broken and nothing was built yet."""
    empty = MappingProxyType({})
    return catalogue.Catalogue(
        categories=(),
        contacts=empty,
        views=empty,
        articles=empty,
        ids=(),
        by_views=(),
        by_category=empty,
        snippets=empty,
        languages=langs,
    )
