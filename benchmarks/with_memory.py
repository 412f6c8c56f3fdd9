"""A build command run as `python -m` runs it, followed by the peak memory of its largest single process.

Run as a file in a project's folder, with that project's environment (it imports nothing of the benchmark):
``python benchmarks/with_memory.py MODULE ARGS...``, e.g. ``mkdocs build --strict ...`` or
``helpcentre.cli --root . build``. Produces the module's own output, then a last line
``bench-maxrss-mb=<MB>``: the peak resident memory of this process or of the largest process it ran, whichever
is larger (our build runs one MkDocs process per language). wait4's figure for this process would fold in its
children, whose peak includes the parent's. ``benchmarks/builds.py`` reads the line.
"""

from __future__ import annotations

import resource
import runpy
import sys

MEMORY_MARK = "bench-maxrss-mb="


def peak_rss_mb() -> float:
    """The larger of this process's peak resident memory and that of the largest child it waited for."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def main(argv: list[str]) -> None:
    # As `python -m` would: the current folder first on sys.path, not this file's folder.
    sys.path[0] = ""
    sys.argv = argv
    try:
        runpy.run_module(argv[0], run_name="__main__", alter_sys=True)
    finally:
        print(f"\n{MEMORY_MARK}{peak_rss_mb():.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
