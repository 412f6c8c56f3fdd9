"""The files below a folder, found the cheap way: one ``scandir`` a folder and no ``Path`` a file.

Reads a folder tree; produces (path relative to the folder, its ``os.DirEntry``) for every file, in no
particular order (callers sort as they need). A linked folder is not entered, as ``Path.rglob`` does not; a
linked file is a file; a folder gone or unreadable gives nothing. The content's trees hold a folder of
screenshots an answer, thousands at 3,000 answers a language: the catalogue, the fingerprint of a read and the
image checks each walk them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator


def files_below(folder: str, rel: str = "") -> Iterator[tuple[str, os.DirEntry]]:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from files_below(entry.path, f"{rel}{entry.name}/")
        elif entry.is_file():
            yield rel + entry.name, entry


def trees(base: str, names: Iterable[str]) -> dict[str, list[tuple[str, os.DirEntry]]]:
    """``files_below`` each folder ``base/<name>`` (a language's tree of docs/), listed once for every reader of
    a read of the content: the catalogue takes the Markdown, the image checks the images. At 3,000 answers a
    language, each answer's folder of screenshots was opened by both."""
    return {name: list(files_below(os.path.join(base, name), "")) for name in names}
