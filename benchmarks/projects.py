"""The two projects built from one synthetic corpus, written into a folder the benchmark gives.

Reads the repository's (or a commit's) ``mkdocs.yml``, ``hooks/``, ``overrides/``, ``data/`` (all but the
two files generated here) and non-article files under ``docs/``; the reference's configuration from
``benchmarks/data/reference-mkdocs.yml``; never writes into the repository. Produces, in the folder given:

- ``ours/``: our help centre (the repository's configuration, hooks, overrides and data) with the corpus
  in ``docs/<lang>/<category>/<slug>.md`` (and, for a corpus with screenshots, their generated PNG files in
  ``docs/<lang>/<category>/<slug>/``, ``shot_images.py``), its own ``data/categories.yml`` (12 categories) and
  ``data/popularity.csv``;
- ``reference/``: the same articles with a trivial home page per language, built by plain Material +
  mkdocs-static-i18n with the same Markdown extensions and ``navigation.prune``: no hooks, no overrides.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import shot_images
from .corpus import Corpus, article_markdown
from .vocabulary import DATA, LANGUAGES, REFERENCE_HOME

GENERATED_DATA = ("categories.yml", "popularity.csv")


@dataclass(frozen=True)
class Projects:
    ours: Path
    reference: Path


def write_articles(corpus: Corpus, docs: Path) -> None:
    for article in corpus.articles:
        for lang in LANGUAGES:
            path = docs / lang / article.rel_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article_markdown(article, lang), encoding="utf-8")
            for rel in article.shot_files(lang):  # a corpus generated with screenshots
                (docs / lang / rel).parent.mkdir(parents=True, exist_ok=True)
                (docs / lang / rel).write_bytes(shot_images.png(article.id, Path(rel).name, lang))


def categories_yaml(corpus: Corpus) -> str:
    items = []
    for c in corpus.categories:
        item = {"key": c.key, "icon": c.icon}
        if c.contact:
            item["contact"] = c.contact
        item["name"] = {lang: c.name.get(lang) for lang in LANGUAGES}
        item["description"] = {lang: c.description.get(lang) for lang in LANGUAGES}
        items.append(item)
    header = "# Synthetic benchmark categories (benchmarks/corpus.py); same shape as the repository's.\n"
    return header + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=200)


def popularity_csv(corpus: Corpus) -> str:
    rows = [f"{a.id},{a.views}" for a in corpus.articles if a.views is not None]
    return "id,views\n" + "\n".join(rows) + "\n"


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)
    elif src.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)


def write_ours(repo: Path, corpus: Corpus, dest: Path) -> Path:
    """Our help centre: the repository's code and configuration, the synthetic content."""
    for name in ("mkdocs.yml", "hooks", "overrides"):
        _copy(repo / name, dest / name)
    for item in sorted((repo / "data").iterdir()):
        if item.name not in GENERATED_DATA:
            _copy(item, dest / "data" / item.name)
    for item in sorted((repo / "docs").iterdir()) if (repo / "docs").is_dir() else ():
        if item.name not in LANGUAGES:
            _copy(item, dest / "docs" / item.name)  # shared non-article files (images...), if any
    (dest / "data").mkdir(parents=True, exist_ok=True)
    (dest / "data" / "categories.yml").write_text(categories_yaml(corpus), encoding="utf-8")
    (dest / "data" / "popularity.csv").write_text(popularity_csv(corpus), encoding="utf-8")
    write_articles(corpus, dest / "docs")
    return dest


def markdown_extensions_block(config_text: str) -> str:
    """The ``markdown_extensions:`` section of a mkdocs.yml, verbatim (it uses !!python/name tags)."""
    match = re.search(r"^markdown_extensions:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n?)*", config_text, re.MULTILINE)
    if match is None:
        return "markdown_extensions: []\n"
    return match.group(0).rstrip() + "\n"


def reference_config(repo_config: str) -> str:
    """Plain Material + static-i18n, what a team gets without us: no hooks, overrides or custom_dir.

    Same URL layout (``use_directory_urls: false``), languages and Markdown extensions as ours (the latter
    copied from ``repo_config``); ``font: false`` so neither site loads anything from another host during
    the measurements.
    """
    reference = (DATA / "reference-mkdocs.yml").read_text(encoding="utf-8")
    return reference + markdown_extensions_block(repo_config)


def write_reference(repo: Path, corpus: Corpus, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    config = reference_config((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_articles(corpus, dest / "docs")
    for lang in LANGUAGES:
        (dest / "docs" / lang / "index.md").write_text(REFERENCE_HOME.get(lang), encoding="utf-8")
    return dest


def write_projects(repo: Path, corpus: Corpus, dest: Path) -> Projects:
    """Both projects for one corpus, under ``dest`` (emptied first)."""
    if dest.exists():
        shutil.rmtree(dest)
    return Projects(
        ours=write_ours(repo, corpus, dest / "ours"), reference=write_reference(repo, corpus, dest / "reference")
    )
