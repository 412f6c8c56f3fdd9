"""Driving Debian's Chromium through Playwright (scripts/chromium.py); the site is served by
scripts/static_server.py."""

from __future__ import annotations

from chromium import CHROMIUM, CHROMIUM_ARGS, launch

from static_server import Server, free_port

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Server", "free_port", "launch"]
