"""The screenshots of the web editor in README's "Editing in the browser": the real bundle (``make editor``) in
Debian's Chromium, once with an English and once with a French browser (the editor speaks the browser's
language), saved as ``editor/docs/<screen>.<lang>.png``.

Four screens a writer meets: the sign-in, the token field after "Sign In Using Access Token", then the articles
and an article open, both languages side by side (there on Sveltia's ``test-repo`` backend, filled with
``docs/``: nothing leaves the machine). The editor is served from the page's routes at
``https://help.example.com/admin/`` with its own policy, so it shows what a published site shows (on 127.0.0.1
it would also offer "Work with Local Repository").

Kept small for the repository: 1000×640 CSS px (the article 1400×760, both languages side by side), 64
colours. Run: ``make editor-screenshots`` (bundles
the editor first; ``PYTHONPATH`` holds ``hooks``, ``scripts`` and ``tests``).
"""

from __future__ import annotations

import base64
import mimetypes
import sys
import tempfile
from io import BytesIO
from pathlib import Path

from chromium import launch
from editorrepo import FILL, STORE, with_test_repo
from PIL import Image
from playwright.sync_api import sync_playwright

from helpcentre.editor import admin, config

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "editor" / "docs"
ORIGIN = "https://help.example.com"
REPOSITORY = "your-org/mini-faq"
LOCALES = {"en": "en-GB", "fr": "fr-FR"}
SIGN_IN = {"en": "Sign In Using Access Token", "fr": "Se connecter avec un jeton d’accès"}
TEST_REPO = {"en": "Work with Test Repository", "fr": "Travailler avec un dépôt de test"}
TOKEN_FIELD = {"en": "Personal Access Token", "fr": "Jeton d’accès personnel"}
VIEWPORT = {"width": 1000, "height": 640}
FRENCH = {"en": "French", "fr": "Français"}
WIDE = {"width": 1400, "height": 760}


def _serve(page, site: Path, config_text: str) -> None:
    """Every request to ORIGIN answered from ``site`` (``config.yml`` with ``config_text``), under the editor's
    policy; any other host refused."""
    policy = admin.content_security_policy()

    def answer(route):
        path = route.request.url.removeprefix(ORIGIN).split("?")[0].split("#")[0]
        headers = {"Content-Security-Policy": policy}
        if path.endswith("/admin/config.yml"):
            return route.fulfill(body=config_text, content_type="text/yaml", headers=headers)
        file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        if not file.is_file():
            return route.fulfill(status=404, body="not found")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        kind = "application/javascript" if file.suffix == ".js" else kind
        return route.fulfill(body=file.read_bytes(), content_type=kind, headers=headers)

    page.route("**/*", lambda route: answer(route) if route.request.url.startswith(ORIGIN) else route.abort())


def _save(page, name: str) -> None:
    page.mouse.move(VIEWPORT["width"] - 1, 1)  # no hover on what the pointer clicked
    page.wait_for_timeout(500)  # transitions done
    image = Image.open(BytesIO(page.screenshot())).convert("RGB").quantize(64, dither=Image.Dither.NONE)
    target = OUT / name
    image.save(target, "PNG", optimize=True)
    print(f"{target.relative_to(ROOT)}: {image.width}×{image.height}, {target.stat().st_size // 1024} kB")


def capture() -> None:
    if admin.bundle(ROOT) is None:
        sys.exit("capture_editor: the editor is not bundled: run `make editor`")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp)
        problem = admin.write(ROOT, site, f"{ORIGIN}/")
        if problem:
            sys.exit(f"capture_editor: {problem}")
        github = config.text(ROOT, config.Backend(repo=REPOSITORY))
        docs = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in (ROOT / "docs").rglob("*") if p.is_file()}
        browser = launch(playwright)
        for lang, locale in LOCALES.items():
            context = browser.new_context(locale=locale, viewport=VIEWPORT)
            page = context.new_page()
            _serve(page, site, github)
            page.goto(f"{ORIGIN}/admin/")
            page.get_by_role("button", name=SIGN_IN[lang]).wait_for()
            _save(page, f"sign-in.{lang}.png")
            page.get_by_role("button", name=SIGN_IN[lang]).click()
            page.get_by_role("textbox", name=TOKEN_FIELD[lang]).wait_for()
            _save(page, f"token.{lang}.png")
            context.close()

            context = browser.new_context(locale=locale, viewport=VIEWPORT)
            page = context.new_page()
            _serve(page, site, with_test_repo(github))
            page.goto(f"{ORIGIN}/admin/editor.json")  # the origin whose private storage the test-repo backend reads
            page.evaluate(FILL, [STORE, {path: base64.b64encode(raw).decode() for path, raw in docs.items()}])
            page.goto(f"{ORIGIN}/admin/")
            page.get_by_role("button", name=TEST_REPO[lang]).click()
            page.get_by_text("4004 · ").first.wait_for()
            _save(page, f"articles.{lang}.png")
            page.set_viewport_size(WIDE)  # both languages side by side
            page.get_by_text("4004 · ").first.click()
            page.get_by_role("textbox").first.wait_for()
            page.get_by_text(FRENCH[lang], exact=True).nth(1).click()  # the right pane: French, not the preview
            page.wait_for_timeout(1500)
            _save(page, f"article.{lang}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    capture()
