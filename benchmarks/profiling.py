"""Where a profiled build's time goes: our hooks, the search indexing, Markdown and the templates.

Reads a cProfile dump of one MkDocs build of our help centre and the project's ``hooks/`` folder (which of
our modules drive Pagefind). Produces a frozen ``ProfileSummary``: the total profiled time, the time in our
hooks, the cumulative time of each part of the build and our functions with the most cumulative time.
"""

from __future__ import annotations

import os
import pstats
import re
import sysconfig
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProfileSummary:
    total_s: float
    hooks_s: float  # time spent inside our hooks (entries from MkDocs, cumulative)
    groups: tuple[tuple[str, float], ...]  # (part of the build, cumulative seconds); parts may overlap
    top_hooks: tuple[tuple[str, float], ...]  # our functions with the most cumulative time

    @property
    def hooks_share(self) -> float:
        return self.hooks_s / self.total_s if self.total_s else 0.0


def _function_name(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    return f"{Path(filename).name}:{line}({name})"


STDLIB = sysconfig.get_paths()["stdlib"] + os.sep
# Libraries our code calls that call our code back (YAML constructors, asyncio tasks, re.sub callbacks):
# a call from them into a group is a re-entry from inside the group's own time, not a new entry.
CALLBACK_LIBRARIES = (f"{os.sep}yaml{os.sep}", f"{os.sep}pagefind{os.sep}")


def _is_host(func: tuple[str, int, str], inside) -> bool:
    """A caller that really enters a group: not in it, not a builtin, the standard library or a callback library."""
    filename = func[0]
    if inside(func) or filename == "~" or filename.startswith("<") or filename.startswith(STDLIB):
        return False
    return not any(library in filename for library in CALLBACK_LIBRARIES)


def entry_time(stats: dict, inside, roots: frozenset[str] = frozenset()) -> float:
    """Cumulative time of the calls into a group from the code that hosts it (MkDocs, plugins, templates,
    Markdown...), so nested calls and callbacks are not counted twice; plus the module-level code of the
    ``roots`` files (a hook file's import). Groups that call each other (our hooks render a template,
    templates call our string table) still overlap."""
    total = 0.0
    for func, (_cc, _nc, _tt, ct, callers) in stats.items():
        if not inside(func):
            continue
        if func[2] == "<module>" and func[0] in roots:
            total += ct
            continue
        total += sum(row[3] for caller, row in callers.items() if _is_host(caller, inside))
    return total


# Imports Pagefind's Python API, or runs its command (`python -m pagefind`).
_DRIVES_PAGEFIND = re.compile(r"^\s*(?:from|import)\s+pagefind\b|\"-m\",\s*\"pagefind\"", re.MULTILINE)


def search_index_modules(hooks: Path) -> set[str]:
    """Our modules that drive Pagefind: their time is the search indexing."""
    return {
        str(path.resolve())
        for path in hooks.rglob("*.py")
        if _DRIVES_PAGEFIND.search(path.read_text(encoding="utf-8", errors="replace"))
    }


def profile_summary(dump: Path, project: Path) -> ProfileSummary:
    profile = pstats.Stats(str(dump))
    stats = profile.stats
    hooks_dir = (project / "hooks").resolve()
    hooks = str(hooks_dir) + os.sep
    overrides = str((project / "overrides").resolve()) + os.sep
    indexing = search_index_modules(hooks_dir)
    hook_files = frozenset(str(p) for p in hooks_dir.glob("*.py"))  # what mkdocs.yml's `hooks:` loads

    def under(*parts: str):
        return lambda func: any(part in func[0] for part in parts)

    def ours(func: tuple[str, int, str]) -> bool:
        return func[0].startswith(hooks)

    def indexing_module(func: tuple[str, int, str]) -> bool:
        return func[0] in indexing

    def called_by_our_hooks(func: tuple[str, int, str]) -> bool:
        return ours(func) and not indexing_module(func)

    groups = (
        ("our hooks", entry_time(stats, ours, hook_files)),
        ("search indexing (our modules that drive Pagefind)", _calls_from(stats, indexing_module, called_by_our_hooks)),
        (
            "Markdown conversion (Python-Markdown + pymdownx)",
            entry_time(stats, under(f"{os.sep}markdown{os.sep}", f"{os.sep}pymdownx{os.sep}")),
        ),
        (
            "Jinja templates (Material's and ours)",
            entry_time(stats, under(f"{os.sep}jinja2{os.sep}", ".html", overrides)),
        ),
    )
    measured = tuple((name, round(seconds, 3)) for name, seconds in groups)
    mine = [(func, row[3]) for func, row in stats.items() if ours(func)]
    top = tuple((_function_name(f), round(ct, 3)) for f, ct in sorted(mine, key=lambda x: -x[1])[:8])
    return ProfileSummary(total_s=profile.total_tt, hooks_s=measured[0][1], groups=measured, top_hooks=top)


def _calls_from(stats: dict, inside, callers_in) -> float:
    """Cumulative time of the calls into ``inside`` made directly by ``callers_in``."""
    return sum(
        row[3]
        for func, (_cc, _nc, _tt, _ct, callers) in stats.items()
        if inside(func)
        for caller, row in callers.items()
        if callers_in(caller)
    )
