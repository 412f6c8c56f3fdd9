"""All of an import or none of it: ``docs/`` and ``data/`` are rebuilt aside, then swapped in, journaled.

Reads the project's ``docs/`` and ``data/`` and the files an import writes and removes. Produces nothing
when no byte would change (a re-import of an unchanged help centre touches no file); otherwise copies both
folders beside them (hard links: only the files the import writes are new files, so the copy is quick and
an untouched file keeps its inode), writes and removes there, then exchanges each copy with its folder in
one ``renameat2`` (``release.sitefolder``, as the site build does). The folders are claimed like the
build's (``release.scratch``): an import killed before the swap leaves ``docs/`` and ``data/`` as they were,
and the next import sweeps what it left.

Two folders cannot be exchanged in one step, so the swap is journaled: before the first exchange the import
writes ``<claim>-swap.json`` (each folder's identity, old and new, written whole by a rename) and keeps the
old folders until both are in; only then it removes the journal, then the old folders. An import killed
between the two exchanges leaves a journal whose claim is dead: ``recover`` (run by every command of
``helpcentre.cli`` before it reads anything, and by the next import) exchanges back what was swapped, so
``docs/`` and ``data/`` are again both as they were. Messages are values: ``recover`` returns what it did.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from helpcentre.release import scratch, sitefolder

PREFIX = ".import-zendesk-"
FOLDERS = ("docs", "data")
JOURNAL = "-swap.json"


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
    recover(root)
    scratch.sweep(root, PREFIX)
    held = scratch.claim(root, PREFIX)
    journal = root / f"{held.name}{JOURNAL}"
    try:
        staged = _stage(root, held.name, changed, writes)
        entries = {name: {"old": _identity(root / name), "new": _identity(staged[name])} for name in FOLDERS}
        written = journal.with_name(journal.name + ".part")
        written.write_text(json.dumps(entries), encoding="utf-8")
        written.rename(journal)  # the journal exists whole or not at all
        try:
            for name in FOLDERS:
                _put_in(staged[name], root / name)
        except OSError:
            _roll_back(root, held.name, entries)
            journal.unlink()
            raise
        journal.unlink()
    finally:
        if not journal.exists():  # settled: what lies aside is the old folders or an unused copy
            for path in root.glob(f"{held.name}-*"):
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()
        held.release()
    return changed


def recover(root: Path) -> list[str]:
    """``docs/`` and ``data/`` as they were before an import killed while swapping them in; what was put back."""
    done = []
    for journal in sorted(root.glob(f"{PREFIX}*{JOURNAL}*")):
        name = journal.name.removesuffix(".part").removesuffix(JOURNAL)
        with scratch.if_gone(root, PREFIX, name.removeprefix(PREFIX)) as gone:
            if not gone or not journal.exists():
                continue  # that import is running, or another command (a parallel build) got there first
            if journal.name.endswith(JOURNAL):
                try:
                    entries = json.loads(journal.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    done.append(f"{journal.name}: cannot read it ({exc}); compare docs/ and data/ with git")
                    continue
                put_back = _roll_back(root, name, entries)
                if put_back:
                    done.append(f"make import-zendesk was killed while swapping {' and '.join(FOLDERS)} in:"
                                f" {' and '.join(put_back)} put back as before it")  # fmt: skip
            journal.unlink(missing_ok=True)
    if done:
        scratch.sweep(root, PREFIX)  # the copies left aside
    return done


def _stage(root: Path, name: str, changed: list[str], writes: dict[str, bytes]) -> dict[str, Path]:
    staged = {}
    for folder in FOLDERS:
        staged[folder] = root / f"{name}-{folder}"
        if (root / folder).is_dir():
            shutil.copytree(root / folder, staged[folder], copy_function=os.link, symlinks=True)
        else:
            staged[folder].mkdir()
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
    return staged


def _identity(path: Path) -> list[int] | None:
    try:
        found = path.lstat()
    except FileNotFoundError:
        return None
    return [found.st_dev, found.st_ino]


def _put_in(staged: Path, here: Path) -> None:
    """``staged`` in place of ``here``; the old folder ends at ``staged``'s name (or ``-old`` after it)."""
    if not here.exists():
        staged.rename(here)
    elif not sitefolder.exchange(staged, here):
        here.rename(staged.with_name(staged.name + "-old"))
        staged.rename(here)


def _roll_back(root: Path, name: str, entries: dict) -> list[str]:
    """Each folder the journal ``entries`` says was swapped in, exchanged back; the folders put back."""
    put_back = []
    for folder in FOLDERS:
        ids, here = entries.get(folder) or {}, root / folder
        if _identity(here) != ids.get("new") and here.exists():
            continue  # never swapped
        aside = [root / f"{name}-{folder}", root / f"{name}-{folder}-old"]
        old = next((p for p in aside if ids.get("old") and _identity(p) == ids["old"]), None)
        if old is not None and here.exists():
            sitefolder.swap(old, here)  # the new folder ends at the old one's name and is removed
        elif old is not None:
            old.rename(here)
        elif ids.get("old") is None and here.exists():
            here.rename(aside[0])  # there was no such folder: the new one goes with the claim's leftovers
        else:
            continue
        put_back.append(f"{folder}/")
    return put_back


def _prune(folder: Path, top: Path) -> None:
    """Remove folders left empty by a removal, up to ``top``."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
