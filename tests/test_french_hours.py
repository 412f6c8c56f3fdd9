"""Opening hours read right all year: the zone's name holds in March (daylight time) and in December
(standard time), each line starts with a capital, and « 20 h HE » never breaks across two lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpcentre.content.contacts import load_contacts
from helpcentre.core.strings import load_strings
from helpcentre.pages import formatting

REPO = Path(__file__).resolve().parents[1]
STRINGS = load_strings(REPO)[0]
CONTACT = load_contacts(REPO)[0]["mini-financial-services"]
NBSP = "\u00a0"
# What a reader may be told on a date, by what the clock in New York is then: the generic name is right
# on both; a standard-time name (EST, « HNE ») only in winter, a daylight one only in summer.
RIGHT_NAMES = {
    "en": {"EST": {"ET", "EST"}, "EDT": {"ET", "EDT"}},
    "fr": {"EST": {"HE", "HNE"}, "EDT": {"HE", "HAE"}},
}


@pytest.mark.parametrize("day", [dt.date(2026, 3, 20), dt.date(2026, 12, 15)], ids=["march", "december"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_zone_is_named_right_on_the_day(lang, day):
    clock_then = dt.datetime.combine(day, dt.time(12), ZoneInfo(CONTACT.timezone)).tzname()
    assert clock_then == ("EDT" if day.month == 3 else "EST")  # March 20 is after the switch to daylight time
    lines = formatting.opening_hours(CONTACT.hours, CONTACT.timezone, STRINGS[lang])
    assert len(lines) == 2
    for line in lines:
        zone = line.rsplit(NBSP, 1)[-1]
        assert zone in RIGHT_NAMES[lang][clock_then], f"{line!r} names the zone wrongly on {day}"


def test_french_lines_start_with_a_capital_and_keep_hour_and_zone_together():
    lines = formatting.opening_hours(CONTACT.hours, CONTACT.timezone, STRINGS["fr"])
    assert lines == [
        f"Du lundi au jeudi, de 9{NBSP}h à 20{NBSP}h{NBSP}HE",
        f"Le vendredi, de 9{NBSP}h à 18{NBSP}h{NBSP}HE",
    ]
    english = formatting.opening_hours(CONTACT.hours, CONTACT.timezone, STRINGS["en"])
    assert english[0] == f"Monday to Thursday, 9:00{NBSP}a.m. to 8:00{NBSP}p.m.{NBSP}ET"
