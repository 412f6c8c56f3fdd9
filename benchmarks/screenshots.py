"""Screenshots' budget (issue 28): an article with four 1600×1000 PNG screenshots on a 375 px phone at 2x
density, bytes downloaded before the reader scrolls against the sources' bytes (budget: 25%), which files
those are, and the answer's layout shift; and the build with an empty then a warm image cache.

The sources are screens rendered in Chromium at 1600×1000 and saved as Chromium writes them: an app screen with
a photo-like picture (``benchmarks/data/screen.html``, 220 kB each) and, for comparison, the sample answers'
flat mock-ups (``screenshots/mockups/``, 32-43 kB each at this size).

Run: ``PYTHONPATH=hooks:scripts:tests .venv/bin/python -m benchmarks.screenshots``; prints Markdown for
benchmarks/SCREENSHOTS.md. With ``--lighthouse [runs]``: Lighthouse (mobile, ``audit/node_modules``: ``npm ci
--prefix audit``) on the photo-like article and its category page, released and served by nginx as ``make audit``
serves the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser import Server, free_port, launch
from conftest import new_site

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "keys-and-locking/key-battery.html"
SCREEN = Path(__file__).parent / "data" / "screen.html"
MOCKUPS = ("inbox", "compose", "lock-settings", "vehicle-location")
# The answer's layout shifts, and where the screenshots are once laid out, before any scrolling.
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done(total), 500);
})"""


def sources(playwright) -> dict[str, dict[str, bytes]]:
    """{kind: {file name: PNG}}: four screens of each kind, 1600×1000."""
    browser = launch(playwright)
    found: dict[str, dict[str, bytes]] = {"photo-like screens": {}, "flat mock-ups": {}}
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    template = SCREEN.read_text(encoding="utf-8")
    for n in range(1, 5):
        text = "Parked at the address shown, seen from the street. " * 3
        page.set_content(template.replace("SEED", str(7 * n)).replace("TITLE", f"Step {n}").replace("TEXT", text))
        found["photo-like screens"][f"step-{n}.png"] = page.screenshot()
    page = browser.new_page(viewport={"width": 800, "height": 500}, device_scale_factor=2)
    for n, name in enumerate(MOCKUPS, 1):
        page.goto((ROOT / "screenshots" / "mockups" / f"{name}.en.html").as_uri())
        found["flat mock-ups"][f"step-{n}.png"] = page.screenshot()
    browser.close()
    return found


def article(shots: dict[str, bytes]) -> dict[str, bytes]:
    steps = "\n".join(
        f"{n}. Step {n} of the answer, a sentence or two of what to do on this screen and why.\n\n"
        f"    ![Screen {n}: the form of step {n}, fill it in and continue](key-battery/{name})\n"
        for n, name in enumerate(shots, 1)
    )
    body = (
        "---\nid: 3002\ntitle: How do I replace the key battery?\ncategory: keys-and-locking\n"
        f"updated: 2026-09-01\n---\n\nFour steps, each with its screen.\n\n{steps}"
    )
    files = {"docs/en/keys-and-locking/key-battery.md": body.encode()}
    return files | {f"docs/en/keys-and-locking/key-battery/{name}": raw for name, raw in shots.items()}


def first_screen(playwright, url: str) -> dict:
    """What a 375 px phone at 2x downloads of the screenshots before scrolling: bytes, files, layout shift."""
    browser = launch(playwright)
    page = browser.new_page(viewport={"width": 375, "height": 667}, device_scale_factor=2)
    fetched: dict[str, int] = {}
    page.on("response", lambda r: fetched.update({r.url: len(r.body())}) if "/assets/shots/" in r.url else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    cls = page.evaluate(CLS)
    width = page.eval_on_selector(".hc-shot img", "img => img.getBoundingClientRect().width")
    browser.close()
    names = sorted(u.rsplit("/", 1)[1].split(".", 2)[-1] for u in fetched)
    return {"bytes": sum(fetched.values()), "files": names, "cls": cls, "css_width": width}


def measure() -> list[dict]:
    rows = []
    with sync_playwright() as playwright:
        for kind, shots in sources(playwright).items():
            folder = Path(tempfile.mkdtemp(prefix="hc-shots-bench-"))
            started = time.perf_counter()
            site = new_site(folder / "project", files=article(shots))
            cold = time.perf_counter() - started
            assert site.ok, site.output
            started = time.perf_counter()
            assert site.build().ok
            warm = time.perf_counter() - started
            with Server(site.out, port=free_port()) as server:
                seen = first_screen(playwright, server.url + ARTICLE)
            rows.append({"kind": kind, "sources": sum(map(len, shots.values())), "cold_s": cold, "warm_s": warm} | seen)
    return rows


def lighthouse(runs: int) -> None:
    import audit  # scripts/audit.py

    from nginx_server import Nginx
    from static_server import free_port as nginx_port

    with sync_playwright() as playwright:
        shots = sources(playwright)["photo-like screens"]
    folder = Path(tempfile.mkdtemp(prefix="hc-shots-lighthouse-"))
    project = new_site(folder / "project", files=article(shots), build=False).root
    port = nginx_port()
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(project), "release"]
    command += ["--site-dir", str(folder / "site"), "--archive", str(folder / "dist/site.tar.gz")]
    subprocess.run(command, env=env, check=True, capture_output=True)
    with Nginx(folder / "site", folder / "dist/hosts/nginx.conf", port=port) as server:
        for page in (ARTICLE, "keys-and-locking/index.html"):
            for _ in range(runs):
                found = audit.lighthouse(server.url + page)
                print(page, {k: found[k] for k in audit.TARGETS}, found["metrics"], f"load {os.getloadavg()[0]:.1f}")


def main() -> None:
    if sys.argv[1:2] == ["--lighthouse"]:
        return lighthouse(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    print("| sources (4 PNG, 1600×1000) | bytes | before scrolling, 375 px at 2x | share (budget 25%) | CLS |")
    print("|---|---|---|---|---|")
    for r in measure():
        files = ", ".join(r["files"])
        print(
            f"| {r['kind']} | {r['sources']:,} | {r['bytes']:,} bytes in {len(r['files'])} files ({files}); "
            f"image {r['css_width']:.0f} CSS px wide | {100 * r['bytes'] / r['sources']:.1f}% | {r['cls']:.3f} |"
        )
    print("\n| build (1 article, 4 images, 2 languages) | empty cache | warm cache |\n|---|---|---|")
    print(f"| {r['kind']} | {r['cold_s']:.1f} s | {r['warm_s']:.1f} s |")


if __name__ == "__main__":
    sys.exit(main())
