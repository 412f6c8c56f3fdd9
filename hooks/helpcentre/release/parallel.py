"""Build the languages side by side: one MkDocs process per language, then one folder.

Reads the MkDocs command line to run and the languages in static-i18n's build order (default first);
produces the same ``site/``, byte for byte, as static-i18n's sequential build in one process
(tests/test_release compares them). Each process builds into a folder of its own, because MkDocs empties
its output folder when it starts; the folders are then laid over the default language's in build order,
so a file two builds both write (the theme's assets, the root sitemap) ends as the later build left it,
as it does in one process. ``hooks/one_language.py`` makes each process build only its language.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

LANGUAGE_VARIABLE = "HC_BUILD_LANGUAGE"  # read by hooks/one_language.py; `make serve ONLY=fr` sets it too
# Set for each process: the checks of each article run in its own language's process only (they are a
# fifth of a process's time at 3,000 articles), the checks of the whole in each; each process prints its
# problems and the lines both print come out once. The build fails if any process fails.
CHECKED_LANGUAGE_VARIABLE = "HC_CHECKED_LANGUAGE"
JOBS_VARIABLE = "HC_BUILD_JOBS"
_PR_SET_PDEATHSIG = 1
try:
    _prctl = ctypes.CDLL(None, use_errno=True).prctl  # loaded now: a child between fork and exec loads nothing
except (OSError, AttributeError):
    _prctl = None


@dataclass(frozen=True)
class Outcome:
    lang: str
    ok: bool
    output: str


def jobs() -> int:
    """Processes to run at once: ``HC_BUILD_JOBS`` if set, else the cores this process may use."""
    if value := os.environ.get(JOBS_VARIABLE, "").strip():
        return max(1, int(value)) if value.isdigit() else 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def child_dies_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that has the kernel kill the child when this process dies (Linux), so a killed build
    leaves no MkDocs or Pagefind still writing into a staging folder the next build removes."""
    if _prctl is None:
        return None
    parent = os.getpid()

    def preexec() -> None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above
            os.kill(os.getpid(), signal.SIGKILL)

    return preexec


def build(
    command: Callable[[Path], list[str]],
    site_dir: Path,
    languages: Sequence[str],
    env: dict[str, str],
    cwd: Path,
    max_jobs: int,
    built: Callable[[str], None] | None = None,
) -> bool:
    """Build into ``site_dir`` (empty or absent); ``command(folder)`` is MkDocs' command writing there.
    ``built(lang)`` is called as soon as a language's own process has ended well (from its thread).

    One job, or one language: the plain sequential build, output passed straight through."""
    if max_jobs < 2 or len(languages) < 2:
        done = subprocess.run(command(site_dir), cwd=cwd, env=env, check=False, preexec_fn=child_dies_with_parent())
        return done.returncode == 0
    folders = [site_dir] + [
        Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-{lang}-", dir=site_dir.parent)) for lang in languages[1:]
    ]
    try:
        with ThreadPoolExecutor(max_workers=min(max_jobs, len(languages))) as pool:
            outcomes = list(
                pool.map(
                    lambda lang, folder: _run(lang, command(folder), _env(env, lang), cwd, built),
                    languages,
                    folders,
                )
            )
        _print(outcomes)
        if not all(outcome.ok for outcome in outcomes):
            return False
        for folder in folders[1:]:
            overlay(folder, site_dir)
        return True
    finally:
        for folder in folders[1:]:
            shutil.rmtree(folder, ignore_errors=True)


def _env(env: dict[str, str], lang: str) -> dict[str, str]:
    return {**env, LANGUAGE_VARIABLE: lang, CHECKED_LANGUAGE_VARIABLE: lang}


def checked_language() -> str | None:
    """The language whose articles this process checks, when it is one of a parallel build (else all)."""
    return os.environ.get(CHECKED_LANGUAGE_VARIABLE) or None


def speaks_for_build(lang: str, default: str) -> bool:
    """Whether the build of ``lang`` in this process prints the content's problems: each process of a
    parallel build (each checks its own articles), else the first language it builds (``LANGUAGE_VARIABLE``'s,
    else the default), for all."""
    return checked_language() is not None or lang == (os.environ.get(LANGUAGE_VARIABLE) or default)


def _run(lang: str, command: list[str], env: dict[str, str], cwd: Path, built: Callable[[str], None] | None) -> Outcome:
    done = subprocess.run(
        command, cwd=cwd, env=env, check=False, capture_output=True, text=True, preexec_fn=child_dies_with_parent()
    )
    if done.returncode == 0 and built is not None:
        built(lang)
    return Outcome(lang, done.returncode == 0, done.stdout + done.stderr)


def _print(outcomes: list[Outcome]) -> None:
    """Each build's messages in build order; a line another build already printed (the same content
    error seen by both languages) is printed once."""
    seen: set[str] = set()
    for outcome in outcomes:
        for line in outcome.output.splitlines():
            if line not in seen:
                seen.add(line)
                print(line, file=sys.stderr)


def overlay(source: Path, target: Path) -> None:
    """Move every file of ``source`` into the same place under ``target``, replacing what is there. A folder
    ``target`` lacks is moved whole, in one rename (a language's own folder of pages: thousands of files)."""
    if not os.path.lexists(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(source, target)
        return
    for folder, dirs, files in os.walk(source):
        destination = target / Path(folder).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(Path(folder) / name, destination / name)
        absent = [name for name in dirs if not os.path.lexists(destination / name)]
        for name in absent:
            os.rename(Path(folder) / name, destination / name)
        dirs[:] = [name for name in dirs if name not in absent]
