"""RESULTS.md, the readable report of a run, and the few lines printed at its end.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``, so a saved file can be reported
again) with its checked budgets, and ``benchmarks/data/method.md``: how everything is measured, a
``str.format`` template filled with the run's settings. Produces the Markdown of ``benchmarks/RESULTS.md``
(machine and versions, the budgets, a table per size, the profile, the preview, the method) and a summary
for the terminal.
"""

from __future__ import annotations

from . import collector_load
from .budgets import RULES, Budget
from .builds import ONE_LANGUAGE, OURS, REFERENCE, SEQUENTIAL
from .figures import kb, lang_max, ratio, times
from .size_table import size_table
from .vocabulary import DATA, LANGUAGES
from .weights import FRAGMENTS_PER_QUERY

METHOD = DATA / "method.md"


def _amount(value: float, unit: str, share_digits: int) -> str:
    if unit == "bytes":
        return kb(value)
    if unit == "share":
        return f"{value:.{share_digits}%}"
    if unit == "×":
        return times(value)
    return f"{value:,.0f} {unit}"


def _budget_value(budget: Budget) -> str:
    return "not measured" if budget.measured is None else _amount(budget.measured, budget.unit, 1)


def _budget_limit(budget: Budget) -> str:
    rule = RULES.get(budget.key)  # a results.json of an older run may have budgets no longer in the table
    return f"{rule.comparison if rule else '≤'} {_amount(budget.limit, budget.unit, 0)}"


def _verdict(met: bool | None) -> str:
    return {True: "**met**", False: "**not met**", None: "not measured"}[met]


def budget_table(items: list[dict]) -> list[str]:
    lines = ["| budget | limit | measured | where | verdict | note |", "|---|---|---|---|---|---|"]
    for item in items:
        budget = Budget(**item)
        lines.append(
            f"| {budget.text} | {_budget_limit(budget)} | {_budget_value(budget)} | {budget.at} | "
            f"{_verdict(budget.met)} | {budget.note} |"
        )
    return lines


def _profile_section(profile: dict | None) -> list[str]:
    if not profile:
        return []
    lines = [
        f"## Where the build time goes (A, N={profile['size']}, one build under cProfile)",
        "",
        f"Profiled build: {profile['wall_s']:.1f} s wall, {profile['total_s']:.1f} s profiled; our hooks "
        f"{profile['hooks_s']:.1f} s = **{profile['hooks_share']:.1%}**. Cumulative time of the calls into each part "
        "from the code that hosts it; parts that call each other overlap (templates call our string table, our "
        "hooks render templates).",
        "",
        "| part of the build | seconds | share |",
        "|---|---|---|",
    ]
    for name, seconds in profile["groups"].items():
        lines.append(f"| {name} | {seconds:.1f} | {seconds / profile['total_s']:.1%} |")
    if (timed := profile.get("timed")) and "indexing_s" in timed:
        per_article = timed["indexing_s"] / (profile["size"] * len(LANGUAGES)) * 1000
        lines += [
            "",
            "Search indexing is not in this profile: the hooks only save the records, and Pagefind indexes them "
            "once MkDocs has ended, as `make site` does. Clocked in the hooks' timed build: "
            f"{timed['indexing_s']:.1f} s, {per_article:.1f} ms per indexed article "
            f"({profile['size']:,} articles × {len(LANGUAGES)} languages).",
        ]
    lines += ["", "Our functions with the most cumulative time:", "", "| function | seconds |", "|---|---|"]
    lines += [f"| `{name}` | {seconds:.1f} |" for name, seconds in profile["top_hooks"].items()]
    return [*lines, ""]


def _preview_row(preview: dict, name: str, show) -> str:
    cells = [show(preview[v]) if preview.get(v) else "not measured" for v in (OURS, ONE_LANGUAGE, REFERENCE)]
    return f"| {name} | " + " | ".join(cells) + " |"


