"""Phone and desktop screenshots of the articles a pull request adds or changes, for its reviewers.

Reads the built site and what the pull request changes (``helpcentre.pullrequest``: against ``HC_BASE_REF``,
else ``origin/$GITHUB_BASE_REF``; an article whose snippet changed counts), serves the site on 127.0.0.1 and
takes each of those articles' pages, whole, in Debian's Chromium at 375 px and 1280 px wide into the output
folder as ``<lang>-<category>-<slug>-<width>.png`` (at most ``MAX_PAGES`` articles). Run by the workflow's
pull-request job after ``make site``: ``python scripts/pr_screenshots.py --site site --out DIR``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chromium import launch
from playwright.sync_api import sync_playwright

from helpcentre.checks import contentread
from helpcentre.core import languages
from helpcentre.writers import pullrequest

from static_server import Server

WIDTHS = {375: 812, 1280: 800}  # phone and desktop: width -> height of the window
MAX_PAGES = 40


def page_of(path: str) -> str:
    """The built page of ``docs/<lang>/<category>/<slug>.md``."""
    _, lang, rel = path.split("/", 2)
    return languages.of(Path(__file__).resolve().parents[1]).site_path(lang, rel)


def take(site: Path, out: Path, paths: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright, Server(site) as server:
        browser = launch(playwright)
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            tab = context.new_page()
            for path in paths[:MAX_PAGES]:
                if not (site / page_of(path)).is_file():
                    continue
                tab.goto(server.url + page_of(path), wait_until="load")
                shot = out / f"{path.removeprefix('docs/').removesuffix('.md').replace('/', '-')}-{width}.png"
                tab.screenshot(path=str(shot), full_page=True)
                taken.append(shot)
            context.close()
        browser.close()
    return taken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args()
    root = args.root.resolve()
    found = pullrequest.changes(root, "docs", contentread.read(root, "docs").catalogue)
    if found.why_not:
        print(f"pr_screenshots: {found.why_not}", file=sys.stderr)
    taken = take(args.site.resolve(), args.out, found.shown())
    print(f"pr_screenshots: {len(taken)} screenshots of {len(found.shown())} articles in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
