"""Slugs: the ids Python-Markdown gives headings, and the file names ``make new`` makes from a question.

Reads text and produces lowercase ASCII words joined by '-'.
"""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Python-Markdown's default heading id."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)
