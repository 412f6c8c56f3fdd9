"""The project's git history, read only: what a file said at a commit, which commits touched some paths,
which files differ from a base, and whether the history is all there (a shallow clone is not).

Runs ``git`` in the project folder and produces plain values; ``None`` where git has no answer (no
repository, an unknown commit), never an exception.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # the committer's date, YYYY-MM-DD

    @property
    def short(self) -> str:
        return self.sha[:7]


def git(root: Path, *args: str) -> str | None:
    """git's output, or None when it fails (not a repository, an unknown revision)."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError:  # no git installed
        return None
    return done.stdout if done.returncode == 0 else None


def is_repository(root: Path) -> bool:
    return git(root, "rev-parse", "--git-dir") is not None


def is_shallow(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def commits_touching(root: Path, paths: list[str]) -> list[Commit]:
    """The commits of HEAD's history that changed any of ``paths``, newest first."""
    out = git(root, "log", "--format=%H %cs", "HEAD", "--", *paths) or ""
    return [Commit(*line.split(" ", 1)) for line in out.splitlines() if " " in line]


def file_at(root: Path, commit: str, path: str) -> str | None:
    """``path`` (relative to the project) as it was at ``commit``; None when it did not exist."""
    prefix = (git(root, "rev-parse", "--show-prefix") or "").strip()
    return git(root, "show", f"{commit}:{prefix}{path}")


def changes_since(root: Path, base: str) -> list[tuple[str, str]] | None:
    """(A, M or D, path relative to the project) for every file that differs between the merge base of
    ``base`` and HEAD and the working tree, untracked files included as added; None when git cannot find
    ``base`` or the merge base (a shallow clone, a branch never fetched)."""
    merge_base = (git(root, "merge-base", base, "HEAD") or "").strip()
    if not merge_base:
        return None
    out = git(root, "diff", "--name-status", "--no-renames", "--relative", merge_base)
    if out is None:
        return None
    found = [(line[0], line.split("\t", 1)[1]) for line in out.splitlines() if "\t" in line]
    untracked = git(root, "ls-files", "--others", "--exclude-standard") or ""
    return found + [("A", path) for path in untracked.splitlines() if path]
