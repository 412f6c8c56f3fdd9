"""The kinds of page and where each lands in ``site/``.

Reads a language and a path relative to that language's docs folder (``my-account/forgot-password.md``)
and produces the paths MkDocs gives sources and old addresses (``Languages.site_path`` says where a page of
a language lands: the default language at the site root, the others below ``/<lang>/``).
"""

from __future__ import annotations

from typing import Protocol

HOME = "home"
CATEGORY = "category"
ARTICLE = "article"


class _Versioned(Protocol):
    lang: str
    rel_path: str


def src_uri(article: _Versioned) -> str:
    """An article's path as MkDocs names its source: ``fr/my-account/forgot-password.md``."""
    return f"{article.lang}/{article.rel_path}"


def alias_md(alias: str) -> str:
    """An old address as a source path: "keys/battery.html", "keys/battery" or "keys/battery.md"."""
    alias = alias.strip("/")
    for suffix in (".html", ".md"):
        alias = alias.removesuffix(suffix)
    return alias + ".md"
