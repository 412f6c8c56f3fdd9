"""Edges found while making writers' pull requests review themselves (issue 18): a symbolic link out of the
repository, a relative configuration path, an inline event handler named with its column."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import BASE, run_cli

OUTSIDE_ARTICLE = """---
id: 2999
title: A file kept outside the repository
category: my-account
untranslated: true
---

Secret text that must never be published.
"""


def test_a_link_out_of_the_repository_is_refused_with_its_path(make_site, tmp_path):
    project = make_site(build=False)
    outside = tmp_path / "elsewhere" / "secret.md"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE_ARTICLE, encoding="utf-8")
    link = project.root / "docs/en/my-account/leak.md"
    link.symlink_to(outside)
    result = project.cli("check")
    assert result.returncode == 1, result.stdout
    assert (
        f"docs/en/my-account/leak.md:1: error: symbolic link to {outside}, outside the repository; "
        "put the article's own file here"
    ) in result.stdout
    built = project.build()
    assert not built.ok and "symbolic link" in built.output
    assert not built.out.exists()


def test_a_link_inside_the_repository_is_read_as_the_file_it_points_at(make_site):
    project = make_site(build=False)
    link = project.root / "docs/fr/my-account/access.md"
    target = project.root / "docs/fr/my-account/access-copy.md"
    link.rename(target)
    link.symlink_to(target)
    (project.root / "docs/en/my-account/access.md").rename(project.root / "docs/en/my-account/access-copy.md")
    result = project.cli("check")
    assert "symbolic link" not in result.stdout, result.stdout


def test_a_relative_config_path_builds_from_the_project_folder(make_site, tmp_path):
    """`mkdocs build -f mkdocs.yml`, as CI scripts write it, used to stop with a traceback in on_pre_build."""
    project = make_site(build=False)
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert (out / "fr/my-account/forgot-password.html").is_file()


def test_an_inline_event_handler_is_named_with_its_column(make_site):
    body = 'Tap **Unlock**.\n\n<p>Then <a href="#" title="x" onmouseover="steal()">tap</a></p>\n'
    path = "docs/en/keys-and-locking/key-battery.md"
    source = (BASE / path).read_text(encoding="utf-8")
    front = source[: source.index("---", 3) + 4]
    project = make_site(build=False, files={path: (front + "\n" + body).encode()})
    result = run_cli(project.root, "check")
    line = front.count("\n") + 4
    column = body.splitlines()[2].index("onmouseover") + 1
    assert f"{path}:{line}: error: inline event handler 'onmouseover' (column {column}); remove it" in result.stdout
