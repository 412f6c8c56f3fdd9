"""The checks of the images answers show: the file is there, is what its name says, is safe and not too heavy,
and its alt text says what the screen shows.

Reads each article's Markdown images (``images.references``) and their files (found by ``images.ondisk``'s walk,
each read once: ``images.files``); produces ``Problem`` values on the line of the image, with the fix. Also warns
about image files of the language trees that no answer shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from helpcentre.content.catalogue import Article, Catalogue
from helpcentre.core import languages
from helpcentre.core.problems import Problem, error, shown, warning
from helpcentre.images import files, references
from helpcentre.images.ondisk import ImagesOnDisk

_EXAMPLE = "![The sign-in form: enter your email and choose Continue](sign-in/form.png)"
# Alt text a writer leaves by habit: names of the thing, not what it shows.
_PLACEHOLDER = re.compile(
    r"^(?:an? |the |une? |l'|la |le )?(?:image|img|picture|photo|pic|screen ?shot|screen|capture(?: d'écran)?"
    r"|écran|figure|alt(?: text)?|dsc|texte alternatif|todo|tbd)?[\s_-]*[0-9]*$",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|avif|heic|bmp|tiff?)$", re.IGNORECASE)


def check(
    on_disk: ImagesOnDisk, catalogue: Catalogue, proses: Mapping, only: str | None
) -> tuple[list[Problem], dict[tuple[str, int], list[references.Reference]]]:
    """Every image problem: each article's images (only ``only``'s articles when set), and unused files; and the
    references found, by article key, for the build to plan the images from (``images.language.collect``).

    A process checking a language other than the default (``only``) finds only its own answers' references
    and warns only of its own tree's unused files: no other language's answer can show them. The default
    language's tree is shown by every language's answers (a translation takes the original's file it has no
    own of), so that tree's process finds them all. Between them, the processes warn of the same files as
    one process checking everything."""
    problems: list[Problem] = []
    shown_files: set[str] = set()
    found: dict[tuple[str, int], list[references.Reference]] = {}
    default = catalogue.languages.default
    every_language = only is None or only == default
    for key, article in catalogue.articles.items():
        if not (every_language or article.lang == only):
            continue
        prose = proses[key]
        refs = found[key] = references.references(
            on_disk, article.lang, article.rel_path, prose, article.body_line, default
        )
        shown_files.update(ref.file for ref in refs if ref.file)
        if (only is None or article.lang == only) and (refs or "<" in prose):
            problems += _article(on_disk, article, prose, refs)
    trees = catalogue.languages.codes if every_language else (only,)
    problems += _unused(on_disk, trees, shown_files)
    return problems, found


def _article(on_disk: ImagesOnDisk, article: Article, prose: str, refs: Iterable) -> list[Problem]:
    problems = [
        error(article.path, line, f"raw <img> tag; write the image as Markdown, like {_EXAMPLE}")
        for line in references.raw_images(prose, article.body_line)
    ]
    for ref in refs:
        problems += _reference(on_disk, article, ref)
    return problems


def _reference(on_disk: ImagesOnDisk, article: Article, ref: references.Reference) -> list[Problem]:
    path, line, name = article.path, ref.line, shown(ref.target, 80)
    if ref.remote:
        return [
            error(
                path,
                line,
                f"image '{name}' is on another host (nothing third-party is loaded); save the file "
                f"beside the article, in docs/{article.lang}/{_folder(article)}/, and write its name",
            )
        ]
    problems = []
    alt = ref.alt.strip()
    if not alt:
        problems.append(
            error(
                path,
                line,
                f"image '{name}' has no alt text; say what the screen shows and what to do there, like {_EXAMPLE}",
            )
        )
    elif _PLACEHOLDER.fullmatch(alt) or _FILE_NAME.search(alt) or alt.lower() == name.lower():
        problems.append(
            error(
                path,
                line,
                f"image '{name}' has the alt text '{shown(alt)}', which says nothing of the "
                f"screen; say what it shows and what to do there, like {_EXAMPLE}",
            )
        )
    if ref.file is None:
        local = references.local_path(article.rel_path, ref.target)
        if local is None:
            fix = f"save it beside the article, in docs/{article.lang}/{_folder(article)}/"
            return [*problems, error(path, line, f"image '{name}' is not a file of docs/{article.lang}/; {fix}")]
        if not local.lower().endswith(references.SUFFIXES):
            return problems
        where = f"docs/{article.lang}/{local}"
        default = languages.of(on_disk.root).default
        if article.lang != default:
            where += f" (or docs/{default}/{local}, named *{references.WORDLESS}.png, for a screen without words)"
        return [*problems, error(path, line, f"image '{name}' is missing; add {where} or fix the path")]
    image, refused = on_disk.inspect(ref.file)
    if refused:
        problems.append(error(path, line, f"image 'docs/{ref.file}' {refused}"))
    elif heavy := files.too_big(image):
        problems.append(warning(path, line, f"image 'docs/{ref.file}' {heavy}"))
    return problems


def _folder(article: Article) -> str:
    return article.rel_path[: -len(".md")]


def _unused(on_disk: ImagesOnDisk, codes: Iterable[str], shown_files: set[str]) -> list[Problem]:
    return [
        warning(
            f"{on_disk.docs_dir}/{rel}",
            1,
            "no answer shows this image; show it in an answer with ![alt text](file) or delete it",
        )
        for lang in codes
        for rel in on_disk.in_tree(lang)
        if rel not in shown_files
    ]
