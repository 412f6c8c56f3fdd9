"""``/admin/``: the web editor a release adds to the published site, when the setting ``editor`` is on (the default).

Reads the bundle ``make editor`` writes into ``editor/dist/`` (Sveltia CMS from its pinned npm package, bundled
by us with esbuild) and the project's data, and writes ``admin/`` into a released site folder: the bundle, the
page that loads it, ``config.yml`` and ``editor.json`` generated from the data (``config``), and ``preview.css``,
the site's own stylesheet for the editor's preview. Reader pages never load any of it, and the folder has its own
Content-Security-Policy: this site and the Git host's API, nothing else.

Only ``release`` adds it (``make site`` and the preview never need Node). Without a bundle, ``make release``
stops (it bundles first, so a missing bundle is a broken set-up), while a release run by hand or by a test
project says it left ``/admin/`` out and goes on; ``editor: false`` in ``mkdocs.yml`` leaves it out silently.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import catalogue
from helpcentre.core import languages, settings, strings
from helpcentre.editor import config
from helpcentre.release import hosts

BUNDLE_DIR = "editor/dist"
ENTRY = "editor.js"
STARTUP = "startup.json"  # written by editor/build.mjs: the bundle's files that opening the editor loads
ADMIN_DIR = "admin"
APART = (ADMIN_DIR,)  # no reader page there (release.artefacts)
PREVIEW_CSS = "overrides/assets/hc/helpcentre.css"
GENERATED = ("index.html", "config.yml", "editor.json", "preview.css")  # also loaded when the editor opens
GIT_HOST_API = "https://api.github.com"  # the GitHub backend's only host
# The bundle's files named by their content's hash, cached a year by the hosts (nginx's PCRE and Python's, on the
# address): esbuild's chunks beside the entry (chunkNames "[name]-[hash]", eight of A-Z and 2-7) and the
# package's assets (fonts, WebAssembly, the HEIC worker: eight of A-Z, a-z, 0-9, _ and -). The rest, the entry
# editor.js and the generated files that name them, is asked again every time.
HASHED = r"/[^/]+-[A-Z2-7]{8}\.js$|/assets/[^/]+-[A-Za-z0-9_-]{8}\.(js|wasm|woff2)$"

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{canonical}">
<link rel="icon" href="data:,">
<link rel="cms-config-url" type="application/yaml" href="config.yml">
<link rel="hc-preview-style" href="preview.css">
<link rel="hc-editor-data" href="editor.json">
<script type="module" src="{entry}"></script>
</head>
<body></body>
</html>
"""


@dataclass
class Added:
    """What the editor brings to a release: reasons to stop it, notes to print, the folder's own policy and
    the files to send as they are (never precompressed)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    folders: tuple[hosts.FolderRule, ...] = ()  # admin/: its policy and its hashed files' expression (HASHED)
    leave: frozenset[str] = frozenset()


def content_security_policy() -> str:
    """The editor's own policy: its scripts, styles, fonts, WebAssembly and workers from this site; its requests
    to this site and the Git host's API only. Images may be ``blob:`` and ``data:`` (an upload before it is
    saved); Svelte sets inline styles."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self'",
            f"connect-src 'self' blob: data: {GIT_HOST_API}",
            "worker-src 'self' blob:",
            "frame-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


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
    return folder if (folder / ENTRY).is_file() and (folder / STARTUP).is_file() else None


def for_release(root: Path, site: Path, site_url: str, *, required: bool) -> Added:
    """Adds ``admin/`` to the released folder ``site``; ``required`` (``make release``): a missing bundle stops
    the release instead of leaving the editor out."""
    if not enabled(root):
        return Added()
    if bundle(root) is None:
        missing = f"{BUNDLE_DIR}/{ENTRY} is missing"
        if required:
            fix = "run `make editor` (needs Node and npm), or set `editor: false` under extra.helpcentre in mkdocs.yml"
            return Added(problems=[f"/{ADMIN_DIR}/: {missing}; {fix}"])
        note = "`make release` bundles it; `editor: false` in mkdocs.yml publishes without the editor"
        return Added(notes=[f"/{ADMIN_DIR}/ left out: {missing} ({note})"])
    problem = write(root, site, site_url)
    if problem:
        return Added(problems=[problem])
    opened = {*GENERATED, *json.loads((root / BUNDLE_DIR / STARTUP).read_text(encoding="utf-8"))}
    target = site / ADMIN_DIR
    leave = {p.relative_to(site).as_posix() for p in target.rglob("*") if p.is_file()}
    leave -= {f"{ADMIN_DIR}/{name}" for name in opened}
    rule = hosts.FolderRule(ADMIN_DIR, content_security_policy(), HASHED)
    return Added(folders=(rule,), leave=frozenset(leave))


def write(root: Path, site: Path, site_url: str) -> str | None:
    """Writes ``admin/`` into ``site`` from the bundle; returns why it could not, or None once written."""
    cat = catalogue.load(root, "docs")[0]
    tables, _ = strings.load_strings(root)
    langs = languages.of(root)
    if cat is None or langs.default not in tables:
        return f"/{ADMIN_DIR}/ not written: the content or data/i18n has errors; run make check"
    target = site / ADMIN_DIR
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root / BUNDLE_DIR, target, ignore=shutil.ignore_patterns("*.map", STARTUP))
    say = tables[langs.default]
    try:  # its labels are data/i18n's editor.* strings: one missing names the file and the key
        (target / "config.yml").write_text(config.text(root, backend(root)), encoding="utf-8")
        title, description = say("editor.title"), say("editor.description")
    except strings.MissingString as missing:
        return f"/{ADMIN_DIR}/ not written: {missing.args[0]}"
    (target / "editor.json").write_text(config.editor_data(cat), encoding="utf-8")
    shutil.copyfile(root / PREVIEW_CSS, target / "preview.css")
    page = _PAGE.format(
        lang=langs.default,
        title=html.escape(title),
        description=html.escape(description),
        canonical=html.escape(site_url.rstrip("/") + f"/{ADMIN_DIR}/"),
        entry=ENTRY,
    )
    (target / "index.html").write_text(page, encoding="utf-8")
    return None
