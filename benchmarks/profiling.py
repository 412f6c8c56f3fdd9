"""Our hooks' share of the build time: one build of A under cProfile, then builds with our hooks clocked.

Reads a generated project of ours; runs one MkDocs build under cProfile and reads its dump with the project's
``hooks/`` folder (which of our modules drive Pagefind); then runs as many builds as the rounds with a clock
around our hooks' events and no profiler (``timed_build.py``). Produces a frozen ``ProfileSummary`` (the total
profiled time, the time in our hooks, each part of the build, our functions with the most cumulative time)
and the profile's entry of ``results.json`` (``profile_result``), the clocked share being the budget's.
"""

from __future__ import annotations

import os
import pstats
import re
import shutil
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from .builds import (
    OURS,
    RECORDS_VARIABLE,
    build_env,
    hooks_events,
    hooks_timed_command,
    hooks_timing,
    profiled_command,
    run_process,
)
from .settings import BUILD_TIMEOUT_S, BenchError, log


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


# -- the builds ----------------------------------------------------------------------------------------------


def profile_result(project: Path, work: Path, size: int, repeats: int) -> dict:
    out, dump = work / "out-profile", work / "build.prof"
    if out.exists():
        shutil.rmtree(out)
    env = build_env(project, OURS)
    records = work / "profile-records"  # as `make site` builds: the hooks save the records, the CLI indexes them
    command = profiled_command(project, out, dump)
    run = run_process(
        command,
        {**env, RECORDS_VARIABLE: str(records)},
        project,
        work / "logs" / "profile.log",
        BUILD_TIMEOUT_S,
    )
    shutil.rmtree(records, ignore_errors=True)
    if run.returncode != 0:
        raise BenchError(f"profiled build failed:\n{run.output}")
    summary = profile_summary(dump, project)
    shutil.rmtree(out, ignore_errors=True)
    log(f"  profile: {summary.hooks_share:.0%} of {summary.total_s:.1f} s in our hooks")
    timings = []
    for attempt in range(1, repeats + 1):
        timed = run_process(
            hooks_timed_command(project, out),
            env,
            project,
            work / "logs" / f"hooks-timed-{attempt}.log",
            BUILD_TIMEOUT_S,
        )
        timing = hooks_timing(timed.output) if timed.returncode == 0 else None
        if timing is None:
            raise BenchError(f"timed build failed:\n{timed.output[-3000:]}")
        shutil.rmtree(out, ignore_errors=True)
        timings.append((*timing, hooks_events(timed.output)))
        log(f"  timed: {timing[0]:.1f} s of {timing[1]:.1f} s in our hooks ({timing[0] / timing[1]:.0%}), no profiler")
    # The median run by share: one build's writes now and then wait on the disk (measured here: on_post_build
    # 0.4 s in most builds, 3.6 s in some), so one sample says more about the disk than about our code.
    hooks_s, wall_s, indexing_s, events = sorted(timings, key=lambda t: t[0] / t[1])[len(timings) // 2]
    return {
        "timed": {
            "hooks_s": hooks_s,
            "wall_s": wall_s,
            "indexing_s": indexing_s,
            "hooks_share": round(hooks_s / wall_s, 4),
            "indexing_share": round(indexing_s / wall_s, 4),
            "events": events,
            "runs": [{"hooks_s": h, "wall_s": w, "indexing_s": i, "events": e} for h, w, i, e in timings],
        },
        "size": size,
        "variant": OURS,
        "wall_s": round(run.wall_s, 3),
        "total_s": round(summary.total_s, 3),
        "hooks_s": round(summary.hooks_s, 3),
        "hooks_share": round(summary.hooks_share, 4),
        "groups": dict(summary.groups),
        "top_hooks": dict(summary.top_hooks),
    }
