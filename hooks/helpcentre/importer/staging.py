"""All of an import or none of it: ``docs/`` and ``data/`` are rebuilt aside, then swapped in.

Reads the project's ``docs/`` and ``data/`` and the files an import writes and removes. Produces nothing
when no byte would change (a re-import of an unchanged help centre touches no file); otherwise copies both
folders beside them (hard links: only the files the import writes are new files, so the copy is quick and
an untouched file keeps its inode), writes and removes there, then exchanges each copy with its folder in
one ``renameat2`` (``release.sitefolder``, as the site build does). The folders are claimed like the
build's (``release.scratch``): an import killed at any moment before the swap leaves ``docs/`` and
``data/`` as they were, and the next import sweeps what it left. The two exchanges follow each other within
microseconds; only a kill between them could leave the new ``docs/`` beside the old ``data/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpcentre.release import scratch, sitefolder

PREFIX = ".import-zendesk-"
FOLDERS = ("docs", "data")


def changes(root: Path, writes: dict[str, bytes], removes: set[str]) -> list[str]:
    """The paths whose bytes an import would change, sorted."""
    changed = [p for p, data in writes.items() if not (root / p).is_file() or (root / p).read_bytes() != data]
    changed += [p for p in removes if p not in writes and (root / p).exists()]
    return sorted(changed)


def apply(root: Path, writes: dict[str, bytes], removes: set[str]) -> list[str]:
    """Write and remove under ``root`` (paths under docs/ and data/ only), all at once; the paths changed."""
    changed = changes(root, writes, removes)
    if not changed:
        return []
    for path in changed:
        if path.split("/", 1)[0] not in FOLDERS or ".." in path.split("/"):
            raise ValueError(f"{path}: an import writes under docs/ and data/ only")
    scratch.sweep(root, PREFIX)
    held = scratch.claim(root, PREFIX)
    try:
        staged = {}
        for name in FOLDERS:
            staged[name] = root / f"{held.name}-{name}"
            if (root / name).is_dir():
                shutil.copytree(root / name, staged[name], copy_function=os.link, symlinks=True)
            else:
                staged[name].mkdir()
        for path in changed:
            folder, rest = path.split("/", 1)
            target = staged[folder] / rest
            if target.exists() or target.is_symlink():
                target.unlink()  # a hard link to the project's file: never written through
            if path in writes:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(writes[path])
            else:
                _prune(target.parent, staged[folder])
        for name in FOLDERS:
            sitefolder.swap(staged[name], root / name)
    finally:
        for name in FOLDERS:
            shutil.rmtree(root / f"{held.name}-{name}", ignore_errors=True)
        held.release()
    return changed


def _prune(folder: Path, top: Path) -> None:
    """Remove folders left empty by a removal, up to ``top``."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
