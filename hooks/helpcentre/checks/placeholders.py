"""The text ``make new`` writes into a new answer, recognised until the writer replaces it.

Reads an article's answer (code blanked) and produces an error for each line that still holds a sentence of
``new_answer`` (data/languages/<lang>.yml), in any language: a placeholder must never be published.
"""

from __future__ import annotations

import functools
import re

from helpcentre.content.catalogue import Article
from helpcentre.core.languages import Languages
from helpcentre.core.problems import Problem, error, shown

_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _normal(line: str) -> str:
    """A line as compared: no list marker, every run of spaces (no-break ones too) as one space, any case."""
    return _SPACES.sub(" ", _LIST_MARKER.sub("", line)).strip().casefold()


@functools.cache
def _sentences(skeletons: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(what is compared, the sentence as make new wrote it) for every non-empty line of every language's
    skeleton; and the longest word of each sentence: an answer without any of them holds no sentence (most
    answers), found without first rewriting every run of spaces of every answer (a third of a second at
    3,000 articles)."""
    sentences = tuple(
        (_normal(line), _LIST_MARKER.sub("", line).strip())
        for skeleton in skeletons
        for line in skeleton.splitlines()
        if line.strip()
    )
    return sentences, tuple({max(sentence.split(" "), key=len) for sentence, _ in sentences})


def check(article: Article, prose: str, langs: Languages) -> list[Problem]:
    """An error for each line that still holds a sentence of any language's ``new_answer``."""
    sentences, longest = _sentences(tuple(language.new_answer for language in langs.languages))
    folded = prose.casefold()
    if not any(word in folded for word in longest):
        return []
    whole = _SPACES.sub(" ", folded)
    if not any(sentence in whole for sentence, _ in sentences):
        return []
    problems = []
    for number, line in enumerate(prose.split("\n")):
        if not line.strip():
            continue
        text = _normal(line)
        for sentence, as_written in sentences:
            if sentence in text:
                problems.append(
                    error(
                        article.path,
                        article.body_line + number,
                        f'placeholder written by make new ("{shown(as_written, 60)}"); replace it with the answer',
                    )
                )
                break
    return problems
