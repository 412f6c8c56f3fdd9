"""The languages the help centre is written in, and how each is written.

Reads the one list of languages, the i18n plugin's in the project's ``mkdocs.yml`` (their order, the
default, which are built), and each language's rules from ``data/languages/<code>.yml``: the counts that
take the singular, numbers, dates, hours, typography, the answer ``make new`` writes, the words search
leaves out, ``og:locale``. Produces one frozen ``Languages`` per project root, read once per process, or
problems naming the file, the line and the fix. No code anywhere branches on a language code.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcentre.core import yamldata
from helpcentre.core.problems import Problem, error

CONFIG_FILE = "mkdocs.yml"
LANGUAGE_DIR = "data/languages"
_FIX = "copy data/languages/en.yml to data/languages/{code}.yml and adapt it (README: Adding a language)"


@dataclass(frozen=True)
class Typography:
    """Spaces a language puts around signs (French: « a no-break space before : »); none in English."""

    before: tuple[tuple[str, str], ...]  # (a sign ending a clause (: ; ! ?), the space it wants before it)
    quotes: tuple[str, str, str] | None = None  # opening and closing quote marks and the space inside them


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # as the language calls itself (mkdocs.yml), for the language control
    english_name: str  # for writers' messages: "French typography: ..."
    locale: str  # og:locale of a shared link: en_US, fr_CA
    singular: frozenset[int]  # counts written with the singular: {1}; French {0, 1}
    group_separator: str  # 3,430 / 3 430
    first_day: str  # how day 1 of a month is written when not "1" (French: 1er)
    hour: str  # a time on the hour: "{h12}:{mm}\u00a0{ampm}", "{h}\u00a0h"
    hour_minutes: str  # a time with minutes
    am: str
    pm: str
    typography: Typography | None
    new_answer: str  # the answer ``make new`` writes, a placeholder until the writer replaces it
    stop_words: tuple[str, ...]  # words a search leaves out
    elisions: tuple[str, ...]  # l', d', qu': split off a word for search
    endings: tuple[str, ...] = ()  # plural endings (s, x): "phones" uses the synonyms of "phone"


@dataclass(frozen=True)
class Languages:
    languages: tuple[Language, ...]  # mkdocs.yml's order
    default: str

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def fallback_order(self) -> tuple[str, ...]:
        """Where a reader of a language without its own version of an article gets it from: the default
        language first, then the others in mkdocs.yml's order."""
        return (self.default, *(code for code in self.codes if code != self.default))

    def others(self, lang: str) -> tuple[str, ...]:
        """Every language but ``lang``, in fallback order."""
        return tuple(code for code in self.fallback_order if code != lang)

    def __getitem__(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def site_path(self, lang: str, rel_md: str) -> str:
        """Where a page of ``lang`` lands in site/: the default language at the root, others below /<lang>/."""
        html = rel_md[: -len(".md")] + ".html"
        return html if lang == self.default else f"{lang}/{html}"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its ``!ENV`` and ``!!python/name:`` values are not ours to build."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def of(root: Path) -> Languages:
    """The project's languages; problems in their files are reported by ``read`` (``make check``, the build)."""
    return read(root)[0]


@functools.cache
def _read(config: Path, mtimes: tuple[float, ...]) -> tuple[Languages, tuple[Problem, ...]]:
    root = config.parent
    listed, problems = _listed(config)
    languages = []
    for code, name in listed:
        language, language_problems = _language(root, code, name)
        problems += language_problems
        languages.append(language)
    default = next((code for code, _ in listed), "en")
    return Languages(tuple(languages), default), tuple(problems)


def project_config(root: Path) -> object:
    """mkdocs.yml as plain data (INHERIT followed), for the settings a command reads outside a build."""
    try:
        return _config((root / CONFIG_FILE).resolve())
    except (OSError, yaml.YAMLError):
        return {}


def read(root: Path) -> tuple[Languages, list[Problem]]:
    """Once per process and state of the files (a preview rereads what a writer saved)."""
    config = (root / CONFIG_FILE).resolve()
    stamps = tuple(p.stat().st_mtime if p.exists() else 0.0 for p in (config, *_data_files(root)))
    languages, problems = _read(config, stamps)
    return languages, list(problems)


def _data_files(root: Path) -> list[Path]:
    folder = root / LANGUAGE_DIR
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def _config(config: Path, depth: int = 0) -> object:
    """mkdocs.yml as MkDocs reads it: a file that names another with ``INHERIT`` is laid over it, mappings
    merged key by key, anything else (lists included) replaced, as MkDocs' own loader does."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    if isinstance(data, dict) and "INHERIT" in data and depth < 10:
        parent = _config((config.parent / str(data.pop("INHERIT"))).resolve(), depth + 1)
        return _merged(parent, data) if isinstance(parent, dict) else data
    return data


def _merged(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merged(merged[key], value) if both else value
    return merged


def _listed(config: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(code, name) of every language the i18n plugin builds, the default first."""
    try:
        data = _config(config)
    except (OSError, yaml.YAMLError) as exc:
        return [("en", "English")], [error(CONFIG_FILE, 1, f"cannot read the languages: {exc}")]
    plugins = data.get("plugins", []) if isinstance(data, dict) else []
    i18n = next((p["i18n"] for p in plugins if isinstance(p, dict) and isinstance(p.get("i18n"), dict)), None)
    entries = i18n.get("languages") if i18n else None
    if not isinstance(entries, list) or not entries:
        fix = "list them under plugins: - i18n: languages: (README: Adding a language)"
        return [("en", "English")], [error(CONFIG_FILE, 1, f"no languages: {fix}")]
    found = [
        (str(e["locale"]), str(e.get("name", e["locale"])), bool(e.get("default")))
        for e in entries
        if isinstance(e, dict) and e.get("locale") and e.get("build", True) is not False
    ]
    defaults = [entry for entry in found if entry[2]] or found[:1]
    return [(code, name) for code, name, _ in [*defaults, *(e for e in found if e not in defaults)]], []


_TEXT_FIELDS = ("english_name", "locale", "new_answer")


def _language(root: Path, code: str, name: str) -> tuple[Language, list[Problem]]:
    path = f"{LANGUAGE_DIR}/{code}.yml"
    text, problems = yamldata.read_text(root, path)
    if text is None:
        return _fallback(code, name), [
            error(path, 1, f"'{code}' is in {CONFIG_FILE} but has no rules; {_FIX.format(code=code)}")
        ]
    data, problems = yamldata.load(path, text)
    if problems or not isinstance(data, dict):
        return _fallback(code, name), problems or [
            error(path, 1, f"expected 'key: value' lines; {_FIX.format(code=code)}")
        ]
    missing = [key for key in (*_TEXT_FIELDS, "singular", "numbers", "dates", "hours", "search") if key not in data]
    if missing:
        return _fallback(code, name), [error(path, 1, f"missing {', '.join(missing)}; {_FIX.format(code=code)}")]
    try:
        return _parsed(code, name, data), []
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return _fallback(code, name), [error(path, 1, f"a rule is not of its kind ({exc}); compare with en.yml")]


def _parsed(code: str, name: str, data: Mapping) -> Language:
    hours, search, typography = data["hours"], data["search"], data.get("typography") or {}
    quotes = typography.get("quotes")
    return Language(
        code=code,
        name=name,
        english_name=str(data["english_name"]),
        locale=str(data["locale"]),
        singular=frozenset(int(n) for n in data["singular"]),
        group_separator=str(data["numbers"]["group_separator"]),
        first_day=str(data["dates"].get("first_day") or ""),
        hour=str(hours["on_the_hour"]),
        hour_minutes=str(hours["with_minutes"]),
        am=str(hours.get("am") or ""),
        pm=str(hours.get("pm") or ""),
        typography=Typography(
            before=tuple((str(k), str(v)) for k, v in (typography.get("space_before") or {}).items()),
            quotes=(str(quotes["open"]), str(quotes["close"]), str(quotes["space"])) if quotes else None,
        )
        if typography
        else None,
        new_answer=str(data["new_answer"]),
        stop_words=tuple(str(search.get("stop_words") or "").split()),
        elisions=tuple(str(e) for e in search.get("elisions") or ()),
        endings=tuple(str(e) for e in search.get("endings") or ()),
    )


def _fallback(code: str, name: str) -> Language:
    """A language whose rules could not be read: built as plain as can be while its problem is reported."""
    return Language(code, name, code, code, frozenset({1}), ",", "", "{h}:{mm}", "{h}:{mm}", "", "", None, "", (), ())
