"""Fixtures that build sites into temporary folders and hand back parsed HTML.

``site`` builds the real repository once per session. ``make_site`` assembles a small site in
``tmp_path`` from the real configuration, hooks, overrides and data, the pages of ``tests/sites/_base``
and the files of one case folder under ``tests/sites/`` (a case's ``remove.txt`` lists base files to drop).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
CASE_META = {"expected.txt", "check.txt", "remove.txt", "README.md"}


@dataclass
class Built:
    root: Path  # the project that was built
    out: Path  # its site folder
    result: subprocess.CompletedProcess

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / path).read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.out).as_posix() for p in self.out.rglob("*.html"))

    def resolve(self, page: str, href: str) -> str:
        """The site path a relative link on ``page`` points at (no fragment)."""
        target = href.split("#")[0] or PurePosixPath(page).name
        return os.path.normpath(str(PurePosixPath(page).parent / target)).replace("\\", "/")


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def build(root: Path, out: Path) -> Built:
    return Built(root, out, run_cli(root, "build", "--site-dir", str(out)))


def assemble(dest: Path, case: str | None = None, base: str = "_base") -> Path:
    """A small project in ``dest``: real config and code, fixture content."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks", "overrides", "data"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    layers = [SITES / base] + ([SITES / case] if case else [])
    for layer in layers:
        for src in layer.rglob("*"):
            rel = src.relative_to(layer)
            if src.is_file() and rel.as_posix() not in CASE_META:
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / rel)
        remove = layer / "remove.txt"
        if remove.exists():
            for line in remove.read_text().split():
                (dest / line).unlink()
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    """The real help centre, built once into a temporary folder."""
    built = build(REPO, tmp_path_factory.mktemp("real") / "site")
    assert built.ok, built.output
    return built


@pytest.fixture
def make_site(tmp_path):
    def _make(case: str | None = None) -> Built:
        root = assemble(tmp_path / "project", case)
        return build(root, root / "site")

    return _make
