"""The notes that explain a budget's figure in RESULTS.md: what it covers, where the rest goes, why it is missing.

Reads parts of the dict ``benchmarks.run`` builds (``results.json``): our figures at the budget's size, the
one-process build, the profile and the preview. Produces one sentence or a few clauses per budget of
``budgets.py``; an empty string where the figure needs no note.
"""

from __future__ import annotations

from .builds import ONE_LANGUAGE, OURS, REFERENCE, SEQUENTIAL
from .figures import kb, lang_max, ms
from .vocabulary import LANGUAGES


def _no_browser(used_browser: bool) -> str:
    return "Chromium failed: see the errors in results.json" if used_browser else "Chromium not used in this run"


def hooks(profile: dict | None) -> str:
    if not profile:
        return "not profiled"
    top = next(iter(profile["top_hooks"].items()), None)
    timed = profile.get("timed")
    parts = []
    if timed and "indexing_s" in timed:
        parts.append(
            f"clocked without a profiler: our event functions {timed['hooks_s']:.1f} s of a {timed['wall_s']:.1f} s "
            f"one-process build as `make site` runs it; the search data (records, synonyms, answer and spelling "
            f"files) and Pagefind's indexing, which the build command runs once MkDocs has ended (not hooks), "
            f"{timed['indexing_s']:.1f} s more ({timed['indexing_share']:.1%})"
        )
        if events := timed.get("events"):
            parts.append("by event: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in events.items()))
        if len(runs := timed.get("runs", [])) > 1:
            shares = ", ".join(f"{r['hooks_s'] / r['wall_s']:.1%}" for r in runs)
            parts.append(f"the median of {len(runs)} such builds ({shares})")
    elif timed:  # results of an older run: Pagefind then ran inside on_post_build
        parts.append(
            f"clocked without a profiler: {timed['hooks_s']:.1f} s of a {timed['wall_s']:.1f} s one-process build, "
            "Pagefind's indexing included"
        )
    parts.append(
        f"under cProfile {profile['hooks_s']:.1f} s of {profile['total_s']:.1f} s ({profile['hooks_share']:.1%})"
    )
    if top:
        parts.append(f"most: {top[0]} {top[1]:.1f} s")
    return "; ".join(parts)


def memory(at_size: dict) -> str:
    """Where the memory goes: the largest process and the one-process build, always said."""
    ours, one, reference = at_size[OURS], at_size.get(SEQUENTIAL) or {}, at_size[REFERENCE]
    largest = ours.get("peak_rss_mb")
    if not largest:
        return ""
    note = (
        f"largest single process {largest:.0f} MB; Pagefind's indexer (about 0.16 MB per indexed article while it "
        "runs) indexes bundles of at most 1,500 articles, one after the other, once the MkDocs processes have ended"
    )
    if one.get("memory_mb"):
        note += f"; one process (HC_BUILD_JOBS=1): {one['memory_mb']:.0f} MB"
    return note + f"; B {reference['memory_mb']:.0f} MB, no search indexer"


def js_css(ours: dict) -> str:
    """Files the page asks for that are missing; else how much of its JS+CSS is Material's and how much ours
    (assets/hc/), largest language."""
    missing = sorted({m for lang in LANGUAGES for m in ours["article"][lang]["missing"]})
    if missing:
        return f"referenced but missing: {', '.join(missing)}"
    split = []
    for lang in LANGUAGES:
        assets = ours["article"][lang].get("assets") or {}
        own = sum(size for name, size in assets.items() if name.startswith("assets/hc/"))
        split.append((sum(assets.values()) - own, own))
    material, own = max(split)
    return f"Material's own files {kb(material)}, ours {kb(own)} (the issue allows ours 18 kB over Material's)"


def first_result(ours: dict, used_browser: bool) -> str:
    measured = lang_max(ours, "browser", "search", "first_result_ms") is not None
    return "" if measured else _no_browser(used_browser)


def assistant(ours: dict, used_browser: bool) -> str:
    if lang_max(ours, "browser", "assistant", "answer_ms") is None:
        return "no assistant on the page" if used_browser else _no_browser(used_browser)
    pasted = lang_max(ours, "browser", "assistant_pasted", "answer_ms")
    return "question typed at 20 characters a second on a cold page" + (
        f"; pasted whole and sent at once: {ms(pasted)} ms (Pagefind still loading)" if pasted is not None else ""
    )


def preview(previewed: dict | None) -> str:
    if not previewed:
        return "not measured"
    full = previewed["full_build_s"]
    one_language = previewed.get(ONE_LANGUAGE)
    return (
        f"`make serve` (both languages) rebuilt in {previewed[OURS]['rebuild_s']:.1f} s"
        + (f", `make serve ONLY=en` in {one_language['rebuild_s']:.1f} s" if one_language else "")
        + f"; the full build took {full[OURS]:.1f} s in parallel, "
        f"{full.get(SEQUENTIAL, full[OURS]):.1f} s in one process; B rebuilt in "
        f"{previewed[REFERENCE]['rebuild_s']:.1f} s after a {full[REFERENCE]:.1f} s build: MkDocs 1.6 rebuilds "
        "every page on each change"
    )


def parallel(sequential: dict | None, identical_everywhere: bool) -> str:
    if not sequential:
        return "not measured"
    if identical_everywhere:
        return "output byte-identical to the one-process build at every size"
    return "output DIFFERS from the one-process build: " + ", ".join(sequential.get("differing_files", [])[:5])
