"""Contact points (data/contacts.yml): who to call or write to, and when they are open.

Reads the YAML file and produces frozen ``Contact`` values with validated phone numbers (and their
``tel:`` form), e-mail addresses, IANA time zones and weekly opening hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from helpcentre.core import languages, yamldata
from helpcentre.core.problems import Problem, error
from helpcentre.core.yamldata import read_text

CONTACTS_FILE = "data/contacts.yml"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{6,20}[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_HOURS = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$")


@dataclass(frozen=True)
class Opening:
    weekday: int  # 0 = Monday
    opens: int  # minutes after midnight
    closes: int


@dataclass(frozen=True)
class Contact:
    key: str
    names: MappingProxyType
    purposes: MappingProxyType
    phone: str | None
    email: str | None
    timezone: str | None
    hours: tuple[Opening, ...]
    message_article: int | None
    line: int

    @property
    def tel(self) -> str | None:
        """The ``tel:`` target: E.164 for a North American number dialled with or without the leading 1."""
        if not self.phone:
            return None
        digits = re.sub(r"\D", "", self.phone)
        if self.phone.startswith("+"):
            return "+" + digits
        if len(digits) == 10:
            return "+1" + digits
        if len(digits) == 11 and digits.startswith("1"):
            return "+" + digits
        return digits


def load_contacts(root: Path) -> tuple[MappingProxyType, list[Problem]]:
    """key -> Contact, with a problem for each field that does not parse."""
    text, problems = read_text(root, CONTACTS_FILE)
    if text is None:
        return MappingProxyType({}), problems
    data, problems = yamldata.load(CONTACTS_FILE, text)
    if problems:
        return MappingProxyType({}), problems
    if not isinstance(data, yamldata.LineDict):
        return MappingProxyType({}), [error(CONTACTS_FILE, 1, "expected contact keys, each with name, phone, ...")]
    contacts = {}
    codes = languages.of(root).codes
    for key, item in data.items():
        contact, item_problems = parse_contact(key, item, data.line_of(key), codes)
        problems += item_problems
        if contact is not None:
            contacts[key] = contact
    return MappingProxyType(contacts), problems


def parse_contact(key: str, item: object, line: int, codes: tuple[str, ...]) -> tuple[Contact | None, list[Problem]]:
    path = CONTACTS_FILE
    if not yamldata.KEY.match(key):
        return None, [error(path, line, f"contact key '{key}' must be lowercase words joined by hyphens")]
    if not isinstance(item, yamldata.LineDict):
        return None, [error(path, line, f"contact '{key}' must be a mapping with name, phone, email, hours")]
    problems: list[Problem] = []

    def text_per_language(field: str, required: bool) -> MappingProxyType:
        value = item.get(field)
        if value is None and not required:
            return MappingProxyType({})
        if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in codes):
            problems.append(
                error(
                    path,
                    item.line_of(field),
                    f"contact '{key}' needs a {field} in every language ({', '.join(codes)})",
                )
            )
            return MappingProxyType({})
        return MappingProxyType({lang: value[lang].strip() for lang in codes})

    names = text_per_language("name", required=True)
    purposes = text_per_language("purpose", required=False)
    phone = item.get("phone")
    if phone is not None and (not isinstance(phone, str) or not _PHONE.match(phone)):
        problems.append(
            error(path, item.line_of("phone"), f"phone of '{key}' is not a phone number; write it like 1-866-860-0060")
        )
    email = item.get("email")
    if email is not None and (not isinstance(email, str) or not _EMAIL.match(email)):
        problems.append(
            error(
                path,
                item.line_of("email"),
                f"email of '{key}' is not an e-mail address; write it like help@example.com",
            )
        )
    if phone is None and email is None and item.get("message_article") is None:
        problems.append(error(path, line, f"contact '{key}' needs at least a phone, an email or a message_article"))
    message_article = item.get("message_article")
    if message_article is not None and (not isinstance(message_article, int) or isinstance(message_article, bool)):
        problems.append(
            error(path, item.line_of("message_article"), f"message_article of '{key}' must be an article id")
        )
    timezone = item.get("timezone")
    hours, hour_problems = _parse_hours(key, item)
    problems += hour_problems
    if hours and timezone is None:
        problems.append(
            error(
                path,
                item.line_of("hours"),
                f"contact '{key}' has hours but no timezone; add e.g. timezone: America/New_York",
            )
        )
    if timezone is not None:
        try:
            ZoneInfo(str(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(
                error(
                    path,
                    item.line_of("timezone"),
                    f"timezone '{timezone}' of '{key}' is not an IANA time zone such as America/New_York",
                )
            )
    if problems:
        return None, problems
    return Contact(key, names, purposes, phone, email, timezone, hours, message_article, line), []


def _parse_hours(key: str, item: yamldata.LineDict) -> tuple[tuple[Opening, ...], list[Problem]]:
    hours = item.get("hours")
    if hours is None:
        return (), []
    path = CONTACTS_FILE
    if not isinstance(hours, yamldata.LineDict):
        return (), [error(path, item.line_of("hours"), f"hours of '{key}' must map weekdays to \"HH:MM-HH:MM\"")]
    openings, problems = [], []
    for day, value in hours.items():
        line = hours.line_of(day)
        if day not in WEEKDAYS:
            problems.append(error(path, line, f"'{day}' is not a weekday; use one of {', '.join(WEEKDAYS)}"))
            continue
        match = _HOURS.match(str(value).strip())
        if not match:
            problems.append(
                error(path, line, f"hours '{value}' for {day} do not parse; write them like \"09:00-20:00\"")
            )
            continue
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        opens, closes = h1 * 60 + m1, h2 * 60 + m2
        if closes <= opens or closes > 24 * 60:
            problems.append(error(path, line, f"hours '{value}' for {day} close before they open"))
            continue
        openings.append(Opening(WEEKDAYS.index(day), opens, closes))
    return tuple(sorted(openings, key=lambda o: o.weekday)), problems
