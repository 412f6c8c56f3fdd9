"""The collected feedback summed up for the reports: one frozen record per line a report shows.

Reads every row of the store (``views``, ``votes``, ``unanswered``) and the catalogue's titles (``Config``);
produces ``Summary``: helpfulness per article and language (share of yes, votes, reasons), worst first; the
searches and questions that found nothing grouped by their words, per language (the content gaps); views per
article and language, most read first, and per day (for the charts). The Markdown report and the HTML page
both show this, so they always agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .config import Config
from .events import REASONS


@dataclass(frozen=True)
class Helpfulness:
    article: int
    lang: str
    title: str
    yes: int
    votes: int
    reasons: tuple[int, ...]  # one count per events.REASONS

    @property
    def share(self) -> float:
        return self.yes / self.votes


@dataclass(frozen=True)
class Comment:
    article: int
    lang: str
    reason: str | None
    day: str
    text: str


@dataclass(frozen=True)
class Gap:
    words: str
    times: int
    sources: tuple[str, ...]
    shown: tuple[str, ...]


@dataclass(frozen=True)
class Views:
    article: int
    title: str  # in the language of the report that shows it: see ``title``
    per_lang: tuple[int, ...]  # one count per Config.languages
    per_day: tuple[tuple[str, tuple[int, ...]], ...]  # (day, one count per language), oldest first

    @property
    def total(self) -> int:
        return sum(self.per_lang)


@dataclass(frozen=True)
class Summary:
    first_day: str | None
    last_day: str | None
    counts: tuple[int, int, int]  # views, votes, unanswered
    helpfulness: tuple[Helpfulness, ...]
    comments: tuple[Comment, ...]
    gaps: tuple[tuple[str, tuple[Gap, ...]], ...]  # (lang, its gaps, most frequent first)
    views: tuple[Views, ...]


def words(query: str) -> str:
    """The words of a search as they group: lower case, spaces and end punctuation dropped."""
    return " ".join(w.strip(".,;:!?¿¡«»\"'()") for w in query.lower().split()).strip()


def title(config: Config, lang: str, article: int) -> str | None:
    """The article's question in ``lang``, else in the first language, else None (no longer on the site)."""
    return config.titles.get((lang, article)) or config.titles.get((config.languages[0], article))


def _helpfulness(config: Config, votes: list[dict]) -> tuple[Helpfulness, ...]:
    per = defaultdict(list)
    for vote in votes:
        per[(vote["article"], vote["lang"])].append(vote)
    lines = []
    for (article, lang), rows in per.items():
        reasons = Counter(v["reason"] for v in rows)
        yes = sum(v["answer"] == "yes" for v in rows)
        lines.append(
            Helpfulness(
                article, lang, title(config, lang, article) or "", yes, len(rows), tuple(reasons[r] for r in REASONS)
            )
        )
    return tuple(sorted(lines, key=lambda h: (h.share, -h.votes, h.article, h.lang)))


def _gaps(config: Config, unanswered: list[dict]) -> tuple[tuple[str, tuple[Gap, ...]], ...]:
    per_lang = []
    for lang in config.languages:
        groups = defaultdict(list)
        for row in unanswered:
            if row["lang"] == lang:
                groups[words(row["query"])].append(row)
        gaps = [
            Gap(key, len(rows), tuple(sorted({r["source"] for r in rows})), tuple(sorted({r["shown"] for r in rows})))
            for key, rows in groups.items()
        ]
        if gaps:
            per_lang.append((lang, tuple(sorted(gaps, key=lambda g: (-g.times, g.words)))))
    return tuple(per_lang)


def _views(config: Config, views: list[dict]) -> tuple[Views, ...]:
    languages = config.languages
    per_day = defaultdict(Counter)
    for row in views:
        per_day[row["article"]][(str(row["day"]), row["lang"])] += 1
    found = []
    for article, counts in per_day.items():
        days = sorted({day for day, _ in counts})
        per_lang = tuple(sum(n for (_, lang), n in counts.items() if lang == code) for code in languages)
        daily = tuple((day, tuple(counts[(day, code)] for code in languages)) for day in days)
        found.append(Views(article, title(config, languages[0], article) or "", per_lang, daily))
    return tuple(sorted(found, key=lambda v: (-v.total, v.article)))


def summarise(config: Config, rows: dict[str, list[dict]]) -> Summary:
    days = sorted(str(row["day"]) for table in rows.values() for row in table)
    comments = tuple(  # by day, then article: within a day rows come in no order (store.ROW_ID)
        sorted(
            (
                Comment(v["article"], v["lang"], v["reason"], str(v["day"]), v["comment"])
                for v in rows["votes"]
                if v["comment"]
            ),
            key=lambda c: (c.day, c.article, c.lang, c.text),
        )
    )
    return Summary(
        first_day=days[0] if days else None,
        last_day=days[-1] if days else None,
        counts=(len(rows["views"]), len(rows["votes"]), len(rows["unanswered"])),
        helpfulness=_helpfulness(config, rows["votes"]),
        comments=comments,
        gaps=_gaps(config, rows["unanswered"]),
        views=_views(config, rows["views"]),
    )
