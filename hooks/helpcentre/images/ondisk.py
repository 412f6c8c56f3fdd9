"""The image files under the language trees of ``docs/``, found by one walk a read of the content.

Reads the folders ``docs/<lang>/`` of every language (one ``scandir`` a folder, shared with the catalogue's
reading: ``folders.trees``; a ``stat`` for image files only); produces ``ImagesOnDisk``: docs-relative path
("en/my-account/signup/form.png") -> (size, modification time in ns). The checks and the build ask it whether
a file an answer names exists and for the key of its inspection, instead of the disk: at 3,000 answers a
language with two screenshots each, the checks and the build asked the disk 18,000 times a process and walked
the trees three times. Taken at the start of a read, so a file added or removed during a build is seen by the
next one, as the Markdown itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.core import folders
from helpcentre.images import files

_SUFFIXES = tuple(files.FORMATS)  # every format an answer may show


@dataclass(frozen=True)
class ImagesOnDisk:
    root: Path
    docs_dir: str
    found: Mapping[str, tuple[int, int]]

    def exists(self, rel: str) -> bool:
        return rel in self.found

    def path(self, rel: str) -> str:
        """The file's path as the image cache's entries name it (``inspected``)."""
        return f"{self.root}/{self.docs_dir}/{rel}"  # os.path.join's result, at a tenth of its cost

    def inspect(self, rel: str) -> tuple[files.ImageFile | None, str | None]:
        """What the file ``rel`` (present) holds, or why it is refused (``files.inspect_file``)."""
        size, mtime_ns = self.found[rel]
        return files.inspect_file(self.path(rel), size, mtime_ns)

    def in_tree(self, lang: str) -> Iterator[str]:
        """The docs-relative paths of ``lang``'s tree, in the order of their names."""
        prefix = f"{lang}/"
        return iter(sorted(rel for rel in self.found if rel.startswith(prefix)))


def walk(root: Path, docs_dir: str, codes: Iterable[str], listed: Mapping | None = None) -> ImagesOnDisk:
    """The image files of each language's tree in ``codes``; ``listed``: the trees' files when the caller
    listed them (``folders.trees``)."""
    listed = listed or folders.trees(os.path.join(root, docs_dir), codes)
    found = {
        f"{lang}/{rel}": (stat.st_size, stat.st_mtime_ns)
        for lang in codes
        for rel, entry in listed.get(lang, ())
        if rel.lower().endswith(_SUFFIXES) and (stat := entry.stat())
    }
    return ImagesOnDisk(root, docs_dir, MappingProxyType(found))
