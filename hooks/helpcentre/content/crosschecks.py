"""Checks across articles and site data, once every file is read: what one file cannot know alone.

Reads every article, the categories, contacts and view counts and produces ``Problem`` values: an id used
twice, an unknown category, contact or related id, a view count for no article, twins that differ in id or
category, and an article missing in a language without saying it is untranslated.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from helpcentre.content.article import CONTACT_MARKER, Article
from helpcentre.content.sitedata import POPULARITY_FILE, Popularity
from helpcentre.core.problems import Problem, error, warning
from helpcentre.core.problems import shown as _short


def place(article: Article, articles: dict) -> list[Problem]:
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


def check_twins(articles: dict, order: Sequence[str], on_disk: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """Twins share the relative path, the id and the category; an article missing in a language (``order``:
    the languages in fallback order) must say it is untranslated. The first version in that order is the one
    the others are compared with."""
    problems = []
    by_path: dict[str, dict[str, Article]] = {}
    for article in articles.values():
        by_path.setdefault(article.rel_path, {})[article.lang] = article
    for _, versions in sorted(by_path.items()):
        source = next(versions[lang] for lang in order if lang in versions)
        for other in (lang for lang in order if lang not in versions):
            problems += _missing_twin(source, other, articles, on_disk)
        for translation in (versions[lang] for lang in order if lang in versions and lang != source.lang):
            for key in ("id", "category"):
                if getattr(source, key) != getattr(translation, key):
                    problems.append(
                        error(
                            translation.path,
                            translation.line_of(key),
                            f"{key} '{_short(getattr(translation, key))}' differs from "
                            f"'{_short(getattr(source, key))}' in {source.path}; "
                            "twins must have the same id and category",
                        )
                    )
    return problems


def _missing_twin(article: Article, other: str, articles: dict, on_disk: set[tuple[str, str]]) -> list[Problem]:
    """``article`` has no version of its own path in ``other``: its id is elsewhere there, or it must be marked."""
    rel_path = article.rel_path
    twin_elsewhere = articles.get((other, article.id))
    if twin_elsewhere is not None:
        return [
            error(
                article.path,
                article.line_of("id"),
                f"id {article.id} is also used by {twin_elsewhere.path}; twins must share the same path "
                f"(move one to docs/{other}/{rel_path} or docs/{article.lang}/{twin_elsewhere.rel_path})",
            )
        ]
    if not article.untranslated and (other, rel_path) not in on_disk:
        return [
            error(
                article.path,
                1,
                f"this article has no {other.upper()} version; add docs/{other}/{rel_path} "
                f"or mark it 'untranslated: true' to publish it untranslated",
            )
        ]
    return []
