"""The writers' preview (`make serve`: `mkdocs serve --dirty`, not strict): after a save, only the saved file is
converted again, yet every page still shows every answer and search still finds them.

A rebuild is driven the way `mkdocs serve` drives it (MkDocs' build with ``dirty=True`` into the same folder,
"--dirty" on the command line for static-i18n), in a subprocess, on a small project in ``tmp_path``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

PREVIEW = """
import sys
from mkdocs.config import load_config
from mkdocs.commands.build import build

sys.argv = ["mkdocs", "serve", "--dirty"]  # static-i18n reads it to build its other languages dirty too
config = load_config("mkdocs.yml", site_dir={site!r})
config.plugins.on_startup(command="serve", dirty=True)
build(config, dirty=True)
with open({edited!r}, "a", encoding="utf-8") as f:
    f.write("\\n\\nA sentence the writer just saved.\\n")
build(load_config("mkdocs.yml", site_dir={site!r}), dirty=True)  # serve reloads the config, not the hooks
"""


def preview(project: Path, site: Path, edited: Path) -> subprocess.CompletedProcess:
    script = PREVIEW.format(site=str(site), edited=str(edited))
    env = {**os.environ, "HC_STRICT": "false", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_preview_rebuild_converts_the_saved_article_and_keeps_every_other_answer(tmp_path, make_site):
    project = make_site(build=False).root
    site = tmp_path / "site"
    edited = project / "docs" / "en" / "my-account" / "access.md"
    done = preview(project, site, edited)
    assert done.returncode == 0, done.stderr[-3000:]

    article = html(site / "my-account" / "access.html")
    assert "A sentence the writer just saved." in article.get_text()
    # The category page lists every answer in full, the unchanged one from the previous build included.
    unchanged = {site: "Use the password-reset link", site / "fr": "Utilisez le lien de réinitialisation"}
    for lang_dir, sentence in unchanged.items():
        category = html(lang_dir / "my-account" / "index.html")
        answers = {a["data-article"]: a.get_text(" ") for a in category.select("article.hc-answer")}
        assert set(answers) == {"2002", "2003"}, lang_dir
        assert sentence in answers["2003"], answers["2003"]
    english = html(site / "my-account" / "index.html").select_one('article[data-article="2002"]').get_text()
    assert "A sentence the writer just saved." in english
    # The search indexes of both languages are there after the rebuild, and the assistant answers from the
    # saved text: the article's answer file was written again with the index.
    for lang in ("en", "fr"):
        assert (site / "pagefind" / lang / "pagefind-entry.json").is_file()
    answer = (site / "pagefind" / "parts-en" / "2002.json").read_text(encoding="utf-8")
    assert "A sentence the writer just saved." in answer
