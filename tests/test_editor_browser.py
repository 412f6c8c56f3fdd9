"""The web editor at /admin/ in Debian's Chromium (the session's ``chromium`` fixture): the real bundle
(``make editor``) on the test-repo backend (``tests/editorrepo.py``), served with the editor's own
Content-Security-Policy as the hosts send it. A writer edits an existing article and creates one in both
languages; the files read back pass ``make check``, build, and differ from the repository's only where the writer
typed; every request the editor makes goes to this site and nothing breaks its policy."""

from __future__ import annotations

import base64
import datetime as dt
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from editorrepo import FILL, READ, REPO, STORE, with_test_repo
from PIL import Image
from playwright.sync_api import Error as PlaywrightError

from helpcentre.editor import admin

from browser import Server, free_port, record
from conftest import new_site, run_cli

pytestmark = pytest.mark.browser

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
    policy = {"Content-Security-Policy": admin.content_security_policy()}
    with Server(site, port=port, headers=policy) as server:
        yield server, port, site


def _repository_files() -> dict[str, bytes]:
    return {p.relative_to(REPO).as_posix(): p.read_bytes() for p in sorted((REPO / "docs").rglob("*")) if p.is_file()}


def _read_back(page) -> dict[str, bytes]:
    return {path: base64.b64decode(data) for path, data in page.evaluate(READ, STORE).items()}


# What reading the browser's private storage meets while the editor saves: a file being written, or one it
# removed to write again (seen on a busy machine).
_MID_SAVE = ("NotReadableError", "NotFoundError")


def _until_saved(page, path: str, before: bytes, seconds: float = 30) -> dict[str, bytes]:
    deadline = time.monotonic() + seconds
    files: dict[str, bytes] = {}
    while time.monotonic() < deadline:
        try:
            files = _read_back(page)
        except PlaywrightError as exc:  # a file read while the editor rewrites or replaces it: read again
            if not any(name in str(exc) for name in _MID_SAVE):
                raise
            files = {}
        if files.get(path, before) != before:
            return files
        page.wait_for_timeout(200)
    near = sorted(p for p in files if p.startswith(path.rsplit("/", 1)[0]))
    raise AssertionError(f"the editor did not save {path}; beside it: {near}")


