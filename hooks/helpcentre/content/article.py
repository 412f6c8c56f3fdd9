"""One article as its file says it: front matter and answer, read and checked field by field.

Reads one Markdown file's bytes (``docs/<lang>/<category>/<slug>.md``) and produces a frozen ``Article``, or
``Problem`` values naming the file, the line and the fix. Knows nothing of other articles: references and
twins are checked by ``crosschecks`` once every file is read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from types import MappingProxyType

from helpcentre.content import frontmatter
from helpcentre.core.problems import Problem, error, errors_in, warning
from helpcentre.core.problems import shown as _short

KNOWN_KEYS = frozenset(
    {
        "id",
        "title",
        "category",
        "tags",
        "related",
        "contact",
        "updated",
        "aliases",
        "translation_of",
        "untranslated",
        "reviewed",
        "owner",
    }
)
MAX_RELATED = 50
MAX_TAGS = 20
MAX_TITLE = 120
MAX_ID = 999_999_999
# A writer places a contact block anywhere in an answer with a line of its own: [[contact mini-assist]]
CONTACT_MARKER = re.compile(r"^\[\[contact ([^\]\s]*)\]\][ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    id: int
    lang: str
    rel_path: str  # the same in both languages: "my-account/forgot-password.md"
    title: str
    category: str
    body: str
    body_line: int
    tags: tuple[str, ...] = ()
    related: tuple[int, ...] = ()
    contact: str | None = None
    updated: dt.date | None = None
    aliases: tuple[str, ...] = ()
    translation_of: str | None = None
    untranslated: bool = False
    lines: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    reviewed: dt.date | None = None  # when an editor last re-read the answer (never shown to readers)
    owner: str | None = None  # who re-reads it (never shown to readers)
    expanded: str | None = None  # the body with its snippets' text in place, set by the catalogue

    @property
    def path(self) -> str:
        return f"docs/{self.lang}/{self.rel_path}"

    @property
    def full_body(self) -> str:
        """The answer as readers get it: with the text of its snippets in place of their markers."""
        return self.body if self.expanded is None else self.expanded

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def digest(self) -> str:
        """Short hash of what a translator translates (question and answer, snippets included, not the
        metadata): editing a snippet makes the translations of the articles that place it out of date."""
        return source_digest(self.title, self.full_body)


def source_digest(title: str, body: str) -> str:
    return hashlib.sha256(f"{title.strip()}\n{body.strip()}".encode()).hexdigest()[:12]


def read_article(lang: str, rel_path: str, raw: bytes, docs_dir: str = "docs") -> tuple[Article | None, list[Problem]]:
    path = f"{docs_dir}/{lang}/{rel_path}"
    text, problems = frontmatter.decode(path, raw)
    if text is None:
        return None, problems
    source, problems = frontmatter.parse(path, text)
    if problems:
        return None, problems
    meta, lines = source.meta, source.lines

    def line(key: str) -> int:
        return lines.get(key, 1)

    if rel_path == "index.md" or rel_path.endswith("/index.md") or rel_path.count("/") != 1:
        where = (
            "the home page and category pages are generated"
            if rel_path.endswith("index.md")
            else "articles live one level down"
        )
        return None, [error(path, 1, f"{where}: put articles at docs/{lang}/<category>/<slug>.md")]
    for key in ("id", "title", "category"):
        if key not in meta:
            problems.append(error(path, 1, f"front matter has no '{key}'; every article needs id, title and category"))
    for key in meta:
        if key not in KNOWN_KEYS:
            problems.append(
                warning(
                    path,
                    line(key),
                    f"unknown front-matter key '{_short(key, 120)}' is ignored; "
                    f"known keys: {', '.join(sorted(KNOWN_KEYS))}",
                )
            )
    article_id = meta.get("id")
    if "id" in meta and (
        not isinstance(article_id, int) or isinstance(article_id, bool) or not 0 < article_id <= MAX_ID
    ):
        problems.append(error(path, line("id"), f"id must be a whole number such as 1001, not '{_short(article_id)}'"))
    title = meta.get("title")
    if "title" in meta and (not isinstance(title, str) or not title.strip() or "\n" in title.strip()):
        problems.append(error(path, line("title"), "title must be the question, as text on one line"))
    elif isinstance(title, str) and re.search(r"[<>]", title):
        problems.append(error(path, line("title"), "title must be plain text: remove < and >"))
    elif isinstance(title, str) and len(title) > MAX_TITLE:
        problems.append(
            warning(path, line("title"), f"title is {len(title)} characters; keep questions under {MAX_TITLE}")
        )
    category = meta.get("category")
    if "category" in meta and not isinstance(category, str):
        problems.append(error(path, line("category"), "category must be a category key such as my-account"))
    tags = _str_list(meta.get("tags", []), path, line("tags"), "tags", problems, MAX_TAGS)
    aliases = _str_list(meta.get("aliases", []), path, line("aliases"), "aliases", problems, MAX_RELATED)
    related = _id_list(meta.get("related", []), path, line("related"), problems)
    contact = meta.get("contact")
    if contact is not None and not isinstance(contact, str):
        problems.append(error(path, line("contact"), "contact must be a contact key such as mini-assist"))
    updated = _date(meta.get("updated"), path, line("updated"), problems)
    reviewed = _date(meta.get("reviewed"), path, line("reviewed"), problems, "reviewed")
    owner = meta.get("owner")
    if owner is not None and (not isinstance(owner, str) or not owner.strip()):
        problems.append(error(path, line("owner"), "owner must be a name or a team, such as Claire Dubois"))
    translation_of = meta.get("translation_of")
    if translation_of is not None and not isinstance(translation_of, str):
        problems.append(
            error(path, line("translation_of"), "translation_of must be the hash written by 'make translations'")
        )
    untranslated = meta.get("untranslated", False)
    if not isinstance(untranslated, bool):
        problems.append(error(path, line("untranslated"), "untranslated must be true or false"))
    if not source.body.strip():
        last_line = text.count("\n") + 1  # a file ending on its closing '---' has no body line at all
        line_ = min(source.body_line, last_line)
        problems.append(error(path, line_, "the answer is empty; write the answer below the front matter"))
    if errors_in(problems):
        return None, problems
    if category != rel_path.split("/")[0]:
        problems.append(
            error(
                path,
                line("category"),
                f"category '{_short(category, 120)}' differs from the folder '{rel_path.split('/')[0]}'; "
                f"move the file to docs/{lang}/{_short(category, 120)}/ or fix the category",
            )
        )
    article = Article(
        id=article_id,
        lang=lang,
        rel_path=rel_path,
        title=title.strip(),
        category=category,
        body=source.body,
        body_line=source.body_line,
        tags=tags,
        related=related,
        contact=contact,
        updated=updated,
        aliases=aliases,
        translation_of=translation_of,
        untranslated=untranslated,
        lines=source.lines,
        reviewed=reviewed,
        owner=owner.strip() if owner else None,
    )
    return article, problems


def _str_list(value: object, path: str, line: int, key: str, problems: list, limit: int) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
        problems.append(error(path, line, f"{key} must be a list of words, like [refund, payment]"))
        return ()
    if len(value) > limit:
        problems.append(error(path, line, f"{key} has {len(value)} items; keep it to {limit} at most"))
        return ()
    return tuple(str(v).strip() for v in value)


def _id_list(value: object, path: str, line: int, problems: list) -> tuple[int, ...]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        problems.append(error(path, line, "related must be a list of article ids, like [2002, 2003]"))
        return ()
    if len(value) > MAX_RELATED:
        problems.append(error(path, line, f"related lists {len(value)} ids; pin {MAX_RELATED} at most"))
        return ()
    return tuple(value)


def _date(value: object, path: str, line: int, problems: list, key: str = "updated") -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(error(path, line, f"{key} must be a date like 2026-10-06, not '{_short(value)}'"))
        return None
