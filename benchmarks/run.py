"""`make bench`: builds our help centre (A) and plain Material + static-i18n (B) on the same synthetic corpus.

Reads the repository's site code (``mkdocs.yml``, ``hooks/``, ``overrides/``, ``data/``: the working tree,
copied once at the start, or a commit with ``--code-from``), generates for each size N a corpus of N
articles per language into a work folder (a temporary one unless ``--work-dir``), checks it with
``helpcentre.cli check``, then builds A and B alternately (median of several runs while the time budget per
size allows), weighs the output, measures search in Chromium, profiles one build of A and times a
`mkdocs serve` rebuild after one edit. Produces ``benchmarks/results.json`` and ``benchmarks/RESULTS.md``
(``--results-dir``), printing progress as it goes.

    make bench                                      # N = 100, 1000, 3000: about an hour
    make bench BENCH_SIZES=100 BENCH_REPEATS=1      # a quick look (or --sizes / --repeats)
    make bench BENCH_FROM=HEAD                      # the committed code, not the working tree
    make bench-smoke                                # N = 20 and 100, printed, nothing written
    python -m benchmarks.run --from-json benchmarks/results.json   # RESULTS.md again, measuring nothing
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import browser, budgets, builds, corpus, figures, preview, profiling, report, weights
from . import projects as projects_

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (100, 1000, 3000)
VISITS = {
    "en": ("refund", "How do I get a refund for my payment?"),
    "fr": ("remboursement", "Comment obtenir le remboursement de mon paiement ?"),
}
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


class BenchError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", flush=True)


# -- one size ------------------------------------------------------------------------------------------------


def check_corpus(project: Path) -> dict:
    """Our own content checks on the generated corpus: it must have no error (and has no warning)."""
    env = builds.build_env(project, builds.OURS)
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(project), "check"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    summary = (result.stdout.strip().splitlines() or [""])[-1]
    counts = [int(word) for word in summary.replace(",", " ").split() if word.isdigit()]
    if result.returncode != 0 or len(counts) < 2 or counts[0]:
        raise BenchError(f"the generated corpus fails `make check`:\n{result.stdout[-3000:]}{result.stderr[-2000:]}")
    return {"errors": counts[0], "warnings": counts[1], "summary": summary}


def corpus_facts(generated: corpus.Corpus) -> dict:
    articles = generated.articles
    return {
        "articles_per_language": len(articles),
        "categories": len({a.category for a in articles}),
        "words_mean": {lang: round(statistics.mean(a.words(lang) for a in articles), 1) for lang in corpus.LANGUAGES},
        "with_related": sum(bool(a.related) for a in articles),
        "with_contact": sum(a.contact is not None for a in articles),
        "with_contact_marker": sum(corpus.CONTACT_MARKER in a.body.en for a in articles),
        "with_link": sum("](" in a.body.en for a in articles),
        "popularity_rows": sum(a.views is not None for a in articles),
    }


def build_once(project: Path, variant: str, out: Path, logs: Path, label: str) -> builds.BuildRun:
    if out.exists():
        shutil.rmtree(out)
    env = builds.build_env(project, variant)
    command = builds.timed_command(project, out, variant)
    run = builds.run_process(command, env, project, logs / f"{label}.log", BUILD_TIMEOUT_S)
    if run.returncode != 0:
        raise BenchError(f"build {label} failed ({run.returncode}):\n{run.output}")
    log(f"  {label}: {run.wall_s:.1f} s, {run.memory_mb:.0f} MB")
    return run


def timed_builds(projects: projects_.Projects, work: Path, settings: Settings) -> dict[str, list[builds.BuildRun]]:
    """A, A in one process, and B in turn, so a slow moment of the machine hits all; at least one round."""
    variants = (
        (builds.OURS, projects.ours),
        (builds.SEQUENTIAL, projects.ours),
        (builds.REFERENCE, projects.reference),
    )
    runs: dict[str, list[builds.BuildRun]] = {variant: [] for variant, _ in variants}
    spent = 0.0
    for round_number in range(1, settings.repeats + 1):
        for variant, project in variants:
            run = build_once(project, variant, work / f"out-{variant}", work / "logs", f"{variant}-{round_number}")
            runs[variant].append(run)
        last = sum(runs[variant][-1].wall_s for variant, _ in variants)
        spent += last
        if spent + last > settings.repeat_budget_s:
            break
    return runs


def typical_pages(generated: corpus.Corpus) -> dict[str, str]:
    rel = generated.typical().rel_path[: -len(".md")] + ".html"
    return {lang: rel if lang == corpus.LANGUAGES[0] else f"{lang}/{rel}" for lang in corpus.LANGUAGES}


def timing_result(runs: list[builds.BuildRun]) -> dict:
    walls = [r.wall_s for r in runs]
    return {
        "wall_s": round(statistics.median(walls), 3),
        "wall_runs_s": [round(w, 3) for w in walls],
        "load_after_runs": [round(r.load_after, 2) for r in runs],
        "peak_rss_mb": round(max(r.peak_rss_mb for r in runs), 1),
        "tree_peak_mb": round(max(r.tree_peak_mb for r in runs), 1),
        "memory_mb": round(max(r.memory_mb for r in runs), 1),
    }


def sequential_result(runs: list[builds.BuildRun], out: Path, parallel_out: Path) -> dict:
    """Our build in one process: its timing, and whether the parallel build wrote the same bytes."""
    differing = builds.differing_files(parallel_out, out)
    return timing_result(runs) | {"identical_to_parallel": not differing, "differing_files": differing[:20]}


def variant_result(runs: list[builds.BuildRun], out: Path, pages: dict[str, str]) -> dict:
    size = weights.site_size(out)
    timing = timing_result(runs)
    wall = timing["wall_s"]
    return timing | {
        "pages": size.pages,
        "files": size.files,
        "pages_per_s": round(size.pages / wall, 2),
        "site_bytes": size.total_bytes,
        "article": {lang: _page_weight(out, page) for lang, page in pages.items()},
        "search": {lang: _search_weight(out, page) for lang, page in pages.items()},
    }


def _page_weight(out: Path, page: str) -> dict:
    weight = weights.page_weight(out, page)
    data = dataclasses.asdict(weight)
    data["assets"] = dict(weight.assets)
    data["js_css_bytes"] = weight.js_css_bytes
    return data


def _search_weight(out: Path, page: str) -> dict:
    data = dataclasses.asdict(weights.search_weight(out, page))
    data["first_query_bytes_estimate"] = data.pop("first_query_bytes")
    return data


def browser_result(out: Path, pages: dict[str, str], repeats: int) -> dict:
    visits = [browser.Visit(pages[lang], *VISITS[lang]) for lang in pages]
    searches, answers = browser.measure_site(out, visits, repeats)
    result: dict = {"search": {}, "assistant": {}, "assistant_pasted": {}}
    for lang, page in pages.items():
        mine = [r for r in searches if r.page == page]
        result["search"][lang] = _summary(mine, "first_result_ms", ("search_bytes", "page_bytes", "after_key_bytes"))
        typed = [r for r in answers if r.page == page and not r.pasted]
        pasted = [r for r in answers if r.page == page and r.pasted]
        result["assistant"][lang] = _summary(typed, "answer_ms", ("search_bytes",)) if typed else None
        result["assistant_pasted"][lang] = _summary(pasted, "answer_ms", ("search_bytes",)) if pasted else None
    return result


def _summary(runs: list, timed: str, sizes: tuple[str, ...]) -> dict:
    good = [r for r in runs if getattr(r, timed) is not None]
    summary = {
        timed: round(statistics.median(getattr(r, timed) for r in good), 1) if good else None,
        f"{timed}_runs": [round(getattr(r, timed), 1) for r in good],
        "errors": [r.error for r in runs if r.error],
    }
    for name in sizes:
        summary[name] = max((getattr(r, name) for r in good), default=None)
    if runs and hasattr(runs[0], "engine_ui"):
        summary["ui"] = runs[0].engine_ui
    return summary


def profile_result(project: Path, work: Path, size: int, repeats: int) -> dict:
    out, dump = work / "out-profile", work / "build.prof"
    if out.exists():
        shutil.rmtree(out)
    env = builds.build_env(project, builds.OURS)
    records = work / "profile-records"  # as `make site` builds: the hooks save the records, the CLI indexes them
    command = builds.profiled_command(project, out, dump)
    run = builds.run_process(
        command,
        {**env, builds.RECORDS_VARIABLE: str(records)},
        project,
        work / "logs" / "profile.log",
        BUILD_TIMEOUT_S,
    )
    shutil.rmtree(records, ignore_errors=True)
    if run.returncode != 0:
        raise BenchError(f"profiled build failed:\n{run.output}")
    summary = profiling.profile_summary(dump, project)
    shutil.rmtree(out, ignore_errors=True)
    log(f"  profile: {summary.hooks_share:.0%} of {summary.total_s:.1f} s in our hooks")
    timings = []
    for attempt in range(1, repeats + 1):
        timed = builds.run_process(
            builds.hooks_timed_command(project, out),
            env,
            project,
            work / "logs" / f"hooks-timed-{attempt}.log",
            BUILD_TIMEOUT_S,
        )
        timing = builds.hooks_timing(timed.output) if timed.returncode == 0 else None
        if timing is None:
            raise BenchError(f"timed build failed:\n{timed.output[-3000:]}")
        shutil.rmtree(out, ignore_errors=True)
        timings.append((*timing, builds.hooks_events(timed.output)))
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
        "variant": builds.OURS,
        "wall_s": round(run.wall_s, 3),
        "total_s": round(summary.total_s, 3),
        "hooks_s": round(summary.hooks_s, 3),
        "hooks_share": round(summary.hooks_share, 4),
        "groups": dict(summary.groups),
        "top_hooks": dict(summary.top_hooks),
    }


ONE_LANGUAGE_PREVIEW = "A-en"


def preview_result(projects: projects_.Projects, generated: corpus.Corpus, work: Path, settings: Settings) -> dict:
    result: dict = {"size": generated.size, "edits": settings.preview_edits}
    english = corpus.LANGUAGES[0]
    # What `make serve` runs: not strict, --dirty (only the saved files are converted again).
    serve = {**builds.build_env(projects.ours, builds.OURS), "HC_STRICT": "false"}
    runs = (
        (builds.OURS, projects.ours, serve, True),
        (ONE_LANGUAGE_PREVIEW, projects.ours, {**serve, "HC_BUILD_LANGUAGE": english}, True),  # make serve ONLY=en
        (builds.REFERENCE, projects.reference, builds.build_env(projects.reference, builds.REFERENCE), False),
    )
    for variant, project, env, dirty in runs:
        article = project / "docs" / english / generated.typical().rel_path
        run = preview.measure_preview(
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


def run_size(size: int, settings: Settings) -> tuple[dict, dict | None, dict | None]:
    """Everything measured at one size: (results of the size, profile or None, preview or None)."""
    work = settings.work_dir / f"n{size}"
    generated = corpus.generate(size, settings.seed)
    projects = projects_.write_projects(settings.source, generated, work / "projects")
    log(f"N={size}: corpus written to {work / 'projects'}; checking it")
    facts = corpus_facts(generated) | {"check": check_corpus(projects.ours)}
    load = os.getloadavg()
    runs = timed_builds(projects, work, settings)
    pages = typical_pages(generated)
    result = {"corpus": facts, "load_average_before": [round(x, 2) for x in load]}
    for variant in (builds.OURS, builds.REFERENCE):
        out = work / f"out-{variant}"
        result[variant] = variant_result(runs[variant], out, pages)
        if settings.browser:
            log(f"  browser: {variant}")
            result[variant]["browser"] = browser_result(out, pages, settings.browser_repeats)
    result[builds.SEQUENTIAL] = sequential_result(
        runs[builds.SEQUENTIAL], work / f"out-{builds.SEQUENTIAL}", work / f"out-{builds.OURS}"
    )
    log(f"  parallel output identical to one process: {result[builds.SEQUENTIAL]['identical_to_parallel']}")
    result["ratios"] = figures.ratios(result[builds.OURS], result[builds.REFERENCE])
    result["ratios"]["parallel_vs_sequential"] = figures.ratio(
        result[builds.OURS]["wall_s"], result[builds.SEQUENTIAL]["wall_s"]
    )
    profile = profile_result(projects.ours, work, size, settings.repeats) if size == settings.profile_size else None
    previewed = preview_result(projects, generated, work, settings) if size == settings.preview_size else None
    if previewed is not None:
        variants = (builds.OURS, builds.SEQUENTIAL, builds.REFERENCE)
        previewed["full_build_s"] = {v: result[v]["wall_s"] for v in variants}
    problems = [p for v in (builds.OURS, builds.REFERENCE) for s in result[v]["search"].values() for p in s["problems"]]
    if problems:
        log(f"  search index problems, {work} kept for a look: {problems[:3]}")
    elif not settings.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return result, profile, previewed


# -- the whole run -------------------------------------------------------------------------------------------


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> dict:
    cpuinfo = _read("/proc/cpuinfo").splitlines()
    meminfo = _read("/proc/meminfo").splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "")
    memory_kb = int(next((line.split()[1] for line in meminfo if line.startswith("MemTotal")), "0"))
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory_mb": memory_kb // 1024,
        "platform": sys.platform,
        "kernel": os.uname().release,
        "python": sys.version.split()[0],
        "niceness": os.nice(0),  # negative: the benchmark ran ahead of other work on the machine
    }


PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "pagefind",
    "pagefind_bin",
    "playwright",
)


def versions(with_browser: bool) -> dict:
    from importlib import metadata

    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    if with_browser:
        found["chromium"] = browser.chromium_version()
    return found


SITE_CODE = ("mkdocs.yml", "hooks", "overrides", "data", "docs")


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=False)


def git_state(code_from: str) -> dict:
    if code_from != WORKING_TREE:
        return {"commit": code_from, "site_code_changed": False, "code_from": code_from}
    changed = _git("status", "--porcelain", "--", *SITE_CODE[:-1]).stdout.strip()
    commit = _git("rev-parse", "HEAD").stdout.decode().strip()
    return {"commit": commit, "site_code_changed": bool(changed), "code_from": WORKING_TREE}


WORKING_TREE = "working tree"


def export_code(rev: str, dest: Path) -> tuple[Path, str]:
    """The site's code and configuration as committed in ``rev`` (read with `git archive`, nothing checked out)."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    if commit.returncode != 0:
        raise BenchError(f"--code-from {rev}: not a commit of this repository")
    sha = commit.stdout.decode().strip()
    archive = _git("archive", "--format=tar", sha, "--", *SITE_CODE)
    if archive.returncode != 0:
        raise BenchError(f"git archive {sha} failed: {archive.stderr.decode()[-500:]}")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest, sha


