"""Translation status: which articles are missing in a language, out of date, or up to date.

Reads the catalogue: a translation records in ``translation_of`` the digest of the source it was made
from (its twin without ``translation_of``); when the source's question or answer changes, the digests
differ and the translation is out of date. ``record`` writes that field for a writer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from helpcentre.content.catalogue import Article, Catalogue

MISSING, OUTDATED, UP_TO_DATE, UNTRACKED = "missing", "outdated", "up to date", "not recorded"


@dataclass(frozen=True)
class Status:
    id: int
    path: str  # relative to docs/<lang>/
    source: str  # language of the original
    translation: str  # language of the translation
    state: str

    def as_dict(self) -> dict:
        return asdict(self)


def original(catalogue: Catalogue, article_id: int) -> Article:
    """The version the others are translated from: the first in fallback order that records no
    ``translation_of`` (without any record, the first in that order)."""
    versions = [a for lang in catalogue.languages.fallback_order if (a := catalogue.get(lang, article_id))]
    return next((a for a in versions if not a.translation_of), versions[0])


def source_and_translation(
    catalogue: Catalogue, article_id: int, lang: str | None = None
) -> tuple[Article, Article | None]:
    """The original and its translation in ``lang`` (by default the first other language in fallback order),
    None when missing."""
    source = original(catalogue, article_id)
    lang = lang or catalogue.languages.others(source.lang)[0]
    return source, catalogue.get(lang, article_id)


def status(catalogue: Catalogue) -> list[Status]:
    """One row per article and language it is translated into."""
    rows = []
    for article_id in catalogue.ids:
        source = original(catalogue, article_id)
        for other in catalogue.languages.others(source.lang):
            translation = catalogue.get(other, article_id)
            if translation is None:
                state = MISSING
            elif not translation.translation_of:
                state = UNTRACKED
            else:
                state = UP_TO_DATE if translation.translation_of == source.digest else OUTDATED
            rows.append(Status(article_id, source.rel_path, source.lang, other, state))
    return rows


def is_outdated(catalogue: Catalogue, article: Article) -> bool:
    if not article.translation_of:
        return False
    twin = catalogue.twin(article)
    return twin is not None and article.translation_of != twin.digest


def table(rows: list[Status]) -> str:
    header = ("id", "article", "from", "to", "state")
    lines = [header] + [(str(r.id), r.path, r.source, r.translation, r.state) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines]
    counts = {s: sum(r.state == s for r in rows) for s in (MISSING, OUTDATED, UP_TO_DATE, UNTRACKED)}
    out.append(", ".join(f"{n} {s}" for s, n in counts.items()))
    return "\n".join(out)


_FIELD = re.compile(r"^translation_of:.*$", re.MULTILINE)


def record(path: Path, digest: str) -> None:
    """Write ``translation_of: <digest>`` into the front matter of the translation at ``path``."""
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    if not sep:
        raise ValueError(f"{path}: no front matter to record the translation in")
    line = f"translation_of: {digest}"
    head = _FIELD.sub(line, head) if _FIELD.search(head) else f"{head}\n{line}"
    path.write_text(f"{head}{sep}{rest}", encoding="utf-8")
