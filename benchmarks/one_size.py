"""Everything measured at one size N: the corpus, timed builds of A, A1 and B, their output, search in Chromium.

Reads the settings of the run and the site code it copied; generates the corpus of N articles per language,
writes both projects into the run's work folder and checks ours with ``helpcentre.cli check``; builds A (ours,
as `make site`), A1 (ours in one process) and B (the reference) in turn, weighs what they wrote, measures
search and the assistant in Chromium, compares A's output with A1's, and at the sizes the settings name, runs
the hooks-clocked builds (``profiling.py``) and the preview (``preview.py``). Produces the size's entry of
the run's figures and, at those sizes, the profile's and the preview's.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
from pathlib import Path

from . import browser, builds, corpus, figures, preview, profiling, setaside, weights
from .projects import Projects, write_projects
from .settings import BUILD_TIMEOUT_S, BenchError, Settings, log
from .vocabulary import CONTACT_MARKER, LANGUAGES

# Per language: a query, a question for the assistant, and the query with one typing error (it needs the
# spelling data: issue 16's "first query that needs a correction").
VISITS = {
    "en": ("refund", "How do I get a refund for my payment?", "refnud"),
    "fr": ("remboursement", "Comment obtenir le remboursement de mon paiement ?", "rembourcement"),
}


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
        "words_mean": {lang: round(statistics.mean(a.words(lang) for a in articles), 1) for lang in LANGUAGES},
        "with_related": sum(bool(a.related) for a in articles),
        "with_contact": sum(a.contact is not None for a in articles),
        "with_contact_marker": sum(CONTACT_MARKER in a.body.en for a in articles),
        "with_link": sum("](" in a.body.en for a in articles),
        "popularity_rows": sum(a.views is not None for a in articles),
    }


def build_once(project: Path, variant: str, out: Path, logs: Path, label: str) -> builds.BuildRun:
    setaside.set_aside(out)  # not deleted: a deletion slows the next builds' file creation (setaside)
    # The disk's pending work (the files an earlier build or stage wrote) is done before the clock starts, not
    # charged to whichever build comes next.
    os.sync()
    env = builds.build_env(project, variant)
    command = builds.timed_command(project, out, variant)
    run = builds.run_process(command, env, project, logs / f"{label}.log", BUILD_TIMEOUT_S)
    if run.returncode != 0:
        raise BenchError(f"build {label} failed ({run.returncode}):\n{run.output}")
    log(f"  {label}: {run.wall_s:.1f} s, {run.memory_mb:.0f} MB")
    return run


def timed_builds(projects: Projects, work: Path, settings: Settings) -> dict[str, list[builds.BuildRun]]:
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
    return {lang: rel if lang == LANGUAGES[0] else f"{lang}/{rel}" for lang in LANGUAGES}


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


def browser_result(out: Path, pages: dict[str, str], repeats: int, corrects: bool = True) -> dict:
    """Search and the assistant in Chromium; the query with a typing error only where search corrects it
    (plain Material's would wait for a result that never comes)."""
    visits = [browser.Visit(pages[lang], *VISITS[lang][:2], VISITS[lang][2] if corrects else "") for lang in pages]
    searches, answers = browser.measure_site(out, visits, repeats)
    result: dict = {"search": {}, "search_corrected": {}, "assistant": {}, "assistant_pasted": {}}
    for lang, page in pages.items():
        mine = [r for r in searches if r.page == page and r.query == VISITS[lang][0]]
        result["search"][lang] = _summary(mine, "first_result_ms", ("search_bytes", "page_bytes", "after_key_bytes"))
        corrected = [r for r in searches if r.page == page and r.query == VISITS[lang][2]]
        result["search_corrected"][lang] = _summary(corrected, "first_result_ms", ("search_bytes",))
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


def run_size(size: int, settings: Settings) -> tuple[dict, dict | None, dict | None]:
    """Everything measured at one size: (results of the size, profile or None, preview or None)."""
    work = settings.work_dir / f"n{size}"
    generated = corpus.generate(size, settings.seed)
    projects = write_projects(settings.source, generated, work / "projects")
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
            corrects = variant == builds.OURS
            result[variant]["browser"] = browser_result(out, pages, settings.browser_repeats, corrects)
    result[builds.SEQUENTIAL] = sequential_result(
        runs[builds.SEQUENTIAL], work / f"out-{builds.SEQUENTIAL}", work / f"out-{builds.OURS}"
    )
    log(f"  parallel output identical to one process: {result[builds.SEQUENTIAL]['identical_to_parallel']}")
    result["ratios"] = figures.ratios(result[builds.OURS], result[builds.REFERENCE])
    result["ratios"]["parallel_vs_sequential"] = figures.ratio(
        result[builds.OURS]["wall_s"], result[builds.SEQUENTIAL]["wall_s"]
    )
    profile, previewed = None, None
    if size == settings.profile_size:
        profile = profiling.profile_result(projects.ours, work, size, settings.repeats)
    if size == settings.preview_size:
        previewed = preview.preview_result(projects, generated, work, settings)
        variants = (builds.OURS, builds.SEQUENTIAL, builds.REFERENCE)
        previewed["full_build_s"] = {v: result[v]["wall_s"] for v in variants}
    problems = [p for v in (builds.OURS, builds.REFERENCE) for s in result[v]["search"].values() for p in s["problems"]]
    if problems:
        log(f"  search index problems, {work} kept for a look: {problems[:3]}")
    elif not settings.keep_work:
        setaside.set_aside(work)
    return result, profile, previewed
