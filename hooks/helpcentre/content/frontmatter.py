"""Reads one Markdown file: its front matter (YAML, loaded safely) with the line of each key, and its body.

Produces ``Source`` values; every failure is a ``Problem`` naming the file and line, never an exception.
Hostile input is bounded: a huge front matter is refused before YAML sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from helpcentre.core import yamldata
from helpcentre.core.problems import Problem, error, shown

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
        line = _line_at(raw, raw.index(b"\x00"))
        return None, [error(path, line, "file contains a NUL byte; save it again as plain UTF-8 text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_at(raw, exc.start)
        return None, [error(path, line, "file is not valid UTF-8; save it again with UTF-8 encoding")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _line_at(raw: bytes, index: int) -> int:
    """The line of byte ``index``, counting CRLF, LF and a lone CR as one line end each (as ``decode`` does)."""
    return 1 + raw.count(b"\n", 0, index) + raw.count(b"\r", 0, index) - raw.count(b"\r\n", 0, index)


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
        return Source(path), [_too_large(path, lines[1:end])]
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


def _too_large(path: str, yaml_lines: list[str]) -> Problem:
    """Refuses a front matter over the limit without parsing it, naming the top-level field that takes most room."""
    sections: list[list] = []  # [line, key, bytes] per top-level line and what is indented (or listed) under it
    for number, line in enumerate(yaml_lines, start=2):
        size = len(line.encode()) + 1
        if not sections or (line[:1] and line[:1] not in " \t-#"):
            key, colon, _ = line.partition(":")
            sections.append([number, key.strip() if colon else "", size])
        else:
            sections[-1][2] += size
    total = sum(size for _, _, size in sections)
    line, key, size = max(sections, key=lambda section: section[2])
    largest = f"'{shown(key)}' takes {size:,} of them" if key else f"line {line} starts {size:,} of them"
    return error(
        path,
        line,
        f"front matter is larger than {MAX_FRONT_MATTER_BYTES:,} bytes ({total:,}); {largest}: "
        "keep it to a few short fields",
    )
