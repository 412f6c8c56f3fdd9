"""The images an answer shows, as its Markdown writes them: ``![alt text](file.png "optional caption")``.

Reads an article's Markdown (code already blanked, so an example in a code block is no image) and produces one
``Reference`` per image, with its line, and where its file is: beside the article in its own language's tree
(``docs/<lang>/<category>/<slug>/name.png``), else, for a translation, the original's file at the same
path. Knows nothing of the files' bytes (``files`` reads those).

A screen without words serves every language: its file is named ``*.wordless.png`` (any image format) and
lives in the original's tree only; any other image a translation takes from the original's tree is a
screenshot still waiting for its own (``make translations`` lists them).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from helpcentre.images.ondisk import ImagesOnDisk

RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")
VECTOR = (".svg",)
SUFFIXES = RASTER + VECTOR
WORDLESS = ".wordless"  # before the suffix: cover.wordless.png
# ![alt](target "title") on one line; the alt holds no ']' and the title no '"' (linear: no nested repeats).
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"([^\"\n]*)\")?\s*\)")
_RAW_IMG = re.compile(r"<\s*img\b", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    line: int
    alt: str
    target: str  # as written
    title: str  # "" without a caption
    file: str | None = None  # docs-relative: "en/my-account/signup/form.png"; None when not found or not local

    @property
    def remote(self) -> bool:
        return bool(_SCHEME.match(self.target))

    @property
    def wordless(self) -> bool:
        return is_wordless(self.target)

    def borrowed(self, lang: str) -> bool:
        """Whether a ``lang`` article shows another language's file."""
        return self.file is not None and not self.file.startswith(f"{lang}/")


def is_remote(target: str) -> bool:
    return bool(_SCHEME.match(target))


def is_wordless(name: str) -> bool:
    stem = posixpath.splitext(posixpath.basename(name))[0]
    return stem.endswith(WORDLESS)


def find(prose: str, first_line: int) -> Iterator[tuple[int, str, str, str]]:
    """(line, alt, target, title) of each Markdown image of ``prose`` (its first line numbered ``first_line``)."""
    if "![" not in prose:
        return
    for match in _IMAGE.finditer(prose):
        alt, target, title = match.group(1), match.group(2), match.group(3) or ""
        yield first_line + prose.count("\n", 0, match.start()), alt, target, title


def raw_images(prose: str, first_line: int) -> Iterator[int]:
    """The lines of raw ``<img>`` tags, which bypass every check of a Markdown image."""
    if "<" in prose:
        for match in _RAW_IMG.finditer(prose):
            yield first_line + prose.count("\n", 0, match.start())


def resolve(on_disk: ImagesOnDisk, lang: str, rel_path: str, target: str, default: str) -> str | None:
    """The docs-relative file ``target`` names from the article ``rel_path`` of ``lang``: its own language's,
    else the original's (``default``, the project's default language); None when neither exists, it leaves the
    language's tree, or it is no local path."""
    local = local_path(rel_path, target)
    return None if local is None else resolve_local(on_disk, lang, local, default)


def resolve_local(on_disk: ImagesOnDisk, lang: str, local: str, default: str) -> str | None:
    """``resolve`` of a path already relative to the language's tree (``local_path``)."""
    for tree in dict.fromkeys((lang, default)):
        if on_disk.exists(f"{tree}/{local}"):
            return f"{tree}/{local}"
    return None


def local_path(rel_path: str, target: str) -> str | None:
    """``target`` relative to the language's tree, or None when it is no path inside it."""
    if not target or _SCHEME.match(target) or target.startswith("/") or "#" in target or "?" in target:
        return None
    folder = rel_path[: rel_path.rfind("/") + 1]  # "category/" of "category/slug.md"
    if "./" in target or "//" in target or target.endswith((".", "/")):
        joined = posixpath.normpath(folder + target)
    else:  # a plain name below the article's folder, as writers write them: already normal (checks: 12,000 calls)
        joined = folder + target
    return None if joined.startswith("../") or joined == ".." else joined


def references(
    on_disk: ImagesOnDisk, lang: str, rel_path: str, prose: str, first_line: int, default: str
) -> list[Reference]:
    if "![" not in prose:  # most answers of most sites
        return []
    return [
        Reference(line, alt, target, title, resolve(on_disk, lang, rel_path, target, default))
        for line, alt, target, title in find(prose, first_line)
    ]


def borrowed_screenshots(on_disk: ImagesOnDisk, articles, default: str) -> Iterator[tuple[str, int, str]]:
    """(article path, line, file) of each screenshot a translation still shows from the original's tree, a
    screen without words (``*.wordless.*``) aside: what ``make translations`` lists."""
    for article in articles:
        if article.lang == default or "![" not in article.body:
            continue
        for ref in references(on_disk, article.lang, article.rel_path, article.body, article.body_line, default):
            if ref.borrowed(article.lang) and not ref.wordless:
                yield article.path, ref.line, ref.file
