"""The web editor at /admin/ in Debian's Chromium: the real bundle (``make editor``) on the test-repo backend
(``tests/editor.py``). A writer edits an existing article; the files read back pass ``make check``, build, and
differ from the repository's only where the writer typed; every request the editor makes goes to this site."""

from __future__ import annotations

import base64
import time
from urllib.parse import urlsplit

import pytest
from editorrepo import FILL, READ, REPO, STORE, with_test_repo
from playwright.sync_api import sync_playwright

from helpcentre.editor import admin

from browser import Server, free_port, launch, record
from conftest import new_site, run_cli

EDITED = "docs/en/app-and-mini-id/delete-mini-id.md"
TYPED = "Deleting a MINI ID also removes its settings from the car."


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    if admin.bundle(REPO) is None:
        pytest.fail("the editor is not bundled: run `make editor` (make test does)")
    site = tmp_path_factory.mktemp("editor") / "site"
    site.mkdir()
    port = free_port()
    assert admin.write(REPO, site, f"http://127.0.0.1:{port}/") is None
    with Server(site, port=port) as server:
        yield server, port, site


def _repository_files() -> dict[str, bytes]:
    return {p.relative_to(REPO).as_posix(): p.read_bytes() for p in sorted((REPO / "docs").rglob("*")) if p.is_file()}


def _read_back(page) -> dict[str, bytes]:
    return {path: base64.b64decode(data) for path, data in page.evaluate(READ, STORE).items()}


def _until_saved(page, path: str, before: bytes, seconds: float = 30) -> dict[str, bytes]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        files = _read_back(page)
        if files.get(path, before) != before:
            return files
        page.wait_for_timeout(200)
    raise AssertionError(f"the editor did not save {path}")


def test_edit_an_article_changes_only_what_the_writer_typed(editor_site, tmp_path):
    _, port, site = editor_site
    originals = _repository_files()
    config = with_test_repo((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        tab = record(page)
        hosts = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.route("**/admin/config.yml*", lambda route: route.fulfill(body=config, content_type="text/yaml"))
        base = f"http://127.0.0.1:{port}"
        page.goto(f"{base}/admin/editor.json")  # the origin whose private storage the editor reads
        page.evaluate(FILL, [STORE, {path: base64.b64encode(raw).decode() for path, raw in originals.items()}])
        page.goto(f"{base}/admin/")
        page.get_by_text("Work with Test Repository").click()
        page.get_by_text("4004 · How do I delete a MINI ID?").click()
        body = page.locator("textarea").first
        body.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(f"\n\n{TYPED}")
        page.get_by_role("button", name="Save").click()
        files = _until_saved(page, EDITED, originals[EDITED])
        browser.close()
    assert hosts == {f"127.0.0.1:{port}"}, hosts
    assert not [e for e in tab.errors if "sandbox" not in e], tab.errors
    changed = {path for path in files if files[path] != originals.get(path)}
    assert changed == {EDITED}, changed
    expected = originals[EDITED].decode().rstrip("\n") + f"\n\n{TYPED}\n"
    assert files[EDITED].decode() == expected
    project = new_site(tmp_path / "project", real_content=True, files={EDITED: files[EDITED]}, build=False)
    checked = run_cli(project.root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert project.build().ok, project.output
