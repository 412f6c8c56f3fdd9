"""`make translations` shows what changed in an original since its translation was recorded, from git
history, paragraph by paragraph (snippets in place); `SHOW=` asks for one article; a shallow clone says how to
fetch the history."""

from __future__ import annotations

import subprocess

from conftest import run_cli

EN = "docs/en/my-account/forgot-password.md"
FR = "docs/fr/my-account/forgot-password.md"
BATTERY_EN = "docs/en/keys-and-locking/key-battery.md"
BATTERY_FR = "docs/fr/keys-and-locking/key-battery.md"


def git(root, *args: str) -> str:
    command = ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.invalid", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


def _edit(root, path: str, old: str, new: str) -> None:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text
    (root / path).write_text(text.replace(old, new), encoding="utf-8")


def _history(make_site):
    """A project whose French translations were recorded, then whose English changed in later commits."""
    files = {
        "data/snippets/en/battery-type.md": b"Use a CR2032 battery.\n",
        "data/snippets/fr/battery-type.md": b"Utilisez une pile CR2032.\n",
    }
    project = make_site(build=False, files=files)
    root = project.root
    _edit(root, BATTERY_EN, "refit the cover.\n", "refit the cover.\n\n[[snippet battery-type]]\n")
    _edit(root, BATTERY_FR, "le couvercle.\n", "le couvercle.\n\n[[snippet battery-type]]\n")
    git(root, "init", "-q", "-b", "main")
    assert project.cli("translations", "--record", FR, BATTERY_FR).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base: translations recorded")
    _edit(root, EN, "Do I register again?", "Must I register again?")
    _edit(root, EN, "See [access](access.md).", "See [access](access.md).\n\nCall us if the link has expired.")
    _edit(root, EN, "No. Use the password-reset link", "No. Use the reset link")
    git(root, "commit", "-qam", "clearer English")
    (root / "data/snippets/en/battery-type.md").write_text("Use a CR2032 or CR2025 battery.\n")
    git(root, "commit", "-qam", "second battery type")
    return project


def test_out_of_date_translations_show_what_changed_in_the_original(make_site):
    project = _history(make_site)
    result = project.cli("translations")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"{FR}: out of date; {EN} changed since the translation was recorded (its text of " in out, out
    assert "  Question:\n    - I forgot my password. Do I register again?\n    + I forgot my password. Must I" in out
    assert "  Answer, paragraph 1 changed:\n    - No. Use the password-reset link" in out
    assert "    + No. Use the reset link on the sign-in page" in out
    assert "  Answer, paragraph 2 added:\n    + Call us if the link has expired." in out
    # a snippet's change is shown in place, as part of the answer
    assert f"{BATTERY_FR}: out of date; {BATTERY_EN} changed" in out
    assert "    - Use a CR2032 battery.\n    + Use a CR2032 or CR2025 battery." in out


def test_show_one_article_by_either_path(make_site):
    project = _history(make_site)
    for path in (FR, EN):
        shown = project.cli("translations", "--show", path)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith(f"{FR}: out of date; {EN} changed"), shown.stdout
        assert "Call us if the link has expired." in shown.stdout
        assert BATTERY_FR not in shown.stdout
    up_to_date = project.cli("translations", "--show", "docs/fr/my-account/access.md")
    assert "docs/fr/my-account/access.md: no translation recorded" in up_to_date.stdout
    unknown = project.cli("translations", "--show", "docs/fr/nowhere.md")
    assert unknown.returncode == 1 and "not an article" in unknown.stdout


def test_a_shallow_clone_says_how_to_fetch_the_history(make_site, tmp_path):
    project = _history(make_site)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone))
    shown = run_cli(clone, "translations", "--show", FR)
    assert "history is shallow" in shown.stdout and "git fetch --unshallow" in shown.stdout, shown.stdout
    git(clone, "fetch", "-q", "--unshallow")
    assert "Call us if the link has expired." in run_cli(clone, "translations", "--show", FR).stdout
