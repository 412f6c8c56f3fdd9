"""Numbers, dates and opening hours written the way each language writes them.

Pure functions of values and a ``Strings`` table, whose ``language`` holds the rules
(``data/languages/<lang>.yml``): ``3,430`` / ``3 430`` (narrow no-break space), ``October 6, 2026`` /
``6 octobre 2026``, ``9:00 a.m.`` / ``9 h``.
"""

from __future__ import annotations

import datetime as dt

from helpcentre.content.contacts import WEEKDAYS, Opening
from helpcentre.core.languages import Language
from helpcentre.core.strings import Strings


def number(n: int, language: Language) -> str:
    return f"{n:,}".replace(",", language.group_separator)


def date(value: dt.date, strings: Strings) -> str:
    months = strings("date.months").split()
    day = strings.language.first_day if value.day == 1 and strings.language.first_day else str(value.day)
    return strings("date.format", month=months[value.month - 1], day=day, year=value.year)


def clock(minutes: int, language: Language) -> str:
    hours, mins = divmod(minutes, 60)
    ampm = language.am if hours < 12 or hours == 24 else language.pm
    form = language.hour_minutes if mins else language.hour
    return form.format(h=hours, h12=hours % 12 or 12, mm=f"{mins:02d}", ampm=ampm)


def opening_hours(openings: tuple[Opening, ...], timezone: str | None, strings: Strings) -> list[str]:
    """One line per run of consecutive weekdays sharing the same hours, starting with a capital.

    The zone is its generic name (ET, « HE »): a page built in December is still read in March, so a
    standard-time name (EST, « HNE ») would be wrong for part of the year."""
    runs: list[list[Opening]] = []
    for opening in openings:
        last = runs[-1][-1] if runs else None
        if (
            last
            and last.weekday + 1 == opening.weekday
            and (last.opens, last.closes) == (opening.opens, opening.closes)
        ):
            runs[-1].append(opening)
        else:
            runs.append([opening])
    tz = strings(f"tz.{timezone}") if timezone else ""
    lines = []
    for run in runs:
        first, last = strings(f"days.{WEEKDAYS[run[0].weekday]}"), strings(f"days.{WEEKDAYS[run[-1].weekday]}")
        days = (
            strings("hours.single_day", day=first)
            if len(run) == 1
            else strings("hours.day_range", first=first, last=last)
        )
        line = strings(
            "hours.line",
            days=days,
            opens=clock(run[0].opens, strings.language),
            closes=clock(run[0].closes, strings.language),
            tz=tz,
        )
        line = line.strip()
        lines.append(line[:1].upper() + line[1:])
    return lines
