"""The budgets of issue 10, checked against a results dict, and the readable RESULTS.md.

Reads the dict ``benchmarks.run`` builds (the same as ``results.json``, so a saved file can be reported
again). Produces A/B ratios, one ``Budget`` per budget of the issue (met, not met, or not measured, with the
measured number) and the Markdown of ``benchmarks/RESULTS.md``. Sizes are in decimal kB/MB, as the issue's.
"""

from __future__ import annotations

from dataclasses import dataclass

A, B = "A", "B"
A1 = "A1"  # ours in one process
A_EN = "A-en"  # ours, previewing English only (make serve ONLY=en)
LANGS = ("en", "fr")
BUDGET_SIZE = 3000
GROWTH_SIZE = 1000
PREVIEW_SIZE = 1000


@dataclass(frozen=True)
class Budget:
    key: str
    text: str  # the budget, as issue 10 states it
    limit: float
    unit: str
    measured: float | None  # None: not measured in this run
    at: str  # where it was measured
    met: bool | None
    note: str = ""


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _lang_max(variant: dict, *path: str) -> float | None:
    values = []
    for lang in LANGS:
        node = variant
        for key in path[:-1]:
            node = (node or {}).get(key, {})
        node = (node or {}).get(lang) or {}
        if node.get(path[-1]) is not None:
            values.append(node[path[-1]])
    return max(values) if values else None


def first_query_bytes(variant: dict) -> tuple[float | None, str]:
    """What a first query downloads: measured in Chromium when it ran, else estimated from the files."""
    measured = _lang_max(variant, "browser", "search", "search_bytes")
    if measured:
        return measured, "Chromium"
    return _lang_max(variant, "search", "first_query_bytes_estimate"), "estimate"


def ratios(ours: dict, reference: dict) -> dict:
    """A/B for every figure both have (above 1: ours is bigger or slower)."""
    pairs = {
        "wall": (ours["wall_s"], reference["wall_s"]),
        "memory": (ours["memory_mb"], reference["memory_mb"]),
        "pages_per_s": (ours["pages_per_s"], reference["pages_per_s"]),
        "site_bytes": (ours["site_bytes"], reference["site_bytes"]),
        "article_html": (_lang_max(ours, "article", "html_bytes"), _lang_max(reference, "article", "html_bytes")),
        "js_css": (_lang_max(ours, "article", "js_css_bytes"), _lang_max(reference, "article", "js_css_bytes")),
        "search_index_per_language": (
            _lang_max(ours, "search", "index_bytes"),
            _lang_max(reference, "search", "index_bytes"),
        ),
        "first_query_bytes": (first_query_bytes(ours)[0], first_query_bytes(reference)[0]),
        "first_result_ms": (
            _lang_max(ours, "browser", "search", "first_result_ms"),
            _lang_max(reference, "browser", "search", "first_result_ms"),
        ),
    }
    return {name: ratio(a, b) for name, (a, b) in pairs.items()}


def _sizes(results: dict) -> list[int]:
    return sorted(int(n) for n in results["sizes"])


def _budget_size(results: dict) -> int:
    sizes = _sizes(results)
    return BUDGET_SIZE if BUDGET_SIZE in sizes else max(sizes)


def _at(size: int, wanted: int = BUDGET_SIZE) -> str:
    return f"N={size}" if size == wanted else f"N={size} (the budget is for N={wanted})"


def _check(measured: float | None, limit: float, below: bool = True) -> bool | None:
    if measured is None:
        return None
    return measured <= limit if below else measured < limit


