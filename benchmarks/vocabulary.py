"""The words the synthetic corpus is made of, read from ``benchmarks/data/``.

Reads ``data/categories.yml`` (the 12 categories and the subjects of their articles' questions) and
``data/phrases.yml`` (title templates, actions, contexts, lead sentences, sentences, steps, labels, headings,
tags, the closing line, the reference site's home page), each piece of text in both languages. Produces them
as frozen values: ``Pair`` (a text in English and French), ``CategorySpec``, ``Subject`` and tuples of pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("en", "fr")
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Pair:
    """One piece of text in both languages."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class CategorySpec:
    key: str
    icon: str
    name: Pair
    description: Pair
    contact: str | None = None


@dataclass(frozen=True)
class Subject:
    text: Pair
    category: str


def _read(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _pair(item: dict[str, str]) -> Pair:
    return Pair(*(item[lang] for lang in LANGUAGES))


def _pairs(items: list[dict[str, str]]) -> tuple[Pair, ...]:
    return tuple(_pair(item) for item in items)


_CATEGORIES = _read("categories.yml")
_PHRASES = _read("phrases.yml")

CATEGORIES = tuple(
    CategorySpec(c["key"], c["icon"], _pair(c["name"]), _pair(c["description"]), c.get("contact")) for c in _CATEGORIES
)
SUBJECTS = tuple(Subject(_pair(subject), c["key"]) for c in _CATEGORIES for subject in c["subjects"])
ACTIONS = _pairs(_PHRASES["actions"])
CONTEXTS = _pairs(_PHRASES["contexts"])
TITLES = _pairs(_PHRASES["titles"])
LEADS = _pairs(_PHRASES["leads"])
SENTENCES = _pairs(_PHRASES["sentences"])
STEPS = _pairs(_PHRASES["steps"])
LABELS = _pairs(_PHRASES["labels"])
HEADINGS = _pairs(_PHRASES["headings"])
TAGS = _pairs(_PHRASES["tags"])
SEE_ALSO = _pair(_PHRASES["see_also"])
CLOSING = _pair(_PHRASES["closing"])
CONTACT_MARKER: str = _PHRASES["contact_marker"]
CONTACT_KEYS: tuple[str, ...] = tuple(_PHRASES["contact_keys"])
REFERENCE_HOME = _pair(_PHRASES["reference_home"])
