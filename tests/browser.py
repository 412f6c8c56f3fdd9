"""Driving Debian's Chromium through Playwright; the site is served by scripts/static_server.py.

``launch`` starts /usr/bin/chromium with the flags this machine needs (never a downloaded browser).
"""

from __future__ import annotations

from static_server import Server, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Server", "free_port", "launch"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
