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
from playwright.sync_api import sync_playwright

from browser import Server, free_port, launch

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


def run_cli(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def build(root: Path, out: Path, site_url: str | None = None) -> Built:
    env = {"SITE_URL": site_url} if site_url else {}
    return Built(root, out, run_cli(root, "build", "--site-dir", str(out), env=env))


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
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_port) -> Built:
    """The real help centre, built once into a temporary folder, for the address the browser tests
    serve it at (so its absolute addresses, canonical and alternates, point at the test server)."""
    built = build(REPO, tmp_path_factory.mktemp("real") / "site", site_url=f"http://127.0.0.1:{site_port}/")
    assert built.ok, built.output
    return built


@pytest.fixture(scope="session")
def served(site, site_port):
    with Server(site.out, port=site_port) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A browser page that records what a reader would never want to see."""

    page: object
    errors: list
    failed: list
    dialogs: list


@pytest.fixture
def tab(chromium):
    context = chromium.new_context()
    page = context.new_page()
    recorded = Tab(page, [], [], [])
    page.on("console", lambda m: recorded.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: recorded.errors.append(str(e)))
    page.on("requestfailed", lambda r: recorded.failed.append(r.url))
    page.on("response", lambda r: recorded.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def on_dialog(dialog):
        recorded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield recorded
    context.close()


@pytest.fixture
def make_site(tmp_path):
    def _make(case: str | None = None) -> Built:
        root = assemble(tmp_path / "project", case)
        return build(root, root / "site")

    return _make
