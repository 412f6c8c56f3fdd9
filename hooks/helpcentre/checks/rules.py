"""Content checks beyond what the catalogue itself refuses: links, unsafe HTML, typography, twins.

Reads the catalogue's articles (their Markdown bodies and front matter) and produces ``Problem`` values, with
the images each answer shows (``Checked``: the build plans its screenshots from them). ``make check`` prints the
problems; every build runs the same function, so the two always agree.
"""

from __future__ import annotations

import bisect
import datetime as dt
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from helpcentre.checks import images, placeholders, reviews, terms, typography
from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.core.problems import Problem, error, warning
from helpcentre.core.slugs import slugify
from helpcentre.images import ondisk, references

# Every pattern runs in linear time on any text: no two repeats that can match the same characters follow each
# other, so a hostile article (a long line of '{#a', '](' or '<', thousands of blank lines) cannot stall a check.
_FENCE_CLOSE = re.compile(r"(```|~~~)[ \t]*")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\]\(\s*<?([^)\s>\]]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_UNSAFE_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|frame|frameset)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[^<>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}[^\S\n]+(.*)$", re.MULTILINE)
_ID_IN_ATTRIBUTES = re.compile(r"#([\w-]+)")
_STEP = re.compile(r"^[^\S\n]*\d+[.)]\s", re.MULTILINE)
_BOLD = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
_URL = re.compile(r"https?://\S+")
_UNSAFE_FIX = "remove it: articles are Markdown only, scripts and embeds are not allowed"


@dataclass(frozen=True)
class Checked:
    problems: list[Problem]
    images_shown: Mapping[tuple[str, int], list[references.Reference]]  # by article key: those it checked


def run(
    root: Path,
    docs_dir: str,
    catalogue: Catalogue,
    today: dt.date | None = None,
    only: str | None = None,
    on_disk: ondisk.ImagesOnDisk | None = None,
) -> Checked:
    """Every problem of the content; with ``only``, the articles of that language alone are checked one by
    one (the checks of the whole run all the same). ``on_disk``: the image files, when the caller walked them.
    Also the images the answers it read show: found once, for the checks and the build."""
    today = today or dt.date.today()
    proses = {key: _blank_code(article.body) for key, article in catalogue.articles.items()}
    anchors = _anchor_index(catalogue, proses)
    problems: list[Problem] = _aliases(catalogue) + reviews.check(catalogue, today)
    preferred_terms, term_problems = terms.load_terms(root)
    on_disk = on_disk or ondisk.walk(root, docs_dir, catalogue.languages.codes)
    image_problems, images_shown = images.check(on_disk, catalogue, proses, only)
    problems += term_problems + image_problems
    for snippet in catalogue.snippets.values():
        problems += _unsafe_markup(snippet.path, 1, _blank_code(snippet.text))
    for key, article in catalogue.articles.items():
        if only is not None and article.lang != only:
            continue
        prose = proses[key]
        problems += _unsafe(article, prose)
        problems += placeholders.check(article, prose, catalogue.languages)
        problems += terms.check(article, prose, preferred_terms.get(article.lang))
        problems += _links(article, prose, catalogue, anchors)
        problems += typography.check(article, prose, catalogue.languages[article.lang])
        if article.updated and article.updated > today:
            problems.append(
                warning(article.path, article.line_of("updated"), f"updated date {article.updated} is in the future")
            )
        twin = catalogue.twin(article)
        if twin is not None and article.lang != catalogue.languages.default:
            problems += _twin_shape(article, twin)
    return Checked(problems, MappingProxyType(images_shown))


def _aliases(catalogue: Catalogue) -> list[Problem]:
    """An old address must be free: not a current page, a generated page, or another article's alias."""
    taken = {a.rel_path[: -len(".md")] for a in catalogue.articles.values()}
    taken |= {"index"} | {f"{c.key}/index" for c in catalogue.categories}
    seen: dict[str, int] = {}
    problems = []
    for article in sorted(catalogue.articles.values(), key=lambda a: (a.id, a.lang)):
        for alias in article.aliases:
            stem = re.sub(r"\.(html|md)$", "", alias.strip("/"))
            line = article.line_of("aliases")
            if not re.fullmatch(r"[\w.-]+(/[\w.-]+)*", stem) or ".." in stem.split("/"):
                problems.append(
                    error(article.path, line, f"alias '{alias}' is not a path such as old-folder/old-name.html")
                )
            elif stem in taken:
                problems.append(
                    error(article.path, line, f"alias '{alias}' is the address of a page that exists; remove it")
                )
            elif seen.setdefault(stem, article.id) != article.id:
                problems.append(
                    error(article.path, line, f"alias '{alias}' is already an old address of article {seen[stem]}")
                )
    return problems


def _blank_code(text: str) -> str:
    """The text with code blocks and spans blanked out, keeping line numbers.

    A fence opens on a line starting with ``` or ~~~ and closes at the next line holding just the same three
    characters; an opening without a closing line is text.
    """
    if "`" not in text and "~~~" not in text:  # most answers: nothing to blank
        return text
    lines = text.split("\n")
    closings: dict[str, list[int]] = {"```": [], "~~~": []}
    for number, line in enumerate(lines):
        if _FENCE_CLOSE.fullmatch(line):
            closings[line[:3]].append(number)
    number = 0
    while number < len(lines):
        fence = lines[number][:3]
        if fence in closings:
            after = closings[fence]
            at = bisect.bisect_right(after, number)
            if at < len(after):
                for blanked in range(number, after[at] + 1):
                    lines[blanked] = " " * len(lines[blanked])
                number = after[at]
        number += 1

    def blank(match: re.Match) -> str:
        return " " * len(match.group(0))

    return _CODE_SPAN.sub(blank, "\n".join(lines))


