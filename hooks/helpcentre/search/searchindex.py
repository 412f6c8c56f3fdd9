"""The search index of each language, written with Pagefind (its binary ships inside the wheel).

Reads what the MkDocs build saved for search (``searchdata``: one entry per article) and produces
``site/pagefind/<lang>/``: a chunked index that only that language's pages load, with French stemming and
diacritic folding, besides the answer and spelling files ``searchdata`` writes. Only articles are indexed,
never generated pages or fallbacks.

Pagefind's indexer holds about 0.16 MB per 300-word article until it ends (480 MB for 3,000), so a large
language is indexed in bundles of at most ``shard_size`` articles, one Pagefind run after the other:
``pagefind/<lang>/`` (the one pages load, with the program and its WebAssembly) and ``pagefind/<lang>-2/``,
... (only their index), which the browser merges into the first (Pagefind's ``mergeIndex``). Articles are
dealt to the bundles in turn, so each holds a like mix and their scores compare. ``make site`` saves the
entries during the MkDocs build and indexes them once the MkDocs processes have ended (``RECORDS_VARIABLE``,
``Indexing``: a language's search data is built from when its MkDocs process ends, and while Pagefind indexes); a plain
``mkdocs build`` or ``mkdocs serve`` indexes at the end of each language's build.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from helpcentre.release import parallel, scratch
from helpcentre.search import searchdata

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
    entries: Iterable[searchdata.SearchEntry],
    plan: searchdata.IndexPlan,
    lang: str,
    site_dir: Path,
    index_digests: dict[str, str] | None,
) -> int | None:
    """Make ``entries`` searchable: save them for ``make site`` to index once MkDocs has ended (when
    ``RECORDS_VARIABLE`` names a folder), else index them into ``site_dir`` now. A preview passes the digests
    of the indexes it already wrote (``PreviewMemory.index_digests``): an index whose entries did not change
    (an edit in the other language) is kept. Returns how many articles were indexed now, or None."""
    if saved_for_later := os.environ.get(RECORDS_VARIABLE):
        searchdata.save(entries, plan, Path(saved_for_later) / lang)
        return None
    with records_folder(PREVIEW_PREFIX) as tmp:
        count, current = searchdata.save(entries, plan, tmp / lang)
        if count == 0:
            raise SearchIndexError(f"no {lang} article to index")
        unchanged = index_digests is not None and index_digests.get(lang) == current
        if unchanged and (site_dir / bundle_dir(lang, 1)).is_dir():
            return None
        indexed = index_saved(tmp, lang, site_dir)
    if index_digests is not None:
        index_digests[lang] = current
    return indexed


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


class Indexing:
    """One build's search indexing, responsible for its order and nothing more. The first language's records
    are written (a thread: Python) from the moment its MkDocs process ends (``start``); Pagefind (its own
    process, 1.4 cores of 2) indexes a language once every MkDocs process has ended and its records are
    written, one language at a time, so its memory is never doubled. Once Pagefind runs, the thread writes
    the next language's records and this one's answer and spelling files (``run``): never while this
    process moves files or starts Pagefind, which a busy Python thread slowed by a second (measured)."""

    def __init__(self, folder: Path, languages: Sequence[str], site_dir: Path):
        self.folder, self.languages, self.site_dir = folder, tuple(languages), site_dir
        self._pool = ThreadPoolExecutor(max_workers=1, initializer=_second_to_pagefind)
        self._records: dict[str, Future] = {}
        self._lock = threading.Lock()

    def start(self, lang: str) -> None:
        """Write ``lang``'s records now, if it is the first language: its MkDocs build has ended. Called from
        any thread."""
        if lang == self.languages[0]:
            self._start(lang)

    def _start(self, lang: str) -> None:
        with self._lock:
            if lang not in self._records:
                self._records[lang] = self._pool.submit(_records, self.folder, lang)

    def run(self) -> Iterator[tuple[str, int]]:
        """Index every language into ``site_dir``, yielding (language, articles indexed) as each ends."""
        rest: list[Future] = []
        for position, lang in enumerate(self.languages):
            self._start(lang)
            self._records[lang].result()

            def launched(lang: str = lang, following: tuple[str, ...] = self.languages[position + 1 :]) -> None:
                for then in following[:1]:
                    self._start(then)
                found = self._records[lang]
                rest.append(self._pool.submit(_answers_and_spelling, self.folder, lang, found, self.site_dir))

            yield lang, _index_prepared(self.folder, lang, self.site_dir, launched)
        for done in rest:
            done.result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)  # after a failure, what has not started never will

    def __enter__(self) -> Indexing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _second_to_pagefind() -> None:
    """The search data's thread gives way to Pagefind on a busy machine (Linux: a thread's own niceness), so
    Pagefind, which every language waits for, runs as fast as when alone; the thread takes what it leaves."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def index_saved(folder: Path, lang: str, site_dir: Path) -> int:
    """Build ``lang``'s search data from what ``folder`` holds and index it into ``site_dir``; returns how many
    articles were indexed. As `make site` does (``Indexing``): the answer and spelling files are written while
    Pagefind indexes (a preview's rebuild after an edit waited for both in turn)."""
    with Indexing(folder, (lang,), site_dir) as indexing:
        return sum(count for _lang, count in indexing.run())


