"""Structured data for search engines (schema.org JSON-LD) and the page description.

Reads a page's view (see build.PageView), absolute URLs and answers' plain text, and produces plain
dicts that a template serialises with ``tojson`` (which escapes ``<``, ``>`` and ``&`` for a script).
"""

from __future__ import annotations

from collections.abc import Callable

from helpcentre.pages.links import absolute

SCHEMA = "https://schema.org"


def breadcrumbs(crumbs: tuple[tuple[str, str], ...], site_url: str) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": label, "item": absolute(site_url, path)}
            for i, (label, path) in enumerate(crumbs, start=1)
        ],
    }


def for_page(view, site_url: str, canonical: str, answer_text: Callable[[int], str]) -> list[dict]:
    """The JSON-LD objects of one page: Article or FAQPage, and its breadcrumbs."""
    data: list[dict] = []
    if view is None:
        return data
    if view.kind == "article":
        article = {
            "@context": SCHEMA,
            "@type": "Article",
            "headline": view.card.title,
            "description": view.card.teaser,
            "inLanguage": view.card.text_lang,
            "mainEntityOfPage": canonical,
        }
        if view.updated_iso:
            article["dateModified"] = view.updated_iso
        data.append(article)
    elif view.kind == "category" and view.full_answers:
        data.append(
            {
                "@context": SCHEMA,
                "@type": "FAQPage",
                "inLanguage": view.lang,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": card.title,
                        "acceptedAnswer": {"@type": "Answer", "text": answer_text(card.id)},
                    }
                    for card, _ in view.answers
                ],
            }
        )
    if view.breadcrumbs:
        data.append(breadcrumbs(view.breadcrumbs, site_url))
    return data


def description(view) -> str:
    """The meta description: an article's teaser, a category's one line, the home page's intro."""
    if view is None:
        return ""
    if view.kind == "article":
        return view.card.teaser
    if view.kind == "category":
        return view.category.description
    return ""
