"""The web editor in a release (README: Editing in the browser): ``/admin/`` served by nginx with its own
Content-Security-Policy (this site and the Git host's API) while every reader page keeps the strict one, the same
in the Netlify and Cloudflare Pages headers files; never in the sitemap, never loaded by a reader page; only
what opening it loads is precompressed. A project without the bundle (every test project) is released without
``/admin/`` and says so; ``make release`` (``--require-editor``) stops instead, naming the fix."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import brotli
import pytest
import yaml
from test_hosts import Released, get

from helpcentre.editor import admin
from helpcentre.release import artefacts

from conftest import REPO, new_site, run_cli
from nginx_server import Nginx
from static_server import free_port

PREFIX = "/help/"


def _release(project, site_url: str, *extra: str):
    site, dist = project / "site", project / "dist"
    env = {"SITE_URL": site_url, "SOURCE_DATE_EPOCH": "1780000000"}
    done = run_cli(project, "release", "--site-dir", str(site), "--archive", str(dist / "site.tar.gz"), *extra, env=env)
    return done, site, dist


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The base fixture site with the real bundle (``make editor``), released as ``make release`` does."""
    if admin.bundle(REPO) is None:
        pytest.fail("the editor is not bundled: run `make editor` (make test does)")
    project = new_site(tmp_path_factory.mktemp("editor-release") / "project", build=False).root
    shutil.copytree(REPO / admin.BUNDLE_DIR, project / admin.BUNDLE_DIR)
    port = free_port()
    done, site, dist = _release(project, f"http://127.0.0.1:{port}{PREFIX}", "--require-editor")
    assert done.returncode == 0, done.stdout + done.stderr
    with Nginx(site, dist / "hosts/nginx.conf", prefix=PREFIX, port=port) as server:
        yield Released(project, site, dist, server)


def test_admin_has_its_own_policy_and_reader_pages_keep_theirs(released):
    editor = admin.content_security_policy()
    assert "connect-src 'self' blob: data: https://api.github.com;" in editor
    for path in ("admin/", "admin/editor.js", "admin/config.yml"):
        response = get(released, path)
        assert response.status == 200, path
        assert response.getheader("Content-Security-Policy") == editor, path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
    for path in ("index.html", "fr/index.html", "my-account/index.html"):
        readers = get(released, path).getheader("Content-Security-Policy")
        assert "'sha256-" in readers and "api.github.com" not in readers and "'unsafe-inline'" not in readers, path


ENTRY_FILES = ("admin/", "admin/index.html", "admin/config.yml", "admin/editor.json", "admin/preview.css")


def _hashed(site) -> list[str]:
    """The bundle's files whose name carries their content's hash: esbuild's chunks (``name-XXXXXXXX.js``) and
    the package's assets (fonts, WebAssembly, the HEIC worker); all but the entry, ``editor.js``."""
    folder = site / "admin"
    chunks = [p for p in folder.glob("*.js") if p.name != "editor.js"]
    assets = [p for p in (folder / "assets").iterdir() if p.suffix in (".js", ".wasm", ".woff2")]
    return sorted(p.relative_to(site).as_posix() for p in chunks + assets)


def test_the_bundles_hashed_files_are_cached_a_year_and_its_entry_files_revalidated(released):
    editor, immutable = admin.content_security_policy(), "public, max-age=31536000, immutable"
    hashed = _hashed(released.site)
    assert len(hashed) > 20 and "admin/assets/source-sans-3-latin-wght-normal-BqRLTx4X.woff2" in hashed, hashed
    for path in [*ENTRY_FILES, "admin/editor.js", *hashed]:
        response = get(released, path)
        assert response.status == 200, path
        assert response.getheader("Content-Security-Policy") == editor, path
        # A new release renames the chunks and removes the old ones: what names them is asked again each time.
        expected = immutable if path in hashed else "no-cache"
        assert response.getheader("Cache-Control") == expected, path
    for headers in (released.site / "_headers", released.dist / "hosts/cloudflare-pages/_headers"):
        rules = _rules(headers.read_text())
        for path in [*ENTRY_FILES, "admin/editor.js", *hashed]:
            found = [v for rule, lines in rules if _matches(rule, PREFIX + path) for v in lines if "Cache-Control" in v]
            # The hosts' own default for the rest revalidates (max-age=0, must-revalidate).
            assert found == ([f"Cache-Control: {immutable}"] if path in hashed else []), (headers, path, found)


def _rules(text: str) -> list[tuple[str, list[str]]]:
    rules: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("/"):
            rules.append((line.strip(), []))
        elif line.strip():
            rules[-1][1].append(line.strip())
    return rules


def _matches(rule: str, path: str) -> bool:
    return path.startswith(rule[:-1]) if rule.endswith("*") else path == rule


