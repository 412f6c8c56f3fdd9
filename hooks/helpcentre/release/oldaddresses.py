"""Old addresses from another help centre (data/redirects.yml, written by ``make import-zendesk``) as 301s.

Reads data/redirects.yml (``articles``: id -> language -> old paths; ``categories``: key -> language -> old
paths; ``home``: language -> old paths), the catalogue and the built site; produces ``hosts.Alias`` values
from each old path (from the server root, as the old help centre answered it) to the page that replaced it,
and a problem for each target the site does not hold, naming the line to remove.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from helpcentre.content import catalogue as catalogues
from helpcentre.content.catalogue import Catalogue
from helpcentre.release.hosts import Alias

FILE = "data/redirects.yml"


def from_project(root: Path, site: Path, root_path: str) -> tuple[list[Alias], list[str]]:
    """The 301s of data/redirects.yml (another help centre's addresses), checked against the built site."""
    cat, problems = catalogues.load(root, "docs")
    if cat is None:
        return [], [str(p) for p in problems[:1]]
    return read(root, site, root_path, cat)


def read(root: Path, site: Path, root_path: str, catalogue: Catalogue) -> tuple[list[Alias], list[str]]:
    path = root / FILE
    if not path.is_file():
        return [], []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [f"{FILE}: cannot read it ({exc}); run make import-zendesk again or fix the file"]
    langs = catalogue.languages
    targets: list[tuple[str, str, str]] = []  # (old path, lang, page under docs/<lang>/)
    problems = []
    for article_id, by_lang in (data.get("articles") or {}).items():
        for lang, olds in (by_lang or {}).items():
            try:
                rel = catalogue.shown(lang, int(article_id)).rel_path
            except KeyError:
                problems.append(f"{FILE}: article {article_id} no longer exists; remove its lines or restore it")
                continue
            targets += [(old, lang, rel) for old in olds]
    for key, by_lang in (data.get("categories") or {}).items():
        targets += [(old, lang, f"{key}/index.md") for lang, olds in (by_lang or {}).items() for old in olds]
    targets += [(old, lang, "index.md") for lang, olds in (data.get("home") or {}).items() for old in olds]
    aliases = []
    for old, lang, rel in targets:
        if lang not in langs.codes:
            problems.append(f"{FILE}: '{lang}' is not a language of mkdocs.yml; remove its lines")
            continue
        page = langs.site_path(lang, rel)
        if not (site / page).is_file():
            problems.append(f"{FILE}: {old} would go to {page}, which the site does not have; remove the line")
            continue
        aliases.append(Alias(str(old), root_path + page))
    return aliases, problems
