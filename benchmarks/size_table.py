"""The table of one size in RESULTS.md: A (ours) and B (the reference) side by side, with A/B.

Reads one size's entry of the dict ``benchmarks.run`` builds (``results.json``): both variants' timings,
memory, page and search weights, browser figures, our one-process build and the A/B ratios. Produces the
Markdown lines of the table.
"""

from __future__ import annotations

from .builds import OURS, REFERENCE, SEQUENTIAL
from .figures import first_query_bytes, kb, mb, ms, num, ratio, times
from .vocabulary import LANGUAGES


def _pair(variant: dict, *path: str, fmt=kb) -> str:
    values = []
    for lang in LANGUAGES:
        node = variant
        for key in path[:-1]:
            node = (node or {}).get(key) or {}
        leaf = (node or {}).get(lang) or {}
        values.append(fmt(leaf.get(path[-1])))
    return " / ".join(values)


def _engine(variant: dict) -> str:
    search = variant["search"]["en"]
    shared = ", ".join(search["shared_languages"])
    where = f"`{search['location']}`" if search["location"] else ""
    return f"{search['engine']} {where} ({shared})".strip()


def _both(a: dict, b: dict, *path: str, fmt=kb) -> tuple[str, str]:
    return _pair(a, *path, fmt=fmt), _pair(b, *path, fmt=fmt)


def size_table(result: dict) -> list[str]:
    a, b, r = result[OURS], result[REFERENCE], result["ratios"]
    q_a, how_a = first_query_bytes(a)
    q_b, how_b = first_query_bytes(b)
    rows = [
        (
            "wall time, median (`make site`: one process per language)",
            f"{a['wall_s']:.1f} s",
            f"{b['wall_s']:.1f} s",
            times(r["wall"]),
        ),
        ("runs (s)", _runs(a), _runs(b), ""),
        *_sequential_rows(result),
        ("load average (1 min) as each run ended", _loads(a), _loads(b), ""),
        ("peak memory (build + children)", _mb_of(a, "memory_mb"), _mb_of(b, "memory_mb"), times(r["memory"])),
        ("peak memory of the largest single process", _mb_of(a, "peak_rss_mb"), _mb_of(b, "peak_rss_mb"), ""),
        ("pages (HTML files)", f"{a['pages']:,}", f"{b['pages']:,}", ""),
        ("pages per second", num(a["pages_per_s"]), num(b["pages_per_s"]), times(r["pages_per_s"])),
        ("total site", mb(a["site_bytes"]), mb(b["site_bytes"]), times(r["site_bytes"])),
        ("article page HTML (en / fr)", *_both(a, b, "article", "html_bytes"), times(r["article_html"])),
        ("JS+CSS the page loads (en / fr)", *_both(a, b, "article", "js_css_bytes"), times(r["js_css"])),
        ("search engine (languages in the index)", _engine(a), _engine(b), ""),
        (
            "search index a language's pages load (en / fr)",
            *_both(a, b, "search", "index_bytes"),
            times(r["search_index_per_language"]),
        ),
        (
            "first query downloads (largest of en / fr)",
            f"{kb(q_a)} ({how_a})",
            f"{kb(q_b)} ({how_b})",
            times(r["first_query_bytes"]),
        ),
        ("first query, estimated from the files (en / fr)", *_both(a, b, "search", "first_query_bytes_estimate"), ""),
        (
            "first result after first keystroke, ms (en / fr)",
            *_both(a, b, "browser", "search", "first_result_ms", fmt=ms),
            times(r["first_result_ms"]),
        ),
        (
            "assistant answers after submit, question typed, ms (en / fr)",
            _pair(a, "browser", "assistant", "answer_ms", fmt=ms),
            "no assistant",
            "",
        ),
        (
            "assistant answers after submit, question pasted, ms (en / fr)",
            _pair(a, "browser", "assistant_pasted", "answer_ms", fmt=ms),
            "no assistant",
            "",
        ),
    ]
    lines = ["| | A: ours | B: plain Material + i18n | A/B |", "|---|---|---|---|"]
    lines += [f"| {name} | {va} | {vb} | {a_over_b} |" for name, va, vb, a_over_b in rows]
    return lines


def _sequential_rows(result: dict) -> list[tuple[str, str, str, str]]:
    one = result.get(SEQUENTIAL)
    if not one:
        return []
    b = result[REFERENCE]
    same = "yes" if one["identical_to_parallel"] else "NO: " + ", ".join(one["differing_files"][:3])
    return [
        (
            "wall time in one process (HC_BUILD_JOBS=1)",
            f"{one['wall_s']:.1f} s",
            "",
            times(ratio(one["wall_s"], b["wall_s"])),
        ),
        ("parallel / one process", times(result["ratios"].get("parallel_vs_sequential")), "", ""),
        ("one-process runs (s)", _runs(one), "", ""),
        ("peak memory in one process", _mb_of(one, "memory_mb"), "", ""),
        ("parallel output byte-identical to one process", same, "", ""),
    ]


def _mb_of(variant: dict, key: str) -> str:
    return num(variant[key], 0, " MB")


def _loads(variant: dict) -> str:
    return ", ".join(f"{x:.1f}" for x in variant.get("load_after_runs", [])) or "–"


def _runs(variant: dict) -> str:
    return ", ".join(f"{w:.1f}" for w in variant["wall_runs_s"])
