"""The pages nobody writes by hand: a home page and one FAQ page per category, in each language.

Produces, from the catalogue, the source path, output path and front matter of each generated page;
templates (overrides/hc-home.html, overrides/hc-category.html) render their content.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from helpcentre.content.catalogue import Catalogue
from helpcentre.core.strings import Strings
from helpcentre.pages.kinds import CATEGORY, HOME


@dataclass(frozen=True)
class GeneratedPage:
    kind: str  # HOME or CATEGORY
    lang: str
    src_uri: str  # e.g. fr/my-account/index.md
    dest_uri: str  # e.g. fr/my-account/index.html
    title: str
    template: str
    category: str | None = None

    @property
    def markdown(self) -> str:
        # A help centre, not a manual: no page tree or table of contents beside the content.
        meta = {"title": self.title, "template": self.template, "hide": ["navigation", "toc"]}
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def pages_for(catalogue: Catalogue, strings: Strings) -> tuple[GeneratedPage, ...]:
    lang, site_path = strings.lang, catalogue.languages.site_path
    pages = [
        GeneratedPage(HOME, lang, f"{lang}/index.md", site_path(lang, "index.md"), strings("site.name"), "hc-home.html")
    ]
    for category in catalogue.categories:
        rel = f"{category.key}/index.md"
        pages.append(
            GeneratedPage(
                CATEGORY,
                lang,
                f"{lang}/{rel}",
                site_path(lang, rel),
                category.name(lang),
                "hc-category.html",
                category.key,
            )
        )
    return tuple(pages)
