"""The languages the help centre is written in, and the order a reader falls back through."""

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Where a reader of a language without its own version of an article gets it from: the default language
# first, then the others in order.
FALLBACK_ORDER: tuple[str, ...] = (DEFAULT_LANGUAGE, *(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE))


def other_language(lang: str) -> str:
    """The language an article's twin is written in (the site has two)."""
    return next(other for other in LANGUAGES if other != lang)
