"""What an image file holds: its real format (by its bytes, not its name), its size in pixels, and, for an SVG,
whether it is safe to publish.

Reads a file's bytes and produces an ``ImageFile`` or the reason it is refused. Pillow reads only the header
(``Image.open`` decodes nothing until asked): a small file declaring a huge image is refused from its header,
never decoded. Problems are values (the reason and its fix), never an exception.
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image

MAX_BYTES = 5 * 1024 * 1024  # above: a warning with the size
MAX_SIDE = 4000  # pixels a side, above: a warning
MAX_PIXELS = 40_000_000  # declared pixels above this: refused (a decompression bomb, or no screenshot)
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF", ".svg": "SVG"}
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
# What an SVG may not hold: scripts, event handlers, HTML inside, other files or hosts, entities (XXE), styles
# that fetch. A reference to an element of the same file (href="#id", url(#id)) is allowed.
_SVG_REFUSED = (
    (re.compile(r"<\s*script\b", re.I), "a <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler (on...=)"),
    (re.compile(r"<\s*foreignObject\b", re.I), "a <foreignObject>"),
    (re.compile(r"""\bhref\s*=\s*["']\s*(?!#)""", re.I), "a reference to another file or host (href)"),
    (re.compile(r"""url\(\s*["']?\s*(?!#)""", re.I), "a reference to another file or host (url())"),
    (re.compile(r"@import|<!ENTITY|<\s*(iframe|embed|object|image|use|style)\b[^>]*\ssrc", re.I), "an import"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
)
_SVG_ROOT = re.compile(r"<svg\b([^>]*)>", re.I)
_NUMBER = r"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"


@dataclass(frozen=True)
class ImageFile:
    format: str  # PNG, JPEG, GIF, WEBP or SVG
    width: int
    height: int
    size: int  # bytes
    digest: str  # of the bytes: the variants' names and cache key come from it


def sniff(raw: bytes) -> str | None:
    """The format the bytes are in, whatever the file's name says."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "WEBP"
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in raw[:4096].lower():
        return "SVG"
    return None


def inspect(name: str, raw: bytes) -> tuple[ImageFile | None, str | None]:
    """(the file, None), or (None, why it is refused and what to do)."""
    expected = FORMATS.get(name[name.rfind(".") :].lower())
    found = sniff(raw)
    if expected is None:
        return None, f"is not an image format the site publishes; use {', '.join(sorted(set(FORMATS.values())))}"
    if found != expected:
        what = f"a {found} image" if found else _what(raw)
        return None, f"holds {what}, not {expected} as its name says; export it again as {expected}"
    digest = hashlib.sha256(raw).hexdigest()
    if found == "SVG":
        return _svg(raw, digest)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(raw), formats=[found]) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None, "declares an image too large to open (a decompression bomb); export the screenshot again"
    except Exception:
        return None, f"is not a readable {found} image (damaged or cut short); export it again"
    if width * height > MAX_PIXELS or width < 1 or height < 1:
        return None, (
            f"declares {width}×{height} pixels from {raw_size(len(raw))} (a decompression bomb, or no screenshot); "
            "export the screen again at its own size"
        )
    return ImageFile(found, width, height, len(raw), digest), None


def _svg(raw: bytes, digest: str) -> tuple[ImageFile | None, str | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "is an SVG that is not UTF-8 text; save it again as UTF-8"
    for pattern, what in _SVG_REFUSED:
        if pattern.search(text):
            return None, f"is an SVG holding {what}; remove it (an image may hold shapes and text only)"
    root = _SVG_ROOT.search(text)
    attrs = root.group(1) if root else ""
    width, height = re.search(r"\swidth" + _NUMBER, attrs), re.search(r"\sheight" + _NUMBER, attrs)
    box = re.search(r"""viewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)""", attrs)
    if width and height:
        size = float(width.group(1)), float(height.group(1))
    elif box:
        size = float(box.group(1)), float(box.group(2))
    else:
        return None, "is an SVG without width and height or a viewBox; give its <svg> a viewBox"
    if not 0 < size[0] <= MAX_SIDE * 4 or not 0 < size[1] <= MAX_SIDE * 4:
        return None, "is an SVG whose size is out of range; give its <svg> a viewBox of the screen's size"
    return ImageFile("SVG", round(size[0]), round(size[1]), len(raw), digest), None


def _what(raw: bytes) -> str:
    head = raw[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "an HTML page"
    return "something else"


def raw_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} kB"


def too_big(image: ImageFile) -> str | None:
    """Why a readable source is heavier than a screenshot needs to be (a warning), or None."""
    if image.size > MAX_BYTES:
        return f"is {raw_size(image.size)} (over {MAX_BYTES // 1024 // 1024} MB); export it smaller"
    if image.format != "SVG" and max(image.width, image.height) > MAX_SIDE:
        return (
            f"is {image.width}×{image.height} pixels (over {MAX_SIDE} a side); export it at the screen's size, "
            f"{MAX_SIDE} pixels a side at most"
        )
    return None


_read: dict[tuple[str, int, int], tuple[ImageFile | None, str | None]] = {}
_opened = [0]  # files read by inspect_file in this process


def inspect_file(path: str, size: int, mtime_ns: int) -> tuple[ImageFile | None, str | None]:
    """``inspect`` of the file at ``path``, of the size and modification time a walk of its folder found
    (``ondisk``), read once per process while they stay the same (the checks and the build both ask; a wordless
    image is asked for by every language), or once across builds with the entries ``inspected`` keeps in the
    image cache."""
    key = (path, size, mtime_ns)
    if key not in _read:
        if len(_read) > 50_000:
            _read.clear()
        try:
            with open(path, "rb") as source:
                raw = source.read()
        except OSError:  # gone or unreadable since the walk: not kept, so the next build looks again
            return None, "could not be read (moved, deleted or not readable while the build ran); build again"
        _read[key] = inspect(os.path.basename(path), raw)
        _opened[0] += 1
    return _read[key]


def known(path: str, size: int, mtime_ns: int, image: ImageFile | None, refused: str | None) -> None:
    """What an earlier build found in the file at ``path`` while it had that size and time."""
    _read[(path, size, mtime_ns)] = (image, refused)


def opened() -> int:
    """How many files ``inspect_file`` has read in this process (not those an earlier build made ``known``)."""
    return _opened[0]


def inspected() -> dict[tuple[str, int, int], tuple[ImageFile | None, str | None]]:
    """Every file inspected or known in this process, by (path, size, modification time in ns)."""
    return dict(_read)
