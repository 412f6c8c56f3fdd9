"""Screenshots' budget (issue 28) on its own: the figure `make bench` measures as a stage (``shot_page.py``), on
the working tree's code, printed as Markdown for benchmarks/SCREENSHOTS.md; and Lighthouse on such a page.

Run: ``PYTHONPATH=hooks:scripts:tests .venv/bin/python -m benchmarks.screenshots``. With ``--lighthouse [runs]``:
Lighthouse (mobile, ``audit/node_modules``: ``npm ci --prefix audit``) on the photo-like article and its category
page, released and served by nginx as ``make audit`` serves the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import launch

from .shot_page import ROOT, article, measure, sources

CATEGORY = "keys-and-locking"


def lighthouse(runs: int) -> None:
    from playwright.sync_api import sync_playwright

    import audit  # scripts/audit.py

    from conftest import new_site  # tests/: the real configuration and the fixture pages
    from nginx_server import Nginx
    from static_server import free_port as nginx_port

    with sync_playwright() as playwright:
        browser = launch(playwright)
        shots = sources(browser)["photo-like screens"]
        browser.close()
    folder = Path(tempfile.mkdtemp(prefix="hc-shots-lighthouse-"))
    project = new_site(folder / "project", files=article(shots, CATEGORY), build=False).root
    port = nginx_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(project), "release"]
    command += ["--site-dir", str(folder / "site"), "--archive", str(folder / "dist/site.tar.gz")]
    subprocess.run(command, env=env, check=True, capture_output=True)
    with Nginx(folder / "site", folder / "dist/hosts/nginx.conf", port=port) as server:
        for page in (f"{CATEGORY}/key-battery.html", f"{CATEGORY}/index.html"):
            for _ in range(runs):
                found = audit.lighthouse(server.url + page)
                print(page, {k: found[k] for k in audit.TARGETS}, found["metrics"], f"load {os.getloadavg()[0]:.1f}")


def main() -> None:
    if sys.argv[1:2] == ["--lighthouse"]:
        return lighthouse(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    with tempfile.TemporaryDirectory(prefix="hc-shots-bench-") as work:
        rows = measure(ROOT, Path(work))["kinds"]
    print("| sources (4 PNG, 1600×1000) | bytes | before scrolling, 375 px at 2x | share (budget 25%) | CLS |")
    print("|---|---|---|---|---|")
    for r in rows:
        files = ", ".join(r["files"])
        print(
            f"| {r['kind']} | {r['sources']:,} | {r['bytes']:,} bytes in {len(r['files'])} files ({files}); "
            f"image {r['css_width']:.0f} CSS px wide | {100 * r['bytes'] / r['sources']:.1f}% | {r['cls']:.3f} |"
        )
    print("\n| build (1 article, 4 images, 2 languages) | empty cache | warm cache |\n|---|---|---|")
    for r in rows:
        print(f"| {r['kind']} | {r['cold_s']:.1f} s | {r['warm_s']:.1f} s |")


if __name__ == "__main__":
    sys.exit(main())
