"""Which Zendesk item becomes what here: locales to languages, sections to categories, articles to files.

Reads what the API gave (``Fetched``), what earlier imports recorded (``State``: Zendesk ids to our ids,
category keys and file names, so a re-import changes nothing that did not change on Zendesk) and what the
project already holds (its ids, paths and category keys). Produces a ``Plan``: each article's id, category,
slug and versions by language (the source locale's the original, the others its translations), drafts
left out, and every refusal as a ``MappingError`` whose message names the fix. Pure: no network, no files.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from helpcentre.core.slugs import slugify
from helpcentre.importer import files

MAX_SLUG = 60


class MappingError(ValueError):
    pass


@dataclass
class Fetched:
    """What the Help Center API answered, by Zendesk locale."""

    url: str
    default_locale: str
    locales: dict[str, str]  # Zendesk locale -> our language, the imported ones only
    skipped_locales: tuple[str, ...]
    categories: dict[str, list[dict]] = field(default_factory=dict)
    sections: dict[str, list[dict]] = field(default_factory=dict)
    articles: dict[str, list[dict]] = field(default_factory=dict)


@dataclass
class State:
    """What earlier imports recorded (data/zendesk.yml)."""

    sections: dict[int, str] = field(default_factory=dict)  # Zendesk section id -> category key
    articles: dict[int, tuple[int, str, str]] = field(default_factory=dict)  # Zendesk id -> (id, category, slug)
    files: tuple[str, ...] = ()  # what the import wrote under docs/


@dataclass(frozen=True)
class Existing:
    """What the project holds that no import wrote."""

    ids: frozenset[int]
    paths: frozenset[str]  # docs/<lang>/<category>/<slug>.md
    categories: frozenset[str]


@dataclass
class Category:
    key: str
    section_id: int
    position: tuple
    names: dict[str, str]  # lang -> name
    descriptions: dict[str, str]
    addresses: dict[str, list[str]]  # lang -> old paths


@dataclass
class Article:
    zendesk_id: int
    id: int
    category: str
    slug: str
    original: str  # the language of the original
    versions: dict[str, dict]  # lang -> the API's article in that language


@dataclass
class Plan:
    categories: list[Category]
    articles: list[Article]
    drafts: list[str]  # "title (locale, id)" of each draft left out
    orphans: list[str]  # articles whose section was not imported
    zendesk_categories: frozenset[int] = frozenset()  # their old addresses lead to the home page


def locales(available: list[str], codes: tuple[str, ...], given: str | None) -> tuple[dict[str, str], list[str]]:
    """Zendesk locales to our languages: ``given`` ("en-us:en,fr-ca:fr") or each locale's first part."""
    if given:
        pairs = [p.strip() for p in given.split(",") if p.strip()]
        mapping = {}
        for pair in pairs:
            locale, _, lang = pair.partition(":")
            if lang not in codes or locale not in available:
                raise MappingError(
                    f"LOCALES: '{pair}' must pair a locale of the help centre ({', '.join(available)}) with"
                    f" one of our languages ({', '.join(codes)}), like LOCALES=en-us:en,fr-ca:fr"
                )
            mapping[locale] = lang
    else:
        mapping = {loc: loc.split("-")[0].lower() for loc in available if loc.split("-")[0].lower() in codes}
    taken: dict[str, str] = {}
    for locale, lang in mapping.items():
        if lang in taken:
            raise MappingError(
                f"locales {taken[lang]} and {locale} would both become '{lang}'; say which with"
                f" LOCALES={taken[lang]}:{lang},..."
            )
        taken[lang] = locale
    if not mapping:
        raise MappingError(
            f"none of the help centre's locales ({', '.join(available)}) is one of our languages"
            f" ({', '.join(codes)}); pair them with LOCALES=en-us:en,fr-ca:fr"
        )
    return mapping, [loc for loc in available if loc not in mapping]


def path_of(url: object) -> str:
    match = re.match(r"^[a-z]+://[^/]+(/[^?#]*)", str(url or ""))
    return match.group(1) if match else ""


def addresses(kind: str, item: dict, locale: str) -> list[str]:
    """The old addresses of an article, section or category: with and without its slug."""
    bare = f"/hc/{locale}/{kind}/{item['id']}"
    found = [bare]
    shown = path_of(item.get("html_url"))
    # Zendesk's own slugs are letters and hyphens; one a server configuration could not hold is left out, as is
    # one holding half of a character (from a name that holds it): no browser asks for it, no file holds it.
    if shown.startswith(bare + "-") and not re.search(r'[\s";{}\\\ud800-\udfff]', urllib.parse.unquote(shown)):
        found.append(shown)
    return found


def _unique(slug: str, taken: set[str]) -> str:
    slug = slug[:MAX_SLUG].rsplit("-", 1)[0] if len(slug) > MAX_SLUG else slug
    slug = slug.strip("-") or "article"
    found, n = slug, 2
    while found in taken:
        found, n = f"{slug}-{n}", n + 1
    taken.add(found)
    return found


