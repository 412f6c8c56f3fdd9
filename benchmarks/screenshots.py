"""Screenshots' budget (issue 28), at a small size: an article with four 1600×1000 PNG screenshots on a 375 px phone
at 2x density, bytes downloaded before the reader scrolls against the sources' bytes (budget: 25%) and the answer's
layout shift; and the encoding throughput from an empty cache, then a warm rebuild.

Run: ``PYTHONPATH=hooks:scripts:tests .venv/bin/python -m benchmarks.screenshots``; prints Markdown for RESULTS.md.
Not yet in ``make bench``: the 3,000-article corpus with two screenshots each is left for its next run.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

from browser import Server, free_port, launch
from conftest import new_site

ARTICLE = "keys-and-locking/key-battery.html"


def screenshot(seed: int) -> bytes:
    """A 1600×1000 screen-like PNG: bars, fields and text, different for each seed."""
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 1000), (246, 246, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1600, 90), fill=(0, 0, 0))
    for row in range(12):
        y = 130 + row * 70
        draw.rectangle((80, y, 80 + rng.randint(400, 1400), y + 44), outline=(150, 150, 150), width=2)
        draw.text((100, y + 14), f"Field {seed}-{row} " + "x" * rng.randint(5, 40), fill=(40, 40, 40))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="hc-shots-bench-"))
    sources = {f"step-{n}.png": screenshot(n) for n in range(1, 5)}
    steps = "\n".join(
        f"{n}. Step {n} of the answer.\n\n    ![Screen {n}: the form of step {n}, fill it in and continue]"
        f"(key-battery/step-{n}.png)\n"
        for n in range(1, 5)
    )
    body = (
        "---\nid: 3002\ntitle: How do I replace the key battery?\ncategory: keys-and-locking\n"
        "updated: 2026-09-01\n---\n\n"
        f"Four steps, each with its screen.\n\n{steps}"
    )
    files = {"docs/en/keys-and-locking/key-battery.md": body.encode()}
    files |= {f"docs/en/keys-and-locking/key-battery/{name}": raw for name, raw in sources.items()}
    started = time.perf_counter()
    site = new_site(folder / "project", files=files)
    cold = time.perf_counter() - started
    assert site.ok, site.output
    started = time.perf_counter()
    assert site.build().ok
    warm = time.perf_counter() - started
    with Server(site.out, port=free_port()) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 375, "height": 667}, device_scale_factor=2)
        sizes: list[int] = []
        page.on("response", lambda r: sizes.append(len(r.body())) if "/assets/shots/" in r.url else None)
        page.goto(server.url + ARTICLE, wait_until="networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    source_bytes = sum(len(raw) for raw in sources.values())
    print("| measure | result |\n|---|---|")
    print(f"| sources (4 PNG, 1600×1000) | {source_bytes:,} bytes |")
    print(
        f"| downloaded before scrolling, 375 px at 2x | {sum(sizes):,} bytes in {len(sizes)} files, "
        f"{100 * sum(sizes) / source_bytes:.1f}% of the sources (budget 25%) |"
    )
    print(f"| build with an empty cache (4 images, 2 languages) | {cold:.1f} s |")
    print(f"| rebuild with the cache warm | {warm:.1f} s |")


if __name__ == "__main__":
    sys.exit(main())
