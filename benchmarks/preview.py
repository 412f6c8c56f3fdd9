"""A writer's preview: how long `mkdocs serve` (what `make serve` runs) takes to rebuild after one edit.

Reads a generated project; starts ``mkdocs serve --livereload`` (with ``--dirty`` for ours, as `make serve`
runs it) on a free local port, waits for the first build, then appends a sentence to one English article
several times and, each time, measures from the file write to MkDocs' "Documentation built in" line
(file-watcher latency included) and also keeps the build time MkDocs reports itself (or the measured time
when MkDocs did not print it). Produces a ``PreviewRun``, and the preview's entry of ``results.json`` for the
three previews of one size (``preview_result``): ours as `make serve` runs it, ours in English only
(`make serve ONLY=en`) and the reference. Edits stay in the temporary project.
"""

from __future__ import annotations

import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .builds import ONE_LANGUAGE, OURS, REFERENCE, build_env
from .corpus import Corpus
from .projects import Projects
from .settings import BUILD_TIMEOUT_S, Settings, log
from .vocabulary import LANGUAGES
from static_server import free_port

# The end of a rebuild: MkDocs' "Documentation built in" line, or the live-reload line that follows it. Now
# and then (1 rebuild in 12 of the reference, measured) static-i18n's rebuild ends without the first, and
# waiting for it alone kept the benchmark waiting for ever.
RELOADING = "Reloading browsers"
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds|" + RELOADING)
SERVING = "Serving on http"
EDIT = "\n\nEdited for the preview benchmark ({n}).\n"


@dataclass(frozen=True)
class PreviewRun:
    first_build_s: float  # start of `mkdocs serve` to "Serving on"
    rebuild_s: tuple[float, ...]  # file write to "Documentation built in", one per edit
    reported_s: tuple[float, ...]  # MkDocs' own "built in" figure for each rebuild


class PreviewError(RuntimeError):
    pass


def _read_lines(stream, lines: queue.Queue) -> None:
    for raw in iter(stream.readline, b""):
        lines.put((time.perf_counter(), raw.decode("utf-8", "replace")))
    lines.put((time.perf_counter(), None))


def _wait_for(lines: queue.Queue, pattern: str | re.Pattern, deadline: float, seen: list[str]) -> tuple[float, str]:
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise PreviewError("mkdocs serve timed out:\n" + "".join(seen[-20:]))
        try:
            at, line = lines.get(timeout=min(remaining, 5))
        except queue.Empty:
            continue
        if line is None:
            raise PreviewError("mkdocs serve stopped:\n" + "".join(seen[-20:]))
        seen.append(line)
        found = pattern.search(line) if isinstance(pattern, re.Pattern) else pattern in line
        if found:
            return at, line


def measure_preview(
    project: Path, article: Path, env: dict[str, str], edits: int, timeout: float, log_file: Path, dirty: bool = False
) -> PreviewRun:
    """Serve ``project`` and time ``edits`` rebuilds after editing ``article``."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(project.resolve() / "mkdocs.yml")]
    command += ["--dirty"] if dirty else []
    command += ["-a", f"127.0.0.1:{free_port()}"]
    lines: queue.Queue = queue.Queue()
    seen: list[str] = []
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        ready, _ = _wait_for(lines, SERVING, start + timeout, seen)
        rebuilds, reported = [], []
        for n in range(1, edits + 1):
            time.sleep(1.0)  # let the watcher settle, as a writer's pause between saves would
            with article.open("a", encoding="utf-8") as f:
                f.write(EDIT.format(n=n))
            edited = time.perf_counter()
            at, line = _wait_for(lines, BUILT, edited + timeout, seen)
            rebuilds.append(at - edited)
            own_figure = BUILT.search(line).group(1)
            reported.append(float(own_figure) if own_figure else at - edited)
            if own_figure:  # this rebuild's reload line is still to come: not the end of the next one
                _wait_for(lines, RELOADING, at + timeout, seen)
        return PreviewRun(first_build_s=ready - start, rebuild_s=tuple(rebuilds), reported_s=tuple(reported))
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log_file.parent.mkdir(parents=True, exist_ok=True)
        log_file.write_text("".join(seen), encoding="utf-8")


def preview_result(projects: Projects, generated: Corpus, work: Path, settings: Settings) -> dict:
    result: dict = {"size": generated.size, "edits": settings.preview_edits}
    english = LANGUAGES[0]
    # What `make serve` runs: not strict, --dirty (only the saved files are converted again).
    serve = {**build_env(projects.ours, OURS), "HC_STRICT": "false"}
    runs = (
        (OURS, projects.ours, serve, True),
        (ONE_LANGUAGE, projects.ours, {**serve, "HC_BUILD_LANGUAGE": english}, True),  # make serve ONLY=en
        (REFERENCE, projects.reference, build_env(projects.reference, REFERENCE), False),
    )
    for variant, project, env, dirty in runs:
        article = project / "docs" / english / generated.typical().rel_path
        run = measure_preview(
            project,
            article,
            env,
            settings.preview_edits,
            BUILD_TIMEOUT_S,
            work / "logs" / f"serve-{variant}.log",
            dirty=dirty,
        )
        result[variant] = {
            "first_build_s": round(run.first_build_s, 3),
            "rebuild_s": round(statistics.median(run.rebuild_s), 3),
            "rebuild_runs_s": [round(x, 3) for x in run.rebuild_s],
            "reported_s": [round(x, 3) for x in run.reported_s],
        }
        log(f"  preview {variant}: rebuild {statistics.median(run.rebuild_s):.1f} s after one edit")
    return result
