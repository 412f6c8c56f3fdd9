"""The released site as hosts serve it: Debian's nginx with the release's own hosts/nginx.conf, at the root
and under a sub-path (status codes, headers, precompressed answers, the pages in Chromium), and the files
the release writes for the other hosts (_headers, _redirects, the precompressed forms, the archive)."""

from __future__ import annotations

import gzip
import http.client
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup

from conftest import new_site, run_cli
from nginx_server import Nginx
from static_server import free_port

ARTICLE = "keys-and-locking/key-battery.html"
CATEGORY = "my-account/index.html"
ALIASES = ("keys/battery.html", "old-battery.html")  # tests/sites/renamed
FOLDERS = ("", "fr/")  # the default language at the root, French under fr/


@dataclass
class Released:
    project: Path
    site: Path
    dist: Path
    server: Nginx

    @property
    def prefix(self) -> str:
        return self.server.prefix


def release(project: Path, site_url: str, name: str = "site") -> tuple[Path, Path]:
    site, dist = project / name, project / f"dist-{name}"
    done = run_cli(
        project,
        "release",
        "--site-dir",
        str(site),
        "--archive",
        str(dist / "site.tar.gz"),
        env={"SITE_URL": site_url, "SOURCE_DATE_EPOCH": "1780000000"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site, dist


@pytest.fixture(scope="module", params=["/", "/help/"], ids=["root", "sub-path"])
def released(request, tmp_path_factory):
    """The renamed-article fixture site, released for the address nginx then serves it at."""
    project = new_site(tmp_path_factory.mktemp("hosts") / "project", "renamed", build=False).root
    port = free_port()
    site, dist = release(project, f"http://127.0.0.1:{port}{request.param}")
    with Nginx(site, dist / "hosts/nginx.conf", prefix=request.param, port=port) as server:
        yield Released(project, site, dist, server)


def get(released: Released, path: str, encoding: str = "") -> http.client.HTTPResponse:
    """One GET through nginx, bytes as sent (no decompression, no redirects followed); ``.body`` holds them."""
    connection = http.client.HTTPConnection("127.0.0.1", released.server.port, timeout=10)
    connection.request("GET", released.prefix + path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_pages_answer_200_and_old_addresses_301_in_both_languages(released):
    for folder in FOLDERS:
        for page in ("index.html", "", CATEGORY, ARTICLE):
            assert get(released, folder + page).status == 200, folder + page
        for alias in ALIASES:
            moved = get(released, folder + alias)
            assert moved.status == 301, folder + alias
            assert moved.getheader("Location") == released.prefix + folder + ARTICLE


@pytest.mark.parametrize(("folder", "lang"), [("", "en"), ("fr/", "fr")])
def test_a_missing_address_gets_its_languages_404_page_with_status_404(released, folder, lang):
    for missing in ("no-such-page.html", "keys-and-locking/gone.html", "assets/"):
        response = get(released, folder + missing)
        assert response.status == 404, folder + missing
        html = BeautifulSoup(response.body.decode(), "html.parser")
        assert html.html["lang"] == lang
        assert html.select_one('[data-hc="search"]') and html.select_one('[data-hc="footer-contacts"]')


def _csp(released: Released) -> str:
    headers = (released.site / "_headers").read_text()
    return re.search(r"Content-Security-Policy: (.+)", headers).group(1)


def test_every_answer_carries_the_security_headers_and_its_cache_lifetime(released):
    csp = _csp(released)
    assert "'sha256-" in csp and "'unsafe-inline'" not in csp
    bundle = next(released.site.glob("assets/javascripts/bundle.*.min.js")).relative_to(released.site).as_posix()
    fragment = next(released.site.glob("pagefind/fr/fragment/*.pf_fragment")).relative_to(released.site).as_posix()
    short = ["index.html", "fr/" + ARTICLE, "pagefind/en/pagefind-entry.json", "pagefind/fr/pagefind.js"]
    cases = {path: "public, max-age=300" for path in [*short, "fr/missing.html"]}
    cases |= {bundle: "public, max-age=31536000, immutable", fragment: "public, max-age=31536000, immutable"}
    for path, cache in cases.items():
        response = get(released, path)
        assert response.getheader("Content-Security-Policy") == csp, path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin", path
        assert response.getheader("Permissions-Policy") == "camera=(), microphone=(), geolocation=()", path
        assert response.getheader("Cache-Control") == cache, path


def test_text_is_sent_precompressed_in_the_form_the_browser_asks_for(released):
    original = (released.site / "fr" / ARTICLE).read_bytes()
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = get(released, "fr/" + ARTICLE, encoding=f"{encoding}, deflate")
        assert response.getheader("Content-Encoding") == encoding
        assert "Accept-Encoding" in response.getheader("Vary", "")
        assert decompress(response.body) == original
    plain = get(released, "fr/" + ARTICLE)
    assert plain.getheader("Content-Encoding") is None and plain.body == original
    wasm = get(released, "pagefind/en/wasm.en.pagefind", encoding="br, gzip")  # already compressed: sent as is
    assert wasm.getheader("Content-Encoding") is None
    assert wasm.body == (released.site / "pagefind/en/wasm.en.pagefind").read_bytes()


def test_host_files_are_not_served(released):
    for name in ("_headers", "_redirects", "fr/_headers"):
        assert get(released, name).status == 404


@pytest.mark.browser
@pytest.mark.parametrize("page", ["index.html", CATEGORY, ARTICLE, "fr/index.html", "fr/" + CATEGORY, "fr/" + ARTICLE])
def test_pages_load_in_chromium_without_an_error_or_a_csp_violation(released, chromium, page):
    context = chromium.new_context()
    tab = context.new_page()
    tab.add_init_script(
        "window.hcViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.hcViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors, failed, encodings = [], [], set()
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("requestfailed", lambda r: failed.append(r.url))
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("response", lambda r: encodings.add(r.headers.get("content-encoding")))
    tab.goto(released.server.url + page)
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("window.hcViolations") == [] and errors == [] and failed == []
    assert "br" in encodings  # Chromium asks for Brotli and gets it
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("folder", "query", "question"), [("", "battery", "replace key battery"), ("fr/", "pile", "remplacer la pile")]
)
def test_search_and_the_assistant_work_through_nginx(released, chromium, folder, query, question):
    context = chromium.new_context()
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(released.server.url + folder + "index.html")
    tab.fill(".md-content .hc-search__input", query)
    tab.wait_for_selector(".md-content [data-hc='search-results'] a")
    found = tab.get_attribute(".md-content [data-hc='search-results'] a", "href")
    assert urlsplit(found).path == released.prefix + folder + ARTICLE
    tab.fill("#hc-assistant-input", question)
    tab.click(".hc-assistant button[type=submit]")
    tab.wait_for_selector(".hc-assistant__answers:not([hidden]) a")
    answer = tab.get_attribute(".hc-assistant__list a", "href")
    assert tab.evaluate(f"new URL({answer!r}, location.href).pathname") == released.prefix + folder + ARTICLE
    assert errors == []
    context.close()


def test_redirects_files_for_netlify_and_cloudflare_pages(released):
    netlify = (released.site / "_redirects").read_text().splitlines()
    cloudflare = (released.dist / "hosts/cloudflare-pages/_redirects").read_text().splitlines()
    prefix = released.prefix
    for folder in FOLDERS:
        for alias in ALIASES:
            old, new = prefix + folder + alias, prefix + folder + ARTICLE
            assert f"{old} {new} 301!" in netlify  # forced: the old address's redirect page exists
            assert f"{old} {new} 301" in cloudflare  # Cloudflare Pages refuses "301!" and applies rules first
    # Netlify answers a missing French address with the French 404 page; the more specific rule comes first.
    assert netlify[-2:] == [f"{prefix}fr/* {prefix}fr/404.html 404", f"{prefix}* {prefix}404.html 404"]
    assert not any(line.endswith("404") for line in cloudflare)  # it finds the nearest 404.html itself
    # Hosts without rules still have the redirect pages.
    assert 'http-equiv="refresh"' in (released.site / "fr" / ALIASES[0]).read_text()


def test_precompressed_files_pay_are_deterministic_and_archived(released):
    site = released.site
    html = site / "fr" / ARTICLE
    assert gzip.decompress((html.parent / (html.name + ".gz")).read_bytes()) == html.read_bytes()
    assert brotli.decompress((html.parent / (html.name + ".br")).read_bytes()) == html.read_bytes()
    header = (html.parent / (html.name + ".gz")).read_bytes()[:10]
    assert header[3] == 0 and header[4:8] == b"\0\0\0\0"  # no file name, no time: the bytes depend on the content
    assert not list(site.glob("pagefind/**/*.pf_fragment.*"))  # Pagefind's chunks are compressed already
    assert not (site / "robots.txt.gz").exists()  # 68 bytes: gzip makes it bigger
    for compressed in site.rglob("*.br"):
        original = compressed.with_suffix("")
        assert compressed.stat().st_size <= 0.9 * original.stat().st_size, original
    with tarfile.open(released.dist / "site.tar.gz") as tar:
        names = set(tar.getnames())
    assert {f"site/fr/{ARTICLE}", f"site/fr/{ARTICLE}.gz", f"site/fr/{ARTICLE}.br", "hosts/nginx.conf"} <= names


@pytest.mark.parametrize("released", ["/"], indirect=True)  # one comparison is enough
def test_two_releases_of_one_commit_are_byte_identical(released):
    site_url = f"http://127.0.0.1:{released.server.port}/"
    _, again = release(released.project, site_url, name="again")
    assert (again / "site.tar.gz").read_bytes() == (released.dist / "site.tar.gz").read_bytes()
    assert (again / "hosts/nginx.conf").read_bytes() == (released.dist / "hosts/nginx.conf").read_bytes()


@pytest.fixture(scope="module")
def released_shots(tmp_path_factory):
    """The screenshots fixture site, released and served by nginx."""
    project = new_site(tmp_path_factory.mktemp("hosts-shots") / "project", "screenshots", build=False).root
    port = free_port()
    site, dist = release(project, f"http://127.0.0.1:{port}/")
    with Nginx(site, dist / "hosts/nginx.conf", prefix="/", port=port) as server:
        yield Released(project, site, dist, server)


def test_screenshots_are_served_with_their_types_for_a_year_and_never_precompressed(released_shots):
    shots = sorted(released_shots.site.glob("assets/shots/*"))
    types = {".webp": "image/webp", ".png": "image/png"}
    assert {p.suffix for p in shots} == set(types)
    for path in shots:
        response = get(released_shots, path.relative_to(released_shots.site).as_posix(), encoding="gzip, br")
        assert response.status == 200 and response.getheader("Content-Type") == types[path.suffix], path
        assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable", path
        assert response.getheader("Content-Encoding") is None, path
        assert response.getheader("Content-Security-Policy") == _csp(released_shots), path
    assert "/assets/shots/*" in (released_shots.site / "_headers").read_text(encoding="utf-8")
