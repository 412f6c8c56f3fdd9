"""Slugs: the ids Python-Markdown gives headings, and the file names ``make new`` makes from a question.

Reads text and produces lowercase ASCII words joined by '-'.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slugify(text: str) -> str:
    """Python-Markdown's default heading id."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub("-", _NOT_WORD.sub("", text).strip().lower())