def plan(fetched: Fetched, state: State, existing: Existing, codes: tuple[str, ...]) -> Plan:
    source_lang = fetched.locales.get(fetched.default_locale) or next(iter(fetched.locales.values()))
    categories = _categories(fetched, state, existing, source_lang)
    by_section = {c.section_id: c for c in categories}
    versions: dict[int, dict[str, dict]] = {}
    drafts, orphans = [], []
    for locale, lang in fetched.locales.items():
        for item in fetched.articles.get(locale, []):
            if item.get("draft"):
                drafts.append(f"{item.get('title', '')} ({locale}, {item.get('id')})")
                continue
            if item.get("section_id") not in by_section:
                orphans.append(f"{item.get('title', '')} ({locale}, {item.get('id')})")
                continue
            versions.setdefault(int(item["id"]), {})[lang] = item
    parents = frozenset(int(c["id"]) for cats in fetched.categories.values() for c in cats)
    return Plan(categories, _articles(versions, by_section, state, existing, codes), drafts, orphans, parents)


def _categories(fetched: Fetched, state: State, existing: Existing, source_lang: str) -> list[Category]:
    by_id: dict[int, dict[str, dict]] = {}
    for locale, lang in fetched.locales.items():
        for section in fetched.sections.get(locale, []):
            _writable(section, locale)
            by_id.setdefault(int(section["id"]), {})[lang] = section | {"_locale": locale}
    parents = {int(c["id"]): c.get("position", 0) for cats in fetched.categories.values() for c in cats}
    taken = set(existing.categories) | set(state.sections.values())
    found = []
    for section_id, langs in by_id.items():
        source = langs.get(source_lang) or next(iter(langs.values()))
        key = state.sections.get(section_id)
        if key is None:
            key = _unique(slugify(str(source.get("name", ""))) or f"section-{section_id}", taken)
        elif key in existing.categories:
            raise MappingError(
                f"category '{key}' of Zendesk section {section_id} is now also a category of this project"
                " (data/categories.yml); rename one of them"
            )
        position = (parents.get(source.get("category_id"), 0), source.get("position", 0), section_id)
        names = {lang: str(s.get("name") or source.get("name") or key).strip() for lang, s in langs.items()}
        descriptions = {lang: " ".join(str(s.get("description") or "").split()) for lang, s in langs.items()}
        where = {lang: addresses("sections", s, s["_locale"]) for lang, s in langs.items()}
        found.append(Category(key, section_id, position, names, descriptions, where))
    return sorted(found, key=lambda c: c.position)


def _writable(section: dict, locale: str) -> None:
    """A section whose name or description holds half of a character (data/categories.yml could not hold
    it) stops the import, named as the help centre's team knows it."""
    for part in ("name", "description"):
        if broken := files.broken_character(str(section.get(part) or "")):
            name = files.printable(section.get("name"))
            raise MappingError(f'Zendesk section {section.get("id")} ({locale}) "{name}": its {part} holds {broken}')


def _articles(
    versions: dict[int, dict[str, dict]],
    by_section: dict[int, Category],
    state: State,
    existing: Existing,
    codes: tuple[str, ...],
) -> list[Article]:
    used = set(existing.ids) | {v[0] for v in state.articles.values()}
    slugs: dict[str, set[str]] = {}
    for path in existing.paths:
        parts = path.split("/")
        slugs.setdefault(parts[-2], set()).add(parts[-1].removesuffix(".md"))
    for _, category, slug in state.articles.values():
        slugs.setdefault(category, set()).add(slug)
    found = []
    ordered = sorted(versions.items(), key=lambda kv: _order(kv[1], by_section))
    for zendesk_id, langs in ordered:
        first = next(iter(langs.values()))
        source_locale = first.get("source_locale")
        original = next((lang for lang, a in langs.items() if a.get("locale") == source_locale), None)
        original = original or next(code for code in codes if code in langs)
        category = by_section[first["section_id"]].key
        if zendesk_id in state.articles:
            our_id, old_category, slug = state.articles[zendesk_id]
            if our_id in existing.ids:
                raise MappingError(
                    f"id {our_id}, recorded for Zendesk article {zendesk_id} in data/zendesk.yml, is now the id of an"
                    " article that was not imported; give that article another id, then import again"
                )
            if old_category != category:  # moved to another section on Zendesk
                slug = _unique(slug, slugs.setdefault(category, set()))
        else:
            our_id = _next_id(used, category, found, existing)
            title = str(langs[original].get("title") or "")
            slug = _unique(slugify(title) or str(zendesk_id), slugs.setdefault(category, set()))
        for lang in langs:
            path = f"docs/{lang}/{category}/{slug}.md"
            if path in existing.paths:
                raise MappingError(
                    f"{path} already exists and is not from Zendesk (article {zendesk_id} would be written there);"
                    " move or rename it, then import again"
                )
        used.add(our_id)
        found.append(Article(zendesk_id, our_id, category, slug, original, langs))
    return found


def _order(langs: dict[str, dict], by_section: dict[int, Category]) -> tuple:
    first = next(iter(langs.values()))
    section = by_section[first["section_id"]].position
    return (section, first.get("position", 0), first.get("created_at", ""), first["id"])


def _next_id(used: set[int], category: str, found: list[Article], existing: Existing) -> int:
    """The next free id of the category's thousand (2xxx...); a new category takes the next free thousand."""
    mine = [a.id for a in found if a.category == category]
    if mine:
        candidate = max(mine) + 1
        if candidate not in used and candidate % 1000:
            return candidate
    block = (max(used, default=0) // 1000 + 1) * 1000
    return block + 1
