"""What a reader's browser may send, checked before anything is stored.

Reads one request body (at most ``MAX_BODY`` bytes of JSON) and the collector's ``Config``; produces the table
it belongs in and the row to store, or ``Invalid`` with a one-line reason for the 4xx answer. Three kinds:

- ``view``: ``{"kind": "view", "article": 1001, "lang": "en"}``, one per article page opened;
- ``vote``: ``{"kind": "vote", "article", "lang", "answer": "yes"|"no", "reason", "comment"}``; a "no" may say
  why (``REASONS``) and add a comment of at most ``COMMENT_MAX`` characters;
- ``unanswered``: ``{"kind": "unanswered", "source": "search"|"assistant", "lang", "query", "shown"}``, a search
  or question with no good answer and what the reader saw instead (``SHOWN``).

Rows carry the day (never the time), and nothing about who sent them.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

from helpcentre.core.problems import shown

from .config import Config

MAX_BODY = 4096  # bytes: a 500-character comment in any script fits
COMMENT_MAX = 500
QUERY_MAX = 200  # the search field's and the assistant's maxlength
REASONS = ("outdated", "unclear", "not-my-question", "other")
SHOWN = ("nothing", "other-language", "not-sure")  # no result at all, only answers in the other language, or
# answers the assistant listed without showing one, not sure they answer the question
SOURCES = ("search", "assistant")
_FIELDS = {
    "view": {"kind", "article", "lang"},
    "vote": {"kind", "article", "lang", "answer", "reason", "comment"},
    "unanswered": {"kind", "source", "lang", "query", "shown"},
}


class Invalid(ValueError):
    """A body the collector refuses; the message is the one-line reason sent back."""


def parse(body: bytes, config: Config, today: dt.date | None = None) -> tuple[str, dict]:
    """The table and the row for ``body``, or ``Invalid``."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise Invalid("the body is not JSON") from None
    if not isinstance(data, dict):
        raise Invalid("the body must be a JSON object")
    kind = data.get("kind")
    if kind not in _FIELDS:
        raise Invalid(f"kind must be one of {', '.join(_FIELDS)}")
    unknown = sorted(set(data) - _FIELDS[kind])
    if unknown:
        raise Invalid(f"unknown field {_short(unknown[0])} for a {kind}")
    row = {"day": today or dt.datetime.now(dt.UTC).date(), "lang": _choice(data, "lang", config.languages)}
    if kind == "unanswered":
        row |= {
            "source": _choice(data, "source", SOURCES),
            "query": _text(data.get("query"), "query", QUERY_MAX, required=True),
            "shown": _choice(data, "shown", SHOWN),
        }
        return "unanswered", row
    row["article"] = _article(data.get("article"), config)
    if kind == "view":
        return "views", row
    row["answer"] = _choice(data, "answer", ("yes", "no"))
    reason = data.get("reason")
    if row["answer"] == "yes" and (reason or data.get("comment")):
        raise Invalid("a yes vote takes no reason or comment")
    row["reason"] = None if reason is None else _choice(data, "reason", REASONS)
    row["comment"] = _text(data.get("comment"), "comment", COMMENT_MAX) or None
    return "votes", row


def _choice(data: dict, name: str, allowed: tuple[str, ...]) -> str:
    value = data.get(name)
    if value not in allowed:
        raise Invalid(f"{name} must be one of {', '.join(allowed)}, not {_short(value)}")
    return value


def _article(value, config: Config) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"article must be an article id (a whole number), not {_short(value)}")
    if value not in config.article_ids:
        raise Invalid(f"article {_short(value)} is not an article of this site")
    return value


def _text(value, name: str, limit: int, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"{name} must be text, not {_short(value)}")
    # Control characters (a newline stays) have no place in a search or a comment; they could break a report.
    text = "".join(c for c in value if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip()
    if required and not text:
        raise Invalid(f"{name} is empty")
    if len(text) > limit:
        raise Invalid(f"{name} is longer than {limit} characters")
    return text


def _short(value) -> str:
    """A value as the reason shows it: its JSON form, cut short (a reason is one line)."""
    return shown(json.dumps(value, ensure_ascii=True))
