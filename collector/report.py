"""What the team reads as text: the Markdown feedback report, and the view counts that order the site's
recommended lists.

Reads the ``summary.Summary`` of every row of the store and the catalogue (``Config``); produces
``report_markdown``: answers voted unhelpful (share of yes, votes, reasons, worst first, then the comments), the
searches and questions that found nothing grouped by their words per language (the content gaps), and views per
article per language; and ``popularity_csv``: ``data/popularity.csv`` (``id,views``, every article of the
catalogue) from the collected views. Whatever readers typed is code (``verbatim``), so it shows as typed wherever
Markdown is read, by autolinking renderers too; the rest of our text is escaped. The HTML page (``page``) shows
the same summary.
"""

from __future__ import annotations

import re
from collections import Counter

from .config import Config
from .events import REASONS
from .summary import Summary

REASON_NAMES = {"outdated": "Out of date", "unclear": "Unclear", "not-my-question": "Not my question", "other": "Other"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#|!~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}  # entities: every Markdown reads them as text
GONE = "(no longer on the site)"


def text(value: str) -> str:
    """Our text (a question) as plain text in Markdown: one line, every markup character escaped."""
    line = "".join(_HTML.get(c, c) for c in " ".join(str(value).split()))
    return _MARKDOWN.sub(r"\\\1", line)


def verbatim(value: str) -> str:
    """Reader's text as Markdown that shows it as typed (on one line) and nothing else: code spans, which no Markdown
    renderer reads markup, HTML or links in. Autolinkers (GitHub's, pymdownx.magiclink, markdown-it's linkify) find
    addresses in any other text, escaped or not: GitHub links ``mail&#64;x&#46;com``. A ``|`` is left outside the
    spans, escaped, as GFM tables split cells at a ``|`` even inside a span and Python-Markdown keeps a ``\\|`` there.
    """
    parts = re.split(r"(\s*\|\s*)", " ".join(str(value).split()))
    return "".join(part.replace("|", "\\|") if "|" in part else _code(part) for part in parts)


def _code(value: str) -> str:
    if not value:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)  # longer than any run inside
    pad = " " if value.startswith("`") or value.endswith("`") else ""  # a renderer strips one space each side
    return f"{fence}{pad}{value}{pad}{fence}"


def _votes(summary: Summary) -> list[str]:
    lines = ["## Helpfulness per article, worst first", ""]
    if not summary.helpfulness:
        return [*lines, "No votes yet.", ""]
    lines += [
        "| Article | Language | Question | Helpful | Votes | " + " | ".join(REASON_NAMES[r] for r in REASONS) + " |",
        "|---:|---|---|---:|---:|" + "---:|" * len(REASONS),
    ]
    for h in summary.helpfulness:
        cells = [str(h.article), h.lang, text(h.title or GONE), f"{h.share:.0%}", str(h.votes)]
        lines.append("| " + " | ".join(cells + [str(n) for n in h.reasons]) + " |")
    lines += ["", "### Comments", ""]
    lines += [
        f"- {c.article} ({c.lang}, {REASON_NAMES.get(c.reason, 'no reason given')}, {c.day}): " + verbatim(c.text)
        for c in summary.comments
    ] or ["No comments yet."]
    return [*lines, ""]


def _gaps(summary: Summary) -> list[str]:
    lines = ["## Searches and questions that found nothing", ""]
    if not summary.gaps:
        return [*lines, "None yet.", ""]
    for lang, gaps in summary.gaps:
        lines += [f"### {lang}", "", "| Words | Times | Where | What readers saw |", "|---|---:|---|---|"]
        lines += [f"| {verbatim(g.words)} | {g.times} | {', '.join(g.sources)} | {', '.join(g.shown)} |" for g in gaps]
        lines.append("")
    return lines


def _views(config: Config, summary: Summary) -> list[str]:
    lines = ["## Views per article", ""]
    if not summary.views:
        return [*lines, "No views yet.", ""]
    lines += ["| Article | Question | " + " | ".join(config.languages) + " | Total |"]
    lines += ["|---:|---|" + "---:|" * (len(config.languages) + 1)]
    for v in summary.views:
        counts = " | ".join(str(n) for n in v.per_lang)
        lines.append(f"| {v.article} | {text(v.title or GONE)} | {counts} | {v.total} |")
    return [*lines, ""]


def report_markdown(config: Config, summary: Summary) -> str:
    span = f"Collected from {summary.first_day} to {summary.last_day}" if summary.first_day else "Nothing collected yet"
    views, votes, unanswered = summary.counts
    head = [
        "# Help centre feedback",
        "",
        f"{span}: {views} article views, {votes} votes, {unanswered} searches and questions without an answer.",
        "",
    ]
    body = _votes(summary) + _gaps(summary) + _views(config, summary)
    return "\n".join(head + body).rstrip() + "\n"


def popularity_csv(config: Config, views: list[dict]) -> str:
    """``id,views`` for every article of the catalogue (0 for those nobody opened), by id."""
    counts = Counter(row["article"] for row in views)
    return "id,views\n" + "".join(f"{article},{counts[article]}\n" for article in sorted(config.article_ids))