def _preview_section(preview: dict | None) -> list[str]:
    if not preview:
        return []
    full = preview["full_build_s"]
    one_process = full.get(SEQUENTIAL, full[OURS])

    def rebuild_share(variant: str, built: str) -> str:
        return times(ratio(preview[variant]["rebuild_s"], full[built]))

    lines = [
        f"## Preview rebuild after one edit (N={preview['size']})",
        "",
        "`mkdocs serve --livereload` on the generated project; after its first build, one "
        f"sentence is appended to one English article, {preview['edits']} time(s); measured from the file write to "
        'MkDocs\' "Documentation built" line (file-watcher latency included). Ours runs as `make serve` does '
        "(`--dirty`: only the saved files are converted again); B as plain `mkdocs serve`, which rebuilds every "
        "page of both languages on each change.",
        "",
        "| | A: ours (`make serve`) | A, English only (`make serve ONLY=en`) | B: plain Material + i18n |",
        "|---|---|---|---|",
        _preview_row(preview, "first build in `mkdocs serve`", lambda v: f"{v['first_build_s']:.1f} s"),
        _preview_row(preview, "rebuild after one edit, median", lambda v: f"{v['rebuild_s']:.1f} s"),
        _preview_row(
            preview, "MkDocs' own figure per rebuild", lambda v: ", ".join(f"{x:.1f}" for x in v["reported_s"]) + " s"
        ),
        f"| full build, median | {full[OURS]:.1f} s (`make site`), {one_process:.1f} s (one process) | "
        f"| {full[REFERENCE]:.1f} s |",
        f"| rebuild / full build (`make site`) | {rebuild_share(OURS, OURS)} | "
        + (rebuild_share(ONE_LANGUAGE, OURS) if preview.get(ONE_LANGUAGE) else "")
        + f" | {rebuild_share(REFERENCE, REFERENCE)} |",
        "",
    ]
    return lines


def markdown(results: dict) -> str:
    settings = results["settings"]
    m, v = results["machine"], results["versions"]
    lines = [
        "# Benchmark: our help centre (A) against plain Material + mkdocs-static-i18n (B)",
        "",
        f"Written by `make bench` (`benchmarks/run.py`), run started {results['started']}, took "
        f"{results.get('duration_s', 0) / 60:.0f} min. Commit `{results['git']['commit'][:12]}`"
        + (" with uncommitted changes to the site's code." if results["git"]["site_code_changed"] else "."),
        "",
        "## Machine and versions",
        "",
        f"- {m['nproc']} cores ({m['cpu']}), {m['memory_mb']:,} MB of memory, Linux {m['kernel']}, "
        f"Python {m['python']}"
        + (f"; run at niceness {m['niceness']} (ahead of other work)" if m.get("niceness") else ""),
        "- " + ", ".join(f"{name} {version}" for name, version in v.items() if version),
        f"- sizes {settings['sizes']} articles per language; load average before each: "
        + ", ".join(f"N={n}: {r['load_average_before'][0]}" for n, r in results["sizes"].items()),
        "",
        "## Budgets of issue 10",
        "",
        *budget_table(results.get("budgets", [])),
        "",
    ]
    for size, result in results["sizes"].items():
        facts = result["corpus"]
        lines += [
            f"## N = {int(size):,} articles per language",
            "",
            f"{facts['categories']} categories, {facts['words_mean']['en']:.0f} / "
            f"{facts['words_mean']['fr']:.0f} words per answer (en / fr), {facts['with_related']} with `related`, "
            f"{facts['with_contact']} with `contact`, "
            f"{facts['with_link']} with a link; check: {facts['check']['summary']}.",
            "",
            *size_table(result),
            "",
        ]
    lines += _profile_section(results.get("profile"))
    lines += _preview_section(results.get("preview"))
    lines += collector_load.section(results.get("collector"))
    lines.append(
        METHOD.read_text(encoding="utf-8").format(
            seed=settings["seed"],
            repeats=settings["repeats"],
            budget=settings["repeat_budget_s"],
            fragments=FRAGMENTS_PER_QUERY,
            browser_repeats=settings["browser_repeats"],
        )
    )
    if not settings["browser"]:
        lines.append(
            "Chromium was not used in this run (`--browser off` or not installed): browser figures are missing.\n"
        )
    return "\n".join(lines)


def summary_table(results: dict) -> str:
    """A few lines for the terminal."""
    lines = [
        f"{'N':>6}  {'A wall':>9}  {'B wall':>9}  {'A/B':>6}  {'A MB':>6}  {'B MB':>6}  {'A html':>9}  {'B html':>9}"
    ]
    for size, result in results["sizes"].items():
        a, b = result[OURS], result[REFERENCE]
        lines.append(
            f"{size:>6}  {a['wall_s']:>8.1f}s  {b['wall_s']:>8.1f}s  {times(result['ratios']['wall']):>6}  "
            f"{a['memory_mb']:>6.0f}  {b['memory_mb']:>6.0f}  "
            f"{kb(lang_max(a, 'article', 'html_bytes')):>9}  {kb(lang_max(b, 'article', 'html_bytes')):>9}"
        )
    if results.get("collector"):
        c = results["collector"]
        lines.append(
            f"   collector  {c['requests_per_s']:,.0f} requests/s, {c['lost']} of {c['accepted']:,} votes lost"
        )
    for item in results.get("budgets", []):
        budget = Budget(**item)
        lines.append(
            f"{_verdict(budget.met).strip('*'):>12}  {budget.text}: {_budget_value(budget)} ({_budget_limit(budget)})"
        )
    return "\n".join(lines)
