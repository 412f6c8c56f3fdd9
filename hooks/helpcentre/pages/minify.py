"""Our browser scripts and stylesheets as the site ships them: comments and spaces taken out, so that what
every page loads before any search stays small. The sources in overrides/assets/hc/ keep their comments.

Reads the built site's ``assets/hc/`` scripts and stylesheets and produces their minified text,
(site-relative path, text) for ``sitefiles.write``. rJSmin (a well-kept minifier in C) reads modern
JavaScript, template literals and regular expressions included, and never renames anything: the scripts behave
as written. rCSSmin, by the same author, does the same for CSS and keeps ``/*! ... */`` comments (the marker
after which pages/cars.py writes its rules).

Every page's widgets are ES modules in ``assets/hc/helpcentre/``, shipped joined into one classic script,
``assets/hc/helpcentre.js`` (``bundle``): browsers refuse ES modules from a file:// copy of the site, which
must still show the vote and the opening hours, and one script is one request. Search (``search.js`` and
``search/``) loads on first use and ships as ES modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import rcssmin
import rjsmin

SCRIPTS = "assets/hc"
BUNDLES = {"assets/hc/helpcentre.js": "assets/hc/helpcentre/main.js"}  # classic script: its entry module

# What our modules may use, as rJSmin writes it: named imports of a relative path, and export before a declaration.
_IMPORT = re.compile(r"""\bimport\s*\{([\w$\s,]*)\}\s*from\s*["'](\.{1,2}/[^"']+)["']\s*;?""")
_EXPORTED = re.compile(r"\bexport\s+((?:async\s+)?function\*?\s*|const\s+|let\s+|class\s+)([\w$]+)")
_OTHER_MODULE_SYNTAX = re.compile(r"(?<![\w$.])(?:import|export)(?=[\s{*\"'])|\bimport\.meta\b")


class BundleError(ValueError):
    """A module of a bundle uses module syntax ``bundle`` does not join."""


def bundle(entry: Path) -> str:
    """``entry``'s module and the modules it imports as one classic script: each module minified and run in a
    function of its own, once, after the modules it imports, its exports passed on by name. Enough for our
    modules, never a general bundler: any other import or export (a default, ``as``, ``*``, ``import.meta``)
    raises ``BundleError`` naming the file."""
    order: list[Path] = []
    texts: dict[Path, str] = {}

    def visit(path: Path, importers: tuple[Path, ...]) -> None:
        if path in texts:
            return
        if path in importers:
            raise BundleError(f"{path}: imported in a cycle")
        texts[path] = rjsmin.jsmin(path.read_text(encoding="utf-8"))
        for imported, spec in _IMPORT.findall(texts[path]):
            if re.search(r"\bas\b", imported):
                raise BundleError(f"{path}: an import renamed with 'as'")
            visit((path.parent / spec).resolve(), (*importers, path))
        order.append(path)

    visit(entry.resolve(), ())
    names = {path: f"m{number}" for number, path in enumerate(order)}
    parts = []
    for path in order:
        text = texts[path]
        exported = [name for _, name in _EXPORTED.findall(text)]
        folder = path.parent
        body = _IMPORT.sub(lambda m, at=folder: f"const{{{m[1]}}}={names[(at / m[2]).resolve()]};", text)
        body = _EXPORTED.sub(r"\1\2", body)
        if _OTHER_MODULE_SYNTAX.search(body):
            raise BundleError(f"{path}: module syntax a classic script cannot hold")
        parts.append(f"var {names[path]}=(function(){{{body}\nreturn{{{','.join(exported)}}};}})();")
    return '(function(){"use strict";' + "\n".join(parts) + "})();\n"


def scripts(site_dir: Path) -> Iterator[tuple[str, str]]:
    folder = site_dir / SCRIPTS
    for path in sorted(folder.rglob("*.js")) if folder.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        minified = rjsmin.jsmin(text)
        if minified != text:  # already minified (a dirty preview rebuild copies only what changed)
            yield path.relative_to(site_dir).as_posix(), minified
    for target, entry in BUNDLES.items():
        if (site_dir / entry).is_file():  # joined again each build, from the modules as they are now
            yield target, bundle(site_dir / entry)


def stylesheets(site_dir: Path) -> Iterator[tuple[str, str]]:
    """Each stylesheet of ``assets/hc/`` minified, those already minified left alone. Cost: one pass per file."""
    folder = site_dir / SCRIPTS
    for path in sorted(folder.rglob("*.css")) if folder.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        minified = rcssmin.cssmin(text, keep_bang_comments=True)
        if minified != text:
            yield path.relative_to(site_dir).as_posix(), minified
