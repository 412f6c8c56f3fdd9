"""GitHub Actions' view of the content problems: workflow commands and the job summary.

When ``GITHUB_ACTIONS`` is set (GitHub sets it on every runner), ``make check`` and a build's content
problems are also printed as workflow commands (``::error file=F,line=N::message``), which GitHub shows on
the line of the pull request; ``make check`` also appends Markdown to the job summary
(``$GITHUB_STEP_SUMMARY``). Anywhere else nothing is printed or written: local output stays as it is.
``HC_ANNOTATIONS=off`` silences a step whose problems another step already annotated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from helpcentre.core.problems import Problem


def active(env: Mapping[str, str] = os.environ) -> bool:
    return env.get("GITHUB_ACTIONS", "") not in ("", "false") and env.get("HC_ANNOTATIONS") != "off"


def escape_data(text: str) -> str:
    """A workflow command's message: GitHub reads %, CR and LF as escapes, so they are written as escapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (the file name): also without the , and : that separate them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem) -> str:
    where = f"file={escape_property(problem.path)},line={problem.line}"
    return f"::{problem.severity} {where}::{escape_data(problem.message)}"


def annotate(problems: Iterable[Problem], env: Mapping[str, str] = os.environ) -> None:
    """Print each problem as a workflow command, once, in file order; nothing outside GitHub Actions."""
    if active(env):
        for problem in sorted(set(problems)):
            print(command(problem), flush=True)


def append_summary(markdown: str, env: Mapping[str, str] = os.environ) -> Path | None:
    """Add ``markdown`` to the job summary; the file written, or None outside GitHub Actions."""
    target = env.get("GITHUB_STEP_SUMMARY")
    if not active(env) or not target:
        return None
    with open(target, "a", encoding="utf-8") as summary:
        summary.write(markdown.rstrip("\n") + "\n")
    return Path(target)
