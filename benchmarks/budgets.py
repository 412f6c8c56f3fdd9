"""The budgets of issue 10 as one table, and the one function that checks a run against it.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``, so a saved file can be checked again).
Produces one ``Budget`` per row of ``BUDGETS`` that applies to the run: met, not met or not measured, with
the measured number and where it was measured (``benchmarks/budgets.json`` keeps them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .builds import OURS, REFERENCE, SEQUENTIAL
from .figures import first_query_bytes, lang_max, ratio
from .vocabulary import LANGUAGES

BUDGET_SIZE = 3000
GROWTH_SIZE = 1000
PREVIEW_SIZE = 1000


@dataclass(frozen=True)
class Budget:
    """One budget checked against one run, as results.json keeps it."""

    key: str
    text: str  # the budget, as issue 10 states it
    limit: float
    unit: str
    measured: float | None  # None: not measured in this run
    at: str  # where it was measured
    met: bool | None


@dataclass(frozen=True)
class Measured:
    """What the budgets read from a run: its figures at the budget's size, the profile and the preview."""

    results: dict
    size: int  # BUDGET_SIZE, else the largest size measured
    sizes: tuple[int, ...]

    @property
    def at_size(self) -> dict:
        return self.results["sizes"][str(self.size)]

    @property
    def ours(self) -> dict:
        return self.at_size[OURS]

    @property
    def where(self) -> str:
        return at(self.size)

    @property
    def profile(self) -> dict | None:
        return self.results.get("profile")

    @property
    def preview(self) -> dict | None:
        return self.results.get("preview")

    @property
    def used_browser(self) -> bool:
        return self.results["settings"]["browser"]


def measured(results: dict) -> Measured:
    sizes = tuple(sorted(int(n) for n in results["sizes"]))
    return Measured(results, BUDGET_SIZE if BUDGET_SIZE in sizes else max(sizes), sizes)


def at(size: int, wanted: int = BUDGET_SIZE) -> str:
    return f"N={size}" if size == wanted else f"N={size} (the budget is for N={wanted})"


# -- where each budget's value comes from ------------------------------------------------------------------


def _growth_sizes(m: Measured) -> tuple[int, int] | None:
    """(smaller size, budget size) of the growth ratio: 1000 → 3000 when both ran; None with one size."""
    smaller = [n for n in m.sizes if n < m.size]
    if not smaller:
        return None
    return (GROWTH_SIZE if GROWTH_SIZE in smaller else max(smaller)), m.size


def _growth(m: Measured) -> float | None:
    if (sizes := _growth_sizes(m)) is None:
        return None
    low, top = (m.results["sizes"][str(n)][OURS]["wall_s"] for n in sizes)
    return ratio(top, low)


def _growth_limit(m: Measured) -> float:
    """Linear growth and 10 % more: wall(3000) / wall(1000) ≤ 3.3."""
    low, top = _growth_sizes(m) or (GROWTH_SIZE, BUDGET_SIZE)
    return round(1.1 * top / low, 3)


def _hooks_share(m: Measured) -> float | None:
    """The clocked share (no profiler)."""
    return m.profile["timed"]["hooks_share"] if m.profile else None


def _article_html(m: Measured) -> float:
    return max((lang_max(m.results["sizes"][str(n)][OURS], "article", "html_bytes") or 0) for n in m.sizes)


def _preview(m: Measured) -> float | None:
    # Against the full build as `make site` runs it.
    return ratio(m.preview[OURS]["rebuild_s"], m.preview["full_build_s"][OURS]) if m.preview else None


def _parallel(m: Measured) -> float | None:
    sequential = m.at_size.get(SEQUENTIAL)
    return ratio(m.ours["wall_s"], sequential["wall_s"]) if sequential else None


def _identical_everywhere(m: Measured) -> bool:
    return all(r.get(SEQUENTIAL, {}).get("identical_to_parallel", False) for r in m.results["sizes"].values())


def _broken_search_files(m: Measured) -> list[str]:
    found = set()
    for n in m.sizes:
        for lang in LANGUAGES:
            search = m.results["sizes"][str(n)][OURS]["search"].get(lang) or {}
            found |= {f"N={n}: {problem}" for problem in search.get("problems", [])}
    return sorted(found)


def _at_budget_size(m: Measured) -> str:
    return m.where


