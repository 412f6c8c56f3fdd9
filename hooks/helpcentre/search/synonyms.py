"""Synonyms writers keep: ``data/synonyms/<lang>.yml``, groups of words or phrases that mean the same for our
readers (airbag / coussin gonflable, VIN / NIV, trunk / boot).

Reads each language's list (a YAML list of groups, each a list of words or short phrases) and produces a
``Synonyms`` lookup per language. ``expansions`` gives, for an article's text, the members of every group the
article uses that it does not use itself: the search record carries them, so a search for any member finds
the article, at no cost per query. A malformed list is a problem naming the file, the line and the fix.
Cost: one set intersection per article, then one lookup per word that starts a member of several words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from helpcentre.core import languages, yamldata
from helpcentre.core.problems import Problem, error, shown
from helpcentre.core.words import words
from helpcentre.core.yamldata import read_text
from helpcentre.search import actions as action_lists

MAX_PHRASE_WORDS = action_lists.MAX_PHRASE_WORDS  # one limit for a group's phrases and an action's words
_FIX = "write each group as a list of words or phrases on one line, like: - [refund, money back]"


def synonyms_file(lang: str) -> str:
    return f"data/synonyms/{lang}.yml"


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...]  # as written
    keys: tuple[tuple[str, ...], ...]  # each member's folded words joined by " ", as in by_phrase
    by_phrase: MappingProxyType  # folded words joined by " " -> group indexes
    single_words: frozenset[str]  # the members of one word
    phrase_starts: MappingProxyType  # first word of a member of several -> the most words such a member has
    elisions: tuple[str, ...] = ()  # the language's (l', d'): split off before words are compared
    actions: tuple[action_lists.Action, ...] = ()  # data/synonyms/<lang>.actions.yml, for the browser's ranking
    endings: tuple[str, ...] = ()  # the language's plural endings, longest first (data/languages/<lang>.yml)
    vocabulary: frozenset[str] = frozenset()  # every word of every member
    # base() of each token met so far: the words of a language's answers repeat, 6,000 answers ask for the same
    # few thousand, and the expansions of every answer are a third of the search records' time.
    _bases: dict[str, str] = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)

    def base(self, token: str) -> str:
        """``token`` as the lists write it: a plural ("phones", « téléphones ») whose singular is a word of a
        member is that word; any other token is itself."""
        if (known := self._bases.get(token)) is not None:
            return known
        self._bases[token] = found = self._base(token)
        return found

    def _base(self, token: str) -> str:
        if token in self.vocabulary:
            return token
        for ending in self.endings:
            stem = token[: -len(ending)]
            if token.endswith(ending) and len(stem) >= 2 and stem in self.vocabulary:
                return stem
        return token

    def expansions(self, text: str) -> tuple[str, ...]:
        """The members of the groups ``text`` uses (a member in the plural counts) that it does not contain
        itself, in list order."""
        tokens = [self.base(token) for token in words(text, self.elisions)]
        present = set(tokens)
        found = present & self.single_words  # in C: most words of an article start no member
        for i in _positions(tokens, present & self.phrase_starts.keys()):
            for n in range(2, self.phrase_starts[tokens[i]] + 1):
                if (phrase := " ".join(tokens[i : i + n])) in self.by_phrase:
                    found.add(phrase)
        used = {index for phrase in found for index in self.by_phrase[phrase]}
        return tuple(
            member
            for index in sorted(used)
            for member, key in zip(self.groups[index], self.keys[index], strict=True)
            if key not in found
        )


def _positions(tokens: list[str], starts: set[str]) -> list[int]:
    return [i for i, token in enumerate(tokens) if token in starts] if starts else []


EMPTY = Synonyms((), (), MappingProxyType({}), frozenset(), MappingProxyType({}))


def load_synonyms(root: Path) -> tuple[MappingProxyType, list[Problem]]:
    """lang -> Synonyms for every language (an empty list where a language has no file), with its actions
    (``actions``: none without a file), and the problems."""
    found, problems = {}, []
    langs = languages.of(root)
    for lang in langs.codes:
        path = synonyms_file(lang)
        elisions = langs[lang].elisions
        if not (root / path).exists():
            found[lang] = build((), elisions, langs[lang].endings)
            continue
        text, read_problems = read_text(root, path)
        problems += read_problems
        data, yaml_problems = yamldata.load(path, text) if text is not None else (None, [])
        problems += yaml_problems
        read_well = not (read_problems or yaml_problems)
        groups, group_problems = _groups(path, data, text or "", elisions) if read_well else ([], [])
        problems += group_problems
        found[lang] = build(groups, elisions, langs[lang].endings)
    for lang in langs.codes:
        actions, action_problems = action_lists.load(root, lang, langs[lang].elisions)
        problems += action_problems
        found[lang] = replace(found[lang], actions=actions)
    return MappingProxyType(found), problems


def build(groups: Iterable[tuple[str, ...]], elisions: tuple[str, ...] = (), endings: tuple[str, ...] = ()) -> Synonyms:
    groups = tuple(groups)
    keys = tuple(tuple(" ".join(words(member, elisions)) for member in group) for group in groups)
    by_phrase: dict[str, list[int]] = {}
    for index, group_keys in enumerate(keys):
        for key in group_keys:
            by_phrase.setdefault(key, []).append(index)
    starts: dict[str, int] = {}
    for phrase in by_phrase:
        first, *rest = phrase.split(" ")
        if rest:
            starts[first] = max(starts.get(first, 0), 1 + len(rest))
    phrases = MappingProxyType({k: tuple(v) for k, v in by_phrase.items()})
    single = frozenset(k for k in by_phrase if " " not in k)
    vocabulary = frozenset(word for phrase in by_phrase for word in phrase.split(" "))
    longest_first = tuple(sorted({words(e)[0] for e in endings if words(e)}, key=len, reverse=True))
    return Synonyms(groups, keys, phrases, single, MappingProxyType(starts), elisions, (), longest_first, vocabulary)


def _groups(
    path: str, data: object, text: str, elisions: tuple[str, ...]
) -> tuple[list[tuple[str, ...]], list[Problem]]:
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [error(path, 1, f"expected a list of groups; {_FIX}")]
    lines = action_lists.entry_lines(text)
    groups, problems, first_seen = [], [], {}
    for index, group in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(group, list) or not all(isinstance(m, str) and m.strip() for m in group):
            problems.append(error(path, line, f"group {index + 1} is not a list of words; {_FIX}"))
            continue
        members = tuple(" ".join(m.split()) for m in group)
        if len(members) < 2:
            problems.append(error(path, line, "a group needs two members or more; add a synonym or remove the line"))
            continue
        for member in members:
            key = " ".join(words(member, elisions))
            if not key or len(key.split(" ")) > MAX_PHRASE_WORDS:
                problems.append(
                    error(
                        path, line, f"'{shown(member)}' must be a word or a phrase of {MAX_PHRASE_WORDS} words at most"
                    )
                )
            elif key in first_seen and first_seen[key] != line:
                problems.append(
                    error(
                        path,
                        line,
                        f"'{shown(member)}' is already in the group on line {first_seen[key]}; merge the two",
                    )
                )
            first_seen.setdefault(key, line)
        groups.append(members)
    return groups, problems
