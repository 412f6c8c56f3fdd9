"""The corpus with screenshots (issue 28), a stage of `make bench`: N articles per language with two screenshots
each, built from an empty image cache (throughput in images per second), then again with the cache warm, in
turn with the same corpus without screenshots and with the corpus whose screenshots are replaced by their alt
texts (what the screenshots' words and blocks cost, apart from the images: ``corpus.alt_texts_only``), each
going first in turn, 2 × ``--repeats`` - 1 rounds (budget: warm wall ≤ 1.05 × without, each round's ratio of
builds made one after the other: ``paired``).

Reads the run's settings and site code. Writes three projects of our help centre into the work folder: the corpus
of ``corpus.generate(N, screenshots=True)`` (after each of the first two steps an 800×500 PNG screen: the first
each language's own, the second a wordless one the French article takes from the English tree, so 3 files and
4 screenshots shown an article), the same corpus without them, and with their alt texts instead; each project's
image cache is its own ``.cache/images``, empty before its first build. Builds them as `make site` does.
Produces the stage's figures.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from . import builds, corpus, paired, projects, setaside, shot_images
from .one_size import build_once
from .settings import Settings, log
from .vocabulary import LANGUAGES


def _sources(project: Path) -> tuple[int, int]:
    files = [p for lang in LANGUAGES for p in (project / "docs" / lang).rglob("*.png")]
    return len(files), sum(p.stat().st_size for p in files)


def _published(out: Path) -> int:
    return sum(1 for p in (out / "assets" / "shots").iterdir() if p.is_file()) if (out / "assets/shots").is_dir() else 0


def measure(settings: Settings, size: int) -> dict:
    work = settings.work_dir / f"images-n{size}"
    log(f"N={size} with two screenshots an article: writing the projects")
    with_shots = corpus.generate(size, settings.seed, screenshots=True)
    shots = projects.write_ours(settings.source, with_shots, work / "shots")
    plain = projects.write_ours(settings.source, corpus.generate(size, settings.seed), work / "plain")
    words = projects.write_ours(settings.source, corpus.alt_texts_only(with_shots), work / "words")
    count, source_bytes = _sources(shots)
    logs = work / "logs"
    cold = build_once(shots, builds.OURS, work / "out-shots", logs, "images-empty-cache")
    published = _published(work / "out-shots")
    log(f"  {count:,} images from an empty cache: {count / cold.wall_s:.1f} images/s")
    series = (  # (name, project, output folder, log label)
        ("plain", plain, "out-plain", "none"),
        ("warm", shots, "out-shots", "warm"),
        ("words", words, "out-words", "words"),
    )
    runs: dict[str, list[float]] = {name: [] for name, *_ in series}
    spent = 0.0
    # More rounds than the other stages' builds: the budget's margin (5%) is less than this machine's noise between
    # two builds of the same project (35.9 to 45.1 s in one run), so three pairs decide too little.
    for n in range(1, 2 * settings.repeats):
        # In turn, so a slow moment of the machine hits all three, and each first in turn: builds once grew
        # slower through a run (49, 58, 68 s: the deletions setaside now spares them), which charged the second
        # build of every round, always the warm one; a drift of any other cause would do the same.
        turn = (n - 1) % len(series)
        for name, project, out, label in series[turn:] + series[:turn]:
            runs[name].append(build_once(project, builds.OURS, work / out, logs, f"images-{label}-{n}").wall_s)
        last = sum(times[-1] for times in runs.values())
        spent += last
        if spent + last > settings.repeat_budget_s:
            break
    median = {name: statistics.median(times) for name, times in runs.items()}
    warm = median["warm"]
    # Each round's own ratio: its two builds met the same moment of the machine (paired.py).
    rounds = {
        "warm_vs_plain": paired.ratios(runs["warm"], runs["plain"]),
        "words_vs_plain": paired.ratios(runs["words"], runs["plain"]),
        "warm_vs_words": paired.ratios(runs["warm"], runs["words"]),
    }
    if not settings.keep_work:
        setaside.set_aside(work)
    references = size * len(corpus.SHOTS) * len(LANGUAGES)
    return {
        "size": size,
        "pixels": "×".join(map(str, shot_images.SIZE)),
        "sources": count,
        "source_bytes": source_bytes,
        "references": references,
        "published_files": published,
        "cold_s": round(cold.wall_s, 2),
        "cold_memory_mb": round(cold.memory_mb, 1),
        "images_per_s": round(count / cold.wall_s, 2),
        "encoded_per_s": round(count / (cold.wall_s - warm), 2) if cold.wall_s > warm else None,
        **{f"{name}_s": round(median[name], 2) for name in runs},
        **{f"{name}_runs_s": [round(w, 1) for w in times] for name, times in runs.items()},
        **{key: round(statistics.median(found), 3) for key, found in rounds.items()},
        **{f"{key}_rounds": [round(r, 3) for r in found] for key, found in rounds.items()},
    }
