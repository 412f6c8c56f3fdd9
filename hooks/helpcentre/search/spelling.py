"""Spelling data for search: the words a language's index holds and how often, so that the browser can
correct a word that matches nothing to the nearest indexed word (``overrides/assets/hc/search/spelling.js``).

Reads the text each indexed article is found by (question, tags, answer, synonyms) and produces small JSON
files, one per first letter (accents folded): ``pagefind/words-<lang>/<letter>.json``, a list of
``[word, count]`` as most often written, most frequent first. A search without typos fetches none of them; a
word that needs correcting fetches its first and second letters' files. Words of fewer than
``MIN_LETTERS`` letters are never corrected and left out. Cost: one pass over the words of every article.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from helpcentre.core.words import fold

MIN_LETTERS = 4
LETTERS = (*"abcdefghijklmnopqrstuvwxyz", "0")  # "0": words that start with a digit or another sign
RULES = "language"  # the file of the language's stop words and elisions, beside the letters' files
# What is not read as words: link targets, HTML tags, attribute lists and [[contact ...]] markers.
_LONG_WORD = re.compile(rf"[^\W_]{{{MIN_LETTERS},}}")  # words of MIN_LETTERS letters or more
_NOT_TEXT = re.compile(r"\]\([^)\n]*\)|<[^>\n]*>|\{[^}\n]*\}|\[\[[^\]\n]*\]\]")


def folder(lang: str) -> str:
    return f"pagefind/words-{lang}"


def vocabulary(texts: Iterable[str], elisions: tuple[str, ...] = ()) -> Counter:
    """How often each word (as written, lowercase) occurs in ``texts``; Markdown and HTML markup skipped.
    All the texts in one pass of regular expressions (in C): a pass a text cost half a second at 3,000."""
    counts = Counter(_LONG_WORD.findall(_NOT_TEXT.sub(" ", "\n".join(texts)).lower()))
    for elided in elisions:  # « jusqu'à »: the word is « à », not « jusqu »
        counts.pop(elided, None)
    return counts


def files(lang: str, counts: Counter) -> Iterator[tuple[str, str]]:
    """(site-relative path, JSON) of each first letter's file: one entry per folded word, written the way
    it is written most often, its count summed over its spellings."""
    by_folded: dict[str, Counter] = {}
    for word, count in counts.items():
        by_folded.setdefault(fold(word), Counter())[word] = count
    by_letter: dict[str, list[tuple[str, int]]] = {}
    for folded, spellings in by_folded.items():
        shown = min(spellings, key=lambda w: (-spellings[w], w))
        key = folded[0] if folded[0] in LETTERS else "0"
        by_letter.setdefault(key, []).append((shown, sum(spellings.values())))
    for key in LETTERS:  # every letter has its file, empty or not: a lookup never meets a 404
        entries = sorted(by_letter.get(key, ()), key=lambda e: (-e[1], e[0]))
        yield f"{folder(lang)}/{key}.json", json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


def rules_file(
    lang: str,
    stop_words: tuple[str, ...],
    elisions: tuple[str, ...],
    actions: tuple[dict, ...] = (),
    endings: tuple[str, ...] = (),
) -> tuple[str, str]:
    """(site-relative path, JSON) of what the browser's search needs of the language beside its spelling data:
    the words it leaves out of a query and the elisions it splits off (``search/text.js``), the actions readers
    ask for (``search/actions.js``: ``{action, words, opposites}``, opposites by index), and the plural endings
    (``search/retrieval.js``: "IDs" in a query is "ID" in a question)."""
    rules = {"stop": list(stop_words), "elisions": list(elisions), "actions": list(actions), "endings": list(endings)}
    return f"{folder(lang)}/{RULES}.json", json.dumps(rules, ensure_ascii=False, separators=(",", ":"))