def budgets(results: dict) -> list[Budget]:
    size = _budget_size(results)
    ours = results["sizes"][str(size)][A]
    reference = results["sizes"][str(size)][B]
    where = _at(size)
    used_browser = results["settings"]["browser"]
    no_browser = "Chromium failed: see the errors in results.json" if used_browser else "Chromium not used in this run"
    found: list[Budget] = []

    wall = ratio(ours["wall_s"], reference["wall_s"])
    found.append(
        Budget(
            "wall_vs_reference",
            "build no slower than the reference (A/B wall)",
            1.0,
            "×",
            wall,
            where,
            _check(wall, 1.0),
        )
    )
    found.append(_growth(results))
    profile = results.get("profile")
    timed = (profile or {}).get("timed")
    share = timed["hooks_share"] if timed else (profile["hooks_share"] if profile else None)
    found.append(
        Budget(
            "hooks_share",
            "hooks' share of build time",
            0.10,
            "share",
            share,
            _at(profile["size"]) if profile else "",
            _check(share, 0.10),
            _hooks_note(profile),
        )
    )
    found.append(
        Budget(
            "peak_memory",
            "peak memory (build and its children)",
            400,
            "MB",
            ours["memory_mb"],
            where,
            _check(ours["memory_mb"], 400, below=False),
            _memory_note(results["sizes"][str(size)]),
        )
    )
    html = max((_lang_max(results["sizes"][str(n)][A], "article", "html_bytes") or 0) for n in _sizes(results))
    found.append(
        Budget(
            "article_html",
            "article page HTML, whatever N",
            40_000,
            "bytes",
            html,
            f"largest of N={', '.join(map(str, _sizes(results)))}",
            _check(html, 40_000),
        )
    )
    js_css = _lang_max(ours, "article", "js_css_bytes")
    missing = sorted({m for lang in LANGS for m in ours["article"][lang]["missing"]})
    found.append(
        Budget(
            "js_css",
            "JS+CSS a page loads before any search",
            270_000,
            "bytes",
            js_css,
            where,
            _check(js_css, 270_000),
            f"referenced but missing: {', '.join(missing)}" if missing else _js_css_split(ours),
        )
    )
    query_bytes, how = first_query_bytes(ours)
    found.append(
        Budget(
            "first_query_bytes",
            "downloaded to see a first query's results, every search asset included",
            300_000,
            "bytes",
            query_bytes,
            f"{where}, {how}",
            _check(query_bytes, 300_000),
        )
    )
    first = _lang_max(ours, "browser", "search", "first_result_ms")
    found.append(
        Budget(
            "first_result",
            "first result after the first keystroke (cold, localhost, Chromium)",
            1000,
            "ms",
            first,
            where,
            _check(first, 1000),
            "" if first is not None else no_browser,
        )
    )
    answer = _lang_max(ours, "browser", "assistant", "answer_ms")
    pasted = _lang_max(ours, "browser", "assistant_pasted", "answer_ms")
    if answer is None:
        note = no_browser if not used_browser else "no assistant on the page"
    else:
        note = "question typed at 20 characters a second on a cold page" + (
            f"; pasted whole and sent at once: {_ms(pasted)} ms (Pagefind still loading)" if pasted is not None else ""
        )
    found.append(
        Budget(
            "assistant",
            "the assistant's answers after submit (cold page)",
            300,
            "ms",
            answer,
            where,
            _check(answer, 300),
            note,
        )
    )
    found.append(_preview(results))
    found.append(_parallel(results, size))
    broken = sorted({p for n in _sizes(results) for lang in LANGS for p in _search_problems(results, n, lang)})
    if broken:
        found.append(
            Budget(
                "search_index_intact",
                "every search index file written in full",
                0,
                "files",
                len(broken),
                "all sizes",
                False,
                "; ".join(broken[:5]),
            )
        )
    return found


def _js_css_split(variant: dict) -> str:
    """How much of a page's JS+CSS is Material's and how much ours (assets/hc/), largest language."""
    split = []
    for lang in LANGS:
        assets = variant["article"][lang].get("assets") or {}
        ours = sum(size for name, size in assets.items() if name.startswith("assets/hc/"))
        split.append((sum(assets.values()) - ours, ours))
    material, ours = max(split)
    return f"Material's own files {kb(material)}, ours {kb(ours)} (the issue allows ours 18 kB over Material's)"


def _search_problems(results: dict, size: int, lang: str) -> list[str]:
    search = results["sizes"][str(size)][A]["search"].get(lang) or {}
    return [f"N={size}: {p}" for p in search.get("problems", [])]


