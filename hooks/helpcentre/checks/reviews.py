"""Review dates: when an answer was last re-read, and how often its category wants it re-read.

Reads each article's ``reviewed:`` (else ``updated:``) and ``owner:``, and each category's ``review_every:``
in ``data/categories.yml`` (``6 months``, ``2 weeks``, ``1 year``, ``90 days``); produces the warnings
``make check`` prints for answers past their date and the list ``make review`` prints, oldest first.
Nothing of this reaches readers: no template reads these fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpcentre.content.periods import Period
from helpcentre.core.problems import Problem, warning

if TYPE_CHECKING:
    from helpcentre.content.catalogue import Article, Catalogue


@dataclass(frozen=True)
class Due:
    article: Article
    last: dt.date | None  # the last review, else the last update; None when the article gives neither
    due: dt.date | None  # None: never reviewed, due now
    every: Period


def overdue(catalogue: Catalogue, today: dt.date) -> list[Due]:
    """Every article past its review date, the longest overdue first (never reviewed before all)."""
    found = []
    for article in catalogue.articles.values():
        every = catalogue.category(article.category).review_every
        if every is None:
            continue
        last = article.reviewed or article.updated
        due = every.after(last) if last else None
        if due is None or due <= today:
            found.append(Due(article, last, due, every))
    return sorted(found, key=lambda d: (d.due or dt.date.min, d.article.path))


def check(catalogue: Catalogue, today: dt.date) -> list[Problem]:
    problems = []
    for item in overdue(catalogue, today):
        article = item.article
        key = "reviewed" if article.reviewed else "updated"
        since = f"last reviewed {item.last}" if item.last else "never reviewed"
        problems.append(
            warning(
                article.path,
                article.line_of(key),
                f"{since}; answers in '{article.category}' are re-read every {item.every}: re-read it, then set "
                "'reviewed:' to that day's date (make review lists them all)",
            )
        )
    return problems


def listing(items: list[Due]) -> str:
    """``make review``: one line per answer past its date, oldest first, with its owner."""
    if not items:
        return "No answer is past its review date."
    header = ("due", "last reviewed", "owner", "article", "question")
    rows = [header] + [
        (str(d.due or "now"), str(d.last or "never"), d.article.owner or "-", d.article.path, d.article.title)
        for d in items
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = ["  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]) for row in rows]
    count = len(items)
    lines.append(f"{count} answer{'s' * (count != 1)} past {'their' if count != 1 else 'its'} review date")
    return "\n".join(lines)
