"""What a preview rebuild (``make serve``: ``mkdocs serve --dirty``) takes from the last build of the same
language.

A dirty rebuild converts only the files saved since, so the other answers come from here and category pages
and search still hold every one; a language's search index whose records did not change is kept. Reads each
build's answers and search records; holds one entry per language, replaced at each build, never grown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class PreviewMemory:
    answers: dict[str, dict[int, str]] = field(default_factory=dict)
    index_digests: dict[str, str] = field(default_factory=dict)  # lang -> searchindex.digest of its records

    def fill_answers(self, lang: str, ids: Iterable[int], answers: dict[int, str]) -> None:
        """Give ``answers`` those of ``ids`` it did not convert, then remember all of them."""
        previous = self.answers.get(lang, {})
        answers.update({i: previous[i] for i in ids if i not in answers and i in previous})
        self.answers[lang] = dict(answers)
