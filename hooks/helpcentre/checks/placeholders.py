"""The text ``make new`` writes into a new answer, recognised until the writer replaces it.

Reads an article's answer (code blanked) and produces an error for each line that still holds a sentence of
``SKELETON``, in any language: a placeholder must never be published.
"""

from __future__ import annotations

import re

from helpcentre.content.catalogue import Article
from helpcentre.core.problems import Problem, error, shown

_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

SKELETON = {
    "en": "Answer the question in the first sentence: it becomes the teaser in lists.\n\n"
    "1. First step, with interface labels in **bold**.\n",
    "fr": "Répondez à la question dès la première phrase\u00a0: elle sert d'aperçu dans les listes.\n\n"
    "1. Première étape, avec les libellés de l'interface en **gras**.\n",
}


def _normal(line: str) -> str:
    """A line as compared: no list marker, every run of spaces (no-break ones too) as one space, any case."""
    return _SPACES.sub(" ", _LIST_MARKER.sub("", line)).strip().casefold()


# (what is compared, the sentence as make new wrote it) for every non-empty line of every language's skeleton
_SENTENCES = tuple(
    (_normal(line), _LIST_MARKER.sub("", line).strip())
    for skeleton in SKELETON.values()
    for line in skeleton.splitlines()
    if line.strip()
)


# The longest word of each sentence: an answer without any of them holds no sentence (most answers), found
# without first rewriting every run of spaces of every answer (a third of a second at 3,000 articles).
_LONGEST_WORDS = tuple({max(sentence.split(" "), key=len) for sentence, _ in _SENTENCES})


def check(article: Article, prose: str) -> list[Problem]:
    folded = prose.casefold()
    if not any(word in folded for word in _LONGEST_WORDS):
        return []
    whole = _SPACES.sub(" ", folded)
    if not any(sentence in whole for sentence, _ in _SENTENCES):
        return []
    problems = []
    for number, line in enumerate(prose.split("\n")):
        if not line.strip():
            continue
        text = _normal(line)
        for sentence, as_written in _SENTENCES:
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
