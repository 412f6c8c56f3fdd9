"""One language's screenshots in a build: which files its answers show, what each becomes, and the encoding
of the files not yet in the cache, alongside the rest of the build.

``collect`` reads the answers ``lang`` shows (its own, or the original where a translation is missing) and the
headers of their images: enough for every page's markup. ``start`` hands the images missing from the cache to
worker processes (Pillow holds the interpreter's lock while it encodes: threads would take turns with MkDocs);
``finish`` waits for them and links every file into the site. A source Pillow cannot decode although its
header read well is a ``Problem`` on the file, never a traceback.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.core import languages
from helpcentre.core.problems import Problem, error
from helpcentre.images import markup, ondisk, references, variants

CACHE_VARIABLE = "HC_IMAGE_CACHE"  # where the encoded files are kept; default .cache/images in the project


@dataclass
class LanguageImages:
    lang: str
    root: Path
    docs_dir: str
    cache: Path
    plans: dict[str, variants.Plan] = field(default_factory=dict)  # by path in the language's tree
    sources: dict[str, str] = field(default_factory=dict)  # plan key -> source file, docs-relative
    pending: list[tuple[str, Future]] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)  # language -> its folder in the site ("fr/")
    _pool: ProcessPoolExecutor | None = None

    def html(self, rel_path: str, lang: str, html: str) -> str:
        """An answer's HTML with its images as readers get them (``rel_path`` in ``lang``'s tree)."""
        if not self.plans or "<img" not in html:
            return html
        if lang not in self.folders:
            self.folders[lang] = languages.of(self.root).site_path(lang, "index.md").removesuffix("index.html")
        lang_folder = self.folders[lang]
        return markup.pictures(html, lang_folder + rel_path[: -len(".md")] + ".html", self.plans, lang_folder)

    def start(self, workers: int) -> int:
        """Start encoding the images missing from the cache; returns how many."""
        variants.clean_partials(self.cache)
        missing = [(key, self.root / self.docs_dir / rel) for key, rel in self.sources.items() if not self._cached(key)]
        if not missing:
            return 0
        context = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(missing))), mp_context=context)
        by_key = {p.key: p for p in self.plans.values()}
        for key, path in missing:
            self.pending.append((key, self._pool.submit(_encode, path, by_key[key], self.cache)))
        return len(missing)

    def finish(self, site_dir: Path) -> list[Problem]:
        """Wait for the encoding, then link every image into ``site_dir``; the problems of undecodable files."""
        problems = []
        for key, future in self.pending:
            if (refused := future.result()) is not None:
                path = f"{self.docs_dir}/{self.sources[key]}"
                problems.append(error(path, 1, refused))
        self.close()
        if not problems:
            # One entry a name: the same content under two file names is encoded once and published under both.
            named = {(p.stem, p.key): p for p in self.plans.values()}
            variants.publish(self.cache, list(named.values()), site_dir)
        return problems

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.pending = []

    def _cached(self, key: str) -> bool:
        return (self.cache / key[:2] / key).is_dir()


def _encode(source: Path, plan: variants.Plan, cache: Path) -> str | None:
    try:
        variants.encode(source, plan, cache)
    except Exception:  # any failure to decode is the same problem for a writer
        return "could not be decoded although its header reads well (damaged or cut short); export it again"
    return None


def collect(on_disk: ondisk.ImagesOnDisk, lang: str, articles: Iterable, cache: Path | None = None) -> LanguageImages:
    """The images the ``articles`` shown in ``lang`` show (each article's Markdown body), planned from their
    headers. Files the checks refused are left as they are (the build stops on those errors anyway)."""
    root = on_disk.root
    found = LanguageImages(lang, root, on_disk.docs_dir, cache or cache_folder(root))
    default = languages.of(root).default
    for article in articles:
        body = article.full_body
        if "![" not in body:
            continue
        for _line, _alt, target, _title in references.find(body, 1):
            local = references.local_path(article.rel_path, target)
            if local is None or local in found.plans:
                continue
            if (file := references.resolve_local(on_disk, lang, local, default)) is None:
                continue
            image, _refused = on_disk.inspect(file)
            if image is not None:
                plan = variants.plan(file, image)
                found.plans[local] = plan
                found.sources[plan.key] = file
    return found


def cache_folder(root: Path) -> Path:
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    return Path(chosen) if chosen else root / ".cache" / "images"


def is_docs_image(src_uri: str) -> bool:
    return src_uri.lower().endswith(references.SUFFIXES)
