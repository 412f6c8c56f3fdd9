"""The front matter's fields, declared once: key, type, how the value is read, the message that names the fix.

``FIELDS`` is the one table. ``article`` reads and checks a front matter with it and makes the ``Article``
type from it; ``KNOWN_KEYS`` is its keys; ``make new`` writes the fields whose ``new`` is set, in the table's
order; README's table of fields is its ``about`` column (``tests/test_fields.py`` holds README to it). A new
field is one row here, plus the template that shows it if readers see it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from helpcentre.core.problems import Problem, error, shown, warning

MAX_RELATED = 50
MAX_TAGS = 20
MAX_TITLE = 120
MAX_ID = 999_999_999


@dataclass(frozen=True)
class Refused:
    """A value the field cannot take. ``message`` None: the row's ``fix`` says why; ``{key}`` names the field."""

    message: str | None = None


@dataclass(frozen=True)
class Warned:
    """A value taken, with a warning: the article reads, but the writer should change it."""

    value: object
    message: str


@dataclass(frozen=True)
class Draft:
    """What ``make new`` knows of a new article in one language: what the fields it writes are made of."""

    id: int
    title: str
    category: str
    today: dt.date


@dataclass(frozen=True)
class Field:
    key: str
    type: object  # the Article attribute's type
    parse: Callable[[object], object]  # the value as YAML read it -> the value, a Refused or a Warned
    fix: str  # the message naming the fix; "{value}" stands for the value as written
    about: str  # README's line for the field
    required: bool = False  # a required field has no default
    default: object = None  # the value when the key is absent
    new: Callable[[Draft], str] | None = None  # the YAML make new writes; None: make new leaves the key out


def _whole_number(value: object) -> object:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID
    return value if ok else Refused()


def _question(value: object) -> object:
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        return Refused()
    if re.search(r"[<>]", value):
        return Refused("title must be plain text: remove < and >")
    if len(value) > MAX_TITLE:
        return Warned(value.strip(), f"title is {len(value)} characters; keep questions under {MAX_TITLE}")
    return value.strip()


def _text(value: object) -> object:
    return value if isinstance(value, str) else Refused()


def _optional_text(value: object) -> object:
    return value if value is None or isinstance(value, str) else Refused()


def _name(value: object) -> object:
    if value is None:
        return None
    return value.strip() if isinstance(value, str) and value.strip() else Refused()


def _true_or_false(value: object) -> object:
    return value if isinstance(value, bool) else Refused()


def _words(limit: int) -> Callable[[object], object]:
    def parse(value: object) -> object:
        if isinstance(value, str):
            value = [value]  # one word written without brackets
        if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
            return Refused()
        if len(value) > limit:
            return Refused(f"{{key}} has {len(value)} items; keep it to {limit} at most")
        return tuple(str(v).strip() for v in value)

    return parse


def _ids(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]  # one id written without brackets
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return Refused()
    if len(value) > MAX_RELATED:
        return Refused(f"{{key}} lists {len(value)} ids; pin {MAX_RELATED} at most")
    return tuple(value)


def _date(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:  # str() of an integer too long to print raises it too
        return Refused()


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# In the order the checks report them: the fields readers see, then the editors' and the tools'.
FIELDS: tuple[Field, ...] = (
    Field("id", int, _whole_number, "id must be a whole number such as 1001, not '{value}'",
          "the article's number, the same in both languages (1xxx Connected Store, 2xxx My MINI Account, ...)",
          required=True, new=lambda draft: str(draft.id)),
    Field("title", str, _question, "title must be the question, as text on one line",
          f"the question, plain text on one line (under {MAX_TITLE} characters)",
          required=True, new=lambda draft: _quoted(draft.title)),
    Field("category", str, _text, "category must be a category key such as my-account",
          "the category key from `data/categories.yml`: the article's folder",
          required=True, new=lambda draft: draft.category),
    Field("tags", tuple[str, ...], _words(MAX_TAGS), "tags must be a list of words, like [refund, payment]",
          f"words readers search with, {MAX_TAGS} at most", default=()),
    Field("aliases", tuple[str, ...], _words(MAX_RELATED),
          "aliases must be a list of old addresses, like [old/refund.html]",
          f"the article's old addresses, each redirected to it (`old/name.html`), {MAX_RELATED} at most", default=()),
    Field("related", tuple[int, ...], _ids, "related must be a list of article ids, like [2002, 2003]",
          f"ids of articles to show first under the answer, {MAX_RELATED} at most", default=()),
    Field("applies_to", tuple[str, ...], _words(MAX_TAGS),
          "applies_to must be a list of values from data/vehicles.yml, like [os9]",
          "the cars the answer holds for, values from `data/vehicles.yml` (such as `[os9]`); none: every car",
          default=()),
    Field("counterpart", tuple[int, ...], _ids, "counterpart must be a list of article ids, like [4003]",
          "ids of the answers to the same question for the other cars (each names this one back)", default=()),
    Field("contact", str | None, _optional_text, "contact must be a contact key such as mini-assist",
          "the contact key (`data/contacts.yml`) shown with the answer; else the category's default"),
    Field("updated", dt.date | None, _date, "updated must be a date like 2026-10-06, not '{value}'",
          "when the answer last changed", new=lambda draft: draft.today.isoformat()),
    Field("reviewed", dt.date | None, _date, "reviewed must be a date like 2026-10-06, not '{value}'",
          "when an editor last re-read the answer and found it right (never shown to readers)"),
    Field("owner", str | None, _name, "owner must be a name or a team, such as Claire Dubois",
          "who re-reads the answer (never shown to readers)"),
    Field("translation_of", str | None, _optional_text,
          "translation_of must be the hash written by 'make translations'",
          "in a translation, the hash of the text it was made from (`make translations RECORD=...` writes it)"),
    Field("untranslated", bool, _true_or_false, "untranslated must be true or false",
          "`true` for an article published in one language only", default=False),
)  # fmt: skip
KNOWN_KEYS = frozenset(f.key for f in FIELDS)


def read(
    path: str, meta: Mapping, lines: Mapping, fields: tuple[Field, ...] = FIELDS
) -> tuple[dict[str, object], list[Problem]]:
    """Every field's value (its default when absent), and the problems: missing, unknown, then field by field."""
    required = [f.key for f in fields if f.required]
    known = {f.key for f in fields}
    problems = [
        error(path, 1, f"front matter has no '{key}'; every article needs {_listed(required)}")
        for key in required
        if key not in meta
    ]
    problems += [
        warning(
            path,
            lines.get(key, 1),
            f"unknown front-matter key '{shown(key, 120)}' is ignored; known keys: {', '.join(sorted(known))}",
        )
        for key in meta
        if key not in known
    ]
    values = {}
    for f in fields:
        if f.key not in meta:
            values[f.key] = f.default
            continue
        value = f.parse(meta[f.key])
        if isinstance(value, Refused):
            message = f.fix if value.message is None else value.message
            text = message.replace("{key}", f.key).replace("{value}", shown(meta[f.key]))
            problems.append(error(path, lines.get(f.key, 1), text))
            value = f.default  # never a Refused in the values: the error already stops the article
        elif isinstance(value, Warned):
            problems.append(warning(path, lines.get(f.key, 1), value.message))
            value = value.value
        values[f.key] = value
    return values, problems


def front_matter(draft: Draft, fields: tuple[Field, ...] = FIELDS) -> str:
    """The front matter ``make new`` writes: the fields the table marks, in its order."""
    return "---\n" + "".join(f"{f.key}: {f.new(draft)}\n" for f in fields if f.new) + "---\n\n"


def _listed(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)
