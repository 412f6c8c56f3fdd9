"""`benchmarks/SEARCH.md` and `benchmarks/search-results.json`: what `make bench-search` measured.

Reads ``Result`` values and the run's description (``Run``); produces the Markdown report (a table per language,
the issue's targets met or missed, the queries that missed) and the JSON record (every query with the links it
got, the figures and the targets).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .search_browser import PLACES
from .search_scores import Result, figures, targets
from .search_sets import UNANSWERABLE

PLACE_NAMES = {"search": "search box", "assistant": "assistant"}
MET = {True: "met", False: "**missed**", None: "n/a"}


@dataclass(frozen=True)
class Run:
    date: str  # ISO 8601, UTC
    commit: str  # the code measured
    sets: tuple[str, ...]
    limit: int | None  # at most this many queries of each set, or all
    note: str = ""  # a paragraph put at the top of the report ("the figures before the new engine")


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def _figures_table(results: Sequence[Result], lang: str) -> list[str]:
    lines = [
        "| set | place | queries | top-1 | top-3 | zero results | confident nonsense | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures(results):
        if f.lang != lang:
            continue
        lines.append(
            f"| {f.set} | {PLACE_NAMES[f.place]} | {f.count} | {_pct(f.top1)} | {_pct(f.top3)} | {_pct(f.zero)} "
            f"| {_pct(f.nonsense)} | {f.errors} |"
        )
    return lines


def _targets_table(results: Sequence[Result], sets: tuple[str, ...]) -> list[str]:
    lines = ["| language | place | target | measured | |", "|---|---|---|---:|---|"]
    for t in targets(results, sets):
        lines.append(f"| {t.lang} | {PLACE_NAMES[t.place]} | {t.goal} | {t.value} | {MET[t.met]} |")
    return lines


def _misses(results: Sequence[Result]) -> list[str]:
    lines = []
    for r in results:
        if r.query.answerable and (r.rank() or 99) <= 3 and (r.place != "assistant" or r.top1()) and not r.error:
            continue
        if not r.query.answerable and not r.confident and not r.error:
            continue
        if r.error:
            got = f"error: {r.error}"
        elif r.query.answerable:
            shown = ", ".join(str(a.id) if a else "other page" for a in r.articles[:3]) or "nothing"
            unsure = "" if r.full else " (not sure: none in full)"
            got = f"expected {', '.join(map(str, r.query.expect))}, got {shown}{unsure}"
        else:
            got = f"{len(r.links)} result(s), first {r.articles[0].id if r.articles[0] else 'another page'}"
        lines.append(f"| {r.query.lang} | {r.query.set} | {PLACE_NAMES[r.place]} | {r.query.q} | {got} |")
    if not lines:
        return ["None."]
    return ["| language | set | place | query | shown |", "|---|---|---|---|---|", *lines]


def markdown(results: Sequence[Result], run: Run) -> str:
    langs = list(dict.fromkeys(r.query.lang for r in results))
    subset = f", at most {run.limit} queries per set" if run.limit else ""
    out = ["# Search quality (`make bench-search`)", ""]
    if run.note:
        out += [run.note, ""]
    out += [
        f"Measured {run.date} on commit `{run.commit}`, sets {', '.join(run.sets)}{subset}.",
        "",
        "The real site is built into a temporary folder, served on 127.0.0.1 and queried in Debian's Chromium on",
        "each language's home page: in the search box (Enter, then the result links in order) and in the answer",
        "assistant (its answer links). The queries are `benchmarks/search/<lang>.yml` (a set with no query in a",
        "language has no line in its table); `make bench-search SETS=typos,synonyms LIMIT=5` runs a subset,",
        "`NO_SAVE=1` writes nothing.",
        "",
        "How it is judged:",
        "",
        "- **top-1 / top-3**: an expected article, in the query's language, is the first link / among the first",
        "  three. A link to the other language's twin or to a category page is not a hit.",
        "- **zero results**: the place showed no link at all.",
        f"- **confident nonsense** (set `{UNANSWERABLE}`, questions the site cannot answer): the search box showed",
        '  results that have every significant word of the query (`data-match="all"` on its results list);',
        "  results that have only some of the words are shown as such and do not count. For the assistant, an",
        '  answer shown in full counts; suggestions listed under "not sure" do not (issue 31).',
        "- **the assistant's top-1** counts only the answer it shows in full: when it says it is not sure, its",
        "  first suggestion is not a top-1 hit (it still counts for top-3). Its misses are listed below.",
        "",
    ]
    for lang in langs:
        out += [f"## {lang}", "", *_figures_table(results, lang), ""]
    out += ["## Targets (issues 16 and 31)", "", *_targets_table(results, run.sets), ""]
    out += ["## Queries that missed", "", *_misses(results), ""]
    return "\n".join(out)


def record(results: Sequence[Result], run: Run) -> dict:
    return {
        "run": dataclasses.asdict(run),
        "places": list(PLACES),
        "figures": [dataclasses.asdict(f) for f in figures(results)],
        "targets": [dataclasses.asdict(t) for t in targets(results, run.sets)],
        "queries": [
            {
                "lang": r.query.lang,
                "set": r.query.set,
                "q": r.query.q,
                "expect": list(r.query.expect),
                "place": r.place,
                "rank": r.rank(),
                "full": r.full,
                "links": list(r.links),
                "status": r.status,
                "error": r.error,
            }
            for r in results
        ],
    }


def to_json(record_: dict) -> str:
    """The record as JSON, one query a line, so that two runs compare line by line."""
    head = {key: value for key, value in record_.items() if key != "queries"}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    lines = ",\n  ".join(json.dumps(query, ensure_ascii=False) for query in record_["queries"])
    return f'{text},\n "queries": [\n  {lines}\n ]\n}}\n'
