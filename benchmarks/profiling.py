"""Our hooks' share of the build time (the budget's figure): builds of A with our hooks clocked, no profiler.

Reads a generated project of ours; runs as many builds as the rounds, in one process as `make site` runs it,
with a clock around every event function MkDocs calls from the project's ``hooks/`` (``timed_build.py``),
over the wall time of the whole build, which includes Pagefind indexing the records once MkDocs has ended
(clocked apart). Produces the profile's entry of the run's figures (``profile_result``): the median run by
share, and every run. Where the time goes inside a build is for cProfile by hand
(``python -m cProfile -o build.prof -m mkdocs build``), not a budget.
"""

from __future__ import annotations

from pathlib import Path

from . import setaside
from .builds import OURS, build_env, hooks_events, hooks_timed_command, hooks_timing, run_process
from .settings import BUILD_TIMEOUT_S, BenchError, log


def profile_result(project: Path, work: Path, size: int, repeats: int) -> dict:
    out = work / "out-profile"
    setaside.set_aside(out)
    env = build_env(project, OURS)
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
        setaside.set_aside(out)
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
    }
