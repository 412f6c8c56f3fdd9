"""`make bench`: builds our help centre (A) and plain Material + static-i18n (B) on the same synthetic corpus.

Reads the repository's site code (``mkdocs.yml``, ``hooks/``, ``overrides/``, ``data/``: the working tree,
copied once at the start, or a commit with ``--code-from``), generates for each size N a corpus of N
articles per language into a work folder (a temporary one unless ``--work-dir``), checks it with
``helpcentre.cli check``, then builds A and B alternately (median of several runs while the time budget per
size allows), weighs the output, measures search in Chromium, clocks our hooks in builds of A, times a
`mkdocs serve` rebuild after one edit and loads the feedback collector with a fixed number of votes; then,
once, the stages of ``stages.py``: the screenshot page on a phone, the corpus with two screenshots an article
(N = 3000 unless ``--images-size``) from an empty and a warm image cache, the import of 1,000 Zendesk
articles. Produces
``benchmarks/RESULTS.md`` (the tables) and ``benchmarks/budgets.json`` (the figures the budgets read), both
committed (``--results-dir``), and every figure in ``dist/bench-results.json`` (not committed), printing
progress as it goes.

    make bench                                      # N = 100, 1000, 3000, then the stages
    make bench BENCH_SIZES=100 BENCH_REPEATS=1      # a quick look (or --sizes / --repeats)
    make bench BENCH_FROM=HEAD                      # the committed code, not the working tree
    make bench-smoke                                # N = 20 and 100, printed, nothing written
    python -m benchmarks.run --from-json dist/bench-results.json   # RESULTS.md again, measuring nothing
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import browser, budgets, collector_load, corpus, environment, measured, one_size, report, setaside, stages
from .settings import BenchError, Settings, log

DEFAULT_SIZES = (100, 1000, 3000)
DEFAULT_RESULTS = environment.REPO / "benchmarks"
ALL_FIGURES = environment.REPO / "dist" / "bench-results.json"  # every figure of the last run, not committed


def run(settings: Settings) -> dict:
    started = time.perf_counter()
    results: dict = {
        "schema": 1,
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": environment.machine(),
        "versions": environment.versions(settings.browser),
        "git": environment.git_state(settings.code_from),
        "settings": _settings_dict(settings),
        "sizes": {},
        "profile": None,
        "preview": None,
    }
    for size in settings.sizes:
        result, profile, previewed = one_size.run_size(size, settings)
        results["sizes"][str(size)] = result
        results["profile"] = profile or results["profile"]
        results["preview"] = previewed or results["preview"]
        _save(settings.work_dir / "partial.json", results)
    results["collector"] = collector_load.measure(settings)
    results |= stages.measure(settings)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    results["budgets"] = [dataclasses.asdict(b) for b in budgets.budgets(results)]
    return results


def _settings_dict(settings: Settings) -> dict:
    data = dataclasses.asdict(settings)
    data["work_dir"] = "(temporary)"
    data["results_dir"] = None
    data["source"] = settings.code_from
    data["sizes"] = list(settings.sizes)
    return data


def _save(path: Path, results: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(part) for part in text.replace(" ", "").split(",") if part}))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", ",".join(map(str, DEFAULT_SIZES))))
    parser.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "3")))
    parser.add_argument("--repeat-budget", type=float, default=900.0, help="seconds of A+B builds per size")
    parser.add_argument("--profile-size", type=int, help="N of the hooks-clocked builds (default: the largest)")
    parser.add_argument("--preview-size", type=int, help="N of the preview rebuild (default: 1000, else the largest)")
    parser.add_argument("--preview-edits", type=int, default=2)
    parser.add_argument("--browser", choices=("auto", "on", "off"), default=os.environ.get("BENCH_BROWSER", "auto"))
    parser.add_argument("--browser-repeats", type=int, default=5)
    parser.add_argument("--work-dir", type=Path, help="keep the generated projects here (default: a temporary one)")
    parser.add_argument("--results-dir", type=Path, default=DEFAULT_RESULTS, help="where to write the results")
    parser.add_argument("--no-save", action="store_true", help="print the results instead of writing them")
    parser.add_argument(
        "--from-json", type=Path, metavar="FILE", help="measure nothing: write RESULTS.md again from all the figures"
    )
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument(
        "--images-size",
        type=int,
        default=int(os.environ.get("BENCH_IMAGES_SIZE", "0")) or None,
        help="N of the corpus with two screenshots an article (default: 3000 if measured, else the largest size)",
    )
    parser.add_argument(
        "--stages",
        default=",".join(stages.STAGES),
        help="measured once a run, after the sizes: screenshots, images, import (an empty value: none)",
    )
    parser.add_argument(
        "--code-from", metavar="REV", help="benchmark the site code of a commit (default: working tree)"
    )
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace, work_dir: Path, keep_work: bool) -> Settings:
    if args.code_from:
        source, code_from = environment.export_code(args.code_from, work_dir / "source")
    else:
        source, code_from = environment.snapshot_code(work_dir / "source"), environment.WORKING_TREE
    sizes = _sizes(args.sizes)
    if not sizes or min(sizes) < 2:
        raise SystemExit("--sizes: whole numbers of at least 2, like 100,1000,3000")
    use_browser = args.browser == "on" or (args.browser == "auto" and browser.available())
    if args.browser == "on" and not browser.available():
        raise SystemExit("--browser on: Playwright and /usr/bin/chromium are needed (make system-deps)")
    preview_size = args.preview_size or (1000 if 1000 in sizes else max(sizes))
    chosen = tuple(s for s in args.stages.replace(" ", "").split(",") if s)
    if unknown := set(chosen) - set(stages.STAGES):
        raise SystemExit(f"--stages: {', '.join(sorted(unknown))}? (of {', '.join(stages.STAGES)})")
    images_size = args.images_size or (measured.BUDGET_SIZE if measured.BUDGET_SIZE in sizes else max(sizes))
    return Settings(
        sizes=sizes,
        repeats=max(1, args.repeats),
        repeat_budget_s=args.repeat_budget,
        profile_size=args.profile_size or max(sizes),
        preview_size=preview_size,
        preview_edits=max(1, args.preview_edits),
        browser=use_browser,
        browser_repeats=max(1, args.browser_repeats),
        work_dir=work_dir,
        keep_work=keep_work,
        results_dir=None if args.no_save else args.results_dir,
        seed=args.seed,
        source=source,
        code_from=code_from,
        images_size=images_size,
        stages=chosen,
    )


def measure_all(args: argparse.Namespace, work_dir: Path, keep_work: bool) -> dict:
    settings = settings_from(args, work_dir, keep_work)
    for extra in (settings.profile_size, settings.preview_size):
        if extra not in settings.sizes:
            settings = dataclasses.replace(settings, sizes=tuple(sorted({*settings.sizes, extra})))
    on_off = "on" if settings.browser else "off"
    log(
        f"sizes {list(settings.sizes)}, up to {settings.repeats} runs each, browser {on_off}, "
        f"code: {settings.code_from}"
    )
    return run(settings)


def write_results(results: dict, results_dir: Path | None) -> None:
    markdown = report.markdown(results)
    if results_dir is None:
        print(markdown)
        return
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "RESULTS.md").write_text(markdown, encoding="utf-8")
    _save(results_dir / "budgets.json", report.budget_figures(results))
    all_figures = ALL_FIGURES if results_dir == DEFAULT_RESULTS else results_dir / ALL_FIGURES.name
    _save(all_figures, results)
    log(f"wrote {results_dir / 'RESULTS.md'}, {results_dir / 'budgets.json'} and {all_figures}")
    print(report.summary_table(results))


def rereport(path: Path, results_dir: Path | None) -> int:
    """Budgets and RESULTS.md again from a run's saved figures (after a change to the report only)."""
    results = json.loads(path.read_text(encoding="utf-8"))
    results["budgets"] = [dataclasses.asdict(b) for b in budgets.budgets(results)]
    write_results(results, results_dir)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        return rereport(args.from_json, None if args.no_save else args.results_dir)
    temporary = args.work_dir is None
    work_dir = Path(tempfile.mkdtemp(prefix="hc-bench-")) if temporary else args.work_dir.resolve()
    finished = False
    try:
        results = measure_all(args, work_dir, keep_work=not temporary)
        finished = True
    except BenchError as exc:
        print(f"make bench: {exc}", file=sys.stderr)
        return 1
    finally:
        setaside.remove(work_dir)  # once nothing is timed any more (setaside)
        if temporary and finished:
            shutil.rmtree(work_dir, ignore_errors=True)
        elif temporary:
            print(f"make bench: the generated projects and sites are kept in {work_dir}", file=sys.stderr)
    write_results(results, None if args.no_save else args.results_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
