"""The catalogue: every article of every language, read once per build from front matter.

Reads ``docs/<lang>/<category>/<slug>.md`` plus the site data (categories, contacts, popularity) and
produces one immutable ``Catalogue``: (language, id) -> ``Article``, each with its twin in the other
language, and the orderings everything else needs (computed once, O(n log n)). Bad content yields
``Problem`` values naming the file and line; the catalogue is only built when there are no errors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.content import crosschecks, snippets, vehicles
from helpcentre.content.article import KNOWN_KEYS, Article, read_article, source_digest
from helpcentre.content.contacts import Contact, load_contacts
from helpcentre.content.sitedata import Category, load_categories, load_popularity
from helpcentre.content.vehicles import NO_VEHICLES, Vehicles
from helpcentre.core import folders, languages
from helpcentre.core.languages import Languages
from helpcentre.core.problems import Problem, error, errors_in, shown

# Articles are read by ``article``; these names stay importable from here, where the catalogue's users look.
__all__ = ["KNOWN_KEYS", "Article", "Catalogue", "load", "popularity_order", "read_article", "source_digest"]


@dataclass(frozen=True)
class Catalogue:
    categories: tuple[Category, ...]
    contacts: MappingProxyType  # key -> Contact
    views: MappingProxyType  # id -> views
    articles: MappingProxyType  # (lang, id) -> Article
    ids: tuple[int, ...]  # every id, ascending
    by_views: tuple[int, ...]  # most viewed first, ties by id
    by_category: MappingProxyType  # key -> ids, most viewed first, ties by id
    snippets: MappingProxyType  # (lang, key) -> Snippet
    languages: Languages
    vehicles: Vehicles = NO_VEHICLES  # which cars answers are for (data/vehicles.yml)

    def get(self, lang: str, article_id: int) -> Article | None:
        return self.articles.get((lang, article_id))

    def shown(self, lang: str, article_id: int) -> Article:
        """The article a reader of ``lang`` gets: its own language, else the original (fallback)."""
        article = self.get(lang, article_id)
        if article is not None:
            return article
        for other in self.languages.fallback_order:
            if (found := self.get(other, article_id)) is not None:
                return found
        raise KeyError(article_id)

    def twin(self, article: Article) -> Article | None:
        """The version ``article`` is compared with: the first other version in fallback order (for a
        translation, its original in the default language)."""
        return next(
            (found for other in self.languages.others(article.lang) if (found := self.get(other, article.id))), None
        )

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


def load(
    root: Path, docs_dir: str = "docs", leave_out: frozenset[str] = frozenset(), listed: Mapping | None = None
) -> tuple[Catalogue | None, list[Problem]]:
    """Read the site data and every article under ``root/docs_dir`` but those whose path is in ``leave_out``
    (a preview builds without its broken articles); the catalogue is None on errors. ``listed``: the files of
    each language's tree when the caller listed them (``folders.trees``)."""
    langs, problems = languages.read(root)
    categories, category_problems = load_categories(root)
    contacts, contact_problems = load_contacts(root)
    popularity, popularity_problems = load_popularity(root)
    snippet_texts, snippet_problems = snippets.load(root)
    cars, vehicle_problems = vehicles.load(root, langs.codes)
    problems += category_problems + contact_problems + popularity_problems + snippet_problems + vehicle_problems
    articles: dict[tuple[str, int], Article] = {}
    sources = [
        s for s in iter_sources(root, docs_dir, langs.codes, listed) if f"{docs_dir}/{s[0]}/{s[1]}" not in leave_out
    ]
    for lang, rel_path, raw in sources:
        if raw is None:
            problems.append(_outside(root, docs_dir, lang, rel_path))
            continue
        article, file_problems = read_article(lang, rel_path, raw, docs_dir)
        problems += file_problems
        if article is not None:
            problems += crosschecks.place(article, articles)
    if leave_out:  # the view counts of the articles left out are no error: skip the check of the rows
        popularity = dataclasses.replace(popularity, lines=MappingProxyType({}))
    problems += crosschecks.check_references(articles, categories, contacts, popularity)
    problems += crosschecks.check_twins(
        articles, langs.fallback_order, on_disk={(lang, rel) for lang, rel, _ in sources}
    )
    problems += snippets.unknown(articles.values(), snippet_texts)
    problems += vehicles.check(articles, cars, langs.fallback_order)
    if errors_in(problems):
        return None, problems
    for key, article in articles.items():
        if (expanded := snippets.expand(article.body, article.lang, snippet_texts)) is not article.body:
            articles[key] = dataclasses.replace(article, expanded=expanded)
    ids = sorted({article_id for _, article_id in articles})
    by_category = {c.key: [] for c in categories}
    for article_id in ids:
        by_category[_any_language(articles, article_id, langs.fallback_order).category].append(article_id)
    catalogue = Catalogue(
        categories=categories,
        contacts=contacts,
        views=popularity.views,
        articles=MappingProxyType(articles),
        ids=tuple(ids),
        by_views=popularity_order(ids, popularity.views),
        by_category=MappingProxyType({k: popularity_order(v, popularity.views) for k, v in by_category.items()}),
        snippets=snippet_texts,
        languages=langs,
        vehicles=cars,
    )
    return catalogue, problems


def iter_sources(
    root: Path, docs_dir: str, codes: Iterable[str] = (), listed: Mapping | None = None
) -> Iterable[tuple[str, str, bytes | None]]:
    """(lang, path relative to docs/<lang>/, bytes) for every Markdown file, in a stable order; the bytes
    are None for a symbolic link to a file outside the repository, which is never read; ``codes``: the
    project's languages (all of them when not given); ``listed``: their trees' files (``folders.trees``)."""
    inside = root.resolve()
    codes = codes or languages.of(root).codes
    listed = listed or folders.trees(str(root / docs_dir), codes)
    for lang in codes:
        base = root / docs_dir / lang
        found = [(rel, entry) for rel, entry in listed.get(lang, ()) if rel.endswith(".md")]
        for rel, entry in sorted(found, key=lambda item: item[0].split("/")):  # in Path.rglob's order
            path = base / rel
            outside = entry.is_symlink() and not path.resolve().is_relative_to(inside)
            yield lang, rel, None if outside else path.read_bytes()


def _outside(root: Path, docs_dir: str, lang: str, rel_path: str) -> Problem:
    # A link would publish whatever file it points at (any file with front matter reads as an article).
    path = f"{docs_dir}/{lang}/{rel_path}"
    target = shown((root / path).resolve(), 120)
    return error(path, 1, f"symbolic link to {target}, outside the repository; put the article's own file here")


def _any_language(articles: dict, article_id: int, order: tuple[str, ...]) -> Article:
    return next(articles[(lang, article_id)] for lang in order if (lang, article_id) in articles)
