"""RESULTS.md's tables of the stages measured once a run: the screenshot page on a phone, the corpus with two
screenshots an article, and the import of a Zendesk help centre.

Reads the dict ``benchmarks.run`` builds (keys ``screenshots``, ``images``, ``import``; any may be missing).
Produces Markdown lines (tables, no prose).
"""

from __future__ import annotations

from .figures import num, times


def _screenshots(page: dict | None) -> list[str]:
    if not page or not page.get("kinds"):
        return []
    lines = [
        "## Screenshots: an article with four 1600×1000 PNG screens on a 375 px phone at 2×",
        "",
        "| sources | their bytes | downloaded before scrolling | share | files | CLS | build, empty / warm cache |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    for k in page["kinds"]:
        lines.append(
            f"| {k['kind']} | {k['sources']:,} | {k['bytes']:,} | {k['bytes'] / k['sources']:.1%} | "
            f"{', '.join(k['files'])} | {k['cls']:.3f} | {k['cold_s']:.1f} s / {k['warm_s']:.1f} s |"
        )
    return [*lines, ""]


def _images(images: dict | None) -> list[str]:
    if not images:
        return []
    return [
        f"## N = {images['size']:,} articles per language with two screenshots each",
        "",
        "| | figure |",
        "|---|---|",
        f"| screenshots shown (files: each language's own + wordless, {images['pixels']} px PNG) | "
        f"{images['references']:,} ({images['sources']:,} files, {images['source_bytes'] / 1e6:,.1f} MB) |",
        f"| build from an empty image cache | {num(images['cold_s'])} s |",
        f"| throughput: files / wall time of that build | {num(images['images_per_s'])} images/s |",
        f"| throughput: files / time it took beyond a warm build | {num(images['encoded_per_s'])} images/s |",
        f"| files published into the site (`assets/shots/`) | {images['published_files']:,} |",
        f"| warm image cache, median (runs) | {num(images['warm_s'])} s "
        f"({', '.join(map(str, images['warm_runs_s']))}) |",
        f"| same corpus without screenshots, median (runs) | {num(images['plain_s'])} s "
        f"({', '.join(map(str, images['plain_runs_s']))}) |",
        *_ratio(images, "warm", "plain", "warm / without screenshots"),
        *_alt_texts(images),
        "",
    ]


def _alt_texts(images: dict) -> list[str]:
    if "words_s" not in images:  # a run from before the alt-text corpus
        return []
    return [
        f"| same corpus, each screenshot replaced by its alt text, median (runs) | {num(images['words_s'])} s "
        f"({', '.join(map(str, images['words_runs_s']))}) |",
        *_ratio(images, "words", "plain", "alt texts / without screenshots: the screenshots' words and blocks"),
        *_ratio(images, "warm", "words", "warm / alt texts: the images themselves"),
    ]


def _ratio(images: dict, series: str, against: str, text: str) -> list[str]:
    """``series`` / ``against``: the median of each round's own (its two builds one after the other) with the
    rounds' ratios, and the ratio of the two series' medians (all that runs before the rounds reported)."""
    key = f"{series}_vs_{against}"
    rounds = images.get(f"{key}_rounds")
    if rounds is None:
        return [f"| {text} | {times(images[key])} |"]
    of_medians = images[f"{series}_s"] / images[f"{against}_s"]
    return [
        f"| {text}: median of the rounds' own (rounds) | {times(images[key])} ({', '.join(map(times, rounds))}) |",
        f"| {text}: ratio of the medians | {times(of_medians)} |",
    ]


def _import(found: dict | None) -> list[str]:
    if not found:
        return []
    return [
        "## Import from Zendesk (local server answering as the Help Center API)",
        "",
        "| articles | locales | seconds | conversion per article version | API and image requests |",
        "|---:|---:|---:|---:|---:|",
        f"| {found['articles']:,} | {found['locales']} | {found['seconds']:.1f} | "
        f"{found['convert_ms_per_article']:.2f} ms | {found['requests']:,} |",
        "",
    ]


def media_tables(results: dict) -> list[str]:
    return _screenshots(results.get("screenshots")) + _images(results.get("images")) + _import(results.get("import"))
