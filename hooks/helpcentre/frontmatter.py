"""Reads one Markdown file: its front matter (YAML, loaded safely) with the line of each key, and its body.

Produces ``Source`` values; every failure is a ``Problem`` naming the file and line, never an exception.
Hostile input is bounded: a huge front matter is refused before YAML sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from . import yamldata
from .problems import Problem, error

MAX_FRONT_MATTER_BYTES = 16_384
MAX_FILE_BYTES = 1_000_000
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class Source:
    """One Markdown file as read from disk."""

    path: str  # as shown to writers, e.g. docs/en/my-account/forgot-password.md
    meta: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    lines: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # key -> line
    body: str = ""
    body_line: int = 1  # line number of the first body line


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with a leading BOM dropped and CRLF folded, or a problem saying why not."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            error(path, 1, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}. Split the article.")
        ]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [error(path, line, "file contains a NUL byte; save it again as plain UTF-8 text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [error(path, line, "file is not valid UTF-8; save it again with UTF-8 encoding")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def parse(path: str, text: str) -> tuple[Source, list[Problem]]:
    """Split ``text`` into front matter and body. A file without front matter has empty meta."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Source(path, body=text, body_line=1), []
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return Source(path), [
            error(path, 1, "front matter opened with '---' is never closed; add a line '---' after it")
        ]
    yaml_text = "\n".join(lines[1:end])
    if len(yaml_text.encode()) > MAX_FRONT_MATTER_BYTES:
        return Source(path), [
            error(
                path, 1, f"front matter is larger than {MAX_FRONT_MATTER_BYTES:,} bytes; keep it to a few short fields"
            )
        ]
    data, problems = yamldata.load(path, yaml_text, first_line=2, what="front matter")
    body = "\n".join(lines[end + 1 :])
    if problems:
        return Source(path, body=body, body_line=end + 2), problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Source(path, body=body, body_line=end + 2), [error(path, 2, "front matter must be 'key: value' lines")]
    key_lines = getattr(data, "key_lines", {})
    meta = {k: v for k, v in data.items()}
    return Source(path, MappingProxyType(meta), MappingProxyType(dict(key_lines)), body, end + 2), []
