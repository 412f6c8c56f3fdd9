"""Safe YAML loading that remembers where things are, so every complaint can name a line.

``load`` returns plain Python data whose mappings are ``LineDict``: a dict that also knows the line of
itself and of each key. Only the safe YAML subset is accepted (no Python object tags), and hostile input
is bounded before it is built: nesting depth, the number of values once aliases are expanded (a
"billion laughs" is refused, not built), loops of aliases, very long numbers and control characters
(raw or written as escapes) are all refused with the line they are on.

libyaml's C parser reads the text and composes its nodes (PyYAML's pure-Python scanner was most of the
hooks' time at 3,000 articles); libyaml stops nesting at 1,000 levels, and ``_measure`` refuses anything
past the limits above before the Python constructor builds a value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
import yaml.cyaml

from helpcentre.core.problems import Problem, error

# The form of a key writers give things in data/ (a category, a contact): lowercase words joined by '-'.
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_DEPTH = 50  # levels of nested lists and mappings, aliases included
MAX_NODES = 100_000  # values once every alias is expanded
MAX_NUMBER_CHARS = 100  # an integer written with more characters is refused before it is converted


class LineDict(dict):
    """A mapping from YAML that knows its own line and the line of each of its keys."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: str, default: int | None = None) -> int:
        return self.key_lines.get(key, self.line if default is None else default)


class _Refused(yaml.MarkedYAMLError):
    """Well-formed YAML we will not build; ``problem`` says why and what to do."""


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what YAML does not allow in its text


class _Loader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """Nodes from libyaml (``CParser``: it stops nesting at 1,000 levels, so its composer's recursion is
    bounded); values from the Python constructor, once ``_measure`` has bounded what the nodes expand to."""

    def __init__(self, text: str, first_line: int = 1):
        self.text = text
        self.first_line = first_line
        if (bad := _NON_PRINTABLE.search(text)) is not None:
            # Checked up front, as PyYAML's own reader does, so the message can name the character and its line.
            raise yaml.reader.ReaderError("", bad.start(), ord(bad.group()), "utf-8", "special characters")
        yaml.cyaml.CParser.__init__(self, text)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def file_line(self, mark: yaml.Mark | None) -> int:
        """The file line of ``mark``. Only '\\n' ends a line, as in editors and the rest of the package:
        YAML also breaks lines at U+0085, U+2028 and U+2029, so its own line numbers can run ahead."""
        if mark is None:
            return self.first_line
        return self.first_line + self.text.count("\n", 0, max(0, min(mark.index, len(self.text))))

    # -- composing: bounded before anything is built -------------------------------------------------
    def get_single_node(self):
        node = super().get_single_node()
        if node is not None:
            _measure(node, {}, set())
        return node

    # -- constructing ----------------------------------------------------------------------------------
    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as exc:
            # e.g. a date that does not exist (2026-02-30): name its line rather than fail later.
            reason = str(exc) or type(exc).__name__
            raise yaml.constructor.ConstructorError(None, None, reason, node.start_mark) from None
        except (KeyError, AttributeError):
            # PyYAML's own constructors fail this way on an explicit tag whose value they cannot read
            # (``!!bool maybe``, ``!!timestamp nope``): name the line and the tag.
            tag = "!!" + node.tag.rsplit(":", 1)[-1]
            raise _Refused(None, None, f"has a {tag} value that is not one; remove the tag", node.start_mark) from None

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if isinstance(value, str) and (bad := _NON_PRINTABLE.search(value)):
            # Escapes such as "\0", "\x01" or "\ud800" let in what the reader refuses in raw text.
            raise _Refused(
                None, None, f"contains {_char(bad.group())}, which is not allowed; remove it", node.start_mark
            )
        return value

    def construct_yaml_int(self, node):
        if len(str(node.value)) > MAX_NUMBER_CHARS:
            raise _Refused(
                None,
                None,
                f"has a number longer than {MAX_NUMBER_CHARS} characters; quote it or shorten it",
                node.start_mark,
            )
        value = super().construct_yaml_int(node)
        if abs(value) >= 10**MAX_NUMBER_CHARS:  # sexagesimal (1:2:3) or hexadecimal numbers grow fast
            raise _Refused(None, None, f"has a number with more than {MAX_NUMBER_CHARS} digits", node.start_mark)
        return value


