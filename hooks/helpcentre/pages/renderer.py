"""Everything our hooks render themselves, through the build's one Jinja environment (the theme's, as
MkDocs hands it to ``on_env``), from templates under ``overrides/``; and the search records, rendered once
MkDocs has ended (``searchdata``) from the same folder of templates (``for_records``).

Reads views and records; produces text: contact blocks placed inside answers, search records, folder
sitemaps, redirect pages and whole pages such as a language's 404. Responsible for rendering, nothing more:
what to render comes from the build, where it goes from ``sitefiles``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from helpcentre.core.strings import Strings
from helpcentre.pages.links import Redirect, SitemapUrl
from helpcentre.pages.views import ContactView


class Renderer:
    """One language's templates, with its strings as ``t``."""

    def __init__(self, env: jinja2.Environment, strings: Strings | None, lang: str | None = None):
        env.globals["t"] = strings
        self.env = env
        self.lang = strings.lang if strings is not None else lang

    @classmethod
    def for_records(cls, templates: Path, lang: str) -> Renderer:
        """Search records without MkDocs: the record template reads no string and no theme filter, and
        MkDocs' own environment has Jinja's defaults, so the bytes are the same."""
        return cls(jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), auto_reload=False), None, lang)

    def contact(self, contact: ContactView) -> str:
        return self.env.get_template("partials/hc/contact.html").render(contact=contact)

    def sitemap(self, urls: Sequence[SitemapUrl]) -> str:
        return self.env.get_template("sitemap.xml").render(hc_sitemap=urls)

    def redirect(self, redirect: Redirect, target: str, canonical: str) -> str:
        return self.env.get_template("hc-redirect.html").render(redirect=redirect, target=target, canonical=canonical)

    def page(self, template: str, context: dict) -> str:
        return self.env.get_template(template).render(context)
