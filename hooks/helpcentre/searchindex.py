"""The search index of one language, written with Pagefind (its binary ships inside the wheel).

Reads one small HTML record per article (question, tags, answer, views; rendered by a template) and
produces ``site/pagefind/<lang>/``: a chunked index that only that language's pages load, with French
stemming and diacritic folding. Only articles are indexed, never generated pages or fallbacks.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

# Pagefind also writes its own ready-made interfaces; ours is in overrides/assets/hc/search.js.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class Record:
    url: str  # site-relative, e.g. fr/my-account/forgot-password.html
    html: str  # a minimal page: what Pagefind indexes, with weights and metadata


class SearchIndexError(RuntimeError):
    pass


def write(records: Iterable[Record], lang: str, out_dir: Path) -> int:
    """Index ``records`` as ``lang`` into ``out_dir`` (replaced); returns how many were indexed."""
    records = list(records)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    try:
        asyncio.run(_write(records, lang, out_dir))
    except Exception as exc:  # the service reports failures as plain exceptions
        raise SearchIndexError(f"Pagefind could not write the {lang} search index: {exc}") from exc
    for name in _UNUSED:
        (out_dir / name).unlink(missing_ok=True)
    return len(records)


async def _write(records: list[Record], lang: str, out_dir: Path) -> None:
    # One record at a time is slow (measured: 0.1 s a record through the Pagefind service, 50 s for 500);
    # index.add_directory on a folder of records took 0.8 s for 500, but under load its output was not
    # byte-identical from one build to the next, which releases require. Kept sequential until that is solved.
    config = IndexConfig(force_language=lang, output_path=str(out_dir), keep_index_url=True)
    async with PagefindIndex(config=config) as index:
        for record in records:
            await index.add_html_file(content=record.html, url=record.url)