def _open_editor(page, port: int, site, originals: dict[str, bytes]) -> set[str]:
    """The editor on the test-repo backend, filled with ``originals``; the hosts its requests go to."""
    config = with_test_repo((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.route("**/admin/config.yml*", lambda route: route.fulfill(body=config, content_type="text/yaml"))
    base = f"http://127.0.0.1:{port}"
    page.goto(f"{base}/admin/editor.json")  # the origin whose private storage the editor reads
    page.evaluate(FILL, [STORE, {path: base64.b64encode(raw).decode() for path, raw in originals.items()}])
    page.goto(f"{base}/admin/")
    page.get_by_text("Work with Test Repository").click()
    return hosts


def _passes_check_and_builds(tmp_path, files: dict[str, bytes]) -> None:
    project = new_site(tmp_path / "project", real_content=True, files=files, build=False)
    checked = run_cli(project.root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert project.build().ok, project.output


def _answer_field(page, selector: str = "textarea"):
    """The answer's field, scrolled to as a writer scrolls down the form to it: the editor draws a field only
    once it comes near the screen."""
    field = page.locator(selector).first
    page.mouse.move(300, 600)
    for _ in range(60):
        if field.count():
            break
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(250)
    field.scroll_into_view_if_needed()
    return field


def _no_error_but_the_previews_known_404(tab, port: int) -> None:
    """Known, not ours to fix here: once it draws article 4004 (whenever that happens before the save), the
    preview first asks for the article's own screenshot from the site's root (its address is relative) before
    it shows it from the repository's copy. Any other failed request or error fails the test."""
    assert set(tab.failed) <= {f"404 http://127.0.0.1:{port}/delete-mini-id/manage-profiles.png"}, tab.failed
    assert not [e for e in tab.errors if "sandbox" not in e and "404 (File not found)" not in e], tab.errors


@pytest.fixture
def writer(chromium):
    """A tab of the session's Chromium, wide enough for both languages side by side."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    yield record(context.new_page())
    context.close()


def test_edit_an_article_changes_only_what_the_writer_typed(editor_site, writer, tmp_path):
    _, port, site = editor_site
    originals = _repository_files()
    page, tab = writer.page, writer
    hosts = _open_editor(page, port, site, originals)
    page.get_by_text("4004 · How do I delete a MINI ID?").click()
    body = _answer_field(page)
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(f"\n\n{TYPED}")
    page.get_by_role("button", name="Save").click()
    files = _until_saved(page, EDITED, originals[EDITED])
    assert hosts == {f"127.0.0.1:{port}"}, hosts
    _no_error_but_the_previews_known_404(tab, port)
    changed = {path for path in files if files[path] != originals.get(path)}
    assert changed == {EDITED}, changed
    expected = originals[EDITED].decode().rstrip("\n") + f"\n\n{TYPED}\n"
    assert files[EDITED].decode() == expected
    _passes_check_and_builds(tmp_path, {EDITED: files[EDITED]})


def test_a_screenshot_without_alt_text_is_not_saved_and_the_writer_is_told_why(editor_site, writer):
    _, port, site = editor_site
    originals = _repository_files()
    page = writer.page
    _open_editor(page, port, site, originals)
    page.get_by_text("4004 · How do I delete a MINI ID?").click()
    body = _answer_field(page)
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\n![](delete-mini-id/manage-profiles.png)")
    page.get_by_role("button", name="Save").click()
    told = "A screenshot has no alt text: write what the screen shows between the brackets"
    page.get_by_text(told).first.wait_for()
    page.wait_for_timeout(1000)  # a save, had it gone through, is written within this
    assert _read_back(page)[EDITED] == originals[EDITED]


SHOWN_ALT = "Manage profiles on the central display: each MINI ID has a delete icon on its right"


def test_the_preview_shows_a_screenshot_indented_under_its_step_as_an_image(editor_site, writer):
    """Article 4004's screenshot is indented under step 4, as README's "Screenshots in answers" asks: the
    preview shows it in that step, not as a code block of escaped HTML."""
    _, port, site = editor_site
    page = writer.page
    _open_editor(page, port, site, _repository_files())
    page.get_by_text("4004 · How do I delete a MINI ID?").click()
    preview = page.frame_locator("iframe[title='Content Preview']")
    shot = preview.locator("ol > li").get_by_role("img", name=re.compile("^" + re.escape(SHOWN_ALT)))
    for _ in range(40):  # the preview draws a block once it comes near the screen
        if shot.count():
            break
        preview.locator("body").evaluate("body => body.ownerDocument.scrollingElement.scrollBy(0, 600)")
        page.wait_for_timeout(250)
    assert shot.count() == 1, preview.locator("body").inner_html()[-1500:]
    assert preview.locator("pre").count() == 0


NEW = {"en": "How do I pair a second phone?", "fr": "Comment jumeler un deuxième téléphone\u202f?"}
NEW_ANSWER = {
    "en": "Open **Phone** on the central display and add the second phone.",
    "fr": "Ouvrez Téléphone sur l'écran central et ajoutez le deuxième téléphone.",
}
SHOT_ALT = "The Phone screen with its Add phone button"


def _upload_screenshot(page, png: Path, alt: str, shown: str) -> None:
    """In the answer's rich-text view, the Image button, then Upload from the writer's computer, then its alt text;
    done once the image shows its address (``shown``) and the preview shows it with its alt text."""
    page.get_by_role("button", name="Edit in Markdown").click()  # leaves the raw view
    # After its last paragraph's end, as a writer clicks there: not the middle of the field, where an image
    # already there may take the click, nor inside a link.
    last = page.locator("[contenteditable=true]:visible").first.locator(":scope > p").last
    box = last.bounding_box()
    last.click(position={"x": box["width"] - 2, "y": box["height"] - 4})
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Image", exact=True).first.click()  # the toolbar's, not "Replace Image"
    browse, dialog = page.get_by_role("button", name="Browse"), page.get_by_role("dialog")
    browse.or_(dialog).first.wait_for()
    if browse.is_visible():  # a new article: the image's form first; with images beside it, the dialog at once
        browse.click()
    sources = dialog.get_by_role("option")
    sources.first.wait_for()
    # A remote image is refused by make check: the dialog never offers to enter an address (editor/build.mjs).
    offered = [text.splitlines()[-1] for text in sources.all_inner_texts()]  # after each icon's name
    assert "Entry Assets" in offered and "Enter URL" not in offered, offered
    dialog.locator("input[type=file]").set_input_files(str(png))
    page.get_by_role("button", name="Insert").click()
    page.get_by_text(shown, exact=True).wait_for()
    page.get_by_role("textbox", name="Alt Text").last.fill(alt)  # the new image, after any already there
    page.frame_locator("iframe[title='Content Preview']").get_by_role("img", name=alt).wait_for()


def test_add_a_screenshot_to_an_existing_article(editor_site, writer, tmp_path):
    _, port, site = editor_site
    originals = _repository_files()
    png = tmp_path / "Profile Settings.png"
    Image.new("RGB", (480, 300), (200, 60, 30)).save(png)
    page, tab = writer.page, writer
    hosts = _open_editor(page, port, site, originals)
    page.get_by_text("4004 · How do I delete a MINI ID?").click()
    _answer_field(page)
    alt = "Profile settings on the central display with Manage profiles at the bottom"
    _upload_screenshot(page, png, alt, "delete-mini-id/profile-settings.png")
    page.get_by_role("button", name="Save").click()
    shot = "docs/en/app-and-mini-id/delete-mini-id/profile-settings.png"  # beside the others, name made safe
    _until_saved(page, shot, b"")
    files = _until_saved(page, EDITED, originals[EDITED])
    assert hosts == {f"127.0.0.1:{port}"}, hosts
    _no_error_but_the_previews_known_404(tab, port)
    assert files.pop(shot) == png.read_bytes()
    changed = {path for path in files if files[path] != originals.get(path)}
    assert changed == {EDITED}, changed
    expected = originals[EDITED].decode().rstrip("\n") + f"\n\n![{alt}](delete-mini-id/profile-settings.png)\n"
    assert files[EDITED].decode() == expected
    _passes_check_and_builds(tmp_path, {EDITED: files[EDITED], shot: png.read_bytes()})


def _start_new_article(page, title: str) -> None:
    """New, then the question typed once the page takes typing again. New also opens its menu (empty here: the
    collection has no index file to offer), a modal dialog over the whole page that closes only when the browser
    reports the button out of sight behind the editor, late when the machine is busy. Typed before then, the
    question went to the menu: the article got a random slug, and its screenshot a random folder (the upload waited
    in vain for how-do-i-pair-a-second-phone/phone.png, seen as bcd3a0382b4a/phone.png)."""
    new = page.get_by_role("button", name="New")
    button = new.element_handle()
    new.click()  # sets aria-expanded="true" at once; "false" again once the menu is closed
    page.wait_for_function("(button) => button.getAttribute('aria-expanded') === 'false'", arg=button)
    question = page.get_by_role("textbox").first
    question.fill(title)
    assert question.input_value() == title


def test_create_an_article_in_both_languages_with_a_screenshot(editor_site, writer, tmp_path):
    _, port, site = editor_site
    originals = _repository_files()
    png = tmp_path / "Phone.png"
    Image.new("RGB", (640, 400), (30, 120, 200)).save(png)
    page, tab = writer.page, writer
    hosts = _open_editor(page, port, site, originals)
    _start_new_article(page, NEW["en"])
    page.get_by_role("combobox").first.click()
    page.get_by_role("option", name="Connectivity / Connectivité").click()
    _answer_field(page).fill(NEW_ANSWER["en"])
    _upload_screenshot(page, png, SHOT_ALT, "how-do-i-pair-a-second-phone/phone.png")
    page.get_by_text("French", exact=True).first.click()
    page.get_by_role("textbox").first.fill(NEW["fr"])
    _answer_field(page, "[contenteditable=true]:visible").click()  # the rich-text view, as the writer left it
    page.keyboard.type(NEW_ANSWER["fr"])
    page.get_by_role("button", name="Save").click()
    path = "docs/en/connectivity/how-do-i-pair-a-second-phone.md"
    shot = "docs/en/connectivity/how-do-i-pair-a-second-phone/phone.png"  # beside the article, name made safe
    _until_saved(page, path, b"")
    _until_saved(page, shot, b"")
    files = _until_saved(page, path.replace("docs/en/", "docs/fr/"), b"")  # the twin, written after it
    assert hosts == {f"127.0.0.1:{port}"}, hosts
    assert not [e for e in tab.errors if "sandbox" not in e], tab.errors
    assert files.pop(shot) == png.read_bytes()
    added = {p: files[p].decode() for p in files if p not in originals}
    assert set(added) == {path, path.replace("docs/en/", "docs/fr/")}, added
    assert not [p for p in originals if files.get(p) != originals[p]]
    ids = {int(re.search(r"^id: (\d+)$", text, re.MULTILINE).group(1)) for text in added.values()}
    used = {int(m) for raw in originals.values() for m in re.findall(rb"^id: (\d+)$", raw, re.MULTILINE)}
    (new_id,) = ids  # the same id in both languages, picked at save, never typed
    assert 5001 <= new_id <= 5999 and new_id not in used, new_id  # connectivity is the fifth category: 5xxx
    screenshot = f"\n\n![{SHOT_ALT}](how-do-i-pair-a-second-phone/phone.png)"
    for lang, text in added.items():
        code = lang.split("/")[1]
        # updated: the day of the first save, as make new writes it
        front = f'id: {new_id}\ntitle: "{NEW[code]}"\ncategory: connectivity\nupdated: {dt.date.today().isoformat()}\n'
        expected = f"---\n{front}---\n\n{NEW_ANSWER[code]}{screenshot if code == 'en' else ''}\n"
        assert text == expected
    _passes_check_and_builds(tmp_path, {**{p: files[p] for p in added}, shot: png.read_bytes()})