def _growth(results: dict) -> Budget:
    sizes = _sizes(results)
    top = _budget_size(results)
    smaller = [n for n in sizes if n < top]
    text = "grows linearly: wall(3000) / wall(1000)"
    if not smaller:
        return Budget("growth", text, 3.3, "×", None, "", None, "needs two sizes")
    low = GROWTH_SIZE if GROWTH_SIZE in smaller else max(smaller)
    limit = round(1.1 * top / low, 3)
    value = ratio(results["sizes"][str(top)][A]["wall_s"], results["sizes"][str(low)][A]["wall_s"])
    return Budget("growth", text, limit, "×", value, f"N={low} → N={top}", _check(value, limit))


def _parallel(results: dict, size: int) -> Budget:
    text = "both languages built in parallel: wall ≤ 0.65 × one process (2 cores), the same bytes"
    sequential = results["sizes"][str(size)].get(A1)
    if not sequential:
        return Budget("parallel_build", text, 0.65, "×", None, "", None, "not measured")
    value = ratio(results["sizes"][str(size)][A]["wall_s"], sequential["wall_s"])
    identical = all(r.get(A1, {}).get("identical_to_parallel", False) for r in results["sizes"].values())
    note = (
        "output byte-identical to the one-process build at every size"
        if identical
        else "output DIFFERS from the one-process build: " + ", ".join(sequential.get("differing_files", [])[:5])
    )
    met = _check(value, 0.65)
    return Budget("parallel_build", text, 0.65, "×", value, _at(size), None if met is None else met and identical, note)


def _preview(results: dict) -> Budget:
    text = "preview rebuild after one edit ≤ half a full build"
    preview = results.get("preview")
    if not preview:
        return Budget("preview_rebuild", text, 0.5, "×", None, "", None, "not measured")
    # Against the full build as `make site` runs it; the one-language preview and the one-process build
    # are in the note and in the preview table.
    full = preview["full_build_s"][A]
    value = ratio(preview[A]["rebuild_s"], full)
    one = preview.get(A_EN)
    note = (
        f"`make serve` (both languages) rebuilt in {preview[A]['rebuild_s']:.1f} s"
        + (f", `make serve ONLY=en` in {one['rebuild_s']:.1f} s" if one else "")
        + f"; the full build took {full:.1f} s in parallel, "
        f"{preview['full_build_s'].get(A1, full):.1f} s in one process; B rebuilt in {preview[B]['rebuild_s']:.1f} s "
        f"after a {preview['full_build_s'][B]:.1f} s build: MkDocs 1.6 rebuilds every page on each change"
    )
    return Budget(
        "preview_rebuild", text, 0.5, "×", value, _at(preview["size"], PREVIEW_SIZE), _check(value, 0.5), note
    )


def _memory_note(at_size: dict) -> str:
    """Where the memory goes: the largest process and the one-process build, always said."""
    ours, one, reference = at_size[A], at_size.get(A1) or {}, at_size[B]
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


def _hooks_note(profile: dict | None) -> str:
    if not profile:
        return "not profiled"
    top = next(iter(profile["top_hooks"].items()), None)
    timed = profile.get("timed")
    parts = []
    if timed and "indexing_s" in timed:
        parts.append(
            f"clocked without a profiler: our event functions {timed['hooks_s']:.1f} s of a {timed['wall_s']:.1f} s "
            f"one-process build as `make site` runs it; Pagefind's indexing, which the build command runs once "
            f"MkDocs has ended (not a hook), {timed['indexing_s']:.1f} s more ({timed['indexing_share']:.1%})"
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


# -- Markdown ------------------------------------------------------------------------------------------------


def kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:,.1f} kB"


def mb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1e6:,.2f} MB"


