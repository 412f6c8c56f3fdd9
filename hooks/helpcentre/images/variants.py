"""The files readers get for a screenshot: a few widths in WebP, and the original format as fallback, encoded
once and kept in a cache by content.

WebP, not AVIF (measured with Pillow 13 on a 1280×1000 screenshot of an article, 800 px wide: WebP q80 28 kB
in 0.1-0.4 s; AVIF q60 speed 6 21 kB in 3.6 s, AVIF q70 speed 8 28 kB in 0.6 s): AVIF saves a quarter of
the bytes only at nine times the encoding time, and every browser that reads AVIF reads WebP.

``plan`` says what an image becomes (from its header alone: the page's markup needs no encoding);
``encode`` makes the files into the cache: a folder per source content and settings, written under a
temporary name and renamed into place, so a killed build leaves no half-written entry (and the next one
removes what it left); ``publish`` links the files into the site under fingerprinted names.
"""

from __future__ import annotations

import fcntl
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from hashlib import sha256
from io import BytesIO
from pathlib import Path

import PIL
from PIL import Image

from helpcentre.core.slugs import slugify
from helpcentre.images.files import ImageFile

WIDTHS = (400, 800, 1200, 1600)  # a 375 px phone at 2x takes 800; a 1280 px screen at 2x takes 1600
NEAR = 0.85  # a width this close to the largest adds nothing: left out
FOLDER = "assets/shots"
_WEBP = {"quality": 80, "method": 4}
_FALLBACK = {"PNG": ("png", {"compress_level": 6}), "JPEG": ("jpg", {"quality": 85}), "GIF": ("png", {})}
# Every setting that changes the bytes is in the key: a change gives new names, never a stale year-long cache.
SETTINGS = f"v1 {WIDTHS} {NEAR} {_WEBP} {_FALLBACK} Pillow {PIL.__version__}"
_TEMPORARY = ".partial-"


@dataclass(frozen=True)
class Plan:
    stem: str  # from the file's name, for people reading the site's files
    key: str  # source content and settings
    format: str
    width: int
    height: int
    modern: tuple[int, ...]  # WebP widths
    fallback: tuple[int, ...]  # widths in the fallback format
    fallback_ext: str

    def name(self, width: int, ext: str) -> str:
        return f"{self.stem}.{self.key[:12]}.{width}.{ext}"

    def files(self) -> list[tuple[int, str]]:
        """(width, extension) of every file the image becomes."""
        if self.format == "SVG":
            return [(self.width, "svg")]
        return [(w, "webp") for w in self.modern] + [(w, self.fallback_ext) for w in self.fallback]


def plan(file: str, image: ImageFile) -> Plan:
    stem = slugify(posixpath.splitext(posixpath.basename(file))[0].replace(".wordless", "")) or "image"
    key = sha256(f"{image.digest} {SETTINGS}".encode()).hexdigest()
    if image.format == "SVG":
        return Plan(stem, key, "SVG", image.width, image.height, (), (), "svg")
    top = min(image.width, WIDTHS[-1])
    widths = (*(w for w in WIDTHS if w < NEAR * top), top)
    if image.format == "WEBP":
        return Plan(stem, key, "WEBP", image.width, image.height, widths, (), "webp")
    ext = _FALLBACK[image.format][0]
    # The fallback only from 800 px: a browser without WebP is an old one, and every width costs encoding time.
    fallback = tuple(w for w in widths if w >= WIDTHS[1]) or (top,)
    return Plan(stem, key, image.format, image.width, image.height, widths, fallback, ext)


def entry(cache: Path, p: Plan) -> Path:
    return Path(_entry(cache, p))


def cached(cache: Path, p: Plan) -> bool:
    """Whether ``p``'s entry is made: one system call and no ``Path`` (6,000 a process at 3,000 answers with two
    screenshots each)."""
    return os.path.isdir(_entry(cache, p))


def _entry(cache: Path, p: Plan) -> str:
    return f"{cache}/{p.key[:2]}/{p.key}"  # a folder a source content and settings, in 256 shards


def encode(source: Path, p: Plan, cache: Path) -> Path:
    """The cache entry of ``p``, made from ``source`` if absent; returns its folder."""
    done = entry(cache, p)
    if done.is_dir():
        return done
    done.parent.mkdir(parents=True, exist_ok=True)
    # Both languages' processes meet the images a translation shares with its original: the first to take
    # the entry's lock encodes, the other waits and finds it made (the lock goes with a killed process).
    with open(done.parent / f"{done.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.is_dir():
            _write(source, p, done)
    return done


def _write(source: Path, p: Plan, done: Path) -> None:
    partial = Path(tempfile.mkdtemp(prefix=f"{_TEMPORARY}{os.getpid()}-", dir=done.parent))
    try:
        for width, ext, data in _encoded(source.read_bytes(), p):
            (partial / f"{width}.{ext}").write_bytes(data)
        try:
            partial.rename(done)
        except OSError:  # another process of the same build made it first: same bytes
            shutil.rmtree(partial, ignore_errors=True)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _encoded(raw: bytes, p: Plan):
    if p.format == "SVG":
        yield p.width, "svg", raw
        return
    with Image.open(BytesIO(raw), formats=[p.format]) as opened:
        opened.seek(0)
        image = opened.convert("RGBA" if _has_alpha(opened) else "RGB")
    for width in sorted(set(p.modern) | set(p.fallback), reverse=True):
        height = max(1, round(p.height * width / p.width))
        sized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        if width in p.modern:
            yield width, "webp", _save(sized, "WEBP", _WEBP)
        if width in p.fallback:
            fallback_format = "PNG" if p.fallback_ext == "png" else "JPEG"
            yield width, p.fallback_ext, _save(sized, fallback_format, _FALLBACK[p.format][1])


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _save(image: Image.Image, fmt: str, options: dict) -> bytes:
    if fmt == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    out = BytesIO()
    image.save(out, fmt, **options)  # no metadata is passed on: none of the source's EXIF, text or ICC
    return out.getvalue()


def publish(cache: Path, plans: list[Plan], target: Path) -> None:
    """Link (else copy) each plan's files from the cache into ``target`` (the site's ``FOLDER``); a name already
    there is the same content (the name holds its key)."""
    target.mkdir(parents=True, exist_ok=True)
    # Names relative to the open folder, sources as strings: one system call a file, tens of thousands at 3,000
    # answers with two screenshots each, and the kernel walks no path to the site for each.
    into = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for p in plans:
            folder = f"{_entry(cache, p)}/"
            for width, ext in p.files():
                source, name = f"{folder}{width}.{ext}", p.name(width, ext)
                try:
                    os.link(source, name, dst_dir_fd=into)
                except FileExistsError:
                    continue
                except OSError:  # another file system, or one without links
                    shutil.copyfile(source, target / name)
    finally:
        os.close(into)


def clean_partials(cache: Path) -> None:
    """Remove the half-written entries a killed build left (their process is gone)."""
    for shard in _entries(str(cache)):
        for partial in _entries(shard.path) if shard.is_dir() else ():
            if not partial.name.startswith(_TEMPORARY):
                continue
            pid = partial.name[len(_TEMPORARY) :].split("-", 1)[0]
            if not pid.isdigit() or not _alive(int(pid)):
                shutil.rmtree(partial.path, ignore_errors=True)


def _entries(folder: str) -> list[os.DirEntry]:
    # os.scandir, not Path.glob: every build looks in the 256 folders of a warm cache (a tenth of the time).
    try:
        with os.scandir(folder) as found:
            return list(found)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
