"""Interface strings: one table per language (data/i18n/<lang>.yml) with dotted keys.

Produces ``Strings`` lookups; every visible string of the site comes from here, so a missing key is a
build error naming the file, not an English word leaking into a French page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.core import languages, yamldata
from helpcentre.core.languages import Language
from helpcentre.core.problems import Problem, error
from helpcentre.core.yamldata import read_text


def strings_file(lang: str) -> str:
    return f"data/i18n/{lang}.yml"


class MissingString(KeyError):
    pass


@dataclass(frozen=True)
class Strings:
    lang: str
    table: MappingProxyType
    language: Language  # how the language writes numbers, dates, hours and plurals (data/languages/<lang>.yml)

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise MissingString(f"{strings_file(self.lang)}: no string '{key}'; add it to every language") from None
        return text.format(**values) if values else text

    def plural(self, key: str, count: int) -> str:
        """``key.one`` for the counts the language writes with the singular (1; 0 too in French), ``key.other``
        otherwise; ``{n}`` is the count."""
        one = count in self.language.singular
        return self(f"{key}.{'one' if one else 'other'}", n=count)


def load_strings(root: Path) -> tuple[MappingProxyType, list[Problem]]:
    """lang -> Strings; every language must define exactly the keys the default language defines."""
    tables: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    langs = languages.of(root)
    for lang in langs.codes:
        path = strings_file(lang)
        text, file_problems = read_text(root, path)
        problems += file_problems
        if text is None:
            continue
        data, yaml_problems = yamldata.load(path, text)
        problems += yaml_problems
        if yaml_problems:
            continue
        if not isinstance(data, yamldata.LineDict) or not all(isinstance(v, str) for v in data.values()):
            problems.append(error(path, 1, "expected 'dotted.key: text' lines with text values"))
            continue
        tables[lang] = dict(data)
        problems += _compare_keys(path, data, tables.get(langs.default, data), strings_file(langs.default))
    found = {lang: Strings(lang, MappingProxyType(t), langs[lang]) for lang, t in tables.items()}
    return MappingProxyType(found), problems


def _compare_keys(path: str, table: yamldata.LineDict, reference: dict, reference_path: str) -> list[Problem]:
    problems = [
        error(path, 1, f"string '{key}' is missing; translate it from {reference_path}")
        for key in reference
        if key not in table
    ]
    problems += [
        error(
            path,
            table.line_of(key),
            f"string '{key}' is not in {reference_path}; add it there or remove it",
        )
        for key in table
        if key not in reference
    ]
    return problems
