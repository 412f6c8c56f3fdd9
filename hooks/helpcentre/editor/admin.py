"""``/admin/``: the web editor added to a built site, when the setting ``editor`` is on (the default).

Reads the bundle ``make editor`` writes into ``editor/dist/`` (Sveltia CMS from its pinned npm package, bundled
by us with esbuild) and the project's data, and writes ``admin/`` into a built site folder: the bundle, the
page that loads it, ``config.yml`` and ``editor.json`` generated from the data (``config``), and ``preview.css``,
the site's own stylesheet for the editor's preview. Reader pages never link to any of it. ``make site`` needs
no Node: without a bundle the site is built without ``/admin/`` and says so; ``make release`` builds the
bundle first.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from helpcentre.content import catalogue
from helpcentre.core import languages, settings
from helpcentre.editor import config

BUNDLE_DIR = "editor/dist"
ENTRY = "editor.js"
ADMIN_DIR = "admin"
PREVIEW_CSS = "overrides/assets/hc/helpcentre.css"

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{canonical}">
<link rel="cms-config-url" type="application/yaml" href="config.yml">
<link rel="hc-preview-style" href="preview.css">
<link rel="hc-editor-data" href="editor.json">
<script type="module" src="{entry}"></script>
</head>
<body></body>
</html>
"""


def enabled(root: Path) -> bool:
    return _settings(root).editor


def backend(root: Path) -> config.Backend:
    found = _settings(root)
    return config.Backend(found.editor_repo, found.editor_branch, found.editor_auth_url)


def _settings(root: Path) -> settings.Settings:
    data = languages.project_config(root)
    extra = data.get("extra") if isinstance(data, dict) else None
    mapping = extra.get("helpcentre") if isinstance(extra, dict) else None
    return settings.read(mapping if isinstance(mapping, dict) else None)[0]


def bundle(root: Path) -> Path | None:
    folder = root / BUNDLE_DIR
    return folder if (folder / ENTRY).is_file() else None


def write(root: Path, site: Path, site_url: str) -> str | None:
    """Add ``admin/`` to ``site``; returns why it was left out, or None once written."""
    if not enabled(root):
        return None
    source = bundle(root)
    if source is None:
        return f"/{ADMIN_DIR}/ left out: the editor is not bundled (make editor needs Node and npm)"
    target = site / ADMIN_DIR
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.map", "*.LEGAL.txt"))
    cat = catalogue.load(root, "docs")[0]
    if cat is None:
        return f"/{ADMIN_DIR}/ left out: the content has errors (make check)"
    langs = languages.of(root)
    (target / "config.yml").write_text(config.text(root, backend(root)), encoding="utf-8")
    (target / "editor.json").write_text(config.editor_data(cat), encoding="utf-8")
    shutil.copyfile(root / PREVIEW_CSS, target / "preview.css")
    page = _PAGE.format(
        lang=langs.default,
        title="Help centre editor",
        description="Edit the help centre's answers in every language; each save opens a pull request.",
        canonical=html.escape(site_url.rstrip("/") + f"/{ADMIN_DIR}/"),
        entry=ENTRY,
    )
    (target / "index.html").write_text(page, encoding="utf-8")
    return None
