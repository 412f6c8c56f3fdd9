"""Reading and writing the figures of one run: the largest of both languages, A/B ratios, kB and ms.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``, so a saved file can be reported
again): a variant's figures per language. Produces numbers (the largest of a figure over the languages, what a
first query downloads, A/B ratios) and their text as RESULTS.md shows them. Sizes are in decimal kB/MB, as
issue 10's.
"""

from __future__ import annotations

from .vocabulary import LANGUAGES


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def lang_max(variant: dict, *path: str) -> float | None:
    """The largest over the languages of the figure at ``path`` (its last key under the language's entry)."""
    values = []
    for lang in LANGUAGES:
        node = variant
        for key in path[:-1]:
            node = (node or {}).get(key, {})
        node = (node or {}).get(lang) or {}
        if node.get(path[-1]) is not None:
            values.append(node[path[-1]])
    return max(values) if values else None


def first_query_bytes(variant: dict) -> tuple[float | None, str]:
    """What a first query downloads: measured in Chromium when it ran, else estimated from the files."""
    measured = lang_max(variant, "browser", "search", "search_bytes")
    if measured:
        return measured, "Chromium"
    return lang_max(variant, "search", "first_query_bytes_estimate"), "estimate"


def ratios(ours: dict, reference: dict) -> dict:
    """A/B for every figure both have (above 1: ours is bigger or slower)."""
    both = {
        "wall": (ours["wall_s"], reference["wall_s"]),
        "memory": (ours["memory_mb"], reference["memory_mb"]),
        "pages_per_s": (ours["pages_per_s"], reference["pages_per_s"]),
        "site_bytes": (ours["site_bytes"], reference["site_bytes"]),
    }
    per_language = {
        "article_html": ("article", "html_bytes"),
        "js_css": ("article", "js_css_bytes"),
        "search_index_per_language": ("search", "index_bytes"),
    }
    both |= {name: (lang_max(ours, *path), lang_max(reference, *path)) for name, path in per_language.items()}
    both["first_query_bytes"] = (first_query_bytes(ours)[0], first_query_bytes(reference)[0])
    first_result = ("browser", "search", "first_result_ms")
    both["first_result_ms"] = (lang_max(ours, *first_result), lang_max(reference, *first_result))
    return {name: ratio(a, b) for name, (a, b) in both.items()}


# -- as text -------------------------------------------------------------------------------------------------


def kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:,.1f} kB"


def mb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1e6:,.2f} MB"


def num(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "–" if value is None else f"{value:,.{digits}f}{unit}"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"
