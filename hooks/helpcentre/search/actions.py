"""Actions readers ask for, kept beside the synonym lists: ``data/synonyms/<lang>.actions.yml``.

Reads one language's list (``- {action: delete, words: [delete, remove, erase], opposite: create}``) and produces
``Action`` values, or problems naming the file, the line and the fix. The build writes them into the language's
search rules (``spelling.rules_file``) for the browser's retrieval (``overrides/assets/hc/search/actions.js``):
an answer whose question carries the action a question asks for comes before one that only names the object,
and one whose question carries the opposite action never counts as asking the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpcentre.core import yamldata
from helpcentre.core.problems import Problem, error, shown
from helpcentre.core.words import words
from helpcentre.core.yamldata import read_text

MAX_PHRASE_WORDS = 4
_ENTRY_START = re.compile(r"^-(?:\s|$)", re.MULTILINE)
_FIX = "write each action on one line, like: - {action: delete, words: [delete, remove], opposite: create}"


def entry_lines(text: str) -> list[int]:
    """The line of each top-level list entry of a data file's ``text`` (the synonyms' too): one pass."""
    return [text.count("\n", 0, m.start()) + 1 for m in _ENTRY_START.finditer(text)]


def actions_file(lang: str) -> str:
    return f"data/synonyms/{lang}.actions.yml"


@dataclass(frozen=True)
class Action:
    name: str
    words: tuple[str, ...]  # as written
    opposites: tuple[int, ...] = ()  # indexes of the opposite actions, both ways

    def as_rule(self) -> dict:
        return {"action": self.name, "words": list(self.words), "opposites": list(self.opposites)}


def load(root: Path, lang: str, elisions: tuple[str, ...] = ()) -> tuple[tuple[Action, ...], list[Problem]]:
    """The actions of ``lang`` (none when it has no file), and the problems of its file."""
    path = actions_file(lang)
    if not (root / path).exists():
        return (), []
    text, problems = read_text(root, path)
    if text is None or problems:
        return (), problems
    data, problems = yamldata.load(path, text)
    if problems or data is None:
        return (), problems
    if not isinstance(data, list):
        return (), [error(path, 1, f"expected a list of actions; {_FIX}")]
    return _actions(path, data, text, elisions)


def _actions(path: str, data: list, text: str, elisions: tuple[str, ...]) -> tuple[tuple[Action, ...], list[Problem]]:
    lines = entry_lines(text)
    problems: list[Problem] = []
    entries: list[tuple[int, str, tuple[str, ...], str]] = []
    first_seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(entry, dict) or not set(entry) <= {"action", "words", "opposite"}:
            problems.append(error(path, line, f"entry {index + 1} is not an action; {_FIX}"))
            continue
        name, members, opposite = entry.get("action"), entry.get("words"), entry.get("opposite", "")
        if not isinstance(name, str) or not name.strip() or not isinstance(opposite, str):
            problems.append(error(path, line, f"an action has a name and may name its opposite; {_FIX}"))
            continue
        if not isinstance(members, list) or not members or not all(isinstance(m, str) and m.strip() for m in members):
            problems.append(error(path, line, f"'{shown(name)}' needs a list of words; {_FIX}"))
            continue
        for member in members:
            key = " ".join(words(member, elisions))
            if not key or len(key.split(" ")) > MAX_PHRASE_WORDS:
                too_long = f"'{shown(member)}' must be a word or a phrase of {MAX_PHRASE_WORDS} words at most"
                problems.append(error(path, line, too_long))
            elif key in first_seen and first_seen[key] != line:
                twice = f"'{shown(member)}' is already an action's word on line {first_seen[key]}; keep one"
                problems.append(error(path, line, twice))
            first_seen.setdefault(key, line)
        entries.append((line, name.strip(), tuple(" ".join(m.split()) for m in members), opposite.strip()))
    names = {name: i for i, (_, name, _, _) in enumerate(entries)}
    opposites: dict[int, set[int]] = {i: set() for i in range(len(entries))}
    for i, (line, name, _, opposite) in enumerate(entries):
        if not opposite:
            continue
        if opposite not in names or opposite == name:
            other = f"the opposite of '{shown(name)}' must be another action of this file, not '{shown(opposite)}'"
            problems.append(error(path, line, other))
            continue
        opposites[i].add(names[opposite])
        opposites[names[opposite]].add(i)
    found = tuple(Action(name, members, tuple(sorted(opposites[i]))) for i, (_, name, members, _) in enumerate(entries))
    return found, problems
