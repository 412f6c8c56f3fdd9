"""The text of what an import writes: articles' front matter, the categories, old addresses, the record.

Reads a ``mapping.Plan``'s pieces and produces file contents, always the same bytes for the same input (a
re-import of an unchanged help centre rewrites nothing). Every string goes through ``quoted``: a JSON
string is a YAML double-quoted scalar, so titles holding ``: ``, ``#``, quotes, a leading ``*`` or « »
read back as written; ``broken_character`` finds what no file can hold (half of a character). Pure: no files.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from helpcentre.content.fields import MAX_TAGS

CATEGORIES_BEGIN = "# --- Imported from Zendesk by make import-zendesk: it rewrites this block at each import ---"
CATEGORIES_END = "# --- End of the categories imported from Zendesk ---"
OUTDATED = "outdated-on-zendesk"  # translation_of of a translation Zendesk marks outdated: never a digest
STATE_FILE = "data/zendesk.yml"
REDIRECTS_FILE = "data/redirects.yml"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def printable(text: object) -> str:
    """``text`` as a message shows it: spaces tidied, half of a character as its ``\\udXXX`` escape."""
    return " ".join(str(text or "").encode("utf-8", "backslashreplace").decode("utf-8").split())


def broken_character(text: str, retype_in: str = "Zendesk's editor") -> str | None:
    """What makes ``text`` unwritable as UTF-8 (half of a character Zendesk's JSON split), where, and where on
    Zendesk to retype it."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    before = " ".join(re.sub(r"<[^>]*>", " ", text[max(0, found.start() - 80) : found.start()]).split())[-40:]
    return (
        f'a broken character (U+{ord(found.group()):04X}, half of a character) after "{before}"; retype that'
        f" character in {retype_in}, then import again"
    )


def title_of(raw: object) -> tuple[str, list[str]]:
    """The question as our front matter takes it: one line, no < or >."""
    text, changes = " ".join(str(raw or "").split()), []
    if re.search(r"[<>]", text):
        text = text.replace("<", "‹").replace(">", "›")
        changes.append("title: < and > became ‹ and › (titles are plain text here)")
    return text, changes


def date_of(raw: object) -> str | None:
    try:
        return dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def tags_of(labels: object) -> tuple[list[str], list[str]]:
    words = [" ".join(str(w).split()) for w in labels or [] if str(w).strip()] if isinstance(labels, list) else []
    words = list(dict.fromkeys(words))
    changes = [f"labels past the first {MAX_TAGS} left out: {', '.join(words[MAX_TAGS:])}"] if words[MAX_TAGS:] else []
    return words[:MAX_TAGS], changes


def article(fields: dict[str, object], body: str) -> str:
    """The article's file: front matter in the order of fields.py, then the answer."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None or value == [] or value is False:
            continue
        if isinstance(value, bool):
            lines.append(f"{key}: true")
        elif isinstance(value, int):
            lines.append(f"{key}: {value}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(quoted(v) for v in value)}]")
        elif key in ("updated", "category", "translation_of"):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {quoted(str(value))}")
    return "\n".join(lines) + "\n---\n\n" + body


def categories(existing: str, entries: list[dict]) -> str:
    """data/categories.yml: the project's own text kept as written, the imported block (re)written at its end."""
    start, end = existing.find(CATEGORIES_BEGIN), existing.find(CATEGORIES_END)
    if start != -1 and end != -1:
        existing = existing[:start] + existing[end + len(CATEGORIES_END) :].lstrip("\n")
    existing = existing.rstrip("\n") + "\n" if existing.strip() else ""
    if not entries:
        return existing
    block = [CATEGORIES_BEGIN]
    for entry in entries:
        block.append(f"- key: {entry['key']}")
        for part in ("name", "description"):
            block.append(f"  {part}:")
            block += [f"    {lang}: {quoted(text)}" for lang, text in entry[part].items()]
    block.append(CATEGORIES_END)
    return existing + "\n".join(block) + "\n"


def redirects(articles: dict[int, dict[str, list[str]]], cats: dict[str, dict[str, list[str]]], home) -> str:
    head = (
        "# Old addresses, each answered by make release with a 301 to its page here (_redirects, hosts/nginx.conf).\n"
        "# Written by make import-zendesk (README: Moving from Zendesk); keep it after the move.\n"
        "# articles: id -> language -> old paths; categories: key -> ...; home: language -> old paths.\n"
    )
    data = {"articles": articles, "categories": cats, "home": home}
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=1000)


def state(url: str, sections: dict[int, str], articles: dict[int, tuple[int, str, str]], files: list[str]) -> str:
    head = (
        "# What make import-zendesk imported, so that the next import keeps ids, categories and file names\n"
        "# (README: Moving from Zendesk). Keep it while Zendesk is the source; delete it once writers work here.\n"
    )
    data = {
        "source": url,
        "sections": {k: sections[k] for k in sorted(sections)},
        "articles": {k: {"id": i, "category": c, "slug": s} for k, (i, c, s) in sorted(articles.items())},
        "files": sorted(files),
    }
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def read_state(text: str | None):
    """(sections, articles, files) from data/zendesk.yml's text, empty when there was no import."""
    data = yaml.safe_load(text) if text else None
    if not isinstance(data, dict):
        return {}, {}, ()
    sections = {int(k): str(v) for k, v in (data.get("sections") or {}).items()}
    articles = {
        int(k): (int(v["id"]), str(v["category"]), str(v["slug"])) for k, v in (data.get("articles") or {}).items()
    }
    return sections, articles, tuple(str(f) for f in data.get("files") or ())
