"""Which cars an answer is for: the dimensions of ``data/vehicles.yml`` and the checks of ``applies_to``.

Reads ``data/vehicles.yml`` (each dimension a question about the car, its values named in every language)
and produces a frozen ``Vehicles``; checks every article's ``applies_to`` against it (an unknown value, with
the values to use) and ``counterpart`` across articles (an id that exists, named back by its counterpart,
twins that agree). Knows nothing of pages: ``pages.views`` turns this into marks and notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.core import yamldata
from helpcentre.core.problems import Problem, error, shown, warning

VEHICLES_FILE = "data/vehicles.yml"


@dataclass(frozen=True)
class Value:
    key: str
    dimension: str
    names: MappingProxyType  # lang -> the choice as readers pick it
    shorts: MappingProxyType  # lang -> the car as a mark names it


@dataclass(frozen=True)
class Dimension:
    key: str
    values: tuple[Value, ...]
    explained_by: int | None  # the answer that tells the values apart


@dataclass(frozen=True)
class Vehicles:
    dimensions: tuple[Dimension, ...] = ()

    @property
    def values(self) -> MappingProxyType:
        return MappingProxyType({v.key: v for d in self.dimensions for v in d.values})

    def siblings(self, key: str) -> tuple[str, ...]:
        """The other values of ``key``'s dimension: a reader who chose ``key`` has none of them."""
        dimension = self.values[key].dimension
        return tuple(v.key for d in self.dimensions if d.key == dimension for v in d.values if v.key != key)

    def holds(self, applies_to: Iterable[str], chosen: Iterable[str]) -> bool:
        """Whether an answer for ``applies_to`` holds for a car with the ``chosen`` values: in every
        dimension the answer names, it names the reader's value (or the reader did not say)."""
        applies_to = set(applies_to)
        return all(key in applies_to or not applies_to & set(self.siblings(key)) for key in chosen)


NO_VEHICLES = Vehicles()


def load(root: Path, codes: tuple[str, ...]) -> tuple[Vehicles, list[Problem]]:
    """The dimensions; a project without the file has none (every answer is for every car)."""
    if not (root / VEHICLES_FILE).exists():
        return NO_VEHICLES, []
    text, problems = yamldata.read_text(root, VEHICLES_FILE)
    if text is None:
        return NO_VEHICLES, problems
    data, problems = yamldata.load(VEHICLES_FILE, text)
    if problems:
        return NO_VEHICLES, problems
    if not isinstance(data, list):
        return NO_VEHICLES, [error(VEHICLES_FILE, 1, "expected a list of dimensions ('- key: system')")]
    dimensions, seen = [], set()
    for item in data:
        dimension, item_problems = _dimension(item, codes, seen)
        problems += item_problems
        if dimension is not None:
            dimensions.append(dimension)
    return (NO_VEHICLES if problems else Vehicles(tuple(dimensions))), problems


def _dimension(item: object, codes: tuple[str, ...], seen: set[str]) -> tuple[Dimension | None, list[Problem]]:
    if not isinstance(item, yamldata.LineDict) or not _key(item.get("key")):
        line = item.line if isinstance(item, yamldata.LineDict) else 1
        return None, [error(VEHICLES_FILE, line, "a dimension needs a 'key' of lowercase words joined by hyphens")]
    key, problems = item["key"], []
    explained_by = item.get("explained_by")
    if explained_by is not None and (not isinstance(explained_by, int) or isinstance(explained_by, bool)):
        problems.append(error(VEHICLES_FILE, item.line_of("explained_by"), "explained_by must be an article id"))
    raw = item.get("values")
    if not isinstance(raw, list) or len(raw) < 2:
        return None, [error(VEHICLES_FILE, item.line_of("values"), f"dimension '{key}' needs two values or more")]
    values = []
    for value in raw:
        if not isinstance(value, yamldata.LineDict) or not _key(value.get("key")):
            problems.append(error(VEHICLES_FILE, item.line_of("values"), "each value needs a 'key' like os9"))
            continue
        if value["key"] in seen:
            problems.append(error(VEHICLES_FILE, value.line, f"value '{value['key']}' is defined twice"))
        seen.add(value["key"])
        texts = {}
        for field in ("name", "short"):
            text = value.get(field)
            if not isinstance(text, dict) or not all(isinstance(text.get(c), str) and text[c].strip() for c in codes):
                problems.append(
                    error(
                        VEHICLES_FILE,
                        value.line_of(field),
                        f"value '{value['key']}' needs a {field} in every language ({', '.join(codes)})",
                    )
                )
                continue
            texts[field] = MappingProxyType({c: text[c].strip() for c in codes})
        if len(texts) == 2:
            values.append(Value(value["key"], key, texts["name"], texts["short"]))
    return Dimension(key, tuple(values), explained_by), problems


def _key(value: object) -> bool:
    return isinstance(value, str) and bool(yamldata.KEY.match(value))


def check(articles: dict, vehicles: Vehicles, by_lang_order: tuple[str, ...]) -> list[Problem]:
    """``applies_to`` values that exist, counterparts that exist and name each other back, twins that agree."""
    problems = []
    known = vehicles.values
    for article in articles.values():
        for value in article.applies_to:
            if value not in known:
                use = ", ".join(known) or "none yet: add the value to " + VEHICLES_FILE
                problems.append(
                    error(
                        article.path,
                        article.line_of("applies_to"),
                        f"applies_to '{shown(value)}' is not a value of {VEHICLES_FILE}; use one of: {use} "
                        "(or leave applies_to out: the answer is then for every car)",
                    )
                )
        problems += _counterparts(article, articles)
    problems += _twins(articles, by_lang_order)
    return problems


def _counterparts(article, articles: dict) -> list[Problem]:
    problems, line = [], article.line_of("counterpart")
    for other_id in article.counterpart:
        other = articles.get((article.lang, other_id))
        if other_id == article.id:
            problems.append(error(article.path, line, f"counterpart names the article itself ({other_id}); remove it"))
        elif other is None:
            if not any(article_id == other_id for _, article_id in articles):
                problems.append(error(article.path, line, f"counterpart {other_id} does not exist; fix the id"))
        elif article.id not in other.counterpart:
            problems.append(
                error(
                    other.path,
                    other.line_of("counterpart"),
                    f"{article.path} names {other_id} as its counterpart; name it back: add {article.id} "
                    f"to counterpart (counterpart: [{', '.join(map(str, (*other.counterpart, article.id)))}])",
                )
            )
        elif not article.applies_to and not other.applies_to:
            problems.append(
                warning(
                    article.path,
                    line,
                    f"counterpart {other_id}: neither answer says which cars it is for; add applies_to to one",
                )
            )
    return problems


def _twins(articles: dict, order: tuple[str, ...]) -> list[Problem]:
    problems = []
    for (_lang, article_id), article in sorted(articles.items(), key=lambda item: (item[0][1], item[0][0])):
        source = next((articles[(o, article_id)] for o in order if (o, article_id) in articles), article)
        if source is article:
            continue
        for key in ("applies_to", "counterpart"):
            if set(getattr(article, key)) != set(getattr(source, key)):
                problems.append(
                    warning(
                        article.path,
                        article.line_of(key) if key in article.lines else 1,
                        f"{key} [{', '.join(map(str, getattr(article, key)))}] differs from "
                        f"[{', '.join(map(str, getattr(source, key)))}] in {source.path}; "
                        "twins answer for the same cars",
                    )
                )
    return problems
