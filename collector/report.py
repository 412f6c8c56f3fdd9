"""What the team reads: the feedback report, and the view counts that order the site's recommended lists.

Reads every row of the store and the catalogue's titles (``Config``); produces ``report_markdown``: answers
voted unhelpful (share of yes, votes, reasons, worst first, then the comments), the searches and questions
that found nothing grouped by their words per language (the content gaps), and views per article per
language; and ``popularity_csv``: ``data/popularity.csv`` (``id,views``, every article of the catalogue)
from the collected views. Whatever readers typed is escaped, so it shows as text wherever Markdown is read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .config import Config
from .events import REASONS

REASON_NAMES = {"outdated": "Out of date", "unclear": "Unclear", "not-my-question": "Not my question", "other": "Other"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#|!~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}  # entities: every Markdown reads them as text


def text(value: str) -> str:
    """Reader's text as plain text in Markdown: one line, every markup character escaped."""
    line = "".join(_HTML.get(c, c) for c in " ".join(str(value).split()))
    return _MARKDOWN.sub(r"\\\1", line)


def words(query: str) -> str:
    """The words of a search as they group: lower case, spaces and end punctuation dropped."""
    return " ".join(w.strip(".,;:!?¿¡«»\"'()") for w in query.lower().split()).strip()


def _title(config: Config, lang: str, article: int) -> str:
    return text(config.titles.get((lang, article)) or config.titles.get(("en", article)) or "(no longer on the site)")


def _votes(config: Config, votes: list[dict]) -> list[str]:
    per = defaultdict(list)
    for vote in votes:
        per[(vote["article"], vote["lang"])].append(vote)
    lines = ["## Helpfulness per article, worst first", ""]
    if not per:
        return [*lines, "No votes yet.", ""]
    lines += [
        "| Article | Language | Question | Helpful | Votes | " + " | ".join(REASON_NAMES[r] for r in REASONS) + " |",
        "|---:|---|---|---:|---:|" + "---:|" * len(REASONS),
    ]

    def share(key):
        yes = sum(v["answer"] == "yes" for v in per[key])
        return yes / len(per[key])

    for key in sorted(per, key=lambda k: (share(k), -len(per[k]), k)):
        reasons = Counter(v["reason"] for v in per[key])
        cells = [str(key[0]), key[1], _title(config, key[1], key[0]), f"{share(key):.0%}", str(len(per[key]))]
        lines.append("| " + " | ".join(cells + [str(reasons[r]) for r in REASONS]) + " |")
    comments = [v for v in votes if v["comment"]]
    lines += ["", "### Comments", ""]
    lines += [
        f"- {v['article']} ({v['lang']}, {REASON_NAMES.get(v['reason'], 'no reason given')}, {v['day']}): "
        + text(v["comment"])
        for v in comments
    ] or ["No comments yet."]
    return [*lines, ""]


def _gaps(config: Config, unanswered: list[dict]) -> list[str]:
    lines = ["## Searches and questions that found nothing", ""]
    if not unanswered:
        return [*lines, "None yet.", ""]
    for lang in config.languages:
        groups = defaultdict(list)
        for row in unanswered:
            if row["lang"] == lang:
                groups[words(row["query"])].append(row)
        if not groups:
            continue
        lines += [f"### {lang}", "", "| Words | Times | Where | What readers saw |", "|---|---:|---|---|"]
        for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
            rows = groups[key]
            where = ", ".join(sorted({r["source"] for r in rows}))
            shown = ", ".join(sorted({r["shown"] for r in rows}))
            lines.append(f"| {text(key)} | {len(rows)} | {where} | {shown} |")
        lines.append("")
    return lines


def view_counts(views: list[dict]) -> Counter:
    return Counter(row["article"] for row in views)


def _views(config: Config, views: list[dict]) -> list[str]:
    lines = ["## Views per article", ""]
    if not views:
        return [*lines, "No views yet.", ""]
    per_lang = Counter((row["article"], row["lang"]) for row in views)
    totals = view_counts(views)
    lines += ["| Article | Question | " + " | ".join(config.languages) + " | Total |"]
    lines += ["|---:|---|" + "---:|" * (len(config.languages) + 1)]
    for article, total in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        counts = [str(per_lang[(article, lang)]) for lang in config.languages]
        lines.append(f"| {article} | {_title(config, 'en', article)} | " + " | ".join(counts) + f" | {total} |")
    return [*lines, ""]


def report_markdown(config: Config, rows: dict[str, list[dict]]) -> str:
    days = sorted(row["day"] for table in rows.values() for row in table)
    span = f"Collected from {days[0]} to {days[-1]}" if days else "Nothing collected yet"
    head = [
        "# Help centre feedback",
        "",
        f"{span}: {len(rows['views'])} article views, {len(rows['votes'])} votes, "
        f"{len(rows['unanswered'])} searches and questions without an answer.",
        "",
    ]
    body = _votes(config, rows["votes"]) + _gaps(config, rows["unanswered"]) + _views(config, rows["views"])
    return "\n".join(head + body).rstrip() + "\n"


def popularity_csv(config: Config, views: list[dict]) -> str:
    """``id,views`` for every article of the catalogue (0 for those nobody opened), by id."""
    counts = view_counts(views)
    return "id,views\n" + "".join(f"{article},{counts[article]}\n" for article in sorted(config.article_ids))
