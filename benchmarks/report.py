"""RESULTS.md, the tables of a run, its budgets.json and the few lines printed at its end.

Reads the dict ``benchmarks.run`` builds with its checked budgets. Produces the Markdown of
``benchmarks/RESULTS.md`` (the budgets, a table per size, the collector under load, the screenshots and the
import: tables, no prose), the figures the budgets read as ``benchmarks/budgets.json``, and a summary for the
terminal.
"""

from __future__ import annotations

from .budgets import RULES, Budget
from .builds import OURS, REFERENCE
from .figures import kb, lang_max, times
from .media_report import media_tables
from .size_table import size_table


def _amount(value: float, unit: str, share_digits: int) -> str:
    if unit == "bytes":
        return kb(value)
    if unit == "share":
        return f"{value:.{share_digits}%}"
    if unit == "×":
        return times(value)
    if unit == "CLS":
        return f"{value:.3f}"
    if unit == "s":
        return f"{value:,.1f} s"
    return f"{value:,.0f} {unit}"


def _budget_value(budget: Budget) -> str:
    if budget.measured is None:
        return "not measured"
    value = _amount(budget.measured, budget.unit, 1)
    if budget.within:
        return f"{value} ({' to '.join(_amount(end, budget.unit, 1) for end in budget.within)})"
    return value


def _budget_limit(budget: Budget) -> str:
    rule = RULES.get(budget.key)  # a results.json of an older run may have budgets no longer in the table
    return f"{rule.comparison if rule else '≤'} {_amount(budget.limit, budget.unit, 0)}"


def _verdict(budget: Budget) -> str:
    if budget.undecided:
        return "**undecided**" if budget.within else "**undecided** (too few rounds)"
    return {True: "**met**", False: "**not met**", None: "not measured"}[budget.met]


def budget_table(items: list[dict]) -> list[str]:
    lines = ["| budget | limit | measured | where | verdict |", "|---|---|---|---|---|"]
    for item in items:
        budget = Budget(**item)
        lines.append(
            f"| {budget.text} | {_budget_limit(budget)} | {_budget_value(budget)} | {budget.at} | {_verdict(budget)} |"
        )
    return lines


def _collector_table(figures: dict | None) -> list[str]:
    if not figures:
        return []
    rounds = ", ".join(f"{r:,.0f}" for r in figures.get("requests_per_s_rounds", []))
    return [
        "## Feedback collector under load",
        "",
        "| database | votes a round | clients | seconds (median) | requests/s (median; each round) | accepted "
        "| stored | lost |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| {figures['database']} | {figures['requests']:,} | {figures['clients']} | {figures['seconds']:.2f} | "
        f"{figures['requests_per_s']:,.0f} ({rounds}) "
        f"| {figures['accepted']:,} | {figures['stored']:,} | **{figures['lost']}** |",
        "",
    ]


def markdown(results: dict) -> str:
    m, git = results["machine"], results["git"]
    changed = " + uncommitted changes" if git["site_code_changed"] else ""
    lines = [
        "# Benchmark: our help centre (A) against plain Material + mkdocs-static-i18n (B)",
        "",
        f"`make bench`, {results['started']}, commit `{git['commit'][:12]}`{changed}; {m['nproc']} cores, "
        f"Python {m['python']}; " + ", ".join(f"{name} {v}" for name, v in results["versions"].items() if v) + ". "
        "How each figure is measured: [METHOD.md](METHOD.md).",
        "",
        "## Budgets (issues 10, 28 and 29)",
        "",
        *budget_table(results.get("budgets", [])),
        "",
    ]
    for size, result in results["sizes"].items():
        lines += [f"## N = {int(size):,} articles per language", "", *size_table(result), ""]
    lines += _collector_table(results.get("collector"))
    lines += media_tables(results)
    return "\n".join(lines)


def budget_figures(results: dict) -> dict:
    """What budgets.json keeps: the run's commit and date, and each budget's figure, limit and verdict."""
    keep = ("measured", "within", "limit", "unit", "at", "met")
    return {
        "commit": results["git"]["commit"][:12],
        "started": results["started"],
        "budgets": {item["key"]: {name: item[name] for name in keep} for item in results.get("budgets", [])},
    }


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
            f"{_verdict(budget).replace('*', ''):>12}  {budget.text}: {_budget_value(budget)} ({_budget_limit(budget)})"
        )
    return "\n".join(lines)
