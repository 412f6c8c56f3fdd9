"""Scratch folders of one build, and the sweep that removes those of builds no longer running.

A build claims a name before it makes any folder: ``<prefix><token>.lock``, a file it holds an exclusive
``fcntl.flock`` on for as long as it runs; its folders are ``<prefix><token>`` and
``<prefix><token>-<anything>``. The kernel drops the lock when the process ends, however it ends (SIGKILL
included), so ``sweep`` knows a dead build's leftovers without guessing from ages or process ids: it takes
the lock itself, removes the folders, then the lock file. A build still running keeps its lock, and the
sweep leaves its folders alone. Used for the staging folders beside ``site/`` (cli) and for the search
records in ``/dev/shm`` (searchindex), which would otherwise stay in memory until the machine restarts.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Claim:
    """A build's hold on ``<parent>/<prefix><token>``: ``folder()`` names its folders; keep it open while they
    exist, ``release()`` when they are gone."""

    parent: Path
    prefix: str
    token: str
    fd: int

    @property
    def name(self) -> str:
        return f"{self.prefix}{self.token}"

    @property
    def lock(self) -> Path:
        return self.parent / (self.name + LOCK_SUFFIX)

    def folder(self, suffix: str = "") -> Path:
        """A new folder of this build, ``<prefix><token><suffix>``."""
        path = self.parent / (self.name + suffix)
        path.mkdir()
        return path

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.lock.unlink()
        os.close(self.fd)


def claim(parent: Path, prefix: str) -> Claim:
    """A fresh token under ``parent``, locked before any folder of it exists."""
    parent.mkdir(parents=True, exist_ok=True)
    while True:
        token = secrets.token_hex(4)
        lock = parent / f"{prefix}{token}{LOCK_SUFFIX}"
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)
        # A sweep may have taken the lock between our open and flock and removed the file: start again.
        if os.fstat(fd).st_nlink:
            return Claim(parent, prefix, token, fd)
        os.close(fd)


@contextlib.contextmanager
def claimed_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A folder of a claimed name for the duration of the block, removed with its claim at the end."""
    held = claim(parent, prefix)
    try:
        folder = held.folder()
        yield folder
    finally:
        shutil.rmtree(held.parent / held.name, ignore_errors=True)
        held.release()


@contextlib.contextmanager
def if_gone(parent: Path, prefix: str, token: str) -> Iterator[bool]:
    """Whether the build that claimed ``token`` no longer runs; when so, its lock is held for the block (a lock
    file made for the block if the build had let go of its own: two sweepers never work on one token)."""
    lock = parent / f"{prefix}{token}{LOCK_SUFFIX}"
    try:
        fd = os.open(lock, os.O_RDWR)
        made = False
    except FileNotFoundError:
        fd, made = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600), True
    except OSError:
        yield False  # not ours to judge (another user's lock)
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False  # that build is running, or another sweeper holds it
            return
        yield True
        if made:
            lock.unlink(missing_ok=True)
    finally:
        os.close(fd)


def _token(name: str, prefix: str) -> str:
    rest = name[len(prefix) :]
    return rest.removesuffix(LOCK_SUFFIX).split("-", 1)[0]


def sweep(parent: Path, prefix: str) -> list[str]:
    """Remove what builds that no longer run left under ``parent`` with ``prefix``; returns the names
    removed."""
    if not parent.is_dir():
        return []
    entries: dict[str, list[Path]] = {}
    for path in parent.iterdir():
        if path.name.startswith(prefix):
            entries.setdefault(_token(path.name, prefix), []).append(path)
    removed = []
    for token, paths in sorted(entries.items()):
        lock = parent / f"{prefix}{token}{LOCK_SUFFIX}"
        try:
            fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:
            fd = None  # a build claims before it makes a folder and lets go after removing it: nobody owns them
        except OSError:
            continue  # not ours to judge (another user's lock)
        try:
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # that build is running
            for path in sorted(paths):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path.name)
            if fd is not None:
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                removed.append(lock.name)
        finally:
            if fd is not None:
                os.close(fd)
    return removed
