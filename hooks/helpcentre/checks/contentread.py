"""Reading the content once for both languages of one process.

static-i18n builds the languages one after the other in one process, and each build needs the whole
catalogue (both languages, and the checks): the second build reuses the first's reading when no file of
docs/ or data/ has changed since (same names, sizes and modification times). One entry, replaced, never
grown; the catalogue is immutable. Measured at 3,000 articles a language: half of the hooks' time.
A preview (``make serve``) builds with the last read without errors while the content has some
(``last_good``): one more entry, also replaced.

Reads ``docs/`` and ``data/`` under the project root; produces a ``ContentRead``: the catalogue (None on
errors), every problem, and every language's strings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from helpcentre.checks import rules
from helpcentre.content import catalogue
from helpcentre.core import folders, languages
from helpcentre.core.problems import Problem, errors_in
from helpcentre.core.strings import load_strings
from helpcentre.images import ondisk
from helpcentre.search import synonyms


@dataclass(frozen=True)
class ContentRead:
    catalogue: catalogue.Catalogue | None  # None when there are errors
    problems: tuple[Problem, ...]
    all_strings: MappingProxyType
    synonyms: MappingProxyType  # lang -> synonyms.Synonyms
    images: ondisk.ImagesOnDisk  # the image files found when the content was read
    # (lang, article id) -> the images its answer shows, for the articles the checks read; the build finds
    # the others' itself (``images.language.collect``)
    images_shown: Mapping = field(default_factory=lambda: MappingProxyType({}))


_last_read: tuple[str, ContentRead] | None = None
_last_good: dict[str, ContentRead] = {}  # at most one entry: the project of this process


def read(root: Path, docs_dir: str, *, checked: str | None = None) -> ContentRead:
    """The catalogue, problems and strings of ``root``, read again only when a file changed. With
    ``checked``, only that language's articles are checked one by one: another process of the same build
    checks the others' (``parallel``); such a process builds one language once, so it reads without the
    fingerprint (a ``stat`` of every file of docs/ and data/) that only a second build in the process uses."""
    global _last_read
    if checked is not None:
        return _read(root, docs_dir, checked)
    fingerprint = inputs_fingerprint(root, docs_dir)
    if _last_read is not None and _last_read[0] == fingerprint:
        return _last_read[1]
    _last_read = (fingerprint, _read(root, docs_dir, None))
    if _last_read[1].catalogue is not None and not errors_in(_last_read[1].problems):
        _last_good.clear()
        _last_good[_project(root, docs_dir)] = _last_read[1]
    return _last_read[1]


def _read(root: Path, docs_dir: str, checked: str | None) -> ContentRead:
    codes = languages.of(root).codes
    listed = folders.trees(str(root / docs_dir), codes)
    cat, problems = catalogue.load(root, docs_dir, listed=listed)
    all_strings, string_problems = load_strings(root)
    problems += string_problems
    word_groups, synonym_problems = synonyms.load_synonyms(root)
    problems += synonym_problems
    on_disk = ondisk.walk(root, docs_dir, codes, listed)
    images_shown: Mapping = MappingProxyType({})  # no catalogue: no checks, nothing found
    if cat is not None:
        found = rules.run(root, docs_dir, cat, only=checked, on_disk=on_disk)
        problems += found.problems
        images_shown = found.images_shown
    return ContentRead(cat, tuple(problems), all_strings, word_groups, on_disk, images_shown)


def last_good(root: Path, docs_dir: str) -> ContentRead | None:
    """The last read of ``root`` in this process that had no errors, if any."""
    return _last_good.get(_project(root, docs_dir))


def _project(root: Path, docs_dir: str) -> str:
    return f"{root.resolve()}\0{docs_dir}"


def inputs_fingerprint(root: Path, docs_dir: str) -> str:
    # Names, sizes and modification times, as make and git compare files: a save changes the time, and
    # reading every file's bytes again cost a fifth of the reading it was meant to spare.
    digest = hashlib.blake2b(_project(root, docs_dir).encode())
    for folder in (docs_dir, "data"):
        for rel, entry in sorted(folders.files_below(str(root / folder), f"{folder}/")):
            stat = entry.stat()
            digest.update(f"\0{rel}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()
