"""What a pull request changes for readers, and the job summary that says it on GitHub.

Reads the files that differ from the pull request's base (``gitrepo.changes_since``; the base is
``HC_BASE_REF``, else ``origin/$GITHUB_BASE_REF``), the catalogue and the problems of ``make check``, and
produces ``Changes`` (articles added, changed or removed per language, an article counting as changed when a
snippet it places changed) and the Markdown of the job summary: those articles, the translations they leave
missing or out of date, the problems by kind, and where the built site and its screenshots are kept.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import snippets, translations
from helpcentre.content.catalogue import Catalogue
from helpcentre.core import languages
from helpcentre.core.problems import ERROR, Problem
from helpcentre.writers import gitrepo

ARTIFACT = "pull-request-site"  # the workflow's name for the built site and screenshots (HC_SITE_ARTIFACT)
ADDED, CHANGED, REMOVED = "added", "changed", "removed"


@dataclass(frozen=True)
class Changes:
    base: str | None  # the ref compared with; None when there is nothing to compare with
    articles: tuple[tuple[str, str, str], ...] = ()  # (lang, kind, path under docs/), by language then path
    why_not: str | None = None  # why nothing could be compared
    via_snippet: Mapping[str, str] = field(default_factory=dict)  # path -> the snippet that changed it

    def of(self, lang: str, kind: str) -> list[str]:
        return [
            path for article_lang, article_kind, path in self.articles if (article_lang, article_kind) == (lang, kind)
        ]

    def shown(self) -> list[str]:
        """The paths of the articles a reader of the built site can see that this pull request touched."""
        return [path for _, kind, path in self.articles if kind != REMOVED]


def base_ref(env: Mapping[str, str] = os.environ) -> str | None:
    return env.get("HC_BASE_REF") or (f"origin/{env['GITHUB_BASE_REF']}" if env.get("GITHUB_BASE_REF") else None)


def changes(root: Path, docs_dir: str, catalogue: Catalogue | None, env: Mapping[str, str] = os.environ) -> Changes:
    base = base_ref(env)
    if base is None:
        return Changes(None, why_not="Not a pull request (no GITHUB_BASE_REF): there is no base to compare with.")
    files = gitrepo.changes_since(root, base)
    if files is None:
        branch = base.removeprefix("origin/")
        return Changes(
            base,
            why_not=f"Could not compare with `{base}`: the history or the base branch is missing (a shallow clone). "
            f"Fetch them with `git fetch --unshallow origin {branch}` (or `fetch-depth: 0` in actions/checkout).",
        )
    found: dict[str, tuple[str, str]] = {}
    codes = languages.of(root).codes
    snippet_changes = []
    for status, path in files:
        parts = path.split("/")
        if path.startswith(f"{docs_dir}/") and path.endswith(".md") and len(parts) > 2 and parts[1] in codes:
            found[path] = (parts[1], {"A": ADDED, "D": REMOVED}.get(status, CHANGED))
        elif path.startswith(f"{snippets.SNIPPETS_DIR}/") and len(parts) == 4 and parts[2] in codes:
            snippet_changes.append((parts[2], parts[3].removesuffix(".md")))
    via = {}
    for lang, key in snippet_changes:
        for article in catalogue.articles.values() if catalogue else ():
            if article.lang == lang and key in snippets.used_by(article) and article.path not in found:
                found[article.path] = (lang, CHANGED)
                via[article.path] = key
    ordered = sorted(((lang, kind, path) for path, (lang, kind) in found.items()), key=lambda c: (c[0], c[2]))
    return Changes(base, tuple(ordered), via_snippet=via)


def summary(root: Path, catalogue: Catalogue | None, problems: list[Problem], found: Changes, env=os.environ) -> str:
    by_path = {a.path: a for a in catalogue.articles.values()} if catalogue else {}
    lines = ["## Help centre: what this pull request changes", ""]
    lines += _articles(found, by_path, languages.of(root).codes)
    lines += _translations(catalogue, found, by_path)
    lines += _problems(problems)
    lines += _artifact(found, env)
    return "\n".join(lines) + "\n"


def _articles(found: Changes, by_path: dict, codes: tuple[str, ...]) -> list[str]:
    lines = ["### Articles", ""]
    if found.why_not:
        return [*lines, f"> {found.why_not}", ""]
    lines += [f"Compared with `{found.base}`.", "", "| language | added | changed | removed |", "|---|---|---|---|"]
    lines += [
        f"| {lang} | " + " | ".join(str(len(found.of(lang, k))) for k in (ADDED, CHANGED, REMOVED)) + " |"
        for lang in codes
    ]
    lines.append("")
    for lang, kind, path in found.articles:
        article = by_path.get(path)
        what = f" {article.id}: {_md(article.title)}" if article else ""
        via = f" (snippet `{found.via_snippet[path]}`)" if path in found.via_snippet else ""
        lines.append(f"- **{kind}** ({lang}) `{path}`{what}{via}")
    return [*lines, ""] if found.articles else [*lines, "No article is added, changed or removed.", ""]


def _translations(catalogue: Catalogue | None, found: Changes, by_path: dict) -> list[str]:
    lines = ["### Translations", ""]
    if catalogue is None:
        return [*lines, "Fix the errors below first: translations are compared once `make check` passes.", ""]
    touched = {by_path[path].id for path in found.shown() if path in by_path}
    rows = [r for r in translations.status(catalogue) if r.state in (translations.MISSING, translations.OUTDATED)]
    mine = [r for r in rows if r.id in touched]
    for row in mine:
        target = f"docs/{row.translation}/{row.path}"
        todo = "to write" if row.state == translations.MISSING else f"out of date: `make translations SHOW={target}`"
        lines.append(f"- `{target}` ({row.id}) {todo}")
    if not mine:
        lines.append("This pull request leaves no translation missing or out of date.")
    if len(rows) > len(mine):
        lines += ["", f"Elsewhere in the site, {len(rows) - len(mine)} more: see `make translations`."]
    return [*lines, ""]


def _problems(problems: list[Problem]) -> list[str]:
    ordered = sorted(set(problems))
    errors = sum(p.severity == ERROR for p in ordered)
    lines = [
        "### Problems",
        "",
        f"{errors} error{'s' * (errors != 1)}, {len(ordered) - errors} warning"
        f"{'s' * (len(ordered) - errors != 1)} (each is also noted on its line in the pull request's files).",
        "",
    ]
    if not ordered:
        return lines
    kinds = Counter((p.severity, kind(p.message)) for p in ordered)
    first = {}
    for p in ordered:
        first.setdefault((p.severity, kind(p.message)), f"{p.path}:{p.line}")
    lines += ["| severity | kind | how many | first at |", "|---|---|---|---|"]
    for (severity, what), count in sorted(kinds.items(), key=lambda item: (item[0][0] != ERROR, -item[1], item[0][1])):
        lines.append(f"| {severity} | {_md(what)} | {count} | `{first[(severity, what)]}` |")
    return [*lines, ""]


def kind(message: str) -> str:
    """A problem's kind: its message before the fix, without the names, numbers and dates that vary."""
    head = message.split("; ", 1)[0]
    head = re.sub(r"'[^']*'|\"[^\"]*\"", "…", head)
    head = re.sub(r"\d{4}-\d{2}-\d{2}", "<date>", head)
    head = re.sub(r"\b(?:docs|data)/\S+", "<file>", head)
    head = re.sub(r"\b\d+\b", "N", head)
    return head if len(head) <= 120 else head[:119] + "…"


def _artifact(found: Changes, env: Mapping[str, str]) -> list[str]:
    name = env.get("HC_SITE_ARTIFACT", ARTIFACT)
    run = ""
    if env.get("GITHUB_SERVER_URL") and env.get("GITHUB_REPOSITORY") and env.get("GITHUB_RUN_ID"):
        run = f" ({env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/actions/runs/{env['GITHUB_RUN_ID']})"
    pages = len(found.shown())
    return [
        "### Built site and screenshots",
        "",
        f"The site this pull request builds is kept as the artifact `{name}` of this run{run}: open `site/index.html`"
        f" from it. `screenshots/` in it holds phone (375 px) and desktop (1280 px) screenshots of the {pages} "
        f"article{'s' * (pages != 1)} it adds or changes. It is built once `make check` finds no error.",
        "",
    ]


def _md(text: str) -> str:
    """Text in a Markdown table cell or list item, as text: no table break, no markup."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)
