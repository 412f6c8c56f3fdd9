"""The screenshots' page figure (issue 28), a stage of `make bench`: an article with four 1600×1000 PNG
screenshots on a 375 px phone at 2x density, what it downloads of them before the reader scrolls against the
sources' bytes (budget: 25%), which files those are, the whole page's layout shift, and its build with an empty
then a warm image cache.

Reads the site code the run measures and the screens it renders in Chromium at 1600×1000, saved as Chromium
writes them: an app screen with a photo-like picture (``benchmarks/data/screen.html``, about 220 kB each) and
the sample answers' flat mock-ups (``screenshots/mockups/``, 32-43 kB each). Writes a small project of our
help centre per kind (a 10-article corpus and the article) into the work folder, builds it as `make site`
does, serves it on 127.0.0.1 and opens the article in a fresh browser context. Produces ``{"kinds": [...]}``,
one row per kind of source; ``benchmarks/screenshots.py`` prints the same as Markdown.
"""

from __future__ import annotations

from pathlib import Path

from chromium import launch

from . import builds, corpus, projects
from .one_size import build_once
from .settings import log
from static_server import Server

ROOT = Path(__file__).resolve().parents[1]
SCREEN = Path(__file__).parent / "data" / "screen.html"
MOCKUPS = ("inbox", "compose", "lock-settings", "vehicle-location")
SLUG = "key-battery"
PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2}
# Every layout shift of the page since it started loading, once the screenshots before the fold are in.
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => done(total), 500);
})"""


def sources(browser) -> dict[str, dict[str, bytes]]:
    """{kind: {file name: PNG}}: four screens of each kind, 1600×1000."""
    found: dict[str, dict[str, bytes]] = {"photo-like screens": {}, "flat mock-ups": {}}
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    template = SCREEN.read_text(encoding="utf-8")
    for n in range(1, 5):
        text = "Parked at the address shown, seen from the street. " * 3
        page.set_content(template.replace("SEED", str(7 * n)).replace("TITLE", f"Step {n}").replace("TEXT", text))
        found["photo-like screens"][f"step-{n}.png"] = page.screenshot()
    page.close()
    page = browser.new_page(viewport={"width": 800, "height": 500}, device_scale_factor=2)
    for n, name in enumerate(MOCKUPS, 1):
        page.goto((ROOT / "screenshots" / "mockups" / f"{name}.en.html").as_uri())
        found["flat mock-ups"][f"step-{n}.png"] = page.screenshot()
    page.close()
    return found


def article(shots: dict[str, bytes], category: str) -> dict[str, bytes]:
    """The article's Markdown and its screenshots, by path in the project."""
    steps = "\n".join(
        f"{n}. Step {n} of the answer, a sentence or two of what to do on this screen and why.\n\n"
        f"    ![Screen {n}: the form of step {n}, fill it in and continue]({SLUG}/{name})\n"
        for n, name in enumerate(shots, 1)
    )
    body = (
        f"---\nid: 3002\ntitle: How do I replace the key battery?\ncategory: {category}\n"
        f"updated: 2026-09-01\nuntranslated: true\n---\n\nFour steps, each with its screen.\n\n{steps}"
    )
    files = {f"docs/en/{category}/{SLUG}.md": body.encode()}
    return files | {f"docs/en/{category}/{SLUG}/{name}": raw for name, raw in shots.items()}


def first_screen(browser, url: str) -> dict:
    """What a 375 px phone at 2x downloads of the screenshots before scrolling: bytes, files, layout shift."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    fetched: dict[str, int] = {}
    page.on("response", lambda r: fetched.update({r.url: len(r.body())}) if "/assets/shots/" in r.url else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    cls = page.evaluate(CLS)
    width = page.eval_on_selector(".hc-shot img", "img => img.getBoundingClientRect().width")
    context.close()
    names = sorted(u.rsplit("/", 1)[1].split(".", 2)[-1] for u in fetched)
    return {"bytes": sum(fetched.values()), "files": names, "cls": round(cls, 4), "css_width": round(width, 1)}


def write_project(source: Path, shots: dict[str, bytes], dest: Path) -> tuple[Path, str]:
    """Our help centre with a 10-article corpus and the article; returns the project and the article's page."""
    generated = corpus.generate(10)
    category = generated.categories[0].key
    project = projects.write_ours(source, generated, dest)
    for rel, raw in article(shots, category).items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_bytes(raw)
    return project, f"{category}/{SLUG}.html"


def measure(source: Path, work: Path, kinds: tuple[str, ...] = (), browser=None) -> dict:
    """Each kind of source (``kinds``: these only): its bytes, the first screen on the phone, the builds with an
    empty and a warm cache. In ``browser`` when given (a test session's), else in a Chromium of its own."""
    if browser is not None:
        return {"kinds": _rows(source, work, kinds, browser)}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        own = launch(playwright)
        try:
            return {"kinds": _rows(source, work, kinds, own)}
        finally:
            own.close()


def _rows(source: Path, work: Path, kinds: tuple[str, ...], browser) -> list[dict]:
    rows = []
    for n, (kind, shots) in enumerate(sources(browser).items()):
        if kinds and kind not in kinds:
            continue
        project, page = write_project(source, shots, work / f"shots-{n}")
        out, logs = work / f"shots-{n}-site", work / "logs"
        cold = build_once(project, builds.OURS, out, logs, f"shots-{n}-empty-cache").wall_s
        warm = build_once(project, builds.OURS, out, logs, f"shots-{n}-warm-cache").wall_s
        with Server(out) as server:
            seen = first_screen(browser, server.url + page)
        log(f"  {kind}: {seen['bytes']:,} of {sum(map(len, shots.values())):,} bytes, CLS {seen['cls']}")
        row = {"kind": kind, "sources": sum(map(len, shots.values())), "cold_s": round(cold, 2)}
        rows.append(row | {"warm_s": round(warm, 2)} | seen)
    return rows
