"""Which cars an answer is for, as readers see it: marks, the article's notice, the choice, and its styles.

Reads the catalogue's ``vehicles`` (data/vehicles.yml) and the language's strings, and produces the text of
an answer's mark ("For MINI with Operating System 9"), the notice at the top of an article for some cars
only (with its counterparts), the choice "Which MINI do you have?" every page offers, and the few CSS rules
that show, before the first paint, what the reader's choice means: the page's HTML is the same for every
reader; a script in the head sets ``data-hc-car`` on the root element from the browser's storage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.content.vehicles import Vehicles
from helpcentre.core.strings import Strings

STYLESHEET = "assets/hc/helpcentre.css"
_MARKER = "/*!cars*/"  # a comment the stylesheet minifier keeps (pages/minify.py)


@dataclass(frozen=True)
class Choice:
    key: str
    name: str  # as the reader picks it
    short: str  # as the header says it


@dataclass(frozen=True)
class Question:
    key: str  # the dimension
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class CarChoice:
    """What every page's "Which MINI do you have?" offers, in the page's language."""

    questions: tuple[Question, ...]
    explained_url: str  # the answer that tells the choices apart ("" when it does not exist)
    explained_title: str


@dataclass(frozen=True)
class Counterpart:
    cars: str  # its cars' short names: "MINI with Operating System 9"
    title: str
    url: str


@dataclass(frozen=True)
class CarsNotice:
    """The top of an article for some cars only: which, and the answers for the others."""

    cars: str  # the values, space-separated (data-hc-for)
    text: str
    counterparts: tuple[Counterpart, ...]


def named(applies_to: tuple[str, ...], vehicles: Vehicles, strings: Strings) -> str:
    """The cars' short names, joined: "MINI with Operating System 9"; "" for every car."""
    values = vehicles.values
    return strings("car.or").join(values[key].shorts[strings.lang] for key in applies_to if key in values)


def cars_text(applies_to: tuple[str, ...], vehicles: Vehicles, strings: Strings) -> str:
    """The mark of an answer for some cars ("For MINI with Operating System 9"), "" for every car."""
    cars = named(applies_to, vehicles, strings)
    return strings("car.for", cars=cars) if cars else ""


def choice(catalogue: Catalogue, strings: Strings, urls: dict[int, str]) -> CarChoice | None:
    vehicles = catalogue.vehicles
    if not vehicles.dimensions:
        return None
    lang = strings.lang
    questions = tuple(
        Question(d.key, tuple(Choice(v.key, v.names[lang], v.shorts[lang]) for v in d.values))
        for d in vehicles.dimensions
    )
    explained = next((d.explained_by for d in vehicles.dimensions if d.explained_by in urls), None)
    title = catalogue.shown(lang, explained).title if explained else ""
    return CarChoice(questions, urls.get(explained, "") if explained else "", title)


def notice(article: Article, catalogue: Catalogue, strings: Strings, urls: dict[int, str]) -> CarsNotice | None:
    vehicles = catalogue.vehicles
    known = [key for key in article.applies_to if key in vehicles.values]
    if not known:
        return None
    counterparts = []
    for other_id in article.counterpart:
        if other_id not in urls:
            continue
        other = catalogue.shown(strings.lang, other_id)
        # A counterpart for every car is, here, the answer for the cars this one is not for.
        cars = other.applies_to or tuple(s for key in known for s in vehicles.siblings(key))
        counterparts.append(Counterpart(named(cars, vehicles, strings), other.title, urls[other_id]))
    text = strings("car.notice", cars=named(tuple(known), vehicles, strings))
    return CarsNotice(" ".join(known), text, tuple(counterparts))


def rules(vehicles: Vehicles) -> str:
    """The CSS that depends on the values: the header names the reader's car; an answer for other cars shows
    "For other MINI" in place of its cars (the custom properties helpcentre.css reads)."""
    lines = []
    for key in vehicles.values:
        others = ",".join(
            f"[data-hc-car~={key}] [data-hc-for~={s}]:not([data-hc-for~={key}])" for s in vehicles.siblings(key)
        )
        lines.append(f"[data-hc-car~={key}] [data-car={key}]{{display:inline}}{others}{{--hc-o:inline;--hc-c:none}}")
    return "\n".join(lines) + "\n"


def stylesheet(site_dir: Path, vehicles: Vehicles) -> Iterator[tuple[str, str]]:
    """The site's stylesheet with the rules of ``vehicles`` after its own (written again on every build)."""
    path = site_dir / STYLESHEET
    if path.is_file():
        own = path.read_text(encoding="utf-8").split(_MARKER)[0].rstrip("\n")
        yield STYLESHEET, own + "\n" + _MARKER + "\n" + rules(vehicles)