def test_headers_files_give_admin_its_policy_on_netlify_and_cloudflare_pages(released):
    readers = get(released, "index.html").getheader("Content-Security-Policy")
    netlify = _rules((released.site / "_headers").read_text())
    for path, expected in ((f"{PREFIX}admin/index.html", admin.content_security_policy()), (PREFIX, readers)):
        # Netlify: of the rules matching an address, the last one setting a header wins.
        found = [v for rule, lines in netlify if _matches(rule, path) for v in lines if v.startswith("Content-Sec")]
        assert found[-1] == f"Content-Security-Policy: {expected}", path
    cloudflare = dict(_rules((released.dist / "hosts/cloudflare-pages/_headers").read_text()))
    # Cloudflare Pages joins the values of matching rules: the admin rule detaches the readers' policy first.
    own = cloudflare[f"{PREFIX}admin/*"]
    assert own == ["! Content-Security-Policy", f"Content-Security-Policy: {admin.content_security_policy()}"]


def test_no_reader_page_loads_the_editor_and_the_sitemap_leaves_it_out(released, tmp_path):
    assert "admin" not in (released.site / "sitemap.xml").read_text()
    assert 'name="robots" content="noindex"' in (released.site / "admin/index.html").read_text()
    copy = tmp_path / "site"
    shutil.copytree(released.site, copy)
    home = copy / "fr" / "index.html"
    home.write_text(home.read_text().replace("</head>", '<script src="../admin/editor.js"></script></head>'))
    site_url = f"http://127.0.0.1:{released.server.port}{PREFIX}"
    assert artefacts.check(released.site, site_url, admin.APART) == []
    assert artefacts.check(copy, site_url, admin.APART) == [
        "fr/index.html: script.src loads ../admin/editor.js from /admin/, which reader pages never load"
    ]


def test_only_what_opening_the_editor_loads_is_precompressed_and_the_editor_is_small(released):
    folder = released.site / "admin"
    entry = folder / "editor.js"
    assert brotli.decompress((folder / "editor.js.br").read_bytes()) == entry.read_bytes()
    lazy = sorted(folder.glob("markdown-*.js"))  # code colouring, loaded when a writer opens a code block
    assert lazy and not [
        p for p in lazy if p.with_name(p.name + ".br").exists() or p.with_name(p.name + ".gz").exists()
    ]
    assert not list(folder.glob("wolfram-*.js")) and not list(folder.glob("ru-*.js"))  # languages no writer uses
    shipped = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert shipped < 8_000_000, shipped  # README: Editing in the browser gives the measured size


@pytest.mark.browser
def test_the_editor_opens_under_its_policy_and_asks_no_other_host(released, chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.hcViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.hcViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(released.server.url + "admin/")
    page.get_by_role("button", name=re.compile("Sign In with .*GitHub")).wait_for()  # the GitHub backend's sign-in
    page.wait_for_load_state("networkidle")
    fonts = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    violations = page.evaluate("window.hcViolations")
    context.close()
    assert violations == [] and errors == []
    # Blobs are the page's own memory (the editor's fonts and workers), at its own origin.
    assert {urlsplit(url.removeprefix("blob:")).netloc for url in requests} == {f"127.0.0.1:{released.server.port}"}
    assert '"Source Sans 3"' in fonts or "Source Sans 3" in fonts, fonts  # its own text font, not a fallback
    assert any(url.startswith(released.server.url + "admin/assets/source-sans-3") for url in requests)
    # What opening the editor loads is sent precompressed (the lazily loaded rest is not: the other test).
    opened = [url.removeprefix(released.server.url) for url in requests if url.startswith(released.server.url)]
    scripts = [path for path in opened if path.endswith(".js")]
    assert scripts and [path for path in scripts if not (released.site / f"{path}.br").is_file()] == []


def test_a_project_without_the_bundle_is_released_without_admin_and_says_so(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    done, site, _ = _release(project, "http://127.0.0.1:8000/")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "/admin/ left out: editor/dist/editor.js is missing" in done.stderr
    assert not (site / "admin").exists()
    before = (site / "index.html").read_bytes()
    stopped, site, _ = _release(project, "http://127.0.0.1:8000/", "--require-editor")
    assert stopped.returncode == 1
    assert (
        "release: /admin/: editor/dist/editor.js is missing; run `make editor` (needs Node and npm), "
        "or set `editor: false` under extra.helpcentre in mkdocs.yml"
    ) in stopped.stderr
    assert "Traceback" not in stopped.stderr and (site / "index.html").read_bytes() == before
    off = {"extra": {"helpcentre": {"editor": False}}}
    (project / "mkdocs.yml").write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\n" + yaml.safe_dump(off), encoding="utf-8")
    quiet, site, _ = _release(project, "http://127.0.0.1:8000/", "--require-editor")
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert "/admin/" not in quiet.stderr and not (site / "admin").exists()


def test_an_editor_label_missing_from_data_i18n_stops_the_release_naming_file_and_key(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    shutil.copytree(REPO / admin.BUNDLE_DIR, project / admin.BUNDLE_DIR)
    for lang in ("en", "fr"):
        strings = project / f"data/i18n/{lang}.yml"
        lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
        strings.write_text("".join(line for line in lines if not line.startswith("editor.field.owner:")), "utf-8")
    stopped, site, _ = _release(project, "http://127.0.0.1:8000/", "--require-editor")
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr
    expected = "release: /admin/ not written: data/i18n/en.yml: no string 'editor.field.owner'; add it to every"
    assert expected in stopped.stderr and not site.exists()
