"""Debian's Chromium for Playwright: its path, the flags this machine needs, and ``launch``.

Used by the browser tests, ``make bench`` and (as command-line flags) ``make audit``; never a browser
Playwright downloads.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
