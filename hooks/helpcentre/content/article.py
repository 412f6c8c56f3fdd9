"""One article as its file says it: front matter and answer, read and checked field by field.

Reads one Markdown file's bytes (``docs/<lang>/<category>/<slug>.md``) and produces a frozen ``Article``, or
``Problem`` values naming the file, the line and the fix. Knows nothing of other articles: references and
twins are checked by ``crosschecks`` once every file is read.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from types import MappingProxyType

from helpcentre.content import frontmatter
from helpcentre.content.fields import FIELDS, KNOWN_KEYS, Field, read
from helpcentre.core.problems import Problem, error, errors_in
from helpcentre.core.problems import shown as _short

# The table is ``fields``'; its keys stay importable from here, where the catalogue looks for them.
__all__ = ["CONTACT_MARKER", "FIELDS", "KNOWN_KEYS", "Article", "article_type", "read_article", "source_digest"]
# A writer places a contact block anywhere in an answer with a line of its own: [[contact mini-assist]]
CONTACT_MARKER = re.compile(r"^\[\[contact ([^\]\s]*)\]\][ \t]*$", re.MULTILINE)


class ArticleFile:
    """What an article is besides its front matter: where its file lives and its answer (the ``FILE`` fields)."""

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


FILE = (
    ("lang", str),
    ("rel_path", str),  # the same in both languages: "my-account/forgot-password.md"
    ("body", str),
    ("body_line", int),
    ("lines", MappingProxyType, dataclasses.field(default_factory=lambda: MappingProxyType({}))),  # key -> line
    ("expanded", str | None, dataclasses.field(default=None)),  # the body with its snippets' text, by the catalogue
)


@functools.cache
def article_type(fields: tuple[Field, ...]) -> type:
    """The frozen ``Article`` dataclass: the ``FILE`` fields, then one attribute per row of ``fields``, so that
    the table and the type cannot disagree (keyword arguments only: the rows' order is no one's business)."""
    taken = {name for name, *_ in FILE} | set(dir(ArticleFile))
    clashes = sorted(f.key for f in fields if f.key in taken)
    if clashes:
        raise ValueError(f"front-matter key {clashes[0]} is already an Article attribute: rename the field")
    front = [(f.key, f.type) if f.required else (f.key, f.type, dataclasses.field(default=f.default)) for f in fields]
    doc = "One article as its file says it: " + ", ".join(f.key for f in fields) + " from the front matter."
    namespace = {"__module__": __name__, "__doc__": doc}  # named as if written here, not in dataclasses' module
    return dataclasses.make_dataclass(
        "Article", [*FILE, *front], bases=(ArticleFile,), namespace=namespace, frozen=True, kw_only=True
    )


Article = article_type(FIELDS)


def source_digest(title: str, body: str) -> str:
    return hashlib.sha256(f"{title.strip()}\n{body.strip()}".encode()).hexdigest()[:12]


def read_article(
    lang: str, rel_path: str, raw: bytes, docs_dir: str = "docs", fields: tuple[Field, ...] = FIELDS
) -> tuple[Article | None, list[Problem]]:
    """The article, or None and the problems that stop it; ``fields``: the front matter's table."""
    path = f"{docs_dir}/{lang}/{rel_path}"
    text, problems = frontmatter.decode(path, raw)
    if text is None:
        return None, problems
    source, problems = frontmatter.parse(path, text)
    if problems:
        return None, problems
    if rel_path == "index.md" or rel_path.endswith("/index.md") or rel_path.count("/") != 1:
        where = (
            "the home page and category pages are generated"
            if rel_path.endswith("index.md")
            else "articles live one level down"
        )
        return None, [error(path, 1, f"{where}: put articles at docs/{lang}/<category>/<slug>.md")]
    values, problems = read(path, source.meta, source.lines, fields)
    if not source.body.strip():
        last_line = text.count("\n") + 1  # a file ending on its closing '---' has no body line at all
        line_ = min(source.body_line, last_line)
        problems.append(error(path, line_, "the answer is empty; write the answer below the front matter"))
    if errors_in(problems):
        return None, problems
    category, folder = values["category"], rel_path.split("/")[0]
    if category != folder:
        problems.append(
            error(
                path,
                source.lines.get("category", 1),
                f"category '{_short(category, 120)}' differs from the folder '{folder}'; "
                f"move the file to docs/{lang}/{_short(category, 120)}/ or fix the category",
            )
        )
    article = article_type(fields)(
        lang=lang, rel_path=rel_path, body=source.body, body_line=source.body_line, lines=source.lines, **values
    )
    return article, problems
