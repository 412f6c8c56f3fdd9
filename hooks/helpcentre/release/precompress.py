"""Precompressed copies of a released site's files, for hosts that serve them as they are.

Reads every file of a built site folder and writes ``<file>.gz`` (gzip, level 9) and ``<file>.br`` (Brotli,
quality 11, from the ``brotli`` package) beside it, each only where it pays: a form is kept when it is at
most ``KEEP_RATIO`` of the original's size. Pagefind's index and WebAssembly are already compressed and
images are too, so they get none (measured on the help centre: 0.99 to 1.08 of their size). The bytes
depend only on the file's bytes (no time, no name in the gzip header), so two releases of one commit are
identical. nginx serves them with ``gzip_static`` and ``brotli_static`` (hosts.py). Files a release names as
``leave`` (the web editor's chunks loaded only when a writer needs them) are sent as they are.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

KEEP_RATIO = 0.9  # a form that saves less than a tenth is not worth a second file and a lookup
ENCODINGS = (".gz", ".br")
NOT_SERVED = {"_headers", "_redirects"}  # read by the host, never sent to a reader
# Compressed already (screenshots, fonts): gzip or Brotli would only spend time finding nothing to save.
ALREADY_COMPRESSED = {".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".woff2"}


@dataclass(frozen=True)
class Compressed:
    files: int  # files looked at
    written: int  # .gz and .br files written
    original_bytes: int
    smallest_bytes: int  # what the files weigh when each is sent in its smallest form


def forms(data: bytes) -> dict[str, bytes]:
    """The compressed forms of ``data`` worth keeping, by suffix."""
    candidates = {
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
        ".br": brotli.compress(data, quality=11),
    }
    return {suffix: body for suffix, body in candidates.items() if len(body) <= KEEP_RATIO * len(data)}


def _compress(path: Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    kept = forms(data)
    for suffix, body in kept.items():
        path.with_name(path.name + suffix).write_bytes(body)
    smallest = min([len(data), *(len(body) for body in kept.values())])
    return len(kept), len(data), smallest


def compress_site(site: Path, jobs: int = 0, leave: frozenset[str] = frozenset()) -> Compressed:
    """Write the paying forms of every file of ``site`` but those of ``leave`` (paths in the site; MkDocs' own
    ``sitemap.xml.gz`` is rewritten as the gzip of the final ``sitemap.xml``); returns what was done. zlib and
    Brotli release the GIL while they work, so ``jobs`` threads use that many cores."""
    paths = sorted(
        p
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix not in ENCODINGS
        and p.suffix not in ALREADY_COMPRESSED
        and p.name not in NOT_SERVED
        and p.relative_to(site).as_posix() not in leave
    )
    with ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1)) as pool:
        results = list(pool.map(_compress, paths))
    return Compressed(
        files=len(paths),
        written=sum(r[0] for r in results),
        original_bytes=sum(r[1] for r in results),
        smallest_bytes=sum(r[2] for r in results),
    )
