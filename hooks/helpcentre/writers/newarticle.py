"""``make new``: an English and French article pair with the next free id, ready to write.

Reads the catalogue (for the categories and the ids in use) and produces two Markdown files under
``docs/<lang>/<category>/``, front matter filled in and a skeleton answer in each language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpcentre.checks import typography
from helpcentre.checks.placeholders import SKELETON
from helpcentre.content import fields
from helpcentre.content.catalogue import Catalogue
from helpcentre.core.languages import DEFAULT_LANGUAGE, LANGUAGES
from helpcentre.core.slugs import slugify


class NewArticleError(ValueError):
    pass


def next_id(catalogue: Catalogue, category: str) -> int:
    """One more than the highest id of the category; a new category starts at its thousand."""
    ids = catalogue.by_category.get(category, ())
    if ids:
        return max(ids) + 1
    order = next(c.order for c in catalogue.categories if c.key == category)
    base = (order + 1) * 1000 + 1
    while base in catalogue.ids:
        base += 1
    return base


def french_title(title: str) -> str:
    """The title with the spaces that make check asks for around : ; ! ? « »."""
    return typography.apply(title)


def create(
    root: Path,
    docs_dir: str,
    catalogue: Catalogue,
    category: str,
    titles: dict[str, str],
    today: dt.date,
    slug: str | None = None,
) -> list[Path]:
    keys = [c.key for c in catalogue.categories]
    if category not in keys:
        raise NewArticleError(f"unknown category '{category}'; use one of: {', '.join(keys)}")
    if not all(titles.get(lang, "").strip() for lang in LANGUAGES):
        raise NewArticleError('give the question in both languages: --en "...?" --fr "... ?"')
    slug = slug or "-".join(slugify(titles[DEFAULT_LANGUAGE]).split("-")[:6])
    if not slug:
        raise NewArticleError("could not make a file name from the English question; pass --slug")
    article_id = next_id(catalogue, category)
    paths = [root / docs_dir / lang / category / f"{slug}.md" for lang in LANGUAGES]
    for path in paths:
        if path.exists():
            raise NewArticleError(f"{path.relative_to(root)} already exists; pass another --slug")
    for lang, path in zip(LANGUAGES, paths, strict=True):
        title = french_title(titles[lang]) if lang == "fr" else titles[lang].strip()
        front = fields.front_matter(fields.Draft(article_id, title, category, today))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + SKELETON[lang], encoding="utf-8")
    return paths
