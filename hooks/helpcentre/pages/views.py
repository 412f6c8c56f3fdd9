"""What templates show: small frozen views of the catalogue for one language, built once per build.

Reads the catalogue, the language's strings, each page's site-relative URL and each answer's HTML, and
produces article cards (title, views, teaser), category summaries, contact blocks and recommended lists.
Templates only read these; nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from types import MappingProxyType

from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.content.contacts import Contact
from helpcentre.content.sitedata import Category
from helpcentre.core.languages import Language
from helpcentre.core.strings import Strings
from helpcentre.pages import cars, formatting, ranking
from helpcentre.pages.teaser import teaser


@dataclass(frozen=True)
class ArticleCard:
    id: int
    title: str
    url: str  # site-relative; templates make it page-relative with the `url` filter
    views: int
    views_text: str
    teaser: str
    text_lang: str  # the language the text is written in (differs from the page's on a fallback)
    fallback: bool
    cars: str = ""  # the cars the answer is for, space-separated values of data/vehicles.yml ("": every car)
    cars_text: str = ""  # its mark: "For MINI with Operating System 9" ("" for every car)


@dataclass(frozen=True)
class ContactView:
    key: str
    name: str
    purpose: str
    phone: str | None
    tel: str | None
    email: str | None
    hours: tuple[str, ...]
    schedule_json: str  # for the browser's "open now" line: {"tz": ..., "days": {"0": [[540, 1200]], ...}}
    message_url: str | None


@dataclass(frozen=True)
class CategoryView:
    key: str
    name: str
    name_in_sentence: str  # "la Boutique MINI Connected": for the strings that put the name in a sentence
    description: str
    icon: str
    url: str
    ids: tuple[int, ...]  # most viewed first
    count_text: str


@dataclass(frozen=True)
class LanguageViews:
    lang: str
    cards: MappingProxyType  # id -> ArticleCard
    categories: tuple[CategoryView, ...]
    contacts: MappingProxyType  # key -> ContactView
    recommended: MappingProxyType  # id -> tuple of ids
    most_viewed: tuple[int, ...]
    car_choice: cars.CarChoice | None = None  # "Which MINI do you have?" (None: no data/vehicles.yml)

    def category(self, key: str) -> CategoryView:
        return next(c for c in self.categories if c.key == key)

    def cards_for(self, ids: tuple[int, ...]) -> tuple[ArticleCard, ...]:
        return tuple(self.cards[i] for i in ids)


def card(
    article: Article, language: Language, url: str, views: int, answer_html: str, cars_text: str = ""
) -> ArticleCard:
    return ArticleCard(
        id=article.id,
        title=article.title,
        url=url,
        views=views,
        views_text=formatting.number(views, language),
        teaser=teaser(answer_html),
        text_lang=article.lang,
        fallback=article.lang != language.code,
        cars=" ".join(article.applies_to),
        cars_text=cars_text,
    )


def contact_view(contact: Contact, strings: Strings, urls: dict[int, str]) -> ContactView:
    lang = strings.lang
    days: dict[str, list[list[int]]] = {}
    for opening in contact.hours:
        days.setdefault(str(opening.weekday), []).append([opening.opens, opening.closes])
    schedule = json.dumps({"tz": contact.timezone, "days": days}, sort_keys=True) if contact.hours else ""
    return ContactView(
        key=contact.key,
        name=contact.names[lang],
        purpose=contact.purposes.get(lang, ""),
        phone=contact.phone,
        tel=contact.tel,
        email=contact.email,
        hours=tuple(formatting.opening_hours(contact.hours, contact.timezone, strings)),
        schedule_json=schedule,
        message_url=urls.get(contact.message_article) if contact.message_article else None,
    )


def category_view(category: Category, catalogue: Catalogue, strings: Strings, url: str) -> CategoryView:
    ids = catalogue.by_category.get(category.key, ())
    return CategoryView(
        key=category.key,
        name=category.name(strings.lang),
        name_in_sentence=category.name_in_sentence(strings.lang),
        description=category.description(strings.lang),
        icon=category.icon,
        url=url,
        ids=ids,
        count_text=strings.plural("home.article_count", len(ids)),
    )


def language_views(
    catalogue: Catalogue,
    strings: Strings,
    article_urls: dict[int, str],
    category_urls: dict[str, str],
    answers: dict[int, str],
    recommended_count: int,
) -> LanguageViews:
    """Everything the pages of one language show, computed once: O(n log n) for the whole site."""
    lang = strings.lang
    cards = {
        article_id: card(
            catalogue.shown(lang, article_id),
            strings.language,
            article_urls[article_id],
            catalogue.views_of(article_id),
            answers.get(article_id, ""),
            cars.cars_text(catalogue.shown(lang, article_id).applies_to, catalogue.vehicles, strings),
        )
        for article_id in catalogue.ids
    }
    return LanguageViews(
        lang=lang,
        cards=MappingProxyType(cards),
        categories=tuple(category_view(c, catalogue, strings, category_urls[c.key]) for c in catalogue.categories),
        contacts=MappingProxyType({k: contact_view(c, strings, article_urls) for k, c in catalogue.contacts.items()}),
        recommended=MappingProxyType(ranking.all_recommended(catalogue, lang, recommended_count)),
        most_viewed=catalogue.by_views,
        car_choice=cars.choice(catalogue, strings, article_urls),
    )


_ID_ATTR = re.compile(r'\b(id|for|aria-labelledby|aria-describedby)="([^"]+)"')
_FRAGMENT = re.compile(r'href="#([^"]+)"')


def embed_answer(html: str, prefix: str) -> str:
    """An answer's HTML made safe to repeat on a category page: its element ids get ``prefix``.

    Several answers on one page may use the same heading ids; prefixing keeps ids unique and keeps the
    answer's own in-page links pointing at its own headings.
    """
    html = _ID_ATTR.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)
    return _FRAGMENT.sub(lambda m: f'href="#{prefix}{m.group(1)}"', html)