def _line(article: Article, text: str, index: int) -> int:
    return article.body_line + text.count("\n", 0, index)


def _unsafe(article: Article, prose: str) -> list[Problem]:
    problems = _unsafe_markup(article.path, article.body_line, prose)
    for key, value in _meta_strings(article):
        if "<" not in value and ":" not in value:  # every pattern needs one of them
            continue
        if _UNSAFE_TAG.search(value) or _JS_URL.search(value) or _EVENT_HANDLER.search(value):
            problems.append(
                error(
                    article.path, article.line_of(key), f"front matter '{key}' contains HTML or a script; {_UNSAFE_FIX}"
                )
            )
    return problems


def _unsafe_markup(path: str, first_line: int, prose: str) -> list[Problem]:
    """Scripts, embeds, event handlers and javascript: URLs in an answer or a snippet (code blanked)."""
    problems = []
    for pattern, what in (
        (_UNSAFE_TAG, "raw <{0}> tag"),
        (_EVENT_HANDLER, "inline event handler '{0}' (column {1})"),
        (_JS_URL, "javascript: URL"),
    ):
        for match in pattern.finditer(prose):
            # The attribute's column, counted from 1 as editors do, finds it in a long line of HTML.
            at = match.start(1) if match.groups() else match.start()
            label = what.format(match.group(1).lower() if match.groups() else "", at - prose.rfind("\n", 0, at))
            problems.append(error(path, first_line + prose.count("\n", 0, at), f"{label}; {_UNSAFE_FIX}"))
    return problems


def _meta_strings(article: Article) -> Iterator[tuple[str, str]]:
    yield "title", article.title
    for tag in article.tags:
        yield "tags", tag
    for alias in article.aliases:
        yield "aliases", alias


def _anchor_index(catalogue: Catalogue, proses: dict) -> dict[tuple[str, str], set[str]]:
    """The heading ids of every article; ``proses`` holds each body with its code blanked, by catalogue key."""
    index = {}
    for key, article in catalogue.articles.items():
        ids = {found[-1] for _, _, inner in _braces(article.body) if (found := _ID_IN_ATTRIBUTES.findall(inner))}
        for match in _HEADING.finditer(proses[key]):
            ids.add(_heading_id(match.group(1)))
        index[(article.lang, article.rel_path)] = ids
    return index


def _braces(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, inside) of each '{...}' from left to right, as the pattern \\{[^}]*\\} finds them."""
    at = 0
    while (start := text.find("{", at)) != -1 and (end := text.find("}", start)) != -1:
        yield start, end + 1, text[start + 1 : end]
        at = end + 1


def _heading_id(content: str) -> str:
    """A heading's id: its attribute list's '#id' ('## Title {#id}'), else its text as Python-Markdown slugs it."""
    text = content.rstrip().rstrip("#").rstrip()  # closing hashes: '## Title ##'
    if text.endswith("}"):
        opening = text.find("{", text.rfind("}", 0, len(text) - 1) + 1)
        if opening != -1 and (found := _ID_IN_ATTRIBUTES.findall(text, opening + 1, len(text) - 1)):
            return found[-1]
    kept, at = [], 0
    for start, end, _ in _braces(text):
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return slugify("".join(kept))


def _links(article: Article, prose: str, catalogue: Catalogue, anchors: dict) -> list[Problem]:
    problems = []
    for match in _LINK.finditer(prose):
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("//"):
            continue  # external or mailto/tel; javascript: is refused above
        path, _, fragment = target.partition("#")
        if path and not path.endswith(".md") and not path.startswith("/"):
            continue  # images and files: MkDocs validates those in the build
        line = _line(article, prose, match.start())
        if path.startswith("/"):
            problems.append(
                error(
                    article.path,
                    line,
                    f"link '{target}' is absolute; write it relative, like ../my-account/forgot-password.md",
                )
            )
            continue
        if not path:
            if fragment and fragment not in anchors.get((article.lang, article.rel_path), set()):
                problems.append(error(article.path, line, f"link '#{fragment}' points at no heading of this article"))
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(article.rel_path), path))
        found = next(
            (lang for lang in (article.lang, catalogue.languages.default) if (lang, resolved) in anchors), None
        )
        if found is None and _generated(resolved, catalogue):
            continue  # the home page or a category page: the build writes them, with no anchors to check
        if found is None:
            problems.append(
                error(
                    article.path,
                    line,
                    f"link '{target}' points at a missing page (docs/{article.lang}/{resolved}); fix the path",
                )
            )
        elif fragment and fragment not in anchors[(found, resolved)]:
            problems.append(
                error(
                    article.path,
                    line,
                    f"link '{target}' points at a missing anchor '#{fragment}' in docs/{found}/{resolved}",
                )
            )
    return problems


def _twin_shape(article: Article, twin: Article) -> list[Problem]:
    problems = []
    for pattern, what in ((_STEP, "numbered steps"), (_BOLD, "bold interface labels")):
        mine, theirs = len(pattern.findall(article.body)), len(pattern.findall(twin.body))
        if mine != theirs:
            problems.append(
                warning(
                    article.path,
                    article.body_line,
                    f"{mine} {what} here but {theirs} in {twin.path}; keep the versions in step",
                )
            )
    return problems


def _generated(rel: str, catalogue: Catalogue) -> bool:
    """Whether ``rel`` (below a language's folder) is a page the build generates: home, a category's page."""
    return rel == "index.md" or any(rel == f"{c.key}/index.md" for c in catalogue.categories)
