"""The images an article's body shows, fetched from the help centre and named for their place here.

Reads the images' addresses (in the order the bodies show them) and fetches each once, a few at a time.
Produces, per article and language, the file each becomes beside the article
(``docs/<lang>/<category>/<slug>/<name>.<ext>``: the screenshots' layout), its extension from its bytes (a
PNG saved as ``.jpg`` on Zendesk is named ``.png`` here), and a screen both languages show, the same bytes
at the same address, as one ``<name>.wordless.<ext>`` in the default language's tree (README: Screenshots in
answers). An address is asked for as a browser asks for it: a space or an accented letter in its path or
query percent-encoded as UTF-8 (``my shot.png`` is ``my%20shot.png``), an ``%XX`` already there left as it is.
An image the help centre does not have (a ``404``), that no request can ask for (a control character in its
address) or that is no image is a note for the report; one it still fails to send after every retry
(``zendesk.Unreachable``: a connection dropped or cut short, a ``5xx``) stops the import, as a list failing so
does: importing again may bring it.
"""

from __future__ import annotations

import concurrent.futures
import posixpath
import re
import urllib.parse
from collections.abc import Callable

from helpcentre.core.slugs import slugify
from helpcentre.importer import zendesk

WORKERS = 4
# What a browser's URL parser percent-encodes (the WHATWG URL Standard's path and special-query percent-encode
# sets) but C0 controls and DEL: a browser would ask for a file no one has, and sent as they are http.client
# refuses the address, which the report asks to correct. "%" is in neither set: an address already escaped is not
# escaped twice. Half of a character (no UTF-8) never gets here: bodies.convert refuses a body holding one.
_IN_PATH = re.compile(r"[ \"#<>?^`{}\u0080-\U0010ffff]")
_IN_QUERY = re.compile(r"[ \"#<>'\u0080-\U0010ffff]")
# scheme://host, path, ?query, #fragment: every string matches
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?", re.DOTALL)
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"))


def kind(data: bytes) -> str | None:
    for signature, ext in _SIGNATURES:
        if data.startswith(signature):
            return ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "svg"
    return None


def percent_encoded(url: str) -> str:
    """``url`` as a browser requests it; cut with a pattern, not urlsplit and urlunsplit, which drop an empty
    ``?`` or ``#``."""
    origin, path, query, fragment = _URL.fullmatch(url).groups("")

    def escaped(found: re.Match) -> str:
        return urllib.parse.quote(found.group(), safe="")

    return origin + _IN_PATH.sub(escaped, path) + _IN_QUERY.sub(escaped, query) + fragment


def fetch_all(urls: list[str], get: Callable[[str], bytes]) -> dict[str, bytes | str]:
    """Each address's bytes, or the reason it has none."""
    found: dict[str, bytes | str] = {}

    def one(url: str) -> bytes | str:
        try:
            data = get(url)
        except zendesk.Unreachable:  # the network or the help centre failing: an import without it looks whole
            raise
        except Exception as exc:  # another ZendeskError (a 404, too large) or a refused host: a note for the report
            return str(exc)
        return data if kind(data) else f"{url}: not an image (PNG, JPEG, GIF, WebP or SVG)"

    pool = concurrent.futures.ThreadPoolExecutor(WORKERS)
    try:
        for url, result in zip(urls, pool.map(one, urls), strict=True):
            found[url] = result
    finally:  # once one stops the import, the images not yet asked for are not asked for
        pool.shutdown(cancel_futures=True)
    return found


def stem(url: str) -> str:
    name = posixpath.basename(urllib.parse.unquote(urllib.parse.urlsplit(url).path))
    name = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    name = re.sub(r"\.wordless$", "", name)
    return slugify(name)[:50].strip("-") or "image"


def name_in(folder_names: set[str], url: str, ext: str, wordless: bool) -> str:
    base = stem(url) + (".wordless" if wordless else "")
    name, n = f"{base}.{ext}", 2
    while name in folder_names:
        name, n = f"{stem(url)}-{n}{'.wordless' if wordless else ''}.{ext}", n + 1
    folder_names.add(name)
    return name
