"""One language's screenshots in a build: which files its answers show, what each becomes, and the encoding
of the files not yet in the cache, alongside the rest of the build.

``collect`` reads the answers ``lang`` shows (its own, or the original where a translation is missing) and the
headers of their images: enough for every page's markup. ``start`` hands the images missing from the cache to
worker processes (Pillow holds the interpreter's lock while it encodes: threads would take turns with MkDocs);
``finish`` waits for them and links every image into the site. A source Pillow cannot decode although its
header read well is a ``Problem`` on the file, never a traceback.

`make site` names in ``SHARED_VARIABLE`` one folder that every language's process publishes into, and moves it
into the site once they have ended: a file is linked once, never moved from one language's output to the other's.
There each process links the files of its own language's tree, and the default language's process those of the
default tree that any language's answers show (a translation's screens without words, and those it has none of
yet): the default tree's files were linked by both processes, 9,000 of a French process's 18,000 links at 3,000
answers with two screenshots each.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.core import languages
from helpcentre.core.problems import Problem, error
from helpcentre.images import markup, ondisk, references, variants

CACHE_VARIABLE = "HC_IMAGE_CACHE"  # where the encoded files are kept; default .cache/images in the project
SHARED_VARIABLE = "HC_SHOTS_FOLDER"  # set by `make site`: the folder all languages publish into


@dataclass
class LanguageImages:
    lang: str
    root: Path
    docs_dir: str
    cache: Path
    plans: dict[str, variants.Plan] = field(default_factory=dict)  # by path in the language's tree
    files: dict[str, str] = field(default_factory=dict)  # path in the language's tree -> its file, docs-relative
    pending: list[tuple[str, Future]] = field(default_factory=list)  # (file being encoded, its outcome)
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
        by_key = {p.key: (p, self.files[local]) for local, p in self.plans.items()}
        missing = [(p, file) for p, file in by_key.values() if not variants.cached(self.cache, p)]
        if not missing:
            return 0
        context = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(missing))), mp_context=context)
        for p, file in missing:
            self.pending.append((file, self._pool.submit(_encode, self.root / self.docs_dir / file, p, self.cache)))
        return len(missing)

    def finish(self, site_dir: Path) -> list[Problem]:
        """Wait for the encoding, then link every image into ``site_dir``; the problems of undecodable files.

        Linked once MkDocs has written the pages, not alongside: a thread linking while MkDocs wrote them took
        0.4 s of a core at 3,000 answers with two screenshots each and slowed MkDocs' own writing of the pages
        (the kernel's locks on the folders both write into) by 0.25 s, more than the 0.15 s the links take once
        the pages are written (measured in one French process)."""
        problems = []
        for file, future in self.pending:
            if (refused := future.result()) is not None:
                problems.append(error(f"{self.docs_dir}/{file}", 1, refused))
        self.close()
        if not problems:
            # Shared: each process links its own tree's files (a default-language answer shows no other tree's).
            shared = shared_folder()
            named = self._named(f"{self.lang}/" if shared else "")
            variants.publish(self.cache, named, shared or site_dir / variants.FOLDER)
        return problems

    def _named(self, tree: str = "") -> list[variants.Plan]:
        """The plans of the files below ``tree`` (docs-relative: "fr/"; all when empty), one entry a name: the
        same content under two file names is encoded once and published under both."""
        shown = (p for local, p in self.plans.items() if self.files[local].startswith(tree))
        return list({(p.stem, p.key): p for p in shown}.values())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.pending = []


def shared_folder() -> Path | None:
    """The folder `make site` has every language's process link the images into, if any (else the site's)."""
    shared = os.environ.get(SHARED_VARIABLE, "").strip()
    return Path(shared) if shared else None


def _encode(source: Path, plan: variants.Plan, cache: Path) -> str | None:
    try:
        variants.encode(source, plan, cache)
    except Exception:  # any failure to decode is the same problem for a writer
        return "could not be decoded although its header reads well (damaged or cut short); export it again"
    return None


def collect(
    on_disk: ondisk.ImagesOnDisk,
    lang: str,
    articles: Iterable,
    cache: Path | None = None,
    found: Mapping[tuple[str, int], list[references.Reference]] | None = None,
) -> LanguageImages:
    """The images the ``articles`` shown in ``lang`` show (each article's Markdown body), planned from their
    headers; ``found``: the references the checks found, by article key, used for ``lang``'s own articles
    whose body has no snippet (the others' are found here). Files the checks refused are left as they are (the
    build stops on those errors anyway)."""
    root = on_disk.root
    images = LanguageImages(lang, root, on_disk.docs_dir, cache or cache_folder(root))
    default = languages.of(root).default
    for article in articles:
        checked = found.get((article.lang, article.id)) if found and article.lang == lang else None
        if checked is None or article.expanded is not None:
            for local, file in _found_in(on_disk, lang, article, default):
                _plan(images, on_disk, local, file)
        else:
            for ref in checked:
                if ref.file is not None and (local := references.local_path(article.rel_path, ref.target)):
                    _plan(images, on_disk, local, ref.file)
    if lang == default and found:  # the default tree's files the other languages' answers show: linked here too
        borrowed = (ref.file for (shown_in, _id), refs in found.items() if shown_in != lang for ref in refs)
        for file in borrowed:
            if file is not None and file.startswith(f"{lang}/"):
                _plan(images, on_disk, file[len(lang) + 1 :], file)
    return images


def _found_in(on_disk: ondisk.ImagesOnDisk, lang: str, article, default: str) -> Iterator[tuple[str, str]]:
    body = article.full_body
    if "![" not in body:
        return
    for _line, _alt, target, _title in references.find(body, 1):
        local = references.local_path(article.rel_path, target)
        if local is not None and (file := references.resolve_local(on_disk, lang, local, default)) is not None:
            yield local, file


def _plan(images: LanguageImages, on_disk: ondisk.ImagesOnDisk, local: str, file: str) -> None:
    if local in images.plans:
        return
    image, _refused = on_disk.inspect(file)
    if image is not None:
        images.plans[local] = variants.plan(file, image)
        images.files[local] = file


def cache_folder(root: Path) -> Path:
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    return Path(chosen) if chosen else root / ".cache" / "images"


def is_docs_image(src_uri: str) -> bool:
    return src_uri.lower().endswith(references.SUFFIXES)
