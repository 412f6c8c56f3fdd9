"""``make import-zendesk``: the help centre read, mapped, converted and swapped in, then the report.

Reads the help centre through ``zendesk.Client``, the project's languages, categories and articles, and
what earlier imports recorded (data/zendesk.yml). Produces the files (``convert``), data/categories.yml
with the imported block, data/redirects.yml (every old address, for ``make release``) and data/zendesk.yml,
written all at once or not at all (``staging``), and ``dist/import-report.md``. Every failure is an
``ImportFailed`` whose message names the fix, raised before anything under docs/ or data/ changed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from helpcentre.content.sitedata import CATEGORIES_FILE
from helpcentre.core import languages
from helpcentre.importer import convert, files, mapping, report, staging, zendesk

REPORT = "dist/import-report.md"
_ID = re.compile(r"^id:\s*(\d+)\s*$", re.MULTILINE)


class ImportFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Outcome:
    changed: list[str]
    report: str
    seconds: float
    convert_seconds: float
    articles: int


def fetch(client: zendesk.Client, codes: tuple[str, ...], given: str | None) -> mapping.Fetched:
    answer = client.json(client.api("locales.json"))
    available = [str(loc) for loc in answer.get("locales") or [] if isinstance(loc, str)]
    if not available:
        raise zendesk.ZendeskError(f"{client.api('locales.json')}: no locales; is URL a Zendesk help centre?")
    mapped, skipped = mapping.locales(available, codes, given)
    fetched = mapping.Fetched(client.base, str(answer.get("default_locale") or available[0]), mapped, tuple(skipped))
    for locale in mapped:
        for kind in ("categories", "sections", "articles"):
            found = list(client.items(f"{locale}/{kind}.json", kind, f"{kind} ({locale})"))
            getattr(fetched, kind)[locale] = found
    client.done()
    return fetched


def _existing(root: Path, owned: set[str]) -> mapping.Existing:
    """The ids and paths of the articles no import wrote (read from their front matter's ``id:`` line, so
    that content with errors, imported or not, never blocks a re-import)."""
    paths = {p.relative_to(root).as_posix() for p in (root / "docs").rglob("*.md")} - owned
    ids = set()
    for path in paths:
        head = (root / path).read_bytes()[:4096].decode("utf-8", "replace").split("\n---", 1)[0]
        if found := _ID.search(head):
            ids.add(int(found.group(1)))
    return mapping.Existing(frozenset(ids), frozenset(paths), frozenset())


def run(root: Path, client: zendesk.Client, given_locales: str | None) -> Outcome:
    started = time.perf_counter()
    langs = languages.of(root)
    state_path = root / files.STATE_FILE
    recorded_text = state_path.read_text(encoding="utf-8") if state_path.exists() else None
    sections, recorded, owned = files.read_state(recorded_text)
    state = mapping.State(sections, recorded, owned)
    existing = _existing(root, set(owned))
    categories_text = (root / CATEGORIES_FILE).read_text(encoding="utf-8")
    own_categories = _categories_outside_block(categories_text)
    existing = mapping.Existing(existing.ids, existing.paths, frozenset(own_categories))
    try:
        fetched = fetch(client, langs.codes, given_locales)
        plan = mapping.plan(fetched, state, existing, langs.codes)
        converted = convert.articles(plan, client.host, langs.default, client.image, langs.codes)
    except (zendesk.ZendeskError, mapping.MappingError, convert.ConvertError) as exc:
        raise ImportFailed(str(exc)) from None
    writes = dict(converted.writes)
    source_lang = fetched.locales.get(fetched.default_locale, langs.default)
    entries = []
    for cat in plan.categories:
        names = {code: cat.names.get(code) or cat.names.get(source_lang) or cat.key for code in langs.codes}
        descriptions = {
            code: cat.descriptions.get(code) or cat.descriptions.get(source_lang) or names[code] for code in langs.codes
        }
        entries.append({"key": cat.key, "name": names, "description": descriptions})
    writes[CATEGORIES_FILE] = files.categories(categories_text, entries).encode()
    writes[files.REDIRECTS_FILE] = _redirects(plan, fetched).encode()
    docs_written = sorted(p for p in converted.writes if p.startswith("docs/"))
    records = {a.zendesk_id: (a.id, a.category, a.slug) for a in plan.articles}
    section_keys = {c.section_id: c.key for c in plan.categories}
    writes[files.STATE_FILE] = files.state(fetched.url, section_keys, records, docs_written).encode()
    removes = set(owned) - set(writes)
    try:
        changed = staging.apply(root, writes, removes)
    except (OSError, ValueError) as exc:
        raise ImportFailed(f"could not write the import ({exc}); docs/ and data/ were left as they were") from None
    text = report.render(fetched, plan, converted, changed, sorted(removes))
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_text(text, encoding="utf-8", errors="backslashreplace")
    total = time.perf_counter() - started
    return Outcome(changed, text, total, converted.seconds, len(plan.articles))


def _categories_outside_block(text: str) -> set[str]:
    start = text.find(files.CATEGORIES_BEGIN)
    own = text if start == -1 else text[:start] + text[text.find(files.CATEGORIES_END) + len(files.CATEGORIES_END) :]
    return {line.split(":", 1)[1].strip() for line in own.splitlines() if line.startswith("- key:")}


def _redirects(plan: mapping.Plan, fetched: mapping.Fetched) -> str:
    articles: dict[int, dict[str, list[str]]] = {}
    for art in plan.articles:
        for lang, item in art.versions.items():
            articles.setdefault(art.id, {})[lang] = mapping.addresses("articles", item, str(item.get("locale")))
    cats = {c.key: c.addresses for c in plan.categories}
    home: dict[str, list[str]] = {}
    for locale, lang in fetched.locales.items():
        home.setdefault(lang, []).append(f"/hc/{locale}")
        for category in fetched.categories.get(locale, []):
            home[lang] += mapping.addresses("categories", category, locale)
    return files.redirects(articles, cats, home)
