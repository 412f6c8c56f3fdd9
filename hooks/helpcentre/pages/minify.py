"""Our browser scripts as the site ships them: comments and spaces taken out, so that what every page loads
before any search stays small. The sources in overrides/assets/hc/ keep their comments.

Reads the built site's ``assets/hc/`` scripts and produces their minified text, (site-relative path, text) for
``sitefiles.write``. rJSmin (a well-kept minifier in C) reads modern JavaScript, template literals and
regular expressions included, and never renames anything: the scripts behave as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import rjsmin

SCRIPTS = "assets/hc"


def scripts(site_dir: Path) -> Iterator[tuple[str, str]]:
    folder = site_dir / SCRIPTS
    for path in sorted(folder.rglob("*.js")) if folder.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        minified = rjsmin.jsmin(text)
        if minified != text:  # already minified (a dirty preview rebuild copies only what changed)
            yield path.relative_to(site_dir).as_posix(), minified
