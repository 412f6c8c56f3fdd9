"""Words as search sees them: lowercase, accents folded, typographic apostrophes made plain, French elisions
(« l'application ») split off.

Reads text and produces word lists; shared by the synonym lists and the spelling data, and mirrored by the
browser's ``search/text.js`` so that what the build writes and what a reader types fold the same way.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\w)")


def fold(text: str) -> str:
    """Lowercase, without accents, with plain apostrophes: "Clé" -> "cle"."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of ``text``, elisions split off: "l'Application MINI" -> ["application", "mini"]."""
    return _WORD.findall(_ELISION.sub(" ", fold(text)))


def written_words(text: str) -> list[str]:
    """The words of ``text`` as written (lowercase, accents kept), elisions split off: "l'Été" -> ["été"]."""
    return _WORD.findall(_ELISION.sub(" ", text.lower().replace("\u2019", "'")))
