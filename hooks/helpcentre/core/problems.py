"""Content problems as writers see them: ``path:line: error: message``.

Every check in the package reports ``Problem`` values instead of raising, so that one run can print every
problem at once, compiler-style, and the build can refuse bad content without a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Never echoed raw into a message: a message is one line of "path:line: error: ...".
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, ERROR, message)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, WARNING, message)


def shown(value: object, limit: int = 40) -> str:
    """``value`` as a short single line for a message: line breaks and control characters are shown escaped."""
    try:
        text = str(value)
    except (ValueError, RecursionError):  # e.g. an integer too long to print
        text = f"<{type(value).__name__}>"
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def report(problems: Iterable[Problem]) -> str:
    """Every problem on its own line, sorted by file and line, then a final count."""
    ordered = sorted(set(problems))
    n_errors = sum(p.severity == ERROR for p in ordered)
    n_warnings = len(ordered) - n_errors
    lines = [str(p) for p in ordered]
    lines.append(f"{n_errors} error{'s' * (n_errors != 1)}, {n_warnings} warning{'s' * (n_warnings != 1)}")
    return "\n".join(lines)


class ContentError(Exception):
    """Bad content: carries the problems so callers can print them and stop cleanly."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))
