"""Review dates: when an answer was last re-read, and how often its category wants it re-read.

Reads each article's ``reviewed:`` (else ``updated:``) and ``owner:``, and each category's ``review_every:``
in ``data/categories.yml`` (``6 months``, ``2 weeks``, ``1 year``, ``90 days``); produces the warnings
``make check`` prints for answers past their date and the list ``make review`` prints, oldest first.
Nothing of this reaches readers: no template reads these fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .problems import Problem, warning

if TYPE_CHECKING:
    from .catalogue import Article, Catalogue

_PERIOD = re.compile(r"^\s*(\d{1,3})\s+(day|week|month|year)s?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    count: int
    unit: str  # day, week, month or year

    def after(self, date: dt.date) -> dt.date:
        if self.unit in ("day", "week"):
            return date + dt.timedelta(days=self.count * (7 if self.unit == "week" else 1))
        months = date.month - 1 + self.count * (12 if self.unit == "year" else 1)
        year, month = date.year + months // 12, months % 12 + 1
        return date.replace(year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1]))

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' * (self.count != 1)}"


def parse_period(value: object) -> Period | None:
    """``6 months`` as a Period; None when ``value`` is no such text (or a period of nothing)."""
    match = _PERIOD.match(value) if isinstance(value, str) else None
    if match is None or int(match.group(1)) == 0:
        return None
    return Period(int(match.group(1)), match.group(2).lower())


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
