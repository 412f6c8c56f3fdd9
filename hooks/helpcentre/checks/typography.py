"""A language's typography, one rule for each sign, shared by ``make new`` (which writes it) and ``make check``
(which holds every article to it).

The rules are data (``typography:`` in ``data/languages/<lang>.yml``): the space each clause-ending sign wants
before it, and the space inside quote marks. French: a no-break space (U+00A0) before « : » and inside « »,
a narrow no-break space (U+202F) before « ; », « ! » and « ? ». Reads text and produces the text with the
rules applied (a new title), the offsets where a sign has the wrong kind of space, and the warnings
``make check`` prints for an article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpcentre.content.article import Article
from helpcentre.core.languages import Language, Typography
from helpcentre.core.problems import Problem, warning

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_THIN = "\u2009"
_SPACES = (NBSP, NARROW_NBSP, _THIN)
_NAMES = {NBSP: "a no-break space (U+00A0)", NARROW_NBSP: "a narrow no-break space (U+202F)", _THIN: "a thin space"}
_ANY_SPACE = "[ \u00a0\u202f\u2009]"
_LINK = re.compile(r"\]\(\s*<?([^)\s>\]]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Rules:
    """One language's typography compiled once: what ``apply``, ``wrong_spaces`` and ``check`` match."""

    before: dict[str, str]  # sign -> the space it wants before it
    quotes: tuple[str, str, str] | None  # open, close, the space inside
    text: str  # the rule as a writer reads it in a warning
    before_sign: re.Pattern  # a sign that ends a clause, after a word, a closing quote, ) or *, with any space
    opening: re.Pattern | None
    closing: re.Pattern | None
    wrong_space: re.Pattern  # a no-break space of the wrong kind for the sign beside it
    plain_space: re.Pattern  # an ordinary space before a sign
    at_end: re.Pattern  # a sign followed by a space or the end
    wordlike: re.Pattern  # what a sign follows when it ends a clause
    quote_space: re.Pattern | None  # a quote mark with an ordinary space, or none, inside


@functools.cache
def rules(typography: Typography) -> Rules:
    before = dict(typography.before)
    signs = re.escape("".join(before))
    quotes = typography.quotes
    close = re.escape(quotes[1]) if quotes else ""
    wrong = [f"[{''.join(s for s in _SPACES if s != want)}]{re.escape(sign)}" for sign, want in before.items()]
    if quotes:
        others = "".join(s for s in _SPACES if s != quotes[2])
        wrong += [f"{re.escape(quotes[0])}[{others}]", f"[{others}]{close}"]
    return Rules(
        before=before,
        quotes=quotes,
        text=_described(before, quotes),
        before_sign=re.compile(rf"(?<=[\w{close})*]){_ANY_SPACE}*([{signs}]+)(?=\s|$)"),
        opening=re.compile(rf"{re.escape(quotes[0])}{_ANY_SPACE}*") if quotes else None,
        closing=re.compile(rf"{_ANY_SPACE}*{close}") if quotes else None,
        wrong_space=re.compile("|".join(wrong)),
        plain_space=re.compile(rf" [{signs}]"),
        at_end=re.compile(rf"[{signs}](?=\s|$)"),
        wordlike=re.compile(rf"[\w{close})*]"),
        quote_space=re.compile(rf"{re.escape(quotes[0])} |{re.escape(quotes[0])}(?=\w)| {close}|(?<=\w){close}")
        if quotes
        else None,
    )


def _described(before: dict[str, str], quotes: tuple[str, str, str] | None) -> str:
    """ "use a no-break space (U+00A0) before : and inside « », a narrow no-break space (U+202F) before ; ! ?"."""
    parts = []
    for space in dict.fromkeys([*before.values(), *([quotes[2]] if quotes else [])]):
        signs = [sign for sign, want in before.items() if want == space]
        where = [f"before {' '.join(signs)}"] if signs else []
        where += [f"inside {quotes[0]} {quotes[1]}"] if quotes and quotes[2] == space else []
        parts.append(f"{_NAMES[space]} {' and '.join(where)}")
    return "use " + ", ".join(parts)


def apply(text: str, typography: Typography) -> str:
    """``text`` with the rule's space around each sign, whatever space (or none) it had."""
    found = rules(typography)
    text = found.before_sign.sub(lambda m: found.before[m.group(1)[0]] + m.group(1), text.strip())
    if found.quotes:
        text = found.opening.sub(found.quotes[0] + found.quotes[2], text)
        text = found.closing.sub(found.quotes[2] + found.quotes[1], text)
    return text


def wrong_spaces(text: str, typography: Typography) -> list[int]:
    """Offsets of each no-break space of the wrong kind for the sign beside it."""
    if not any(space in text for space in _SPACES):
        return []
    return [m.start() for m in rules(typography).wrong_space.finditer(text)]


def check(article: Article, prose: str, language: Language) -> list[Problem]:
    """Warnings for each sign of ``article``'s title and prose without the space its language wants."""
    if language.typography is None:
        return []
    found = rules(language.typography)
    label = f"{language.english_name} typography"
    problems = []
    if _misplaced(article.title, found, language.typography):
        problems.append(warning(article.path, article.line_of("title"), f"{label} in the title: {found.text}"))
    text = prose
    if "](" in text:  # link targets and an image's '!' are not prose
        text = _LINK.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), text).replace("![", " [")
    if "://" in text:
        text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    for start in _misplaced(text, found, language.typography):
        line = article.body_line + text.count("\n", 0, start)
        problems.append(warning(article.path, line, f"{label}: {found.text}"))
    return problems


def _misplaced(text: str, found: Rules, typography: Typography) -> list[int]:
    """Where a sign has an ordinary space, no space, or the wrong kind of space: one offset per finding."""
    starts = [m.start() for m in found.plain_space.finditer(text)]
    starts += [
        m.start() for m in found.at_end.finditer(text) if m.start() and found.wordlike.match(text, m.start() - 1)
    ]
    starts += [m.start() for m in found.quote_space.finditer(text)] if found.quote_space else []
    return starts + wrong_spaces(text, typography)
