"""Site data that is not articles: categories (data/categories.yml) and view counts (data/popularity.csv).

Reads the files under ``data/`` and produces frozen ``Category`` values and an id -> views mapping, with
``Problem`` values for anything a writer or an analytics export got wrong.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.content.periods import Period, parse_period
from helpcentre.core import languages, yamldata
from helpcentre.core.problems import Problem, error
from helpcentre.core.yamldata import read_text

CATEGORIES_FILE = "data/categories.yml"
POPULARITY_FILE = "data/popularity.csv"
_ICON = re.compile(r"^(material|fontawesome/[a-z]+|octicons|simple)/[a-z0-9-]+$")


@dataclass(frozen=True)
class Category:
    key: str
    names: MappingProxyType  # lang -> displayed name
    descriptions: MappingProxyType  # lang -> one line
    icon: str
    contact: str | None
    order: int
    line: int  # where it is defined in data/categories.yml
    # lang -> the name as a sentence says it ("la Boutique MINI Connected"), where that differs from the name
    in_sentence: MappingProxyType = dataclasses.field(default_factory=lambda: MappingProxyType({}))
    review_every: Period | None = None  # how often its answers must be re-read (``reviews``)

    def name(self, lang: str) -> str:
        return self.names[lang]

    def name_in_sentence(self, lang: str) -> str:
        return self.in_sentence.get(lang, self.names[lang])

    def description(self, lang: str) -> str:
        return self.descriptions[lang]


def load_categories(root: Path) -> tuple[tuple[Category, ...], list[Problem]]:
    text, problems = read_text(root, CATEGORIES_FILE)
    if text is None:
        return (), problems
    data, problems = yamldata.load(CATEGORIES_FILE, text)
    if problems:
        return (), problems
    if not isinstance(data, list):
        return (), [error(CATEGORIES_FILE, 1, "expected a list of categories ('- key: ...')")]
    categories: list[Category] = []
    seen: set[str] = set()
    codes = languages.of(root).codes
    for order, item in enumerate(data):
        category, item_problems = _category(item, order, codes)
        problems += item_problems
        if category is None:
            continue
        if category.key in seen:
            problems.append(error(CATEGORIES_FILE, category.line, f"category key '{category.key}' is defined twice"))
            continue
        seen.add(category.key)
        categories.append(category)
    return tuple(categories), problems


def _category(item: object, order: int, codes: tuple[str, ...]) -> tuple[Category | None, list[Problem]]:
    path = CATEGORIES_FILE
    if not isinstance(item, yamldata.LineDict):
        return None, [error(path, 1, f"category #{order + 1} must be a mapping with key, icon, name and description")]
    line = item.line
    key = item.get("key")
    if not isinstance(key, str) or not yamldata.KEY.match(key):
        return None, [error(path, line, "a category needs a 'key' of lowercase words joined by hyphens")]
    problems: list[Problem] = []
    icon = item.get("icon", "material/help-circle-outline")
    if not isinstance(icon, str) or not _ICON.match(icon):
        problems.append(
            error(path, item.line_of("icon"), f"icon of '{key}' must look like material/storefront-outline")
        )
    texts = {}
    for field in ("name", "description"):
        value = item.get(field)
        if not isinstance(value, dict) or not all(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in codes
        ):
            problems.append(
                error(path, item.line_of(field), f"'{key}' needs a {field} in every language ({', '.join(codes)})")
            )
            continue
        texts[field] = MappingProxyType({lang: value[lang].strip() for lang in codes})
    in_sentence = item.get("name_in_sentence", {})
    if not isinstance(in_sentence, dict) or not all(
        lang in codes and isinstance(text, str) and text.strip() for lang, text in in_sentence.items()
    ):
        problems.append(
            error(
                path,
                item.line_of("name_in_sentence"),
                f"name_in_sentence of '{key}' maps languages ({', '.join(codes)}) to the name as a sentence"
                " says it, e.g. fr: la Boutique MINI Connected",
            )
        )
    contact = item.get("contact")
    if contact is not None and not isinstance(contact, str):
        problems.append(error(path, item.line_of("contact"), f"contact of '{key}' must be a contact key"))
        contact = None
    review_every = item.get("review_every")
    if review_every is not None and (review_every := parse_period(review_every)) is None:
        problems.append(
            error(
                path,
                item.line_of("review_every"),
                f"review_every of '{key}' must be a period such as 6 months (days, weeks, months or years)",
            )
        )
    if problems:
        return None, problems
    in_sentence = MappingProxyType({lang: text.strip() for lang, text in in_sentence.items()})
    category = Category(key, texts["name"], texts["description"], icon, contact, order, line, in_sentence)
    return dataclasses.replace(category, review_every=review_every), []


@dataclass(frozen=True)
class Popularity:
    views: MappingProxyType  # id -> views
    lines: MappingProxyType  # id -> line in data/popularity.csv


EMPTY_POPULARITY = Popularity(MappingProxyType({}), MappingProxyType({}))


def load_popularity(root: Path) -> tuple[Popularity, list[Problem]]:
    """View counts per article id. Unknown ids are checked against the catalogue by the caller."""
    text, problems = read_text(root, POPULARITY_FILE)
    if text is None:
        return EMPTY_POPULARITY, problems
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None or [h.strip().lower() for h in header[:2]] != ["id", "views"]:
        return EMPTY_POPULARITY, [error(POPULARITY_FILE, 1, "the first line must be the header 'id,views'")]
    views: dict[int, int] = {}
    lines: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        try:
            article_id, count = int(row[0]), int(row[1])
            if article_id <= 0 or count < 0:
                raise ValueError
        except (ValueError, IndexError):
            problems.append(
                error(POPULARITY_FILE, number, f"expected 'id,views' with two whole numbers, got '{','.join(row)}'")
            )
            continue
        if article_id in views:
            problems.append(error(POPULARITY_FILE, number, f"id {article_id} appears twice; keep one row per article"))
            continue
        views[article_id] = count
        lines[article_id] = number
    return Popularity(MappingProxyType(views), MappingProxyType(lines)), problems