def num(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "–" if value is None else f"{value:,.{digits}f}{unit}"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _budget_value(budget: Budget) -> str:
    if budget.measured is None:
        return "not measured"
    if budget.unit == "bytes":
        return kb(budget.measured)
    if budget.unit == "share":
        return f"{budget.measured:.1%}"
    if budget.unit == "×":
        return times(budget.measured)
    return f"{budget.measured:,.0f} {budget.unit}"


def _budget_limit(budget: Budget) -> str:
    if budget.unit == "bytes":
        return f"≤ {kb(budget.limit)}"
    if budget.unit == "share":
        return f"≤ {budget.limit:.0%}"
    if budget.unit == "×":
        return f"≤ {budget.limit:.2f}×"
    if budget.key == "peak_memory":
        return f"< {budget.limit:,.0f} {budget.unit}"
    return f"≤ {budget.limit:,.0f} {budget.unit}"


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


def _pair(variant: dict, *path: str, fmt=kb) -> str:
    values = []
    for lang in LANGS:
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
    a, b, r = result[A], result[B], result["ratios"]
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
            *_both(a, b, "browser", "search", "first_result_ms", fmt=_ms),
            times(r["first_result_ms"]),
        ),
        (
            "assistant answers after submit, question typed, ms (en / fr)",
            _pair(a, "browser", "assistant", "answer_ms", fmt=_ms),
            "no assistant",
            "",
        ),
        (
            "assistant answers after submit, question pasted, ms (en / fr)",
            _pair(a, "browser", "assistant_pasted", "answer_ms", fmt=_ms),
            "no assistant",
            "",
        ),
    ]
    lines = ["| | A: ours | B: plain Material + i18n | A/B |", "|---|---|---|---|"]
    lines += [f"| {name} | {va} | {vb} | {ratio} |" for name, va, vb, ratio in rows]
    return lines


def _sequential_rows(result: dict) -> list[tuple[str, str, str, str]]:
    one = result.get(A1)
    if not one:
        return []
    b = result[B]
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


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _loads(variant: dict) -> str:
    return ", ".join(f"{x:.1f}" for x in variant.get("load_after_runs", [])) or "–"


def _runs(variant: dict) -> str:
    return ", ".join(f"{w:.1f}" for w in variant["wall_runs_s"])


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
        per_article = timed["indexing_s"] / (profile["size"] * len(LANGS)) * 1000
        lines += [
            "",
            "Search indexing is not in this profile: the hooks only save the records, and Pagefind indexes them "
            "once MkDocs has ended, as `make site` does. Clocked in the hooks' timed build: "
            f"{timed['indexing_s']:.1f} s, {per_article:.1f} ms per indexed article "
            f"({profile['size']:,} articles × {len(LANGS)} languages).",
        ]
    lines += ["", "Our functions with the most cumulative time:", "", "| function | seconds |", "|---|---|"]
    lines += [f"| `{name}` | {seconds:.1f} |" for name, seconds in profile["top_hooks"].items()]
    return [*lines, ""]


def _preview_row(preview: dict, name: str, show) -> str:
    cells = [show(preview[v]) if preview.get(v) else "not measured" for v in (A, A_EN, B)]
    return f"| {name} | " + " | ".join(cells) + " |"


def _preview_section(preview: dict | None) -> list[str]:
    if not preview:
        return []
    full_a = preview["full_build_s"].get(A1, preview["full_build_s"][A])
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
        f"| full build, median | {preview['full_build_s'][A]:.1f} s (`make site`), {full_a:.1f} s (one process) | "
        f"| {preview['full_build_s'][B]:.1f} s |",
        f"| rebuild / full build (`make site`) | {times(ratio(preview[A]['rebuild_s'], preview['full_build_s'][A]))} | "
        + (times(ratio(preview[A_EN]["rebuild_s"], preview["full_build_s"][A])) if preview.get(A_EN) else "")
        + f" | {times(ratio(preview[B]['rebuild_s'], preview['full_build_s'][B]))} |",
        "",
    ]
    return lines


