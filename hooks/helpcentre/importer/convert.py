"""Every imported article's files: front matter, Markdown answer, screenshots, and the notes for the report.

Reads a ``mapping.Plan`` and the help centre's address, converts each version's body (``bodies``), links
each old address of an imported article, section or Zendesk category to its page here in the same language
(the article, the category page, the home page), fetches the images
(``images``, through the caller's ``get``) and produces the files by path and, per article, what the
report says about it. A body that does not convert, or a title or label no file can hold, stops the import
with the article named.
"""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from helpcentre.content.article import read_article
from helpcentre.importer import bodies, files, images, mapping

_OLD_PATH = re.compile(r"^/hc/(?:[A-Za-z-]+/)?(articles|sections|categories)/(\d+)")
_PLACEHOLDER = re.compile(r"!\[([^\]]*)\]\(hcimg:(\d+)\)")


class ConvertError(ValueError):
    pass


@dataclass
class Notes:
    """What the report says of one article in one language."""

    title: str
    path: str
    changes: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    no_alt: list[str] = field(default_factory=list)
    images: int = 0


@dataclass(frozen=True)
class Targets:
    """What a link to the old help centre can lead to here, by Zendesk id."""

    articles: dict[int, mapping.Article]
    sections: dict[int, str]  # -> our category's key
    categories: frozenset[int]  # Zendesk's categories: the home page


@dataclass
class Converted:
    writes: dict[str, bytes]
    notes: list[Notes]
    images: int
    seconds: float  # spent converting bodies


def articles(
    plan: mapping.Plan, host: str, default: str, get: Callable[[str], bytes], codes: tuple[str, ...]
) -> Converted:
    targets = Targets({a.zendesk_id: a for a in plan.articles}, {c.section_id: c.key for c in plan.categories},
                         plan.zendesk_categories)  # fmt: skip
    urls: list[str] = []  # placeholder number -> address
    texts: dict[tuple[int, str], tuple[str, Notes, list[int]]] = {}
    started = time.perf_counter()
    for art in plan.articles:
        for lang, item in art.versions.items():
            base = str(item.get("html_url") or f"https://{host}/")
            used: list[int] = []

            def link(href: str, base=base, lang=lang, art=art) -> tuple[str | None, bool]:
                return _link(href, base, host, lang, art, targets)

            def image(src: str, alt: str, base=base, used=used) -> str | None:
                url = urllib.parse.urljoin(base, src)
                if urllib.parse.urlsplit(url).netloc.lower() != host:
                    return None
                # Encoded here, not at the request: "my shot.png" and "my%20shot.png" are one image, fetched once
                # and, shown in both languages, one wordless file.
                urls.append(images.percent_encoded(url))
                used.append(len(urls) - 1)
                return f"hcimg:{len(urls) - 1}"

            title, title_changes = files.title_of(item.get("title"))
            path = f"docs/{lang}/{art.category}/{art.slug}.md"
            if problem := _unwritable(title, item.get("label_names")):
                raise ConvertError(f"{named(art.zendesk_id, item)}: {problem}")
            try:
                body = bodies.convert(str(item.get("body") or ""), link, image)
            except bodies.BodyError as exc:
                raise ConvertError(f"{named(art.zendesk_id, item)}: {exc}") from None
            notes = Notes(title, path, [*title_changes, *body.changes], list(body.external), list(body.no_alt))
            texts[(art.id, lang)] = (body.markdown, notes, used)
    seconds = time.perf_counter() - started
    fetched = images.fetch_all(list(dict.fromkeys(urls)), get)
    writes: dict[str, bytes] = {}
    all_notes = []
    for art in plan.articles:
        names = _image_names(art, texts, urls, fetched, default)
        digest = None
        for lang in [art.original, *(c for c in codes if c != art.original and c in art.versions)]:
            markdown, notes, _ = texts[(art.id, lang)]
            markdown = _place_images(markdown, urls, fetched, names, (lang, default), art, notes, writes)
            item = art.versions[lang]
            tags, tag_changes = files.tags_of(item.get("label_names"))
            notes.changes += tag_changes
            fields = {
                "id": art.id, "title": notes.title, "category": art.category, "tags": tags,
                "updated": files.date_of(item.get("updated_at")),
                "translation_of": None if lang == art.original else
                (files.OUTDATED if item.get("outdated") else digest),
                "untranslated": len(art.versions) == 1,
            }  # fmt: skip
            text = files.article(fields, markdown)
            if lang == art.original:
                parsed, _ = read_article(lang, f"{art.category}/{art.slug}.md", text.encode())
                digest = parsed.digest if parsed else None
            writes[notes.path] = text.encode()
            all_notes.append(notes)
    count = sum(1 for v in fetched.values() if isinstance(v, bytes))
    return Converted(writes, all_notes, count, seconds)


