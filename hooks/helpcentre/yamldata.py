"""Safe YAML loading that remembers where things are, so every complaint can name a line.

``load`` returns plain Python data whose mappings are ``LineDict``: a dict that also knows the line of
itself and of each key. Only the safe YAML subset is accepted (no Python object tags).
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem, error


class LineDict(dict):
    """A mapping from YAML that knows its own line and the line of each of its keys."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: str, default: int | None = None) -> int:
        return self.key_lines.get(key, self.line if default is None else default)


class _Loader(yaml.SafeLoader):
    first_line = 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    data = LineDict()
    data.line = loader.first_line + node.start_mark.line
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "mapping keys must be plain words", key_node.start_mark)
        key = str(key)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = loader.first_line + key_node.start_mark.line


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load(path: str, text: str, first_line: int = 1, what: str = "YAML") -> tuple[Any, list[Problem]]:
    """Parse ``text`` (which starts at ``first_line`` of ``path``); problems instead of exceptions."""
    loader = _Loader(text)
    loader.first_line = first_line
    try:
        return loader.get_single_data(), []
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is only noticed at the end: point at where it was opened.
        at_end = "end of stream" in (exc.problem or "")
        mark = (exc.context_mark if at_end else None) or exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = (exc.problem or exc.context or "malformed YAML").strip()
        if at_end and exc.context:
            reason = exc.context.strip()
        return None, [error(path, line, f"{what} is not valid YAML ({reason}); check quotes, colons and indentation")]
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        return None, [error(path, first_line, f"{what} could not be read ({type(exc).__name__}); simplify it")]
    finally:
        loader.dispose()


def line_of(data: Any, key: str, default: int) -> int:
    return data.line_of(key, default) if isinstance(data, LineDict) else default
