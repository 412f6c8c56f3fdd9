"""The kinds of page and where each lands in ``site/``.

Reads a language and a path relative to that language's docs folder (``my-account/forgot-password.md``)
and produces site-relative paths: the default language at the site root, the others below ``/<lang>/``.
"""

from __future__ import annotations

from typing import Protocol

from helpcentre.core.languages import DEFAULT_LANGUAGE

HOME = "home"
CATEGORY = "category"
ARTICLE = "article"


class _Versioned(Protocol):
    lang: str
    rel_path: str


def site_path(lang: str, rel_md: str) -> str:
    """Where a page of ``lang`` lands in site/: the default language at the root, others below /<lang>/."""
    html = rel_md[: -len(".md")] + ".html"
    return html if lang == DEFAULT_LANGUAGE else f"{lang}/{html}"


def src_uri(article: _Versioned) -> str:
    """An article's path as MkDocs names its source: ``fr/my-account/forgot-password.md``."""
    return f"{article.lang}/{article.rel_path}"


def home_path(lang: str) -> str:
    return site_path(lang, "index.md")


def alias_md(alias: str) -> str:
    """An old address as a source path: "keys/battery.html", "keys/battery" or "keys/battery.md"."""
    alias = alias.strip("/")
    for suffix in (".html", ".md"):
        alias = alias.removesuffix(suffix)
    return alias + ".md"