def _char(char: str) -> str:
    return f"the character U+{ord(char):04X}"


def _measure(
    node: yaml.Node, sizes: dict[int, tuple[int, int]], open_nodes: set[int], level: int = 1
) -> tuple[int, int]:
    """(values, depth) of ``node`` with every alias expanded; refuses loops, bombs and deep nesting.

    Memoised per node, so it costs one visit per node however often aliases repeat it. ``level`` is how
    deep ``node`` sits: nesting is refused on the way down, so the recursion never goes past MAX_DEPTH.
    """
    key = id(node)
    if level > MAX_DEPTH or (key in sizes and level + sizes[key][1] - 1 > MAX_DEPTH):
        raise _Refused(None, None, f"is nested more than {MAX_DEPTH} levels deep; flatten it", node.start_mark)
    if key in sizes:
        return sizes[key]
    if key in open_nodes:
        raise _Refused(None, None, "has an alias inside the value it refers to; remove the loop", node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        sizes[key] = (1, 1)
        return sizes[key]
    open_nodes.add(key)
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    total, depth = 1, 1
    for child in children:
        child_total, child_depth = _measure(child, sizes, open_nodes, level + 1)
        total += child_total
        depth = max(depth, child_depth + 1)
        if total > MAX_NODES:
            raise _Refused(
                None,
                None,
                f"expands to more than {MAX_NODES:,} values through aliases (*name); write the values out instead",
                node.start_mark,
            )
    open_nodes.discard(key)
    sizes[key] = (total, depth)
    return sizes[key]


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    data = LineDict()
    data.line = loader.file_line(node.start_mark)
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "mapping keys must be plain words", key_node.start_mark)
        key = str(key)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = loader.file_line(key_node.start_mark)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


# What libyaml's scanner refuses before our composer sees it, said as the composer would say it.
_LIBYAML_REFUSALS = {
    # deep brackets, stopped at 1,000 levels while scanning, before the composer counts to MAX_DEPTH
    "exceeded maximum nesting depth": f"is nested more than {MAX_DEPTH} levels deep; flatten it",
    "found invalid Unicode character escape code": "has an escape (\\u...) that is not a character; remove it",
}


def load(path: str, text: str, first_line: int = 1, what: str = "YAML") -> tuple[Any, list[Problem]]:
    """Parse ``text`` (which starts at ``first_line`` of ``path``); problems instead of exceptions."""
    try:
        loader = _Loader(text, first_line)
    except yaml.reader.ReaderError as exc:
        line = first_line + text.count("\n", 0, max(0, exc.position))
        char = _char(chr(exc.character)) if isinstance(exc.character, int) else "a character"
        return None, [error(path, line, f"{what} contains {char}, which YAML does not allow; remove it")]
    try:
        return loader.get_single_data(), []
    except _Refused as exc:
        return None, [error(path, loader.file_line(exc.problem_mark), f"{what} {exc.problem}")]
    except yaml.MarkedYAMLError as exc:
        if refusal := _LIBYAML_REFUSALS.get(exc.problem or ""):
            return None, [error(path, loader.file_line(exc.problem_mark), f"{what} {refusal}")]
        # An unclosed quote or bracket is only noticed at the end: point at where it was opened.
        at_end = "end of stream" in (exc.problem or "")
        mark = (exc.context_mark if at_end else None) or exc.problem_mark or exc.context_mark
        reason = (exc.problem or exc.context or "malformed YAML").strip()
        if at_end and exc.context:
            reason = exc.context.strip()
        message = f"{what} is not valid YAML ({reason}); check quotes, colons and indentation"
        return None, [error(path, loader.file_line(mark), message)]
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        return None, [error(path, first_line, f"{what} could not be read ({type(exc).__name__}); simplify it")]
    finally:
        loader.dispose()


def line_of(data: Any, key: str, default: int) -> int:
    return data.line_of(key, default) if isinstance(data, LineDict) else default


def read_text(root: Path, rel: str) -> tuple[str | None, list[Problem]]:
    try:
        return (root / rel).read_text(encoding="utf-8"), []
    except FileNotFoundError:
        return None, [error(rel, 1, f"{rel} is missing; restore it from the repository")]
    except UnicodeDecodeError:
        return None, [error(rel, 1, "file is not valid UTF-8; save it again with UTF-8 encoding")]
