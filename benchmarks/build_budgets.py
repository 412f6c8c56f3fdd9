"""The budgets of issue 10, one row each: the build against plain Material, its growth, memory, page weight,
search, the preview and the parallel build.

Reads a ``Measured`` run. Produces ``BUILD_RULES``; ``budgets`` checks them with the others.
"""

from __future__ import annotations

from .builds import OURS, REFERENCE, SEQUENTIAL
from .figures import first_query_bytes, lang_max, ratio
from .measured import BUDGET_SIZE, GROWTH_SIZE, PREVIEW_SIZE, Measured, Rule, at
from .vocabulary import LANGUAGES

# -- where each budget's value comes from ------------------------------------------------------------------


def _growth_sizes(m: Measured) -> tuple[int, int] | None:
    """(smaller size, budget size) of the growth ratio: 1000 → 3000 when both ran; None with one size."""
    smaller = [n for n in m.sizes if n < m.size]
    if not smaller:
        return None
    return (GROWTH_SIZE if GROWTH_SIZE in smaller else max(smaller)), m.size


def _growth(m: Measured) -> float | None:
    """The quickest run at each size: what the code costs at that size. The machine's noise only ever adds
    time, and at two sizes measured minutes apart it does not add the same (N = 3,000 runs of one build
    spread 46-60 s at da73537); a ratio of medians moved 2.6-3.6 between runs of the same code."""
    if (sizes := _growth_sizes(m)) is None:
        return None
    low, top = (min(_runs(m.results["sizes"][str(n)][OURS])) for n in sizes)
    return ratio(top, low)


def _runs(result: dict) -> list[float]:
    return result.get("wall_runs_s") or [result["wall_s"]]


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


# -- the table -----------------------------------------------------------------------------------------------


BUILD_RULES: tuple[Rule, ...] = (
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
