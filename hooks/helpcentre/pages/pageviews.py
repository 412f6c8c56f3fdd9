"""What each page's templates read, under the name ``hc``: one frozen type per kind of page.

Reads the language's views (cards, categories, contacts, recommended lists), the catalogue, the strings,
the converted answers and the settings, and produces a ``HomePage``, a ``CategoryPage`` or an
``ArticlePage``. Every kind carries what the header, the assistant and the browser title read; templates
tell them apart by ``kind`` (``kinds.HOME``, ``kinds.CATEGORY``, ``kinds.ARTICLE``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from helpcentre.content import translations
from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.core.settings import Settings
from helpcentre.core.strings import Strings
from helpcentre.images import markup
from helpcentre.pages import cars, formatting, kinds
from helpcentre.pages.answerparts import unanchored
from helpcentre.pages.cars import CarChoice, CarsNotice
from helpcentre.pages.views import ArticleCard, CategoryView, ContactView, LanguageViews, embed_answer

Crumbs = tuple[tuple[str, str], ...]  # (label, site-relative url); the last is the page itself


@dataclass(frozen=True, kw_only=True)
class PageView:
    kind: ClassVar[str]
    lang: str
    title_parts: tuple[str, ...]  # joined with " | " into the browser title
    home_url: str
    breadcrumbs: Crumbs = ()
    # The contact blocks the assistant may offer when no answer helped (the one of the answer the question
    # belongs to, else the general one), but the page's own, which it copies: every byte counts on a page.
    assistant_contacts: tuple[ContactView, ...] = ()
    general_contact: str = ""
    car_choice: CarChoice | None = None  # "Which MINI do you have?", offered on every page


@dataclass(frozen=True, kw_only=True)
class HomePage(PageView):
    kind: ClassVar[str] = kinds.HOME
    categories: tuple[CategoryView, ...]
    popular: tuple[ArticleCard, ...]


@dataclass(frozen=True, kw_only=True)
class CategoryPage(PageView):
    kind: ClassVar[str] = kinds.CATEGORY
    category: CategoryView
    contact: ContactView | None
    answers: tuple[tuple[ArticleCard, str], ...]  # (card, embedded answer HTML, or "" beyond the limit)
    full_answers: bool


@dataclass(frozen=True, kw_only=True)
class ArticlePage(PageView):
    kind: ClassVar[str] = kinds.ARTICLE
    card: ArticleCard
    category: CategoryView
    contact: ContactView | None
    recommended: tuple[ArticleCard, ...]
    updated_text: str
    updated_iso: str
    outdated: bool
    source_url: str  # fallback and outdated notices link to the original
    source_lang: str  # the language of that original
    cars_notice: CarsNotice | None = None  # for some cars only: which, and the answers for the others


POPULAR_ON_HOME = 10


@dataclass(frozen=True)
class PageInputs:
    """What every page of one language is made from."""

    lang: str
    strings: Strings
    catalogue: Catalogue
    views: LanguageViews
    answers: Mapping[int, str]
    settings: Settings

    @property
    def home_url(self) -> str:
        return self.catalogue.languages.site_path(self.lang, "index.md")

    def crumbs(self, *extra: tuple[str, str]) -> Crumbs:
        return ((self.strings("breadcrumbs.home"), self.home_url), *extra)

    def assistant_contacts(self, shown: str | None = None) -> tuple[ContactView, ...]:
        """Every contact block but the one the page already shows (``shown``)."""
        return tuple(c for key, c in sorted(self.views.contacts.items()) if key != shown)


def home_page(inputs: PageInputs) -> HomePage:
    v = inputs.views
    return HomePage(
        lang=inputs.lang,
        title_parts=(inputs.strings("site.name"),),
        home_url=inputs.home_url,
        car_choice=inputs.views.car_choice,
        assistant_contacts=inputs.assistant_contacts(),
        general_contact=inputs.settings.general_contact,
        categories=v.categories,
        popular=v.cards_for(v.most_viewed[:POPULAR_ON_HOME]),
    )


def category_page(inputs: PageInputs, key: str) -> CategoryPage:
    v = inputs.views
    cat = v.category(key)
    cards = v.cards_for(cat.ids)
    full = len(cards) <= inputs.settings.full_answers_limit
    answers = tuple(
        (c, embed_answer(unanchored(inputs.answers.get(c.id, "")), f"a{c.id}-") if full else "") for c in cards
    )
    # Only the page's first screenshot is loaded at once: each answer's own first one would be, on its page.
    first = next((i for i, (_c, html) in enumerate(answers) if "hc-shot" in html), len(answers))
    answers = tuple((c, html if i <= first else markup.lazy(html)) for i, (c, html) in enumerate(answers))
    return CategoryPage(
        lang=inputs.lang,
        title_parts=(cat.name, inputs.strings("site.name")),
        home_url=inputs.home_url,
        car_choice=inputs.views.car_choice,
        breadcrumbs=inputs.crumbs((cat.name, cat.url)),
        category=cat,
        contact=v.contacts.get(inputs.catalogue.category(key).contact or ""),
        answers=answers,
        full_answers=full,
    )


def article_page(inputs: PageInputs, article: Article) -> ArticlePage:
    v, strings = inputs.views, inputs.strings
    card = v.cards[article.id]
    cat = v.category(article.category)
    contact = inputs.catalogue.contact_for(article)
    twin = inputs.catalogue.twin(article)
    outdated = article.lang == inputs.lang and translations.is_outdated(inputs.catalogue, article)
    source_url = inputs.catalogue.languages.site_path(twin.lang, twin.rel_path) if twin is not None else ""
    return ArticlePage(
        lang=inputs.lang,
        title_parts=(article.title, cat.name, strings("site.name")),
        home_url=inputs.home_url,
        car_choice=inputs.views.car_choice,
        breadcrumbs=inputs.crumbs((cat.name, cat.url), (article.title, card.url)),
        assistant_contacts=inputs.assistant_contacts(contact.key if contact else None),
        general_contact=inputs.settings.general_contact,
        card=card,
        category=cat,
        contact=v.contacts.get(contact.key) if contact else None,
        recommended=v.cards_for(v.recommended[article.id]),
        updated_text=strings("article.updated", date=formatting.date(article.updated, strings))
        if article.updated
        else "",
        updated_iso=article.updated.isoformat() if article.updated else "",
        outdated=outdated,
        source_url=source_url if (outdated or card.fallback) else "",
        source_lang=twin.lang if twin is not None else "",
        cars_notice=cars.notice(
            article, inputs.catalogue, strings, {i: v.cards[i].url for i in article.counterpart if i in v.cards}
        ),
    )