def run(settings: Settings) -> dict:
    started = time.perf_counter()
    results: dict = {
        "schema": 1,
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(settings.browser),
        "git": git_state(settings.code_from),
        "settings": _settings_dict(settings),
        "sizes": {},
        "profile": None,
        "preview": None,
    }
    for size in settings.sizes:
        result, profile, previewed = run_size(size, settings)
        results["sizes"][str(size)] = result
        results["profile"] = profile or results["profile"]
        results["preview"] = previewed or results["preview"]
        _save(settings.work_dir / "partial.json", results)
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
    parser.add_argument("--profile-size", type=int, help="N of the profiled build of A (default: the largest)")
    parser.add_argument("--preview-size", type=int, help="N of the preview rebuild (default: 1000, else the largest)")
    parser.add_argument("--preview-edits", type=int, default=2)
    parser.add_argument("--browser", choices=("auto", "on", "off"), default=os.environ.get("BENCH_BROWSER", "auto"))
    parser.add_argument("--browser-repeats", type=int, default=3)
    parser.add_argument("--work-dir", type=Path, help="keep the generated projects here (default: a temporary one)")
    parser.add_argument("--results-dir", type=Path, default=REPO / "benchmarks", help="where to write the results")
    parser.add_argument("--no-save", action="store_true", help="print the results instead of writing them")
    parser.add_argument(
        "--from-json", type=Path, metavar="FILE", help="measure nothing: write RESULTS.md again from a results.json"
    )
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument(
        "--code-from", metavar="REV", help="benchmark the site code of a commit (default: working tree)"
    )
    return parser.parse_args(argv)


