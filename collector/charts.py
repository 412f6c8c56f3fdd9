"""The report's charts, drawn once when the report is written: no script is needed to see them.

Reads one article's ``summary.Views`` (views per day and language) and the axis label; produces an SVG
document (a small bar chart, one stacked bar per day, a colour per language) drawn by matplotlib. The same
views always give the same bytes: no date, no random ids in the file.
"""

from __future__ import annotations

import datetime as dt
import io

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .summary import Views

COLOURS = ("#1f5f8b", "#d9822b", "#4a8c3f", "#8e44ad")  # one per language, distinct in grey too
SIZE = (6.4, 2.2)
# Dates in figures only (month names would be English in every report): ISO order, read the same in each language.
NUMERIC = ["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S"]
OFFSET = ["", "%Y", "%Y", "%Y-%m-%d", "%Y-%m-%d", "%Y-%m-%d"]  # inches; the page shows it at its width


def views_svg(views: Views, languages: tuple[str, ...], axis_label: str) -> str:
    """The SVG of ``views`` per day, stacked by language (codes in capitals: the same in every report)."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "helpcentre-feedback"  # ids in the file do not change from run to run
    days = [dt.date.fromisoformat(day) for day, _ in views.per_day]
    figure = Figure(figsize=SIZE, layout="constrained")
    axes = figure.add_subplot()
    bottom = [0] * len(days)
    for index, lang in enumerate(languages):
        counts = [per_lang[index] for _, per_lang in views.per_day]
        colour = COLOURS[index % len(COLOURS)]
        axes.bar(days, counts, bottom=bottom, width=0.8, color=colour, label=lang.upper())
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    # A week or less: a tick per day (the automatic choice finds no interval for so short a span).
    locator = DayLocator() if (days[-1] - days[0]).days <= 7 else AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(
        ConciseDateFormatter(locator, formats=NUMERIC, zero_formats=NUMERIC, offset_formats=OFFSET)
    )
    if len(days) == 1:  # one bar: a day either side, so the bar is not the whole width
        axes.set_xlim(days[0] - dt.timedelta(days=1), days[0] + dt.timedelta(days=1))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(axis_label)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), frameon=False, ncols=len(languages), fontsize="small")
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()
