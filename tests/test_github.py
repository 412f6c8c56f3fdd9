"""On GitHub (``GITHUB_ACTIONS`` set), `make check` and the build also print workflow commands, so each
problem is noted on its line of the pull request, and `make check` writes a job summary: the articles the
pull request adds, changes and removes per language against its base, the translations it leaves to do, the
problems by kind and where the built site and screenshots are kept. Locally nothing changes."""

from __future__ import annotations

import os
import subprocess
import sys

from helpcentre.checks import github
from helpcentre.writers import pullrequest

from conftest import BASE, REPO, run_cli

EN, FR = "docs/en/my-account/forgot-password.md", "docs/fr/my-account/forgot-password.md"
NEW_EN, NEW_FR = "docs/en/my-account/change-email.md", "docs/fr/my-account/change-email.md"
NEW_ARTICLE = """---
id: 2010
title: {title}
category: my-account
updated: 2026-11-20
---

{answer}
"""
RUN = {"GITHUB_SERVER_URL": "https://github.example", "GITHUB_REPOSITORY": "mini/faq", "GITHUB_RUN_ID": "42"}


def git(root, *args: str) -> str:
    command = ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.invalid", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def _pull_request(make_site):
    """A project on a branch: one article changed, one pair added (with a script and a typography slip), one
    pair removed, against `main`, which the runner knows as origin/main."""
    project = make_site(build=False)
    root = project.root
    git(root, "init", "-q", "-b", "main")
    assert project.cli("translations", "--record", FR).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(root, "checkout", "-qb", "writer/email")
    text = (root / EN).read_text(encoding="utf-8")
    (root / EN).write_text(text.replace("No. Use", "No: use"), encoding="utf-8")
    (root / NEW_EN).write_text(
        NEW_ARTICLE.format(title="How do I change my email?", answer='Open **Profile** <b onclick="x()">now</b>.'),
        encoding="utf-8",
    )
    (root / NEW_FR).write_text(
        NEW_ARTICLE.format(title="Comment changer mon courriel\u202f?", answer="Ouvrez **Profil** : courriel."),
        encoding="utf-8",
    )
    for lang in ("en", "fr"):
        (root / f"docs/{lang}/keys-and-locking/key-battery.md").unlink()
    popularity = (BASE / "data/popularity.csv").read_text().replace("3002,58804\n", "")
    (root / "data/popularity.csv").write_text(popularity)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "change email")
    return project


def _on_github(tmp_path, **more) -> dict:
    return {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), **RUN, **more}


def test_check_on_github_notes_each_problem_on_its_line_and_summarises_the_pull_request(make_site, tmp_path):
    project = _pull_request(make_site)
    (tmp_path / "summary.md").write_text("Earlier step's summary.\n")
    result = project.cli("check", env=_on_github(tmp_path, GITHUB_BASE_REF="main"))
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert (
        f"::error file={NEW_EN},line=8::inline event handler 'onclick' (column 21); remove it: articles are "
        "Markdown only, scripts and embeds are not allowed"
    ) in out, result.stdout
    assert f"::warning file={NEW_FR},line=8::French typography: " in result.stdout
    assert out[-1] == "1 error, 1 warning"  # the report as it prints locally, last
    assert f"{NEW_EN}:8: error: inline event handler 'onclick'" in result.stdout

    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("Earlier step's summary.\n## Help centre: what this pull request changes")
    assert "Compared with `origin/main`." in summary
    assert "| en | 1 | 1 | 1 |" in summary and "| fr | 1 | 0 | 1 |" in summary
    assert f"- **added** (en) `{NEW_EN}` 2010: How do I change my email?" in summary
    assert f"- **changed** (en) `{EN}` 2003: I forgot my password. Do I register again?" in summary
    assert "- **removed** (fr) `docs/fr/keys-and-locking/key-battery.md`" in summary
    assert f"- `{FR}` (2003) out of date: `make translations SHOW={FR}`" in summary
    assert "1 error, 1 warning" in summary
    assert f"| error | inline event handler … (column N) | 1 | `{NEW_EN}:8` |" in summary
    assert "| warning | French typography: use a no-break space (U+00A0) before : and inside « »" in summary
    assert "artifact `pull-request-site` of this run (https://github.example/mini/faq/actions/runs/42)" in summary
    assert "screenshots of the 3 articles it adds or changes" in summary


