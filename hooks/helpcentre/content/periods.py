"""Periods as writers give them in ``data/categories.yml`` (``review_every: 6 months``): parsed once, and the date
one period after another.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

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
