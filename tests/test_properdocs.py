"""The site still builds on ProperDocs (PyPI ``properdocs``, a drop-in fork of MkDocs 1.6): the real site built
by it is the site MkDocs builds, page for page and byte for byte, but for the generator tag naming it.

``make properdocs`` (run by ``make test``) installs requirements-properdocs.lock, with hashes, into
.venv-properdocs; the build there runs ``python -m properdocs`` (``HC_RUNNER=properdocs``), and ProperDocs
answers Material's and static-i18n's ``import mkdocs...`` itself. One extra build: MkDocs' is the session's.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, run_cli

PYTHON = REPO / ".venv-properdocs" / "bin" / "python"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_properdocs_builds_the_same_site(site, site_port, tmp_path):
    assert PYTHON.exists(), "make properdocs installs it (make test does)"
    out = tmp_path / "site"
    env = {"SITE_URL": f"http://127.0.0.1:{site_port}/", "HC_RUNNER": "properdocs"}
    result = run_cli(REPO, "build", "--site-dir", str(out), env=env, python=str(PYTHON))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    mkdocs, properdocs = files(site.out), files(out)
    assert sorted(properdocs) == sorted(mkdocs)
    pages = [name for name in properdocs if name.endswith(".html")]
    named = {match.group(1) for name in pages for match in GENERATOR.finditer(properdocs[name])}
    assert {name.split(b",")[0] for name in named} == {b"mkdocs-ProperDocs 1.6.7"}  # ProperDocs built them all
    differing = [name for name in mkdocs if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert differing == []