def _records(folder: Path, lang: str) -> list[tuple[str, ...]]:
    saved = folder / lang
    count = searchdata.entry_count(saved) if (saved / searchdata.ENTRIES).is_file() else 0
    if count == 0:
        raise SearchIndexError(f"no {lang} search records in {saved}")
    return searchdata.records(saved, lang, bundle_count(count, searchdata.saved_plan(saved).shard_size))


def _answers_and_spelling(folder: Path, lang: str, found: Future, site_dir: Path) -> None:
    searchdata.answers_and_spelling(folder / lang, lang, site_dir, found.result())


def _index_prepared(folder: Path, lang: str, site_dir: Path, launched: Callable[[], None]) -> int:
    """Run Pagefind on each bundle ``_records`` wrote for ``lang``, one after the other, into ``site_dir``;
    ``launched()`` once the first has started."""
    saved = folder / lang
    numbers = sorted(int(p.name) for p in saved.iterdir() if p.name.isdigit())
    for stale in site_dir.glob(f"pagefind/{lang}-*"):  # bundles of an earlier, larger build (a preview)
        shutil.rmtree(stale)
    indexed = 0
    for number in numbers:
        out_dir = site_dir / bundle_dir(lang, number)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        try:
            _run_pagefind(saved / str(number), lang, out_dir, launched if number == numbers[0] else None)
        except (OSError, subprocess.SubprocessError, SearchIndexError) as exc:
            raise SearchIndexError(f"Pagefind could not write the {lang} search index: {exc}") from exc
        # The browser loads the program and its WebAssembly once, from the first bundle.
        for name in _UNUSED if number == 1 else (*_UNUSED, *_PROGRAM):
            for path in out_dir.glob(name):
                path.unlink()
        indexed += sum(1 for p in (saved / str(number)).rglob("*.html"))
    return indexed


def _run_pagefind(site: Path, lang: str, out_dir: Path, launched: Callable[[], None] | None = None) -> None:
    # Pagefind's own command on a folder of records, run to its end. Its Python API was tried twice: one
    # record per call costs 0.1 s each (50 s for 500); one folder per call is fast, but closing the API
    # stops the service while it may still be writing, and a file came out cut at 64 KiB (measured:
    # wasm.unknown.pagefind, 1 build in 6 at N=100). The output does not depend on the order files are
    # written or listed (checked: 3,000 records, reversed, under load), and test_release compares bytes.
    command = [*_pagefind(), "--site", str(site), "--output-path", str(out_dir)]
    command += ["--force-language", lang, "--keep-index-url", "--quiet"]
    preexec = parallel.child_dies_with_parent()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec
    ) as process:
        if launched is not None:
            launched()
        try:
            stdout, stderr = process.communicate(timeout=1800)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    if process.returncode != 0:
        raise SearchIndexError((stderr or stdout).strip()[-2000:] or f"exit status {process.returncode}")


@functools.cache
def _pagefind() -> tuple[str, ...]:
    """The binary ``pagefind[bin]`` ships, run directly: ``python -m pagefind`` starts Python only to find and
    exec it (0.05 s a bundle). The module is the fallback, should the binary live elsewhere."""
    try:
        from pagefind_bin import get_executable

        return (str(get_executable().resolve()),)
    except (ImportError, OSError):
        return (sys.executable, "-m", "pagefind")
