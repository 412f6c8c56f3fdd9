"""What a preview rebuild (``make serve``: ``mkdocs serve --dirty``) takes from the last build of the same
language.

A dirty rebuild converts only the files saved since, so the other answers come from here and category pages
and search still hold every one; a language's search index whose records did not change is kept. Every page
carries the banner of the content's problems, so a rebuild whose banner differs from the last one's rewrites
every page (``banner_changed``). Reads each build's answers, search entries and banner; holds one entry per
language, replaced at each build, never grown.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass
class PreviewMemory:
    answers: dict[str, dict[int, str]] = field(default_factory=dict)
    index_digests: dict[str, str] = field(default_factory=dict)  # lang -> searchdata.save digest
    banners: dict[str, Hashable] = field(default_factory=dict)  # lang -> the banner its pages were written with

    def fill_answers(self, lang: str, ids: Iterable[int], answers: dict[int, str]) -> None:
        """Give ``answers`` those of ``ids`` it did not convert, then remember all of them."""
        previous = self.answers.get(lang, {})
        answers.update({i: previous[i] for i in ids if i not in answers and i in previous})
        self.answers[lang] = dict(answers)

    def banner_changed(self, lang: str, banner: Hashable) -> bool:
        """Whether ``banner`` differs from the one the last build of ``lang`` wrote; remembers it."""
        changed = lang not in self.banners or self.banners[lang] != banner
        self.banners[lang] = banner
        return changed
