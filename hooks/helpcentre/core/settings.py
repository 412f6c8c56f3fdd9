"""The help centre's settings: ``extra.helpcentre`` in mkdocs.yml, read once per build.

Reads the mapping MkDocs hands over and produces one frozen ``Settings``, with every default in this one
place; a value of the wrong kind is a ``Problem`` naming mkdocs.yml, the key and the fix.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from helpcentre.core.problems import Problem, error, shown

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    recommended_count: int = 20  # recommended articles under each answer
    full_answers_limit: int = 30  # a category with more articles lists teasers, not every answer in full
    # Articles per search bundle: Pagefind then holds about 240 MB, less than the MkDocs processes it follows
    # at that size. Each run also costs about a second of its own (in bundles of 1,000, indexing 3,000
    # articles a language took 9-10 s, in bundles of 1,500 6-8 s). See searchindex.
    search_shard_size: int = 1500
    general_contact: str = ""  # the contact key shown when the answer assistant finds no good answer
    helpful_endpoint: str = ""  # optional: receives {article, lang, answer}
    assistant_endpoint: str = ""  # optional: receives {question, lang}, replies {answer, ids} (README)
    # Optional: the feedback collector's address (collector/, `make feedback`), such as
    # https://feedback.example.com/collect. Unset, the pages send nothing anywhere.
    feedback_url: str = ""
    # The web editor at /admin/ (README: Editing in the browser); false leaves it out of the site.
    editor: bool = True
    editor_repo: str = ""  # the GitHub repository the editor saves to, as owner/name
    editor_branch: str = "main"  # the branch its pull requests go to
    editor_auth_url: str = ""  # the GitHub OAuth worker's address; empty: writers sign in with a token


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def read(extra: Mapping | None, lines: Mapping[str, int] | None = None) -> tuple[Settings, list[Problem]]:
    """``Settings`` from ``extra.helpcentre``; unknown keys and wrong kinds are problems (defaults kept)."""
    values, problems = {}, []
    lines = lines or {}
    for key, value in (extra or {}).items():
        where = lines.get(key, 1)
        field = _FIELDS.get(key)
        if field is None:
            known = ", ".join(_FIELDS)
            problems.append(error(CONFIG_FILE, where, f"extra.helpcentre.{shown(key)} is not a setting; use: {known}"))
        elif field.type == "int" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            problems.append(
                error(CONFIG_FILE, where, f"extra.helpcentre.{key} must be a whole number such as {field.default}")
            )
        elif field.type == "bool" and not isinstance(value, bool):
            problems.append(error(CONFIG_FILE, where, f"extra.helpcentre.{key} must be true or false"))
        elif field.type == "str" and not isinstance(value, str | None):
            problems.append(error(CONFIG_FILE, where, f"extra.helpcentre.{key} must be text, not {shown(value)}"))
        elif key == "feedback_url" and value and not _web_address(value):
            problems.append(
                error(
                    CONFIG_FILE,
                    where,
                    f"extra.helpcentre.feedback_url must be an http(s) address such as "
                    f"https://feedback.example.com/collect, not {shown(value)}",
                )
            )
        elif field.type == "bool":
            values[key] = value
        else:
            values[key] = value or field.default
    return Settings(**values), problems


def _web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in value)


def lines_in(config_text: str) -> dict[str, int]:
    """The line of each key under ``extra: helpcentre:`` in mkdocs.yml's text, so a message can name it."""
    lines, indent = {}, None
    for number, line in enumerate(config_text.splitlines(), start=1):
        stripped = line.lstrip()
        depth = len(line) - len(stripped)
        if indent is None:
            if stripped.startswith("helpcentre:") and depth > 0:
                indent = depth
        elif stripped and not stripped.startswith("#"):
            if depth <= indent:
                break
            key = stripped.split(":", 1)[0]
            lines.setdefault(key, number)
    return lines
