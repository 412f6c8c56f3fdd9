"""The budgets of screenshots and the import (issues 28 and 29), one row each: what a phone downloads of an
article with four large screenshots before scrolling, its layout shift, a rebuild of the corpus with two
screenshots an article against the same corpus without, and the import of a Zendesk help centre.

Reads a ``Measured`` run's stages ``screenshots`` (``shot_page.py``), ``images`` (``image_builds.py``) and
``import`` (``zendesk_import.py``). Produces ``MEDIA_RULES``; ``budgets`` checks them with the others.
"""

from __future__ import annotations

from .measured import Measured, Rule, at


def _worst_share(m: Measured) -> dict | None:
    """The kind of source whose first screen is the largest share of its bytes."""
    page = m.stage("screenshots")
    if not page or not page.get("kinds"):
        return None
    return max(page["kinds"], key=lambda kind: kind["bytes"] / kind["sources"])


def _share(m: Measured) -> float | None:
    worst = _worst_share(m)
    return round(worst["bytes"] / worst["sources"], 4) if worst else None


def _share_at(m: Measured) -> str:
    worst = _worst_share(m)
    if not worst:
        return ""
    return f"{worst['kind']}: {worst['bytes']:,} of {worst['sources']:,} bytes, {len(worst['files'])} files"


def _cls(m: Measured) -> float | None:
    page = m.stage("screenshots")
    return max(kind["cls"] for kind in page["kinds"]) if page and page.get("kinds") else None


def _images_ratio(m: Measured) -> float | None:
    images = m.stage("images")
    return images["warm_vs_plain"] if images else None


def _images_rounds(m: Measured) -> list[float] | None:
    images = m.stage("images")
    return images.get("warm_vs_plain_rounds") if images else None  # a run from before the rounds: undecided


def _images_at(m: Measured) -> str:
    images = m.stage("images")
    if not images:
        return ""
    return f"{at(images['size'])}, {images['references']:,} screenshots ({images['sources']:,} files)"


def _import_s(m: Measured) -> float | None:
    found = m.stage("import")
    return found["seconds"] if found else None


def _import_at(m: Measured) -> str:
    found = m.stage("import")
    return f"{found['articles']:,} articles × {found['locales']} locales, local server" if found else ""


PHONE = "an article with four 1600×1000 PNG screenshots on a 375 px phone at 2×"

MEDIA_RULES: tuple[Rule, ...] = (
    Rule(
        "screenshots_first_screen", f"{PHONE}: downloaded before scrolling / sources", 0.25, "share", _share, _share_at
    ),
    Rule("screenshots_cls", f"{PHONE}: layout shift (CLS)", 0.0, "CLS", _cls, lambda m: "375 px at 2×, whole page"),
    Rule(
        "images_warm",
        "two screenshots an article, warm image cache: wall ≤ 1.05 × the same corpus without screenshots "
        "(each round's pair; the median's 90% range decides)",
        1.05,
        "×",
        _images_ratio,
        _images_at,
        rounds=_images_rounds,
    ),
    Rule("import_zendesk", "import of a Zendesk help centre (make import-zendesk)", 60, "s", _import_s, _import_at),
)