def snapshot_code(dest: Path) -> Path:
    """The working tree's site code, copied once so that every size builds the same code."""
    for name in SITE_CODE:
        src = REPO / name
        if src.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", *(corpus.LANGUAGES if name == "docs" else ()))
            shutil.copytree(src, dest / name, ignore=ignore, dirs_exist_ok=True)
        elif src.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def settings_from(args: argparse.Namespace, work_dir: Path, keep_work: bool) -> Settings:
    if args.code_from:
        source, code_from = export_code(args.code_from, work_dir / "source")
    else:
        source, code_from = snapshot_code(work_dir / "source"), WORKING_TREE
    sizes = _sizes(args.sizes)
    if not sizes or min(sizes) < 2:
        raise SystemExit("--sizes: whole numbers of at least 2, like 100,1000,3000")
    use_browser = args.browser == "on" or (args.browser == "auto" and browser.available())
    if args.browser == "on" and not browser.available():
        raise SystemExit("--browser on: Playwright and /usr/bin/chromium are needed (make system-deps)")
    preview_size = args.preview_size or (1000 if 1000 in sizes else max(sizes))
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
    _save(results_dir / "results.json", results)
    (results_dir / "RESULTS.md").write_text(markdown, encoding="utf-8")
    log(f"wrote {results_dir / 'results.json'} and {results_dir / 'RESULTS.md'}")
    print(report.summary_table(results))


def rereport(path: Path, results_dir: Path | None) -> int:
    """Budgets and RESULTS.md again from a saved results.json (after a change to the report only)."""
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
        if temporary and finished:
            shutil.rmtree(work_dir, ignore_errors=True)
        elif temporary:
            print(f"make bench: the generated projects and sites are kept in {work_dir}", file=sys.stderr)
    write_results(results, None if args.no_save else args.results_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
