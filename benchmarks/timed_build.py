"""One build of our help centre in one process, as `make site` builds it, with a clock around our hooks.

Run as a file in the project's folder, with the project's environment (its ``hooks/`` importable; nothing of
the benchmark is imported): ``python benchmarks/timed_build.py CONFIG SITE_DIR``. Loads CONFIG with MkDocs'
public API, registers the modules of its ``hooks:`` list again with a clock around each of their event
functions (not a profiler: cProfile slows pure-Python code several times more than MkDocs' C-backed parts,
so its shares are only indicative), builds as ``mkdocs build --strict --clean`` does, the hooks saving the
search records, then lets Pagefind index the records once MkDocs has ended, as ``helpcentre.cli build`` does,
timed apart. Produces MkDocs' log, then two lines ``benchmarks/builds.py`` reads:
``bench-hooks-events=<JSON: seconds in our hooks per event>`` and
``bench-hooks-s=<seconds in our hooks> <wall seconds of the whole build> <seconds of the indexing>``.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

HOOKS_MARK = "bench-hooks-s="
EVENTS_MARK = "bench-hooks-events="


class Clock:
    """Seconds spent in the functions it wraps, per MkDocs event."""

    def __init__(self) -> None:
        self.events: dict[str, float] = {}

    @property
    def total(self) -> float:
        return sum(self.events.values())

    def timed(self, function: Callable, event: str) -> Callable:
        """``function`` with the clock around it; ``wraps`` keeps its ``mkdocs_priority``."""

        @functools.wraps(function)
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.events[event] = self.events.get(event, 0.0) + time.perf_counter() - start

        return run


def timed_hook(module: types.ModuleType, clock: Clock) -> types.ModuleType:
    """A stand-in for a hook module: the same attributes, its ``on_*`` event functions under ``clock``."""
    stand_in = types.ModuleType(module.__name__, module.__doc__)
    stand_in.__dict__.update(module.__dict__)
    for name in dir(module):
        if name.startswith("on_") and callable(function := getattr(module, name)):
            setattr(stand_in, name, clock.timed(function, name[len("on_") :]))
    return stand_in


def timed_plugins(config, clock: Clock):
    """The config's plugins and hooks registered again in the same order, the hooks as timed stand-ins.

    A ``PluginCollection`` registers the event functions of whatever is added to it: how MkDocs itself
    registers the ``hooks:`` modules once the plugins are loaded.
    """
    from mkdocs.plugins import PluginCollection

    timed = PluginCollection()
    for name, plugin in config.plugins.items():
        timed[name] = timed_hook(plugin, clock) if name in config.hooks else plugin
    return timed


def _log_as_mkdocs_does() -> None:
    """MkDocs' messages on stderr at INFO, as its command line prints them (a failed build's log says why)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)


def build(config_file: str, site_dir: Path, clock: Clock) -> None:
    """What ``mkdocs build --strict --clean -f CONFIG -d SITE_DIR`` does, with our hooks timed."""
    from mkdocs.commands.build import build as build_site
    from mkdocs.config import load_config

    config = load_config(config_file=config_file, site_dir=str(site_dir), strict=True)
    config.plugins = timed_plugins(config, clock)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build_site(config, dirty=False)
    finally:
        config.plugins.on_shutdown()


def main(argv: list[str]) -> int:
    from mkdocs.exceptions import MkDocsException

    from helpcentre.core import languages
    from helpcentre.search import searchindex

    config_file, site_dir = argv[0], Path(argv[1])
    _log_as_mkdocs_does()
    clock = Clock()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=searchindex.scratch_dir()) as records:
        os.environ[searchindex.RECORDS_VARIABLE] = records
        try:
            build(config_file, site_dir, clock)
        except MkDocsException as exc:
            print(f"Error: {exc}", file=sys.stderr, flush=True)
            return 1
        began = time.perf_counter()
        codes = languages.of(Path(config_file).resolve().parent).codes
        with searchindex.Indexing(Path(records), codes, site_dir) as indexing:
            for _lang, _count in indexing.run():
                pass
        indexing = time.perf_counter() - began
    print(f"\n{EVENTS_MARK}{json.dumps(clock.events)}", flush=True)
    print(f"\n{HOOKS_MARK}{clock.total:.3f} {time.perf_counter() - start:.3f} {indexing:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.path[0] = ""  # the project's folder, not this file's, as `python -m mkdocs` would have it
    sys.exit(main(sys.argv[1:]))
