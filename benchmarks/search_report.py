"""`benchmarks/SEARCH.md` and `benchmarks/search-results.json`: what `make bench-search` measured.

Reads ``Result`` values and the run's description (``Run``); produces the Markdown report (a table per language,
the issue's targets met or missed, the queries that missed: tables) and the JSON record of the figures and the
targets. How queries are judged: ``search_scores``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .search_browser import PLACES
from .search_scores import Result, figures, targets

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
    out += [f"Measured {run.date} on commit `{run.commit}`, sets {', '.join(run.sets)}{subset}.", ""]
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
    }


def to_json(record_: dict) -> str:
    """The record as JSON, one figure or target a line, so that two runs compare line by line."""
    parts = []
    for key, value in record_.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            parts.append(f' "{key}": [\n  {items}\n ]')
        else:
            parts.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
