"""The help centre's product logic: catalogue, ranking, checks and formatting.

Nothing in this package imports MkDocs: only ``hooks/helpcentre_hooks.py`` touches MkDocs, so the logic
outlives the build tool (Material is in maintenance and MkDocs 2 drops plugins).
"""

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Where a reader of a language without its own version of an article gets it from: the default language
# first, then the others in order.
FALLBACK_ORDER: tuple[str, ...] = (DEFAULT_LANGUAGE, *(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE))


def other_language(lang: str) -> str:
    """The language an article's twin is written in (the site has two)."""
    return next(other for other in LANGUAGES if other != lang)
