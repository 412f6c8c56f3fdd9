"""What earlier builds learnt of each screenshot's file, kept in the image cache so that a build with a warm
cache reads no image: its format, size in pixels and digest (``files.ImageFile``), or why it was refused.

Reads and writes ``inspected.json`` in the image cache folder; fills and reads ``files``' per-process table.
An entry holds for a path while the file's size and modification time stay the same, as ``make`` judges a
file unchanged; a change of the inspection's own limits makes every entry stale. Both languages' processes
write: each, holding a lock, merges what is on disk with what it learnt and renames its copy into place.
Cost: one JSON file read and written a build, about 150 bytes an image.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path

from helpcentre.images import files

NAME = "inspected.json"
# Whatever changes an inspection's outcome: a change here makes every entry stale.
VERSION = f"1 {files.MAX_BYTES} {files.MAX_SIDE} {files.MAX_PIXELS} {sorted(files.FORMATS.items())}"
_opened_before = [0]  # files.opened() when the entries were loaded


def remember(cache: Path) -> None:
    """Fill ``files``' table with the entries kept in ``cache`` (none when absent, unreadable or stale)."""
    entries = _read(cache / NAME)
    _opened_before[0] = files.opened()
    for path, (size, mtime, image, refused) in entries.items():
        files.known(path, size, mtime, files.ImageFile(*image) if image else None, refused)


def keep(cache: Path) -> None:
    """Write what this process inspected, merged with the entries on disk, when it learnt something new."""
    if files.opened() == _opened_before[0]:
        return  # every file was known: a warm build writes nothing (9,000 entries at 3,000 answers)
    learnt = {
        path: [size, mtime, list(vars(image).values()) if image else None, refused]
        for (path, size, mtime), (image, refused) in files.inspected().items()
    }
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # One process at a time reads, merges and replaces: make site's French process inspects only the files
        # French answers show, so the English one's entries, renamed into place a moment earlier, would be lost.
        with open(cache / f"{NAME}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            _write(cache, {**_read(cache / NAME), **learnt})
    except OSError:
        pass  # a read-only or full cache: the next build inspects again


def _write(cache: Path, merged: dict[str, list]) -> None:
    handle, partial = tempfile.mkstemp(prefix=".inspected-", dir=cache)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": VERSION, "files": merged}, out, separators=(",", ":"))
        os.replace(partial, cache / NAME)
    except OSError:
        Path(partial).unlink(missing_ok=True)
        raise


def _read(path: Path) -> dict[str, list]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("version") != VERSION or not isinstance(kept.get("files"), dict):
        return {}
    return {path: entry for path, entry in kept["files"].items() if _well_formed(entry)}


def _well_formed(entry: object) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 4
        and all(isinstance(n, int) for n in entry[:2])
        and (entry[2] is None or (isinstance(entry[2], list) and len(entry[2]) == 5))
        and (entry[3] is None or isinstance(entry[3], str))
        and (entry[2] is None) != (entry[3] is None)
    )