def named(zendesk_id: int, item: dict) -> str:
    """An article as the help centre's team knows it: Zendesk id, locale and title (printable)."""
    return f'Zendesk article {zendesk_id} ({item.get("locale")}) "{files.printable(item.get("title"))}"'


def _unwritable(title: str, labels: object) -> str | None:
    """What in an article's title or tags no front matter (UTF-8) can hold: half of a character. Labels past
    the tags' limit are not checked: they only reach the report, which escapes such a character."""
    if broken := files.broken_character(title):
        return f"its title holds {broken}"
    for label in files.tags_of(labels)[0]:
        if broken := files.broken_character(label, "the article's labels in Zendesk"):
            return f'its label "{files.printable(label)}" holds {broken}'
    return None


def _link(href, base, host, lang, art, targets) -> tuple[str | None, bool]:
    if href.startswith("#"):
        return None, False
    url = urllib.parse.urljoin(base, href)
    parts = urllib.parse.urlsplit(url)
    if parts.netloc.lower() != host:
        return (url if url != href else None), False
    match = _OLD_PATH.match(parts.path)
    if not match:
        return url, False
    kind, zendesk_id = match.group(1), int(match.group(2))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if kind == "sections":  # our category page in the same language
        key = targets.sections.get(zendesk_id)
        if key is None:
            return url, True
        return ("index.md" if key == art.category else f"../{key}/index.md") + fragment, False
    if kind == "categories":  # no page here: the home page, where its old address leads
        return (f"../index.md{fragment}", False) if zendesk_id in targets.categories else (url, True)
    target = targets.articles.get(zendesk_id)
    if target is None:
        return url, True
    if target is art:
        return fragment or f"{art.slug}.md", False
    folder = "" if target.category == art.category else f"../{target.category}/"
    return f"{folder}{target.slug}.md{fragment}", False


def _image_names(art, texts, urls, fetched, default) -> dict[tuple[str, str], str]:
    """(lang, address) -> file name beside the article; a screen every language shows is wordless."""
    shown: dict[str, set[str]] = {}
    for lang in art.versions:
        for n in texts[(art.id, lang)][2]:
            shown.setdefault(urls[n], set()).add(lang)
    names: dict[tuple[str, str], str] = {}
    taken: dict[str, set[str]] = {}
    for url, langs in shown.items():
        data = fetched.get(url)
        if not isinstance(data, bytes):
            continue
        ext = images.kind(data) or "png"
        wordless = len(langs) > 1 and default in langs
        for lang in sorted(langs):
            home = default if wordless else lang
            if wordless and (home, url) in names:
                names[(lang, url)] = names[(home, url)]
                continue
            names[(lang, url)] = names[(home, url)] = images.name_in(taken.setdefault(home, set()), url, ext, wordless)
    return names


def _place_images(markdown, urls, fetched, names, langs: tuple[str, str], art, notes: Notes, writes) -> str:
    lang, default = langs

    def place(match: re.Match) -> str:
        alt, url = match.group(1), urls[int(match.group(2))]
        data = fetched.get(url)
        if not isinstance(data, bytes):
            notes.changes.append(f"image not imported: {data}")
            return alt
        name = names[(lang, url)]
        folder = f"docs/{default if '.wordless.' in name else lang}/{art.category}/{art.slug}"
        writes[f"{folder}/{name}"] = data
        notes.images += 1
        return f"![{alt}]({art.slug}/{name})"

    return _PLACEHOLDER.sub(place, markdown)
