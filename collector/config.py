"""Where the collector's settings come from: the project it serves and the environment.

Reads the project's ``mkdocs.yml`` (``site_url``, following ``INHERIT``; ``SITE_URL`` overrides it as it does
for the build), its catalogue (the article ids readers can send) and the environment
(``FEEDBACK_DATABASE_URL``, ``FEEDBACK_RATE_LIMIT``, and the connections' time-outs and number:
``FEEDBACK_IDLE_TIMEOUT``, ``FEEDBACK_HEADER_TIMEOUT``, ``FEEDBACK_BODY_TIMEOUT``, ``FEEDBACK_MAX_CONNECTIONS``).
Produces one frozen ``Config``; content with errors, a site_url without a host or a setting that is not a
positive number is a ``ConfigError`` saying what to fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpcentre.content import catalogue
from helpcentre.core.problems import errors_in, report

DEFAULT_DATABASE = "feedback.sqlite3"  # in the project's folder; kept out of git
DEFAULT_RATE_LIMIT = 60  # requests per client per minute: a reader sends a few per page
# Seconds a connection may take, and how many may be open: a browser sends a beacon of at most 4 KB at once and
# reuses its connection within seconds; anything slower holds a socket for nothing (see serving.py).
DEFAULT_IDLE_TIMEOUT = 5  # between requests (and before the first): uvicorn's keep-alive default
DEFAULT_HEADER_TIMEOUT = 5  # from a request's first byte to the end of its headers
DEFAULT_BODY_TIMEOUT = 10  # from the end of the headers to the end of the body
DEFAULT_MAX_CONNECTIONS = 256  # lowered when the process may not open that many files (ulimit -n)


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    root: Path
    origin: str  # scheme://host[:port] of site_url: the only Origin accepted
    article_ids: frozenset[int]
    titles: dict[tuple[str, int], str]  # (lang, id) -> question, for the report
    languages: tuple[str, ...]
    database_url: str
    rate_limit: int
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    max_connections: int = DEFAULT_MAX_CONNECTIONS


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags: ``!ENV [NAME, default]`` is read as MkDocs reads it; any other tag is ignored."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if os.environ.get(name)), default)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url(root: Path) -> str:
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    path = root / "mkdocs.yml"
    for _ in range(5):  # INHERIT chains are short
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # a SafeLoader
        if data.get("site_url"):
            return str(data["site_url"])
        if not data.get("INHERIT"):
            break
        path = (path.parent / data["INHERIT"]).resolve()
    raise ConfigError(f"{root / 'mkdocs.yml'}: no site_url; set site_url (or SITE_URL) to the site's address")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"site_url {url!r} has no http(s) host; the collector accepts only the site's origin")
    return f"{parts.scheme}://{parts.netloc}".lower()


def database_url(root: Path) -> str:
    url = os.environ.get("FEEDBACK_DATABASE_URL") or f"sqlite:///{root / DEFAULT_DATABASE}"
    # psycopg 3 is the driver we ship; a plain postgresql:// address means it.
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def load(root: Path) -> Config:
    cat, problems = catalogue.load(root)
    if cat is None or errors_in(problems):
        raise ConfigError("fix the content's errors (make check) before starting the collector:\n" + report(problems))
    return Config(
        root=root,
        origin=origin_of(site_url(root)),
        article_ids=frozenset(cat.ids),
        titles={key: article.title for key, article in cat.articles.items()},
        languages=cat.languages.codes,
        database_url=database_url(root),
        rate_limit=int(_number("FEEDBACK_RATE_LIMIT", DEFAULT_RATE_LIMIT, "requests per minute")),
        idle_timeout=_number("FEEDBACK_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT, "seconds", whole=False),
        header_timeout=_number("FEEDBACK_HEADER_TIMEOUT", DEFAULT_HEADER_TIMEOUT, "seconds", whole=False),
        body_timeout=_number("FEEDBACK_BODY_TIMEOUT", DEFAULT_BODY_TIMEOUT, "seconds", whole=False),
        max_connections=int(_number("FEEDBACK_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, "connections")),
    )


def _number(name: str, default: float, unit: str, whole: bool = True) -> float:
    """The environment's setting ``name``: a positive number (a whole one unless ``whole`` is False)."""
    value = os.environ.get(name, str(default)).strip()
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        number = 0
    if not 0 < number < float("inf"):
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{name}={value!r}: give {kind} of {unit} above 0, such as {default}")
    return number
