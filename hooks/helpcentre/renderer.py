"""Everything our hooks render themselves, through the build's one Jinja environment (the theme's, as
MkDocs hands it to ``on_env``), from templates under ``overrides/``.

Reads views and records; produces text: contact blocks placed inside answers, search records, folder
sitemaps, redirect pages and whole pages such as a language's 404. Responsible for rendering, nothing more:
what to render comes from the build, where it goes from ``sitefiles``.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from .catalogue import Article
from .links import Redirect, SitemapUrl
from .strings import Strings
from .views import ArticleCard, ContactView


class Renderer:
    """One language's templates, with its strings as ``t``."""

    def __init__(self, env: jinja2.Environment, strings: Strings):
        env.globals["t"] = strings
        self.env = env
        self.lang = strings.lang

    def contact(self, contact: ContactView) -> str:
        return self.env.get_template("partials/hc/contact.html").render(contact=contact)

    def search_record(self, card: ArticleCard, article: Article, answer: str, synonyms: Sequence[str]) -> str:
        template = self.env.get_template("partials/hc/search-record.html")
        return template.render(lang=self.lang, card=card, tags=article.tags, answer=answer, synonyms=synonyms)

    def sitemap(self, urls: Sequence[SitemapUrl]) -> str:
        return self.env.get_template("sitemap.xml").render(hc_sitemap=urls)

    def redirect(self, redirect: Redirect, target: str, canonical: str) -> str:
        return self.env.get_template("hc-redirect.html").render(redirect=redirect, target=target, canonical=canonical)

    def page(self, template: str, context: dict) -> str:
        return self.env.get_template(template).render(context)