def test_the_summary_lists_the_translations_the_pull_request_leaves_to_do(make_site, tmp_path):
    project = _pull_request(make_site)
    (project.root / NEW_EN).write_text(
        NEW_ARTICLE.format(title="How do I change my email?", answer="Open **Profile**."), encoding="utf-8"
    )
    (project.root / NEW_FR).unlink()
    result = project.cli("check", env=_on_github(tmp_path, GITHUB_BASE_REF="main"))
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert result.returncode == 1  # an English article without its French twin
    assert "Fix the errors below first" in summary
    (project.root / NEW_EN).write_text(
        NEW_ARTICLE.format(title="How do I change my email?", answer="Open **Profile**.").replace(
            "updated:", "untranslated: true\nupdated:"
        ),
        encoding="utf-8",
    )
    (tmp_path / "summary.md").unlink()
    result = project.cli("check", env=_on_github(tmp_path, GITHUB_BASE_REF="main"))
    assert result.returncode == 0, result.stdout
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert f"- `{FR}` (2003) out of date: `make translations SHOW={FR}`" in summary, summary
    assert "- `docs/fr/my-account/change-email.md` (2010) to write" in summary
    assert "0 errors, 0 warnings" in summary


def test_without_history_the_summary_says_how_to_fetch_it(make_site, tmp_path):
    project = _pull_request(make_site)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "writer/email", f"file://{project.root}", str(clone))
    result = subprocess.run(
        ["git", "-C", str(clone), "log", "--oneline"], capture_output=True, text=True, check=True
    ).stdout
    assert len(result.splitlines()) == 1
    run_cli(clone, "check", env=_on_github(tmp_path, GITHUB_BASE_REF="main"))
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert (
        "Could not compare with `origin/main`: the history or the base branch is missing (a shallow clone)" in summary
    )
    assert "`git fetch --unshallow origin main`" in summary


def test_locally_the_output_is_unchanged(make_site, tmp_path):
    project = _pull_request(make_site)
    local = project.cli("check", env={"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")})
    assert "::" not in local.stdout + local.stderr
    assert not (tmp_path / "summary.md").exists()
    assert local.stdout.splitlines()[-1] == "1 error, 1 warning"


def test_a_build_on_github_notes_its_content_problems_once(make_site, tmp_path):
    project = _pull_request(make_site)
    built = project.build(env={"GITHUB_ACTIONS": "true"})
    assert not built.ok
    notes = [line for line in built.output.splitlines() if line.startswith("::")]
    assert notes == [
        f"::error file={NEW_EN},line=8::inline event handler 'onclick' (column 21); remove it: articles are "
        "Markdown only, scripts and embeds are not allowed",
        f"::warning file={NEW_FR},line=8::French typography: " + notes[-1].split("French typography: ", 1)[-1],
    ], built.output
    assert "::" not in project.build().output  # and not locally


def test_workflow_commands_escape_what_github_reads_as_syntax():
    assert github.escape_data("100% sure\r\nnext: line, yes") == "100%25 sure%0D%0Anext: line, yes"
    assert github.escape_property("docs/en/a:b,c%.md") == "docs/en/a%3Ab%2Cc%25.md"
    assert github.active({"GITHUB_ACTIONS": "true"}) and not github.active({})
    assert not github.active({"GITHUB_ACTIONS": "true", "HC_ANNOTATIONS": "off"})


def test_a_problem_kind_leaves_out_what_varies():
    assert pullrequest.kind("unknown snippet 'x-y'; use one of: a, b") == "unknown snippet …"
    assert pullrequest.kind("id 12 is already used by docs/en/a/b.md; give") == "id N is already used by <file>"
    assert pullrequest.kind("last reviewed 2026-01-02; answers") == "last reviewed <date>"


def test_the_workflow_screenshots_the_articles_a_pull_request_changes(make_site, tmp_path):
    project = _pull_request(make_site)
    (project.root / NEW_EN).write_text(
        NEW_ARTICLE.format(title="How do I change my email?", answer="Open **Profile**."), encoding="utf-8"
    )
    (project.root / NEW_FR).write_text(
        NEW_ARTICLE.format(title="Comment changer mon courriel\u202f?", answer="Ouvrez **Profil**."), encoding="utf-8"
    )
    assert project.build().ok, project.output
    out = tmp_path / "screenshots"
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "HC_BASE_REF": "main"}
    script = [sys.executable, str(REPO / "scripts/pr_screenshots.py"), "--site", str(project.out), "--out", str(out)]
    done = subprocess.run(script, cwd=project.root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    widths = {shot.name: int.from_bytes(shot.read_bytes()[16:20], "big") for shot in out.glob("*.png")}
    assert widths == {
        f"{lang}-my-account-{slug}-{width}.png": width
        for lang, slug in (("en", "change-email"), ("en", "forgot-password"), ("fr", "change-email"))
        for width in (375, 1280)
    }, done.stdout + done.stderr
