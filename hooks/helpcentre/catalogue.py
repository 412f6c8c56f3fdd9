"""The catalogue: every article of every language, read once per build from front matter.

Reads ``docs/<lang>/<category>/<slug>.md`` plus the site data (categories, contacts, popularity) and
produces one immutable ``Catalogue``: (language, id) -> ``Article``, each with its twin in the other
language, and the orderings everything else needs (computed once, O(n log n)). Bad content yields
``Problem`` values naming the file and line; the catalogue is only built when there are no errors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import FALLBACK_ORDER, LANGUAGES, frontmatter, other_language
from .contacts import Contact, load_contacts
from .problems import Problem, error, errors_in, warning
from .problems import shown as _short
from .sitedata import POPULARITY_FILE, Category, Popularity, load_categories, load_popularity

KNOWN_KEYS = frozenset(
    {"id", "title", "category", "tags", "related", "contact", "updated", "aliases", "translation_of", "untranslated"}
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

    @property
    def path(self) -> str:
        return f"docs/{self.lang}/{self.rel_path}"

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    @property
    def digest(self) -> str:
        """Short hash of what a translator translates (question and answer, not the metadata)."""
        return source_digest(self.title, self.body)


def source_digest(title: str, body: str) -> str:
    return hashlib.sha256(f"{title.strip()}\n{body.strip()}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Catalogue:
    categories: tuple[Category, ...]
    contacts: MappingProxyType  # key -> Contact
    views: MappingProxyType  # id -> views
    articles: MappingProxyType  # (lang, id) -> Article
    ids: tuple[int, ...]  # every id, ascending
    by_views: tuple[int, ...]  # most viewed first, ties by id
    by_category: MappingProxyType  # key -> ids, most viewed first, ties by id

    def get(self, lang: str, article_id: int) -> Article | None:
        return self.articles.get((lang, article_id))

    def shown(self, lang: str, article_id: int) -> Article:
        """The article a reader of ``lang`` gets: its own language, else the original (fallback)."""
        article = self.get(lang, article_id)
        if article is not None:
            return article
        for other in FALLBACK_ORDER:
            if (found := self.get(other, article_id)) is not None:
                return found
        raise KeyError(article_id)

    def twin(self, article: Article) -> Article | None:
        return self.get(other_language(article.lang), article.id)

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def views_of(self, article_id: int) -> int:
        return self.views.get(article_id, 0)

    def contact(self, key: str | None) -> Contact | None:
        return self.contacts.get(key) if key else None

    def contact_for(self, article: Article) -> Contact | None:
        """The article's own contact, else its category's default."""
        return self.contact(article.contact or self.category(article.category).contact)


def popularity_order(ids: Iterable[int], views: MappingProxyType) -> tuple[int, ...]:
    """Most viewed first; ties broken by id so the order never depends on file order."""
    return tuple(sorted(ids, key=lambda i: (-views.get(i, 0), i)))


def load(root: Path, docs_dir: str = "docs") -> tuple[Catalogue | None, list[Problem]]:
    """Read the site data and every article under ``root/docs_dir``; the catalogue is None on errors."""
    categories, problems = load_categories(root)
    contacts, contact_problems = load_contacts(root)
    popularity, popularity_problems = load_popularity(root)
    problems += contact_problems + popularity_problems
    articles: dict[tuple[str, int], Article] = {}
    sources = list(iter_sources(root, docs_dir))
    for lang, rel_path, raw in sources:
        article, file_problems = read_article(lang, rel_path, raw, docs_dir)
        problems += file_problems
        if article is not None:
            problems += _place(article, articles)
    problems += check_references(articles, categories, contacts, popularity)
    problems += check_twins(articles, on_disk={(lang, rel) for lang, rel, _ in sources})
    if errors_in(problems):
        return None, problems
    ids = sorted({article_id for _, article_id in articles})
    by_category = {c.key: [] for c in categories}
    for article_id in ids:
        by_category[_any_language(articles, article_id).category].append(article_id)
    catalogue = Catalogue(
        categories=categories,
        contacts=contacts,
        views=popularity.views,
        articles=MappingProxyType(articles),
        ids=tuple(ids),
        by_views=popularity_order(ids, popularity.views),
        by_category=MappingProxyType({k: popularity_order(v, popularity.views) for k, v in by_category.items()}),
    )
    return catalogue, problems


def iter_sources(root: Path, docs_dir: str) -> Iterable[tuple[str, str, bytes]]:
    """(lang, path relative to docs/<lang>/, bytes) for every Markdown file, in a stable order."""
    for lang in LANGUAGES:
        base = root / docs_dir / lang
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.md")):
            if path.is_file():
                yield lang, path.relative_to(base).as_posix(), path.read_bytes()


def _any_language(articles: dict, article_id: int) -> Article:
    return next(articles[(lang, article_id)] for lang in FALLBACK_ORDER if (lang, article_id) in articles)


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


def _date(value: object, path: str, line: int, problems: list) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(error(path, line, f"updated must be a date like 2026-10-06, not '{_short(value)}'"))
        return None


def _place(article: Article, articles: dict) -> list[Problem]:
    key = (article.lang, article.id)
    if key in articles:
        first = articles[key]
        return [
            error(
                article.path,
                article.line_of("id"),
                f"id {article.id} is already used by {first.path}; give this article the next free id",
            )
        ]
    articles[key] = article
    return []


def check_references(
    articles: dict, categories: tuple, contacts: MappingProxyType, popularity: Popularity
) -> list[Problem]:
    problems = []
    category_keys = {c.key for c in categories}
    ids = {article_id for _, article_id in articles}
    for article in articles.values():
        if article.category not in category_keys:
            problems.append(
                error(
                    article.path,
                    article.line_of("category"),
                    f"unknown category '{_short(article.category, 120)}'; "
                    f"use one of: {', '.join(sorted(category_keys))}",
                )
            )
        if article.contact and article.contact not in contacts:
            problems.append(
                error(
                    article.path,
                    article.line_of("contact"),
                    f"unknown contact key '{_short(article.contact, 120)}'; use one of: {', '.join(sorted(contacts))}",
                )
            )
        for match in CONTACT_MARKER.finditer(article.body):
            if match.group(1) not in contacts:
                line = article.body_line + article.body.count("\n", 0, match.start())
                problems.append(
                    error(
                        article.path,
                        line,
                        f"unknown contact key '{match.group(1)}' in [[contact ...]]; "
                        f"use one of: {', '.join(sorted(contacts))}",
                    )
                )
        for related in article.related:
            if related not in ids:
                problems.append(
                    error(
                        article.path,
                        article.line_of("related"),
                        f"related id {related} does not exist; remove it or fix the id",
                    )
                )
            elif related == article.id:
                problems.append(
                    warning(
                        article.path,
                        article.line_of("related"),
                        f"related lists the article itself ({related}); remove it",
                    )
                )
    for category in categories:
        if category.contact and category.contact not in contacts:
            problems.append(
                error(
                    "data/categories.yml",
                    category.line,
                    f"unknown contact key '{category.contact}' for category '{category.key}'",
                )
            )
    for article_id, line in popularity.lines.items():
        if article_id not in ids:
            problems.append(
                error(POPULARITY_FILE, line, f"id {article_id} is not an article; remove the row or fix the id")
            )
    return problems


def check_twins(articles: dict, on_disk: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """Twins share the relative path, the id and the category; a lone article must say it is untranslated."""
    problems = []
    by_path: dict[str, dict[str, Article]] = {}
    for article in articles.values():
        by_path.setdefault(article.rel_path, {})[article.lang] = article
    for rel_path, versions in sorted(by_path.items()):
        if len(versions) == 1:
            (article,) = versions.values()
            other = other_language(article.lang)
            twin_elsewhere = articles.get((other, article.id))
            if twin_elsewhere is not None:
                problems.append(
                    error(
                        article.path,
                        article.line_of("id"),
                        f"id {article.id} is also used by {twin_elsewhere.path}; twins must share the same path "
                        f"(move one to docs/{other}/{rel_path} or docs/{article.lang}/{twin_elsewhere.rel_path})",
                    )
                )
            elif not article.untranslated and (other, rel_path) not in on_disk:
                problems.append(
                    error(
                        article.path,
                        1,
                        f"this article has no {other.upper()} version; add docs/{other}/{rel_path} "
                        f"or mark it 'untranslated: true' to publish it untranslated",
                    )
                )
            continue
        source, translation = (versions[lang] for lang in LANGUAGES)
        for key in ("id", "category"):
            if getattr(source, key) != getattr(translation, key):
                problems.append(
                    error(
                        translation.path,
                        translation.line_of(key),
                        f"{key} '{_short(getattr(translation, key))}' differs from '{_short(getattr(source, key))}' "
                        f"in {source.path}; "
                        "twins must have the same id and category",
                    )
                )
    return problems
