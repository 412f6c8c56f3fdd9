"""Words as search sees them: lowercase, accents folded, typographic apostrophes made plain, a language's
elisions (French « l'application », from ``search.elisions`` in data/languages/<lang>.yml) split off.

Reads text and produces word lists; shared by the synonym lists and the spelling data, and mirrored by the
browser's ``search/text.js`` so that what the build writes and what a reader types fold the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


# The combining marks of Latin, Greek and Cyrillic letters once decomposed (NFKD): removed by one regular
# expression, in C (folding every word of 3,000 articles a character at a time in Python cost a second).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lowercase, without accents, with plain apostrophes: "Clé" -> "cle"."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'")))


@functools.cache
def _elision(elisions: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, elisions)) + r")'(?=\w)") if elisions else None


def words(text: str, elisions: tuple[str, ...] = ()) -> list[str]:
    """The folded words of ``text``, ``elisions`` split off: "l'Application MINI" -> ["application", "mini"]."""
    folded, elision = fold(text), _elision(elisions)
    return _WORD.findall(elision.sub(" ", folded) if elision else folded)
