"""The search-quality query sets as frozen data (`make bench-search`, issue 16).

Reads ``benchmarks/search/<lang>.yml``: a mapping of set name to a list of ``{q: "...", expect: [ids]}``
(``{q: "..."}`` in ``nothing``). Produces ``Query`` values in file order. A malformed file stops with a
``QuerySetError`` naming the file, the line and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

SETS_DIR = Path(__file__).resolve().parent / "search"
# The order of the report's tables. `nothing` holds questions the site cannot answer; `actions` (issue 31),
# questions that ask for an action (delete, turn off) where an answer with its opposite (create) is near.
SETS: tuple[str, ...] = ("questions", "actions", "typos", "synonyms", "accentless", "nothing")
UNANSWERABLE = "nothing"


@dataclass(frozen=True)
class Query:
    lang: str
    set: str
    q: str
    expect: tuple[int, ...]  # article ids, any of which is a right answer; empty in `nothing`

    @property
    def answerable(self) -> bool:
        return self.set != UNANSWERABLE


class QuerySetError(ValueError):
    pass


def _fail(path: Path, node: yaml.Node, message: str) -> QuerySetError:
    return QuerySetError(f"{path}:{node.start_mark.line + 1}: {message}")


def _entry(path: Path, lang: str, name: str, node: yaml.Node) -> Query:
    example = '{q: "money back"}' if name == UNANSWERABLE else '{q: "money back", expect: [1001]}'
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"each entry of `{name}` is a mapping such as {example}")
    fields = {key.value: value for key, value in node.value}
    allowed = {"q"} if name == UNANSWERABLE else {"q", "expect"}
    if set(fields) != allowed:
        raise _fail(path, node, f"an entry of `{name}` has exactly the keys {sorted(allowed)}: write {example}")
    text = fields["q"]
    if not isinstance(text, yaml.ScalarNode) or not str(text.value).strip():
        raise _fail(path, text, 'the query `q` is a non-empty string, e.g. q: "money back"')
    expect: tuple[int, ...] = ()
    if "expect" in fields:
        ids = fields["expect"]
        if not isinstance(ids, yaml.SequenceNode) or not ids.value:
            raise _fail(path, ids, "`expect` lists the article ids that answer the query, e.g. expect: [1001]")
        for item in ids.value:
            if not (isinstance(item, yaml.ScalarNode) and item.value.isdigit()):
                raise _fail(path, item, f"`expect` holds article ids (numbers), not {item.value!r}")
        expect = tuple(int(item.value) for item in ids.value)
    return Query(lang, name, str(text.value).strip(), expect)


def load(lang: str, sets: tuple[str, ...] = SETS, limit: int | None = None, folder: Path = SETS_DIR) -> list[Query]:
    """The queries of ``lang`` in ``sets`` (at most ``limit`` of each, the first ones), in file order."""
    path = folder / f"{lang}.yml"
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", -1) + 1
        raise QuerySetError(f"{path}:{line}: not valid YAML ({getattr(error, 'problem', error)})") from None
    except OSError as error:
        raise QuerySetError(f"{path}: cannot read the query sets ({error.strerror})") from None
    if not isinstance(root, yaml.MappingNode):
        raise QuerySetError(f"{path}:1: the file is a mapping of set names ({', '.join(SETS)}) to lists of queries")
    found: dict[str, list[Query]] = {}
    for key, value in root.value:
        if key.value not in SETS:
            raise _fail(path, key, f"unknown set `{key.value}`: the sets are {', '.join(SETS)}")
        if not isinstance(value, yaml.SequenceNode):
            raise _fail(path, value, f"`{key.value}` is a list of queries (`[]` when it has none)")
        found[key.value] = [_entry(path, lang, key.value, item) for item in value.value]
    missing = [name for name in SETS if name not in found]
    if missing:
        raise QuerySetError(f"{path}:1: add the sets {', '.join(missing)} (`name: []` when a set has no queries)")
    return [query for name in sets for query in found[name][:limit]]
