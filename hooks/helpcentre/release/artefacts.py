"""Release checks and artefacts for a built site folder, before it replaces ``site/``.

Reads every HTML page, stylesheet and the sitemap of a built folder and produces: the problems that
must stop a release (broken internal links or anchors, anything loaded from another host, a page
without lang, title, canonical or description, a page missing from the sitemap); the
Content-Security-Policy the pages need (hashes of the inline scripts they really contain), which
``hosts`` writes into each host's configuration; and a reproducible ``.tar.gz`` of the folder.
Folders ``apart`` (the web editor's ``admin/``) hold no reader page: left out of every check and of the readers'
policy; a reader page that loads anything from them is a problem.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import posixpath
import re
import tarfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


@dataclass
class Page:
    path: str  # relative to the site folder
    lang: str = ""
    title: str = ""
    canonical: str = ""
    description: str = ""
    robots: str = ""
    refresh: bool = False
    refresh_to: str = ""  # where a redirect page sends readers
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attribute, url)
    inline_scripts: list[str] = field(default_factory=list)
    endpoints: set[str] = field(default_factory=set)  # data-endpoint: where widgets may send JSON


class _PageParser(HTMLParser):
    LOADS: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("link", "href"),
        ("a", "href"),
    }

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in_title = False
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if a.get("data-endpoint"):
            self.page.endpoints.add(a["data-endpoint"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "html":
            self.page.lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            name = a.get("name", "").lower()
            if name == "description":
                self.page.description = a.get("content", "")
            elif name == "robots":
                self.page.robots = a.get("content", "")
            elif a.get("http-equiv", "").lower() == "refresh":
                self.page.refresh = True
                self.page.refresh_to = a.get("content", "").partition("url=")[2].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").split():
            self.page.canonical = a.get("href", "")
        if tag == "script" and "src" not in a:
            self._script = [] if a.get("type", "").lower() in EXECUTABLE_TYPES else None
        for attribute in ("src", "href", "data"):
            if (tag, attribute) in self.LOADS and attribute in a:
                rel = a.get("rel", "").split()
                if tag == "link" and ({"canonical", "alternate"} & set(rel)):
                    continue  # addresses for search engines, not loaded by the page
                self.page.links.append((f"{tag}.{attribute}", a[attribute]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script" and self._script is not None:
            self.page.inline_scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
        if self._script is not None:
            self._script.append(data)


def _is_apart(rel: str, apart: tuple[str, ...]) -> bool:
    return any(rel.startswith(folder.rstrip("/") + "/") for folder in apart)


def read_pages(site: Path, apart: tuple[str, ...] = ()) -> dict[str, Page]:
    """The reader pages of ``site``: every HTML file but those under the folders ``apart``."""
    pages = {}
    for path in sorted(p for p in site.rglob("*.html") if not _is_apart(p.relative_to(site).as_posix(), apart)):
        rel = path.relative_to(site).as_posix()
        page = Page(rel)
        parser = _PageParser(page)
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[rel] = page
    return pages


def _target(page_path: str, url: str, root_path: str = "/") -> tuple[str, str] | None:
    """The site file and fragment an internal URL points at, or None for other schemes. URLs from the
    server root (404 pages use them) are read against ``root_path``, the site's path on its host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page_path, parts.fragment
    if path.startswith("/"):
        if not path.startswith(root_path):
            return "../" + path, parts.fragment  # outside the site: reported as missing
        path, page_path = path[len(root_path) :], "index.html"
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if path.endswith("/") or joined == ".":
        joined = posixpath.join(joined, "index.html") if joined != "." else "index.html"
    return joined, parts.fragment


def check(site: Path, site_url: str, apart: tuple[str, ...] = ()) -> list[str]:
    """Every reason not to publish ``site``; empty when it is fine."""
    pages = read_pages(site, apart)
    root_path = urlsplit(site_url).path or "/"
    problems: list[str] = []
    for page in pages.values():
        problems += _check_page(site, page, pages, root_path)
        problems += _loads_apart(page, root_path, apart)
    problems += _check_styles(site)
    problems += _check_sitemap(site, pages, site_url)
    return problems


def _check_page(site: Path, page: Page, pages: dict[str, Page], root_path: str) -> list[str]:
    problems = []
    for what, url in page.links:
        if _EXTERNAL.match(url) and what != "a.href":
            problems.append(f"{page.path}: {what} loads {url} from another host")
            continue
        target = _target(page.path, url, root_path)
        if target is None or (what != "a.href" and not target[0]):
            continue
        path, fragment = target
        if path.startswith("../") or not (site / path).is_file():
            problems.append(f"{page.path}: {what} {url} points at a missing file ({path})")
        elif fragment and path in pages and fragment not in pages[path].ids:
            problems.append(f"{page.path}: link {url} points at a missing anchor #{fragment}")
    required = {"lang": page.lang, "title": page.title.strip(), "canonical": page.canonical}
    if not page.refresh:
        required["description"] = page.description
    if page.path.endswith("404.html"):
        required.pop("canonical")
    problems += [f"{page.path}: no {name}" for name, value in required.items() if not value]
    return problems


def _loads_apart(page: Page, root_path: str, apart: tuple[str, ...]) -> list[str]:
    """A reader page loading a file of a folder apart (a link to it is fine)."""
    problems = []
    for what, url in page.links:
        target = _target(page.path, url, root_path)
        if what != "a.href" and target and _is_apart(target[0], apart):
            folder = target[0].split("/")[0]
            problems.append(f"{page.path}: {what} loads {url} from /{folder}/, which reader pages never load")
    return problems


def _check_styles(site: Path) -> list[str]:
    problems = []
    for css in sorted(site.rglob("*.css")):
        for match in _CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
            url = match.group(1) or match.group(2)
            if _EXTERNAL.match(url):
                problems.append(f"{css.relative_to(site).as_posix()}: loads {url} from another host")
    return problems


def indexable(page: Page, site_url: str) -> bool:
    """A page search engines should find: not a redirect, not a 404, its own canonical."""
    own = site_url.rstrip("/") + "/" + page.path
    return (
        not page.refresh
        and "noindex" not in page.robots
        and not page.path.endswith("404.html")
        and page.canonical == own
    )


def _check_sitemap(site: Path, pages: dict[str, Page], site_url: str) -> list[str]:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return ["sitemap.xml is missing"]
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")))
    return [
        f"{page.path}: not listed in sitemap.xml"
        for page in pages.values()
        if indexable(page, site_url) and page.canonical not in listed
    ]


def script_hashes(site: Path, apart: tuple[str, ...] = ()) -> list[str]:
    """CSP sources for every distinct inline script of every reader page, sorted."""
    hashes = set()
    for page in read_pages(site, apart).values():
        for script in page.inline_scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def endpoint_origins(site: Path) -> list[str]:
    """The origins of the endpoints the pages' widgets post to (helpful vote, assistant), if any."""
    origins = set()
    for page in read_pages(site).values():
        for endpoint in page.endpoints:
            parts = urlsplit(endpoint)
            if parts.scheme in ("http", "https") and parts.netloc:
                origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


def content_security_policy(hashes: list[str], connect: list[str] = ()) -> str:
    script = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            " ".join(["connect-src 'self'", *connect]),
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def archive(site: Path, destination: Path, mtime: int, extra: dict[str, str] | None = None) -> None:
    """A reproducible .tar.gz of ``site`` (as ``site/``, precompressed forms included) and of ``extra`` files
    (archive path: text, e.g. the hosts' configuration): sorted entries, fixed times and owners, no gzip
    timestamp."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, text in sorted((extra or {}).items()):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            tar.addfile(info, io.BytesIO(data))
        for path in sorted(site.rglob("*")):
            info = tar.gettarinfo(str(path), arcname=f"site/{path.relative_to(site).as_posix()}")
            info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
            info.mode = 0o755 if path.is_dir() else 0o644
            if path.is_file():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")  # never a cut archive under the real name
    with partial.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buffer.getvalue())
    partial.replace(destination)


def source_date_epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
