"""The built help centre that `make bench-search` queries: building it, and which article each address shows.

Reads the repository (``python -m helpcentre.cli build --site-dir``, as `make site` builds, into a folder of the
caller's) and then the built article pages: each has one ``[data-article-id]`` and its language on ``<html lang>``.
Produces ``Article`` values keyed by the page's path inside the site; ``site_path`` and ``article_at`` name the
article a result link (an absolute URL on the served site) points at.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from helpcentre.core import languages

REPO = Path(__file__).resolve().parents[1]
OURS = languages.of(REPO)  # the project's languages, the default first
BUILD_TIMEOUT_S = 600


class SiteError(RuntimeError):
    pass


@dataclass(frozen=True)
class Article:
    id: int
    lang: str


def build(out: Path, site_url: str | None = None, root: Path = REPO) -> None:
    """Build the site of ``root`` into ``out`` (strict, as `make site`); stop with the build's output if it fails."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    done = subprocess.run(
        [sys.executable, "-m", "helpcentre.cli", "--root", str(root), "build", "--site-dir", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise SiteError(f"the site did not build (exit {done.returncode}):\n{done.stdout}{done.stderr}")


def home_path(lang: str) -> str:
    """The home page of ``lang``, relative to the site root (the default language lives at the root)."""
    return OURS.site_path(lang, "index.md")


def articles(site: Path) -> dict[str, Article]:
    """Every article page of the built ``site``: its path inside the site (``fr/x/y.html``) -> article."""
    found: dict[str, Article] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-article-id" not in text:
            continue
        soup = BeautifulSoup(text, "html.parser")
        marked = soup.select("[data-article-id]")
        if len(marked) != 1:
            continue  # a list of several articles, not an article page
        lang = soup.html.get("lang", OURS.default) if soup.html else OURS.default
        found[page.relative_to(site).as_posix()] = Article(int(marked[0]["data-article-id"]), lang)
    if not found:
        raise SiteError(f"{site}: no article page (no element with data-article-id) in the built site")
    return found


def site_path(url: str, base_url: str) -> str:
    """An absolute ``url`` on the site served at ``base_url`` as a path inside the site (``fr/x/y.html``, no
    query or fragment); a URL elsewhere comes back unchanged."""
    parts, base = urlsplit(url), urlsplit(base_url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
        return url
    path = unquote(parts.path[len(base.path) :])
    return path + "index.html" if path == "" or path.endswith("/") else path


def article_at(path: str, known: dict[str, Article]) -> Article | None:
    """The article a ``site_path`` shows, or None (another page or host)."""
    return known.get(path)
