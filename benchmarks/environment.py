"""Where a run happens and what it measures: the machine, the versions, the site code and its commit.

Reads /proc (CPU, memory), the installed packages' versions, Chromium's version, and the repository: its
git state, and its site code (``mkdocs.yml``, ``hooks/``, ``overrides/``, ``data/``, ``docs/`` less the
articles) from the working tree or from a commit (`git archive`, nothing checked out). Produces the
``machine``, ``versions`` and ``git`` entries of ``results.json`` and a copy of the site code in a folder,
which every size of the run then builds.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

from . import browser
from .settings import BenchError
from .vocabulary import LANGUAGES

REPO = Path(__file__).resolve().parents[1]
SITE_CODE = ("mkdocs.yml", "hooks", "overrides", "data", "docs")
WORKING_TREE = "working tree"


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> dict:
    cpuinfo = _read("/proc/cpuinfo").splitlines()
    meminfo = _read("/proc/meminfo").splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "")
    memory_kb = int(next((line.split()[1] for line in meminfo if line.startswith("MemTotal")), "0"))
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory_mb": memory_kb // 1024,
        "platform": sys.platform,
        "kernel": os.uname().release,
        "python": sys.version.split()[0],
        "niceness": os.nice(0),  # negative: the benchmark ran ahead of other work on the machine
    }


PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "pagefind",
    "pagefind_bin",
    "playwright",
)


def versions(with_browser: bool) -> dict:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    if with_browser:
        found["chromium"] = browser.chromium_version()
    return found


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=False)


def git_state(code_from: str) -> dict:
    if code_from != WORKING_TREE:
        return {"commit": code_from, "site_code_changed": False, "code_from": code_from}
    changed = _git("status", "--porcelain", "--", *SITE_CODE[:-1]).stdout.strip()
    commit = _git("rev-parse", "HEAD").stdout.decode().strip()
    return {"commit": commit, "site_code_changed": bool(changed), "code_from": WORKING_TREE}


def export_code(rev: str, dest: Path) -> tuple[Path, str]:
    """The site's code and configuration as committed in ``rev`` (read with `git archive`, nothing checked out)."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    if commit.returncode != 0:
        raise BenchError(f"--code-from {rev}: not a commit of this repository")
    sha = commit.stdout.decode().strip()
    archive = _git("archive", "--format=tar", sha, "--", *SITE_CODE)
    if archive.returncode != 0:
        raise BenchError(f"git archive {sha} failed: {archive.stderr.decode()[-500:]}")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest, sha


def snapshot_code(dest: Path) -> Path:
    """The working tree's site code, copied once so that every size builds the same code."""
    for name in SITE_CODE:
        src = REPO / name
        if src.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", *(LANGUAGES if name == "docs" else ()))
            shutil.copytree(src, dest / name, ignore=ignore, dirs_exist_ok=True)
        elif src.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest
