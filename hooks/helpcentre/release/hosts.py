"""Each host's configuration, written by ``make release`` from the built site itself.

Reads a verified site folder: the redirect pages of moved articles (``aliases:``), each language's folder
and 404 page, the fingerprinted assets (a content hash in the file name), and the Content-Security-Policy
``release.artefacts`` computed from the pages' inline scripts. Produces, from the templates in ``templates/``:

- ``_headers`` and ``_redirects`` inside the site, for Netlify (the 301s are forced with ``!`` because the
  old address's redirect page exists, and each language's 404 page answers under its folder);
- ``hosts/cloudflare-pages/_redirects``: Cloudflare Pages refuses ``301!`` and 404 rules (it applies its
  rules before files and finds the nearest ``404.html`` itself), so it gets the plain 301s;
- ``hosts/cloudflare-pages/_headers``: Cloudflare Pages joins the values of a header that several rules set,
  where Netlify takes the last rule's; a folder with its own policy first detaches the readers' (``!``);
- ``hosts/nginx.conf``: the locations to include in an nginx ``server`` block whose ``root`` holds the site
  at its path: security headers on every answer, a year immutable for fingerprinted assets and five minutes
  for the rest (in a folder whose hashed files an entry names, the editor's, the rest is revalidated), each
  language's 404 page with status 404, a 301 from every old address, and the precompressed ``.gz`` and
  ``.br`` files (``precompress``) served as they are.

A folder with its own Content-Security-Policy (``policies``: the web editor's ``admin/``, which talks to the
Git host's API) gets it in place of the readers' one, in every host's configuration; every other answer keeps
the readers' strict policy.

Hosts without rules (GitHub Pages, an object store) use the site as it is: the redirect pages stay.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from helpcentre.core.languages import Languages
from helpcentre.release import artefacts, precompress

# Material's bundles (main.57a0d79d.min.css, bundle.a5f9d56c.min.js and their maps) and Pagefind's chunks
# (en_11d611a.pf_fragment, pagefind.en_1edda16372.pf_meta): a new content gets a new name. The same
# expression is nginx's (PCRE) and Python's.
# Screenshots: assets/shots/<name>.<12 hex>.<width>.<webp|png|jpg|svg> (images.variants).
FINGERPRINTED = r"[._][0-9a-f]{7,}\.(min\.(css|js)(\.map)?|pf_fragment|pf_index|pf_meta|[0-9]+\.(webp|png|jpg|svg))$"
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"  # HTML, the search index's entry points, favicon: a new release shows in 5 min
# A folder whose hashed files are named by an entry (the editor's editor.js): the entry asked again every time,
# since a release renames those files and removes the old ones.
REVALIDATE = "no-cache"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
_TEMPLATES = Path(__file__).with_name("templates")
_UNSAFE = re.compile(r'[\s";{}\\]')  # nothing that could end or break a line of nginx's configuration


class HostConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Alias:
    path: str  # the old address, from the server root (percent-encoded, as a browser asks for it)
    target: str  # the article's address, from the server root

    @property
    def decoded(self) -> str:
        """The old address as nginx matches it (its $uri is decoded)."""
        return urllib.parse.unquote(self.path)


@dataclass(frozen=True)
class Language:
    code: str
    prefix: str  # from the server root, ending in /
    not_found: str  # its 404 page, from the server root


@dataclass(frozen=True)
class Policy:
    folder: str  # from the server root, ending in /
    csp: str
    hashed: str = ""  # its files named by their content's hash (nginx's PCRE and Python's): a year immutable


@dataclass(frozen=True)
class FolderRule:
    """A folder of the site that brings its own rules (the web editor's ``admin/``): its Content-Security-Policy
    and the expression its hashed files' addresses match (the rest of the folder is then revalidated)."""

    folder: str  # in the site, like "admin"
    csp: str
    hashed: str = ""


@dataclass(frozen=True)
class Site:
    site_url: str
    root_path: str
    csp: str
    headers: tuple[tuple[str, str], ...]  # every security header, the CSP first
    languages: tuple[Language, ...]  # the default language (at the root) first
    aliases: tuple[Alias, ...]
    immutable_globs: tuple[str, ...]  # _headers paths of the fingerprinted files
    policies: tuple[Policy, ...] = ()  # folders with their own Content-Security-Policy


def read(
    site: Path,
    site_url: str,
    csp: str,
    langs: Languages,
    folders: tuple[FolderRule, ...] = (),
) -> Site:
    """``folders``: the folders of the site with rules of their own (``FolderRule``)."""
    root_path = urlsplit(site_url).path or "/"
    if not root_path.endswith("/"):
        root_path += "/"
    pages = artefacts.read_pages(site)
    aliases = []
    for page in pages.values():
        if page.refresh and page.refresh_to:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), page.refresh_to))
            aliases.append(Alias(root_path + page.path, root_path + target))
    languages = []
    for lang in langs.codes:
        folder = langs.site_path(lang, "index.md").removesuffix("index.html")
        if (site / folder / "404.html").is_file():
            languages.append(Language(lang, root_path + folder, f"{root_path}{folder}404.html"))
    headers = (("Content-Security-Policy", csp), *SECURITY_HEADERS.items())
    ordered = tuple(sorted(aliases, key=lambda a: a.path))
    rules = sorted(folders, key=lambda rule: rule.folder.strip("/"))
    own = tuple(Policy(root_path + rule.folder.strip("/") + "/", rule.csp, rule.hashed) for rule in rules)
    globs = immutable_globs(site, root_path, {rule.folder.strip("/"): rule.hashed for rule in rules if rule.hashed})
    result = Site(site_url, root_path, csp, headers, tuple(languages), ordered, globs, own)
    refuse_unsafe(result)
    return result


def immutable_globs(site: Path, root_path: str, hashed: dict[str, str] | None = None) -> tuple[str, ...]:
    """``/folder/*`` where every file under a folder is fingerprinted (a host's ``*`` reaches into
    subfolders too), else each fingerprinted file; under a folder of ``hashed``, the files its expression
    matches (on ``/`` and the path), and only those."""
    pattern = re.compile(FINGERPRINTED)
    own = {folder: re.compile(expression) for folder, expression in (hashed or {}).items()}
    files = [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix not in precompress.ENCODINGS
    ]

    def fingerprinted(rel: str) -> bool:
        for folder, expression in own.items():
            if rel.startswith(folder + "/"):
                return bool(expression.search("/" + rel))
        return bool(pattern.search(rel))

    marked = {rel: fingerprinted(rel) for rel in files}
    folders = {posixpath.dirname(rel) for rel in files if marked[rel]}
    whole = set()
    for folder in folders:
        while folder and all(marked[rel] for rel in files if rel.startswith(folder + "/")):
            whole.add(folder)
            folder = posixpath.dirname(folder)
    tops = {f for f in whole if not any(f.startswith(other + "/") for other in whole)}
    globs = {f"{root_path}{folder}/*" for folder in tops}
    globs |= {root_path + rel for rel in files if marked[rel] and not any(rel.startswith(t + "/") for t in tops)}
    return tuple(sorted(globs))


def refuse_unsafe(site: Site) -> None:
    for alias in site.aliases:
        for address in (alias.path, alias.target, alias.decoded):
            if _UNSAFE.search(address):
                raise HostConfigError(f"{address!r}: an address with a space, quote, brace or semicolon")
    for csp in (site.csp, *(policy.csp for policy in site.policies)):
        if '"' in csp or "\n" in csp:
            raise HostConfigError("the Content-Security-Policy holds a quote or a line break")
    for policy in site.policies:
        if _UNSAFE.search(policy.folder):
            raise HostConfigError(f"{policy.folder!r}: a folder with a space, quote, brace or semicolon")
        if re.search(r'[\s";]', policy.hashed):
            raise HostConfigError(f"{policy.hashed!r}: an expression nginx cannot hold in quotes")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=False,  # configuration files, not HTML; addresses are checked by _refuse_unsafe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(site: Site) -> dict[str, str]:
    """Every host file, by its path: inside the site (``_headers``, ``_redirects``) or beside it (``hosts/``)."""
    env = _environment()
    values = {
        "site": site,
        "fingerprinted": FINGERPRINTED,
        "immutable": IMMUTABLE,
        "short": SHORT,
        "revalidate": REVALIDATE,
    }
    return {
        "_headers": env.get_template("_headers").render(values, detach=False),
        "hosts/cloudflare-pages/_headers": env.get_template("_headers").render(values, detach=True),
        "_redirects": env.get_template("_redirects").render(values, forced=True, not_found=True),
        "hosts/cloudflare-pages/_redirects": env.get_template("_redirects").render(
            values, forced=False, not_found=False
        ),
        "hosts/nginx.conf": env.get_template("nginx.conf").render(values),
    }


def write(site_dir: Path, files: dict[str, str]) -> None:
    """The files that belong inside the site (``_headers``, ``_redirects``)."""
    for name, text in files.items():
        if not name.startswith("hosts/"):
            (site_dir / name).write_text(text, encoding="utf-8")


def extra_files(files: dict[str, str]) -> dict[str, str]:
    """The files that go beside the site (``hosts/...``)."""
    return {name: text for name, text in files.items() if name.startswith("hosts/")}
