"""What one benchmark run was asked to do, and how it reports progress and failure.

Reads nothing. Produces the frozen ``Settings`` of a run (``benchmarks/run.py`` fills them from the command
line; ``results.json`` keeps them), ``BenchError`` for a step that failed, and ``log`` for progress lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

BUILD_TIMEOUT_S = 3 * 3600


@dataclass(frozen=True)
class Settings:
    sizes: tuple[int, ...]
    repeats: int
    repeat_budget_s: float  # no further round of A+B at a size once its rounds would pass this
    profile_size: int | None
    preview_size: int | None
    preview_edits: int
    browser: bool
    browser_repeats: int
    work_dir: Path
    keep_work: bool  # keep the generated projects and sites (a --work-dir was given)
    results_dir: Path | None
    seed: int
    source: Path  # where the site's code and configuration are copied from
    code_from: str  # "working tree" or the commit given to --code-from
    images_size: int = 0  # N of the corpus with two screenshots an article (0: not measured)
    stages: tuple[str, ...] = ()  # of "screenshots", "images", "import" (stages.py): measured once a run


class BenchError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", flush=True)
