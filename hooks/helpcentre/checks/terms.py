"""Preferred terms per language: one name for the app, one for the financial-services brand, and so on.

Reads ``data/terms/<lang>.yml`` (``rejected form: preferred form`` lines; a language without a file has no
list) and produces ``Problem`` warnings for each rejected form in an article's title or answer, with the
file, the line and the form to write instead. Text in **bold** is what a screen shows and is not checked:
an interface label is quoted as it is, even in a rejected form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.content.catalogue import Article
from helpcentre.core import languages, yamldata
from helpcentre.core.problems import Problem, error, warning

_BOLD = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
# A link target; "]" cannot occur in one, so each try stops at the next "](" and the scan stays linear.
_LINK_TARGET = re.compile(r"\]\([^)\n\]]*\)")


def terms_file(lang: str) -> str:
    return f"data/terms/{lang}.yml"


@dataclass(frozen=True)
class Terms:
    """One language's list: the rejected forms, longest first, their preferred forms, and one pattern
    that finds any of them (alternative ``t<i>`` is ``rejected[i]``)."""

    lang: str
    rejected: tuple[str, ...]
    preferred: tuple[str, ...]
    pattern: re.Pattern | None

    def found(self, text: str) -> list[tuple[int, str, str]]:
        """(offset, form as written on one line, preferred form) of each rejected form: whole words, any case."""
        if self.pattern is None:
            return []
        return [
            (m.start(), " ".join(m.group(0).split()), self.preferred[int(m.lastgroup[1:])])
            for m in self.pattern.finditer(text)
        ]


def load_terms(root: Path) -> tuple[MappingProxyType, list[Problem]]:
    """lang -> Terms for each language with a list, and a problem for each line that is not 'form: form'."""
    found: dict[str, Terms] = {}
    problems: list[Problem] = []
    for lang in languages.of(root).codes:
        path = terms_file(lang)
        try:
            text = (root / path).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except UnicodeDecodeError:
            problems.append(error(path, 1, "file is not valid UTF-8; save it again with UTF-8 encoding"))
            continue
        data, yaml_problems = yamldata.load(path, text)
        problems += yaml_problems
        if yaml_problems or data is None:
            continue
        if not isinstance(data, yamldata.LineDict):
            problems.append(error(path, 1, "expected 'rejected form: preferred form' lines"))
            continue
        preferred = {}
        for rejected, better in data.items():
            if (
                not isinstance(rejected, str)
                or not isinstance(better, str)
                or not rejected.strip()
                or not better.strip()
            ):
                problems.append(
                    error(path, data.line_of(rejected), "expected 'rejected form: preferred form', both as text")
                )
                continue
            preferred[" ".join(rejected.split())] = better.strip()
        # Longest first, so that a longer rejected form wins over one it contains.
        rejected = tuple(sorted(preferred, key=len, reverse=True))
        found[lang] = Terms(lang, rejected, tuple(preferred[r] for r in rejected), _pattern(rejected))
    return MappingProxyType(found), problems


def _pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    """Each form as whole words, any run of spaces (a line break too) between its words, any case."""
    if not forms:
        return None
    alternatives = (rf"(?P<t{i}>" + r"\s+".join(map(re.escape, form.split())) + ")" for i, form in enumerate(forms))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def check(article: Article, prose: str, terms: Terms | None) -> list[Problem]:
    """A warning for each rejected form in the title or the answer (``prose``: the body, code blanked)."""
    if terms is None or terms.pattern is None:
        return []
    problems = []
    source = terms_file(article.lang)
    for _, written, better in terms.found(article.title):
        problems.append(
            warning(
                article.path,
                article.line_of("title"),
                f"'{written}' in the title is a rejected term: write '{better}' instead ({source})",
            )
        )

    def blank(match: re.Match) -> str:
        return " " * len(match.group(0))

    text = _LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), _BOLD.sub(blank, prose))
    for offset, written, better in terms.found(text):
        line = article.body_line + text.count("\n", 0, offset)
        problems.append(
            warning(article.path, line, f"'{written}' is a rejected term: write '{better}' instead ({source})")
        )
    return problems