METHOD = """## How it is measured

- **Corpus** (`benchmarks/corpus.py`): N articles per language, deterministic (seed {seed}): ~300-word
  answers built from the same choices in both languages (three headings with explicit ids, 3 to 5 numbered
  steps with bold labels, French accents and typography with U+202F/U+00A0), 12 categories, popularity
  rows for ~85 %, `related` pins (~20 %), `contact` keys (~15 %), `[[contact]]` markers (~5 %), links with
  anchors between articles (~30 %). It passes `helpcentre.cli check` with no error and no warning.
- **A** is the repository's `mkdocs.yml`, `hooks/`, `overrides/` and `data/` (categories and popularity
  generated); **B** is plain Material + mkdocs-static-i18n (`docs_structure: folder`, same languages), the
  same `markdown_extensions`, `navigation.prune`, Material's search plugin, `use_directory_urls: false` and
  `font: false` like A, a trivial home page per language; no hooks, overrides or custom_dir.
- **Builds**: A as `make site` builds it (`python -m helpcentre.cli build`: one `mkdocs build --strict`
  process per language when the machine has two cores, merged into one folder); A1 the same with
  `HC_BUILD_JOBS=1` (static-i18n's one-process build, the fallback on one core), whose output is compared
  byte for byte with A's; B `python -m mkdocs build --strict --clean`. A, A1 and B in turn, {repeats}
  round(s) at most per size and fewer when a size's rounds would pass {budget:.0f} s; the wall time is the
  median, including Python's start-up.
- **Memory**: the peak RSS of the largest single build process (getrusage) and the peak of the build with
  all its children together (both language processes, then the Pagefind binary), sampled every 0.5 s from
  /proc; the budget uses the larger.
- **Page weight**: the middle article without pins or contact (same page in A and B), its HTML file, and
  the files of its `<script src>` and `<link rel="stylesheet">` (JS+CSS before any search).
- **Search**: the index a language's pages load (A: its Pagefind bundles; B: Material's
  `search/search_index.json`, which static-i18n fills with both languages). *First query*: in Chromium,
  every search file fetched from page load to the first result (Pagefind or lunr files and any file named
  after search, so our `search.js` too, though the page loads it before any search); the estimate adds up
  the files a query needs (Pagefind: loader and WebAssembly once; entry, metadata and largest index chunk
  of each bundle; the {fragments} largest result fragments: an upper bound; Material: index, worker, lunr
  language files) and the page's search scripts.
- **Chromium** (Debian's, through Playwright): the site served by a local Python server (no compression),
  each visit in a fresh context (empty cache); the article page loads, the header search opens, the query
  ("refund" / "remboursement") is typed at once; time from the first keydown to the first result in the
  list, in the page's clock, median of {browser_repeats}. The assistant: another cold visit, its field tapped,
  the question typed at 20 characters a second (Playwright, 50 ms a key), Enter, time from Enter to its
  answers (or its "no good answer" state); and one more visit with the question pasted whole and sent at once.
- **Profile**: one more build of A, in one process, under cProfile; the hooks' share is the cumulative time
  of the calls into functions defined under the project's `hooks/` from the code that hosts them (MkDocs and
  its plugins, templates, Markdown) plus the hook file's import, over the total profiled time. Calls back
  into our code from libraries it calls (YAML constructors, asyncio tasks, `re.sub` callbacks) are inside
  that time and not counted again. cProfile slows Python code, not waiting, so shares are indicative.
- **Hooks' share (the budget)**: more builds of A in one process (as many as the rounds; the median),
  without a profiler, as `make site` builds it: a clock around every event function MkDocs calls from the
  project's `hooks/` (they render and save the search records), over the wall time of the whole build,
  which includes Pagefind indexing the records once MkDocs has ended (clocked apart, reported beside it).
- Timings depend on what else the machine runs: the load average before each size is in `results.json`.
"""


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
    lines.append(
        METHOD.format(
            seed=settings["seed"],
            repeats=settings["repeats"],
            budget=settings["repeat_budget_s"],
            fragments=10,
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
        a, b = result[A], result[B]
        lines.append(
            f"{size:>6}  {a['wall_s']:>8.1f}s  {b['wall_s']:>8.1f}s  {times(result['ratios']['wall']):>6}  "
            f"{a['memory_mb']:>6.0f}  {b['memory_mb']:>6.0f}  "
            f"{kb(_lang_max(a, 'article', 'html_bytes')):>9}  {kb(_lang_max(b, 'article', 'html_bytes')):>9}"
        )
    for item in results.get("budgets", []):
        budget = Budget(**item)
        lines.append(
            f"{_verdict(budget.met).strip('*'):>12}  {budget.text}: {_budget_value(budget)} ({_budget_limit(budget)})"
        )
    return "\n".join(lines)
