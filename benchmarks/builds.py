"""Running one build of a generated project and measuring its time and memory.

Reads a generated project (``benchmarks/projects.py``) and the variant to build: A (ours, as `make site`
builds it), A1 (ours in one process), B (plain Material + static-i18n). Produces the commands and
environments of a timed build and a build with our hooks clocked; runs them
(``run_process``), sampling the memory of the process tree from /proc; and reads what the runners
``with_memory.py`` and ``timed_build.py`` print: a frozen ``BuildRun`` (wall time, peak memory, the end of
the log), seconds in our hooks per event. Also lists the files in which two built sites differ.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .timed_build import EVENTS_MARK, HOOKS_MARK
from .with_memory import MEMORY_MARK

OURS, REFERENCE = "A", "B"
# A again, in one process (HC_BUILD_JOBS=1): what `make site` falls back to on one core.
SEQUENTIAL = "A1"
# A in `make serve ONLY=en`: the preview of one language.
ONE_LANGUAGE = "A-en"
MAX_LOG = 4000
HERE = Path(__file__).resolve().parent
# helpcentre.search.searchindex.RECORDS_VARIABLE; the bench imports nothing of the code it measures.
RECORDS_VARIABLE = "HC_SEARCH_RECORDS"


@dataclass(frozen=True)
class BuildRun:
    wall_s: float
    peak_rss_mb: float  # the largest single build process's peak resident memory (exact, from getrusage)
    tree_peak_mb: float  # peak of the build and all its children together (e.g. the Pagefind binary), sampled
    returncode: int
    output: str  # the end of stdout + stderr, for error messages
    load_after: float = 0.0  # the machine's 1-minute load average when the build ended (2 cores: 2.0 is full)

    @property
    def memory_mb(self) -> float:
        return max(self.peak_rss_mb, self.tree_peak_mb)


SAMPLE_EVERY_S = 0.5
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def build_env(project: Path, variant: str) -> dict[str, str]:
    """Each project imports only its own code: ours its copied hooks, the reference nothing of ours."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("HC_BUILD_JOBS", None)  # ours: as many processes as the machine has cores, as `make site`
    env.pop("HC_IMAGE_CACHE", None)  # each project's own image cache (.cache/images), empty before its first build
    if variant in (OURS, SEQUENTIAL):
        env["PYTHONPATH"] = str(project / "hooks")
    if variant == SEQUENTIAL:
        env["HC_BUILD_JOBS"] = "1"
    return env


def mkdocs_args(project: Path, out: Path) -> list[str]:
    """One MkDocs build, as the reference is built and as the preview runs ours."""
    config = project.resolve() / "mkdocs.yml"
    return ["build", "--strict", "--clean", "-f", str(config), "-d", str(out)]


def differing_files(first: Path, second: Path) -> list[str]:
    """Files (relative paths) present in only one of two site folders or different in bytes."""

    def listing(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    names_a, names_b = listing(first), listing(second)
    same_names = sorted(names_a & names_b)
    changed = [n for n in same_names if (first / n).read_bytes() != (second / n).read_bytes()]
    return sorted((names_a ^ names_b) | set(changed))


def _runner(name: str) -> str:
    """A runner of this folder, run as a file: the project's environment need not import the benchmark."""
    return str(HERE / name)


def timed_command(project: Path, out: Path, variant: str) -> list[str]:
    """Ours: what `make site` runs (helpcentre.cli build); the reference: MkDocs itself."""
    if variant == REFERENCE:
        return [sys.executable, _runner("with_memory.py"), "mkdocs", *mkdocs_args(project, out)]
    cli = ["helpcentre.cli", "--root", str(project.resolve()), "build", "--site-dir", str(out)]
    return [sys.executable, _runner("with_memory.py"), *cli]


def hooks_timed_command(project: Path, out: Path) -> list[str]:
    """One build in one process with our hooks' events clocked, then the search data and Pagefind's indexing
    (timed_build.py)."""
    return [sys.executable, _runner("timed_build.py"), str(project.resolve() / "mkdocs.yml"), str(out)]


def hooks_timing(output: str) -> tuple[float, float, float] | None:
    """(seconds in our hooks' events, wall seconds of the build, seconds of the search data and Pagefind's
    indexing after MkDocs) from ``hooks_timed_command``'s output."""
    found = re.search(re.escape(HOOKS_MARK) + r"([0-9.]+) ([0-9.]+) ([0-9.]+)", output)
    return (float(found.group(1)), float(found.group(2)), float(found.group(3))) if found else None


def hooks_events(output: str) -> dict[str, float]:
    """Seconds in our hooks per MkDocs event (``on_`` left off), largest first, from the same output."""
    found = re.search(re.escape(EVENTS_MARK) + r"(\{.*\})", output)
    events = json.loads(found.group(1)) if found else {}
    return {name: round(seconds, 3) for name, seconds in sorted(events.items(), key=lambda e: -e[1])}


def run_process(command: list[str], env: dict[str, str], cwd: Path, log: Path, timeout: float) -> BuildRun:
    """Run ``command`` to completion, sampling the memory of its process tree meanwhile."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        status, usage, tree_peak = _wait(process, timeout)
        wall = time.perf_counter() - start
    text = log.read_bytes().decode("utf-8", "replace")
    return BuildRun(
        wall_s=wall,
        peak_rss_mb=_reported_memory(text, usage.ru_maxrss / 1024),
        tree_peak_mb=tree_peak,
        returncode=os.waitstatus_to_exitcode(status),
        output=text[-MAX_LOG:],
        load_after=os.getloadavg()[0],
    )


def _wait(process: subprocess.Popen, timeout: float) -> tuple[int, object, float]:
    """Wait for ``process`` (checked every 50 ms), sampling its tree's memory every SAMPLE_EVERY_S."""
    deadline = time.monotonic() + timeout
    next_sample, peak = 0.0, 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return status, usage, peak
        now = time.monotonic()
        if now >= next_sample:
            peak = max(peak, tree_rss_mb(process.pid))
            next_sample = now + SAMPLE_EVERY_S
        if now > deadline:
            process.kill()
        time.sleep(0.05)


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants now, from /proc (0 where there is no /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            total += int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * PAGE_BYTES
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


def _reported_memory(text: str, fallback_mb: float) -> float:
    for line in reversed(text.splitlines()):
        if line.startswith(MEMORY_MARK):
            return float(line[len(MEMORY_MARK) :])
    return fallback_mb