# -- the table -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A budget of issue 10: its limit and unit, where its value comes from, where it was measured."""

    key: str
    text: str
    limit: float | Callable[[Measured], float]
    unit: str  # "×", "share", "MB", "bytes", "ms", "files"
    value: Callable[[Measured], float | None]
    at: Callable[[Measured], str] = _at_budget_size
    strictly_below: bool = False  # "<" rather than "≤"
    also: Callable[[Measured], bool] | None = None  # a condition besides the limit, once measured
    applies: Callable[[Measured], bool] | None = None  # None: always in the table

    @property
    def comparison(self) -> str:
        return "<" if self.strictly_below else "≤"


BUDGETS: tuple[Rule, ...] = (
    Rule(
        "wall_vs_reference",
        "build no slower than the reference (A/B wall)",
        1.0,
        "×",
        lambda m: ratio(m.ours["wall_s"], m.at_size[REFERENCE]["wall_s"]),
    ),
    Rule(
        "growth",
        "grows linearly: wall(3000) / wall(1000)",
        _growth_limit,
        "×",
        _growth,
        at=lambda m: "N={} → N={}".format(*_growth_sizes(m)) if _growth_sizes(m) else "",
    ),
    Rule(
        "hooks_share",
        "hooks' share of build time",
        0.10,
        "share",
        _hooks_share,
        at=lambda m: at(m.profile["size"]) if m.profile else "",
    ),
    Rule(
        "peak_memory",
        "peak memory (build and its children)",
        400,
        "MB",
        lambda m: m.ours["memory_mb"],
        strictly_below=True,
    ),
    Rule(
        "article_html",
        "article page HTML, whatever N",
        40_000,
        "bytes",
        _article_html,
        at=lambda m: f"largest of N={', '.join(map(str, m.sizes))}",
    ),
    Rule(
        "js_css",
        "JS+CSS a page loads before any search",
        270_000,
        "bytes",
        lambda m: lang_max(m.ours, "article", "js_css_bytes"),
    ),
    Rule(
        "first_query_bytes",
        "downloaded to see a first query's results, every search asset included",
        300_000,
        "bytes",
        lambda m: first_query_bytes(m.ours)[0],
        at=lambda m: f"{m.where}, {first_query_bytes(m.ours)[1]}",
    ),
    Rule(
        "first_query_corrected_bytes",
        "downloaded to see the results of a first query that needs a correction (spelling data included)",
        300_000,
        "bytes",
        lambda m: lang_max(m.ours, "browser", "search_corrected", "search_bytes"),
    ),
    Rule(
        "first_result",
        "first result after the first keystroke (cold, localhost, Chromium)",
        400,
        "ms",
        lambda m: lang_max(m.ours, "browser", "search", "first_result_ms"),
    ),
    Rule(
        "assistant",
        "the assistant's answers after submit (cold page)",
        300,
        "ms",
        lambda m: lang_max(m.ours, "browser", "assistant", "answer_ms"),
    ),
    Rule(
        "preview_rebuild",
        "preview rebuild after one edit ≤ half a full build",
        0.5,
        "×",
        _preview,
        at=lambda m: at(m.preview["size"], PREVIEW_SIZE) if m.preview else "",
    ),
    Rule(
        "parallel_build",
        "both languages built in parallel: wall ≤ 0.65 × one process (2 cores), the same bytes",
        0.65,
        "×",
        _parallel,
        at=lambda m: m.where if m.at_size.get(SEQUENTIAL) else "",
        also=_identical_everywhere,
    ),
    Rule(
        "search_index_intact",
        "every search index file written in full",
        0,
        "files",
        lambda m: len(_broken_search_files(m)),
        at=lambda m: "; ".join(_broken_search_files(m)[:5]),
        applies=lambda m: bool(_broken_search_files(m)),
    ),
)
RULES = {rule.key: rule for rule in BUDGETS}


def check(rule: Rule, m: Measured) -> Budget:
    """One budget against one run: not measured (None) while its value is missing."""
    value = rule.value(m)
    limit = rule.limit(m) if callable(rule.limit) else rule.limit
    met = None if value is None else (value < limit if rule.strictly_below else value <= limit)
    if met and rule.also is not None:
        met = rule.also(m)
    return Budget(rule.key, rule.text, limit, rule.unit, value, rule.at(m), met)


def budgets(results: dict) -> list[Budget]:
    m = measured(results)
    return [check(rule, m) for rule in BUDGETS if rule.applies is None or rule.applies(m)]
