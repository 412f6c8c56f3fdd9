"""Fixtures that build sites into temporary folders and hand back parsed HTML.

``site`` builds the real repository once per session. ``make_site`` (in a test) and ``new_site`` (for a
fixture of wider scope) are one factory: a small project from the real configuration, hooks, overrides and
data, the pages of ``tests/sites/_base`` (or the real ``docs/``), the files of one case folder under
``tests/sites/`` (a case's ``remove.txt`` lists base files to drop) and any files given as bytes, built
unless asked not to. Configuration overrides are data: the project's ``mkdocs.yml`` then inherits the real
one (MkDocs' ``INHERIT``, merged key by key) and holds only the overrides.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from helpcentre.core import languages
from helpcentre.editor import admin

from browser import Server, free_port, launch, record

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
BASE = SITES / "_base"
CASE_META = {"expected.txt", "check.txt", "remove.txt", "README.md"}
PROJECT = ("mkdocs.yml", "hooks", "overrides", "data")  # what every test project takes from the repository

# Where each language's pages are, and the pages the tests look at most.
LANGS = {
    lang: languages.of(REPO).site_path(lang, "index.md").removesuffix("index.html") for lang in languages.of(REPO).codes
}
ARTICLE = "connected-store/refund-payment-method.html"  # article 1001: which payment method is refunded
BATTERY = "keys-and-locking/key-battery.html"  # article 3002: how to replace the key's battery
PAGES = {"home": "index.html", "category": "my-account/index.html", "article": ARTICLE}


@dataclass
class Site:
    """A project and the site folder it builds into; after ``build``, what the build printed."""

    root: Path  # the project
    out: Path  # its site folder
    result: subprocess.CompletedProcess | None = None

    def cli(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return run_cli(self.root, *args, env=env)

    def build(self, site_url: str | None = None, env: dict | None = None) -> Site:
        env = {**({"SITE_URL": site_url} if site_url else {}), **(env or {})}
        self.result = self.cli("build", "--site-dir", str(self.out), env=env)
        return self

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / path).read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[str]:
        """The reader pages: every HTML file but the web editor's (``admin/``, added by a release)."""
        found = (p.relative_to(self.out).as_posix() for p in self.out.rglob("*.html"))
        return sorted(rel for rel in found if rel.split("/")[0] not in admin.APART)

    def resolve(self, page: str, href: str) -> str:
        """The site path a relative link on ``page`` points at (no fragment)."""
        target = href.split("#")[0] or PurePosixPath(page).name
        return os.path.normpath(str(PurePosixPath(page).parent / target)).replace("\\", "/")


# The suite runs on GitHub too: a fixture site's problems must reach neither the job's notes nor its summary
# (a test that wants them passes these variables itself).
GITHUB_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_BASE_REF", "HC_BASE_REF")


def run_cli(
    root: Path, *args: str, env: dict | None = None, python: str = sys.executable, wrapper: tuple | list = ()
) -> subprocess.CompletedProcess:
    """``helpcentre.cli`` on the project at ``root``, run by ``wrapper`` when given (strace, to watch it)."""
    inherited = {name: value for name, value in os.environ.items() if name not in GITHUB_VARIABLES}
    env = {**inherited, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [*wrapper, python, "-m", "helpcentre.cli", "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def new_site(
    dest: Path,
    case: str | None = None,
    *,
    config: dict | None = None,
    files: dict[str, bytes] | None = None,
    real_content: bool = False,
    build: bool = True,
) -> Site:
    """A small project in ``dest``: real configuration and code; the fixture pages, or ``real_content``
    (the real ``docs/``); then the ``case`` folder, then ``files`` (path in the project: bytes). ``config``
    is merged into the real ``mkdocs.yml``. Built into ``dest/site`` when ``build``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (*PROJECT, "docs") if real_content else PROJECT:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    for layer in ([] if real_content else [BASE]) + ([SITES / case] if case else []):
        _lay(layer, dest)
    for rel, raw in (files or {}).items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_bytes(raw)
    if config:
        inherit = "INHERIT: " + json.dumps(str(REPO / "mkdocs.yml")) + "\n"
        (dest / "mkdocs.yml").write_text(inherit + yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = Site(dest, dest / "site")
    return site.build() if build else site


def _lay(layer: Path, dest: Path) -> None:
    """Copies the files of ``layer`` (but its notes) over ``dest``, then drops those its remove.txt lists."""
    for src in layer.rglob("*"):
        rel = src.relative_to(layer)
        if src.is_file() and rel.as_posix() not in CASE_META:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    remove = layer / "remove.txt"
    if remove.exists():
        for line in remove.read_text().split():
            (dest / line).unlink()


@pytest.fixture
def make_site(tmp_path):
    """``new_site`` in this test's temporary folder."""

    def make(case: str | None = None, **options) -> Site:
        return new_site(tmp_path / "project", case, **options)

    return make


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_port) -> Site:
    """The real help centre, built once into a temporary folder, for the address the browser tests
    serve it at (so its absolute addresses, canonical and alternates, point at the test server)."""
    built = Site(REPO, tmp_path_factory.mktemp("real") / "site").build(site_url=f"http://127.0.0.1:{site_port}/")
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


@pytest.fixture
def tab(chromium):
    context = chromium.new_context()
    yield record(context.new_page())
    context.close()
