"""The search index of one language, written with Pagefind (its binary ships inside the wheel).

Reads one small HTML record per article (question, tags, answer, views; rendered by a template) and
produces ``site/pagefind/<lang>/``: a chunked index that only that language's pages load, with French
stemming and diacritic folding. Only articles are indexed, never generated pages or fallbacks.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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


def digest(records: Iterable[Record], lang: str) -> str:
    """What the index of ``records`` depends on: equal digests give the same index."""
    hasher = hashlib.blake2b(lang.encode(), digest_size=16)
    for record in records:
        for part in (record.url, record.html):
            hasher.update(len(part).to_bytes(8, "big"))
            hasher.update(part.encode())
    return hasher.hexdigest()


LOCK_VARIABLE = "HC_SEARCH_INDEX_LOCK"  # a lock file the parallel build's processes share


class SearchIndexError(RuntimeError):
    pass


def write(records: Iterable[Record], lang: str, out_dir: Path, lock: Path | None = None) -> int:
    """Index ``records`` as ``lang`` into ``out_dir`` (replaced); returns how many were indexed.

    With ``lock``, waits until no other process holding that lock file is indexing: Pagefind's indexer
    is the build's largest process (measured: 180 MB for 1,000 articles, growing with N), so the
    languages built in parallel take turns for this step rather than doubling the peak."""
    records = list(records)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    try:
        with _one_at_a_time(lock):
            _write(records, lang, out_dir)
    except (OSError, subprocess.SubprocessError, SearchIndexError) as exc:
        raise SearchIndexError(f"Pagefind could not write the {lang} search index: {exc}") from exc
    for name in _UNUSED:
        (out_dir / name).unlink(missing_ok=True)
    return len(records)


@contextlib.contextmanager
def _one_at_a_time(lock: Path | None) -> Iterator[None]:
    if lock is None:
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write(records: list[Record], lang: str, out_dir: Path) -> None:
    # Pagefind's own command on a folder of records, run to its end. Its Python API was tried twice: one
    # record per call costs 0.1 s each (50 s for 500); one folder per call is fast, but closing the API
    # stops the service while it may still be writing, and a file came out cut at 64 KiB (measured:
    # wasm.unknown.pagefind, 1 build in 6 at N=100). The output does not depend on the order files are
    # written or listed (checked: 3,000 records, reversed, under load), and test_release compares bytes.
    with tempfile.TemporaryDirectory(prefix="hc-search-") as tmp:
        for record in records:
            path = Path(tmp) / record.url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.html, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(out_dir)]
        command += ["--force-language", lang, "--keep-index-url", "--quiet"]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1800)
    if done.returncode != 0:
        raise SearchIndexError((done.stderr or done.stdout).strip()[-2000:] or f"exit status {done.returncode}")
