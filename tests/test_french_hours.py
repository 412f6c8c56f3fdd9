"""Opening hours read right all year: the zone's name holds in March (daylight time) and in December
(standard time), each line starts with a capital, and « 20 h HE » never breaks across two lines."""

from __future__ import annotations

from pathlib import Path

from helpcentre.content.contacts import load_contacts
from helpcentre.core.strings import load_strings
from helpcentre.pages import formatting

REPO = Path(__file__).resolve().parents[1]
STRINGS = load_strings(REPO)[0]
CONTACT = load_contacts(REPO)[0]["mini-financial-services"]
NBSP = "\u00a0"


def test_hours_read_right_all_year():
    # The zone has its generic name (ET, « HE »): a page built on one day is read all year, and a standard-time
    # name (EST, « HNE ») is wrong in March, a daylight-time one (EDT, « HAE ») in December.
    lines = formatting.opening_hours(CONTACT.hours, CONTACT.timezone, STRINGS["fr"])
    assert lines == [
        f"Du lundi au jeudi, de 9{NBSP}h à 20{NBSP}h{NBSP}HE",
        f"Le vendredi, de 9{NBSP}h à 18{NBSP}h{NBSP}HE",
    ]
    english = formatting.opening_hours(CONTACT.hours, CONTACT.timezone, STRINGS["en"])
    assert english == [
        f"Monday to Thursday, 9:00{NBSP}a.m. to 8:00{NBSP}p.m.{NBSP}ET",
        f"Friday, 9:00{NBSP}a.m. to 6:00{NBSP}p.m.{NBSP}ET",
    ]
