"""``make new``: one article in every language, with the next free id, ready to write.

Reads the catalogue (for the categories, the ids in use and the languages) and produces one Markdown file a
language under ``docs/<lang>/<category>/``, front matter filled in and the language's skeleton answer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpcentre.checks import typography
from helpcentre.content import fields
from helpcentre.content.catalogue import Catalogue
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
    langs = catalogue.languages
    if missing := [lang for lang in langs.codes if not titles.get(lang, "").strip()]:
        given = " ".join(f'--{lang} "..."' for lang in langs.codes)
        raise NewArticleError(f"give the question in every language ({', '.join(missing)} missing): {given}")
    slug = slug or "-".join(slugify(titles[langs.default]).split("-")[:6])
    if not slug:
        raise NewArticleError(f"could not make a file name from the '{langs.default}' question; pass --slug")
    article_id = next_id(catalogue, category)
    paths = [root / docs_dir / lang / category / f"{slug}.md" for lang in langs.codes]
    for path in paths:
        if path.exists():
            raise NewArticleError(f"{path.relative_to(root)} already exists; pass another --slug")
    for lang, path in zip(langs.codes, paths, strict=True):
        rules = langs[lang].typography  # the spaces `make check` asks for around : ; ! ? « »
        title = typography.apply(titles[lang], rules) if rules else titles[lang].strip()
        front = fields.front_matter(fields.Draft(article_id, title, category, today))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + langs[lang].new_answer, encoding="utf-8")
    return paths
