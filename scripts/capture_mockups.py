"""The sample answers' screenshots, captured from their mock-ups: ``screenshots/mockups/<name>.<lang>.html``
(made for this help centre, never copies of the real screens) rendered in Debian's Chromium at 360 CSS px,
twice the density, and saved where each mock-up's ``<meta name="hc-target">`` says, in ``docs/``.

Kept small for the repository: the page's own height, and 64 colours (flat mock-ups lose nothing visible).
Run: ``PYTHONPATH=scripts .venv/bin/python scripts/capture_mockups.py [name ...]``.
"""

from __future__ import annotations

import re
import sys
from io import BytesIO
from pathlib import Path

from chromium import launch
from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
MOCKUPS = ROOT / "screenshots" / "mockups"
_TARGET = re.compile(r'<meta name="hc-target" content="([^"]+)">')


def capture(names: list[str]) -> None:
    sources = sorted(p for p in MOCKUPS.glob("*.html") if not names or p.name.split(".")[0] in names)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 360, "height": 200}, device_scale_factor=2)
        for source in sources:
            target = ROOT / _TARGET.search(source.read_text(encoding="utf-8")).group(1)
            page.goto(source.as_uri())
            shot = page.screenshot(full_page=True)
            image = Image.open(BytesIO(shot)).convert("RGB").quantize(64, dither=Image.Dither.NONE)
            target.parent.mkdir(parents=True, exist_ok=True)
            image.save(target, "PNG", optimize=True)
            print(f"{target.relative_to(ROOT)}: {image.width}×{image.height}, {target.stat().st_size // 1024} kB")
        browser.close()


if __name__ == "__main__":
    capture(sys.argv[1:])
