"""The search index of one language, written with Pagefind (its binary ships inside the wheel).

Reads one small HTML record per article (question, tags, answer, views; rendered by a template) and
produces ``site/pagefind/<lang>/``: a chunked index that only that language's pages load, with French
stemming and diacritic folding. Only articles are indexed, never generated pages or fallbacks.

Pagefind's indexer holds about 0.16 MB per 300-word article until it ends (480 MB for 3,000), so a large
language is indexed in bundles of at most ``shard_size`` articles, one Pagefind run after the other:
``pagefind/<lang>/`` (the one pages load, with the program and its WebAssembly) and ``pagefind/<lang>-2/``,
... (only their index), which the browser merges into the first (Pagefind's ``mergeIndex``). Articles are
dealt to the bundles in turn, so each holds a like mix and their scores compare. ``make site`` saves the
records during the MkDocs build and indexes them once the MkDocs processes have ended (``RECORDS_VARIABLE``);
a plain ``mkdocs build`` or ``mkdocs serve`` indexes at the end of each language's build.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import parallel, scratch

RECORDS_VARIABLE = "HC_SEARCH_RECORDS"  # set by `helpcentre.cli build`: save records there, index later
# Scratch folders of one build or preview (scratch.claim). Neither prefix may begin the other, nor the names
# earlier versions gave their records (hc-search-records-*, hc-search-*): those have no lock to say whether
# their build still runs, so the sweep must never take them for its own.
RECORDS_PREFIX = "hc-build-records-"
PREVIEW_PREFIX = "hc-preview-records-"
SCRATCH_VARIABLE = "HC_SCRATCH_DIR"  # where the records go instead of /dev/shm (tests/test_build_kill.py)

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
_PROGRAM = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")


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


class SearchIndexError(RuntimeError):
    pass


def bundle_count(articles: int, shard_size: int) -> int:
    return max(1, math.ceil(articles / max(1, shard_size)))


def bundle_dir(lang: str, number: int) -> str:
    """Site-relative folder of a language's bundle ``number`` (1 is the one pages load)."""
    return f"pagefind/{lang}" if number == 1 else f"pagefind/{lang}-{number}"


def bundles(lang: str, articles: int, shard_size: int) -> tuple[str, ...]:
    """Every bundle folder of a language with ``articles`` indexed articles, the loaded one first."""
    return tuple(bundle_dir(lang, n) for n in range(1, bundle_count(articles, shard_size) + 1))


def publish(
    records: Sequence[Record], lang: str, site_dir: Path, shard_size: int, index_digests: dict[str, str] | None
) -> int | None:
    """Make ``records`` searchable: save them for ``make site`` to index once MkDocs has ended (when
    ``RECORDS_VARIABLE`` names a folder), else index them into ``site_dir`` now. A preview passes the digests
    of the indexes it already wrote (``PreviewMemory.index_digests``): an index whose records did not change
    (an edit in the other language) is kept. Returns how many records were indexed now, or None."""
    if saved_for_later := os.environ.get(RECORDS_VARIABLE):
        save(records, lang, Path(saved_for_later), shard_size)
        return None
    current = digest(records, lang) if index_digests is not None else ""
    already = index_digests is not None and index_digests.get(lang) == current
    if already and (site_dir / bundle_dir(lang, 1)).is_dir():
        return None
    count = write(records, lang, site_dir, shard_size)
    if index_digests is not None:
        index_digests[lang] = current
    return count


def scratch_dir() -> Path:
    """Memory-backed space for saved records (13 MB a language at 3,000 articles) where the machine has it:
    they live for one build, and 6,000 small files written to disk sometimes waited on it."""
    if chosen := os.environ.get(SCRATCH_VARIABLE):
        return Path(chosen)
    shm = "/dev/shm"
    return Path(shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else tempfile.gettempdir())


@contextlib.contextmanager
def records_folder(prefix: str = RECORDS_PREFIX) -> Iterator[Path]:
    """A folder for one build's records, claimed (scratch) so that a later build removes it if this one is
    killed: in /dev/shm it would otherwise hold memory until the machine restarts. Records that killed
    builds and previews left are removed first."""
    parent = scratch_dir()
    for stale in (RECORDS_PREFIX, PREVIEW_PREFIX):
        scratch.sweep(parent, stale)
    with scratch.claimed_folder(parent, prefix) as folder:
        yield folder


def save(records: Sequence[Record], lang: str, folder: Path, shard_size: int) -> None:
    """Write ``records`` as files under ``folder/<lang>/<bundle number>/``, dealt to the bundles in turn."""
    count = bundle_count(len(records), shard_size)
    target = folder / lang
    if target.exists():
        shutil.rmtree(target)
    (target / "1").mkdir(parents=True)
    made: set[str] = set()  # one mkdir per folder, not per record: 6,000 of them were a third of the saving
    for index, record in enumerate(records):
        path = os.path.join(target, str(index % count + 1), record.url)
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(record.html)


def index_saved(folder: Path, lang: str, site_dir: Path) -> int:
    """Run Pagefind on each bundle ``save`` wrote for ``lang``, one after the other, into ``site_dir``;
    returns how many records were indexed."""
    saved = folder / lang
    numbers = sorted(int(p.name) for p in saved.iterdir() if p.name.isdigit()) if saved.is_dir() else []
    if not numbers:
        raise SearchIndexError(f"no {lang} search records in {saved}")
    for stale in site_dir.glob(f"pagefind/{lang}-*"):  # bundles of an earlier, larger build (a preview)
        shutil.rmtree(stale)
    indexed = 0
    for number in numbers:
        out_dir = site_dir / bundle_dir(lang, number)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        try:
            _run_pagefind(saved / str(number), lang, out_dir)
        except (OSError, subprocess.SubprocessError, SearchIndexError) as exc:
            raise SearchIndexError(f"Pagefind could not write the {lang} search index: {exc}") from exc
        # The browser loads the program and its WebAssembly once, from the first bundle.
        for name in _UNUSED if number == 1 else (*_UNUSED, *_PROGRAM):
            for path in out_dir.glob(name):
                path.unlink()
        indexed += sum(1 for p in (saved / str(number)).rglob("*.html"))
    return indexed


def write(records: Sequence[Record], lang: str, site_dir: Path, shard_size: int) -> int:
    """Index ``records`` as ``lang`` into ``site_dir`` now (``mkdocs build`` or ``serve`` without the CLI)."""
    with records_folder(PREVIEW_PREFIX) as tmp:
        save(records, lang, tmp, shard_size)
        return index_saved(tmp, lang, site_dir)


def _run_pagefind(site: Path, lang: str, out_dir: Path) -> None:
    # Pagefind's own command on a folder of records, run to its end. Its Python API was tried twice: one
    # record per call costs 0.1 s each (50 s for 500); one folder per call is fast, but closing the API
    # stops the service while it may still be writing, and a file came out cut at 64 KiB (measured:
    # wasm.unknown.pagefind, 1 build in 6 at N=100). The output does not depend on the order files are
    # written or listed (checked: 3,000 records, reversed, under load), and test_release compares bytes.
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out_dir)]
    command += ["--force-language", lang, "--keep-index-url", "--quiet"]
    preexec = parallel.child_dies_with_parent()
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1800, preexec_fn=preexec)
    if done.returncode != 0:
        raise SearchIndexError((done.stderr or done.stdout).strip()[-2000:] or f"exit status {done.returncode}")
