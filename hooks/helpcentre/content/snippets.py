"""Snippets: a paragraph written once, in ``data/snippets/<lang>/<key>.md``, and placed in any answer of that
language with a line of its own, ``[[snippet key]]``.

Reads the snippet files of every language and produces frozen ``Snippet`` values, with a ``Problem`` for a
file that is not UTF-8 or is empty, a snippet that holds a marker (no nesting), and a key missing in a
language. ``expand`` puts a snippet's text in place of its marker in an answer's Markdown, before MkDocs
converts it, so the page, its teaser, the search index and the translation digest all see the text in
place; ``unknown`` names a marker whose key has no snippet, with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.content import frontmatter
from helpcentre.content.article import CONTACT_MARKER, Article
from helpcentre.core import languages, yamldata
from helpcentre.core.problems import Problem, error, shown

SNIPPETS_DIR = "data/snippets"
MARKER = re.compile(r"^\[\[snippet ([^\]\s]*)\]\][ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Snippet:
    key: str
    lang: str
    text: str  # the Markdown, without leading and trailing blank lines

    @property
    def path(self) -> str:
        return f"{SNIPPETS_DIR}/{self.lang}/{self.key}.md"


def load(root: Path) -> tuple[MappingProxyType, list[Problem]]:
    """(lang, key) -> Snippet for every snippet file; a key must exist in every language."""
    found: dict[tuple[str, str], Snippet] = {}
    problems: list[Problem] = []
    codes = languages.of(root).codes
    for lang in codes:
        folder = root / SNIPPETS_DIR / lang
        for file in sorted(folder.glob("*.md")) if folder.is_dir() else ():
            snippet, file_problems = _read(lang, file)
            problems += file_problems
            if snippet is not None:
                found[(lang, snippet.key)] = snippet
    for lang, key in sorted(found):
        for other in codes:
            if (other, key) not in found and other != lang:
                problems.append(
                    error(
                        found[(lang, key)].path,
                        1,
                        f"snippet '{key}' has no {other.upper()} version; add {SNIPPETS_DIR}/{other}/{key}.md",
                    )
                )
    return MappingProxyType(found), problems


def _read(lang: str, file: Path) -> tuple[Snippet | None, list[Problem]]:
    path = f"{SNIPPETS_DIR}/{lang}/{file.name}"
    key = file.stem
    if not yamldata.KEY.match(key):
        return None, [error(path, 1, "a snippet's file name is its key: lowercase words joined by hyphens, then .md")]
    text, problems = frontmatter.decode(path, file.read_bytes())
    if text is None:
        return None, problems
    for pattern, what in ((MARKER, "snippet"), (CONTACT_MARKER, "contact")):
        for match in pattern.finditer(text):
            line = 1 + text.count("\n", 0, match.start())
            problems.append(
                error(path, line, f"a snippet cannot hold a [[{what} ...]] marker; place it in the articles instead")
            )
    if not text.strip():
        problems.append(error(path, 1, "the snippet is empty; write its paragraph or delete the file"))
    return (None if problems else Snippet(key, lang, text.strip("\n"))), problems


def expand(markdown: str, lang: str, snippets: MappingProxyType) -> str:
    """``markdown`` with each ``[[snippet key]]`` line replaced by that snippet's text in ``lang`` (an unknown
    key is left as it is: ``unknown`` reports it)."""
    if "[[snippet " not in markdown:
        return markdown

    def text_of(match: re.Match) -> str:
        snippet = snippets.get((lang, match.group(1)))
        return snippet.text if snippet is not None else match.group(0)

    return MARKER.sub(text_of, markdown)


def unknown(articles: Iterable[Article], snippets: MappingProxyType) -> list[Problem]:
    problems = []
    for article in articles:
        if "[[snippet " not in article.body:
            continue
        keys = sorted(key for lang, key in snippets if lang == article.lang)
        for match in MARKER.finditer(article.body):
            if (article.lang, match.group(1)) in snippets:
                continue
            line = article.body_line + article.body.count("\n", 0, match.start())
            fix = f"use one of: {', '.join(keys)}" if keys else f"add {SNIPPETS_DIR}/{article.lang}/<key>.md"
            problems.append(error(article.path, line, f"unknown snippet '{shown(match.group(1))}'; {fix}"))
    return problems


def used_by(article: Article) -> tuple[str, ...]:
    """The keys of the snippets an article places, in order."""
    return tuple(match.group(1) for match in MARKER.finditer(article.body)) if "[[snippet " in article.body else ()
