"""Hit rates and the targets of issue 16, from what the search box and the assistant showed.

Reads ``Result`` values (a query, the place it was typed, the articles its links showed). Produces ``Figures``
per language, set and place (top-1 and top-3 hit rates, zero-result rate, confident-nonsense rate) and
``Target`` values (met or missed, with the queries that missed). Plain functions, no browser: the tests feed them
made-up results.

A hit is an expected article *in the query's language* among the first one or three links (a link to the other
language's twin, a category page or another host is not a hit). Confident nonsense, judged on the queries of
``nothing`` only: the search box showed results that have every significant word of the query (its results
list says ``data-match="all"``; results that have only some words are shown as such, "No answer has all of
your words"); for the assistant, an answer shown in full (not suggestions listed under "not sure"). The
assistant's top-1 counts only an answer shown in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .search_sets import SETS, UNANSWERABLE, Query
from .search_site import Article

# Top-3 hit rate each set must reach (issue 16, "Measured, not judged by eye").
TOP3_TARGETS: dict[str, float] = {"questions": 0.95, "actions": 0.95, "typos": 0.90, "synonyms": 1.0, "accentless": 1.0}
# Top-1 hit rate of the assistant (issue 31): the answer it shows in full is the one asked for.
TOP1_TARGETS: dict[str, float] = {"questions": 0.95, "actions": 0.95, "typos": 0.90, "synonyms": 0.90}


@dataclass(frozen=True)
class Result:
    query: Query
    place: str  # "search" (the search box) or "assistant"
    links: tuple[str, ...]  # paths inside the site (fr/x/y.html), or the URL of a link elsewhere
    articles: tuple[Article | None, ...]  # the article each link shows, None for any other page
    status: str = ""
    error: str = ""
    match: str = ""  # the search box's data-match: "all" (every word), "some" (only some), "none"
    full: bool = True  # the assistant showed its first answer in full (False: it said it was not sure)

    def rank(self) -> int | None:
        """1-based position of the first expected article in the query's language, or None."""
        for position, article in enumerate(self.articles, 1):
            if article and article.lang == self.query.lang and article.id in self.query.expect:
                return position
        return None

    def top1(self) -> bool:
        """The first link is an expected article and, in the assistant, shown in full (a suggestion listed
        under "not sure" is not the assistant's answer)."""
        return self.rank() == 1 and self.full

    @property
    def empty(self) -> bool:
        return not self.links

    @property
    def confident(self) -> bool:
        """Results shown as if they answered the query (see the module's docstring)."""
        if self.empty:
            return False
        if self.place != "search":
            return self.full
        return self.match == "all"


@dataclass(frozen=True)
class Figures:
    lang: str
    set: str
    place: str
    count: int
    top1: float | None  # None for `nothing` and for an empty set
    top3: float | None
    zero: float | None  # share of queries with no result at all
    nonsense: float | None  # `nothing` only: share answered with confident results
    errors: int


@dataclass(frozen=True)
class Target:
    lang: str
    place: str
    goal: str
    value: str
    met: bool | None  # None: no query to judge it on
    missed: tuple[str, ...] = ()


def _rate(hits: int, count: int) -> float | None:
    return hits / count if count else None


def _groups(results: Iterable[Result]) -> dict[tuple[str, str, str], list[Result]]:
    groups: dict[tuple[str, str, str], list[Result]] = {}
    for result in results:
        groups.setdefault((result.query.lang, result.query.set, result.place), []).append(result)
    return groups


def figures(results: Iterable[Result]) -> list[Figures]:
    """One line per language, set and place, in the order langs appear, then SETS, then places."""
    rows = []
    for (lang, name, place), group in _groups(results).items():
        count = len(group)
        zero = _rate(sum(r.empty for r in group), count)
        errors = sum(bool(r.error) for r in group)
        if name == UNANSWERABLE:
            nonsense = _rate(sum(r.confident for r in group), count)
            rows.append(Figures(lang, name, place, count, None, None, zero, nonsense, errors))
            continue
        ranks = [r.rank() for r in group]
        top1 = _rate(sum(r.top1() for r in group), count)
        top3 = _rate(sum(rank is not None and rank <= 3 for rank in ranks), count)
        rows.append(Figures(lang, name, place, count, top1, top3, zero, None, errors))
    return sorted(rows, key=lambda f: (f.lang, SETS.index(f.set), f.place != "search"))


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.0%}"


def targets(results: Iterable[Result], sets: tuple[str, ...] = SETS) -> list[Target]:
    """The targets of issue 16 for each language and place, in the order of the issue, for the ``sets`` run
    (a set that was run but has no query in a language is judged "n/a")."""
    out = []
    groups = _groups(results)
    for lang, place in dict.fromkeys((key[0], key[2]) for key in groups):
        for name, goal in TOP3_TARGETS.items():
            if name not in sets:
                continue
            group = groups.get((lang, name, place), [])
            missed = tuple(r.query.q for r in group if (r.rank() or 99) > 3)
            rate = _rate(len(group) - len(missed), len(group))
            met = None if rate is None else rate >= goal - 1e-9
            out.append(Target(lang, place, f"{name}: top-3 ≥ {goal:.0%}", _percent(rate), met, missed))
        for name, goal in TOP1_TARGETS.items() if place == "assistant" else ():
            if name not in sets:
                continue
            group = groups.get((lang, name, place), [])
            missed = tuple(r.query.q for r in group if not r.top1())
            rate = _rate(len(group) - len(missed), len(group))
            met = None if rate is None else rate >= goal - 1e-9
            out.append(Target(lang, place, f"{name}: top-1 in full ≥ {goal:.0%}", _percent(rate), met, missed))
        answerable = [r for key, group in groups.items() if key[0] == lang and key[2] == place for r in group]
        answerable = [r for r in answerable if r.query.answerable]
        empty = tuple(f"{r.query.set}: {r.query.q}" for r in answerable if r.empty)
        met = None if not answerable else not empty
        out.append(Target(lang, place, "no zero-result answer to an answerable query", str(len(empty)), met, empty))
        if UNANSWERABLE in sets:
            group = groups.get((lang, UNANSWERABLE, place), [])
            confident = tuple(r.query.q for r in group if r.confident)
            met = None if not group else not confident
            goal = "nothing: no confident nonsense" if place == "search" else "nothing: no answer shown in full"
            out.append(Target(lang, place, goal, str(len(confident)), met, confident))
    return out


def unmet(results: Iterable[Result]) -> list[str]:
    """One readable line per missed target, naming the queries that missed it."""
    return [
        f"{t.lang} {t.place}: {t.goal} missed ({t.value}): " + "; ".join(t.missed)
        for t in targets(results)
        if t.met is False
    ]
