"""Writers' and release commands: ``python -m helpcentre.cli build|check`` (run by the Makefile).

``build`` runs a strict MkDocs build into a fresh folder beside ``site/`` (one process per language when
the machine has the cores, see ``build.wholesite``) and swaps it in only when the build succeeded, so a failed
or killed build never leaves a half-written site (``sitefolder``). ``release`` adds the checks, each
host's configuration (``hosts``) and the precompressed files (``precompress``). ``check`` reads all content
without building and prints every problem, compiler-style, with a final count.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path

from helpcentre.build import wholesite
from helpcentre.checks import contentread, github, reviews
from helpcentre.content import catalogue, translations
from helpcentre.core import languages
from helpcentre.core.problems import errors_in, report
from helpcentre.editor import admin
from helpcentre.images import ondisk, references
from helpcentre.importer import staging as import_staging
from helpcentre.release import artefacts, hosts, oldaddresses, parallel, precompress, sitefolder
from helpcentre.writers import newarticle, pullrequest, translationdiff


def cmd_check(root: Path, docs_dir: str) -> int:
    read = contentread.read(root, docs_dir)
    problems = list(read.problems)
    if github.active():  # on GitHub: each problem on its line of the pull request, and the job summary
        github.annotate(problems)
        found = pullrequest.changes(root, docs_dir, read.catalogue)
        github.append_summary(pullrequest.summary(root, read.catalogue, problems, found))
    print(report(problems))
    return 1 if errors_in(problems) else 0


def cmd_build(root: Path, site_dir: Path, extra_args: list[str]) -> int:
    """Strict build into a staging folder beside ``site_dir``, then exchanged with it in one step."""
    site_dir = _absolute(root, site_dir)
    with sitefolder.staged(site_dir) as staging:
        if not wholesite.build_into(root, staging, extra_args):
            print(f"Build failed: {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        sitefolder.swap(staging, site_dir)
    print(f"Site built into {site_dir}/")
    return 0


def _absolute(root: Path, path: Path) -> Path:
    return path if path.is_absolute() else root / path


def _site_url(staging: Path) -> str:
    """The site_url the build used, from the home page's canonical address."""
    canonical = artefacts.read_pages(staging).get("index.html")
    return canonical.canonical.removesuffix("index.html") if canonical and canonical.canonical else "/"


def cmd_release(root: Path, site_dir: Path, archive: Path, extra_args: list[str], require_editor: bool = False) -> int:
    """Build, add the web editor (``admin``), verify, write each host's configuration and the precompressed
    files, then swap into ``site_dir``, archive it and write ``hosts/`` beside the archive; any failure keeps
    the previous site. ``require_editor`` (``make release``): no editor bundle is a failure, not a note."""
    site_dir, archive = _absolute(root, site_dir), _absolute(root, archive)
    with sitefolder.staged(site_dir) as staging:
        if not wholesite.build_into(root, staging, extra_args):
            print(f"Release stopped: the build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        site_url = _site_url(staging)
        editor = admin.for_release(root, staging, site_url, required=require_editor)
        for note in editor.notes:
            print(f"WARNING -  helpcentre: {note}", file=sys.stderr)
        problems = editor.problems + artefacts.check(staging, site_url, admin.APART)
        hashes = artefacts.script_hashes(staging, admin.APART)
        csp = artefacts.content_security_policy(hashes, artefacts.endpoint_origins(staging))
        try:
            site = hosts.read(staging, site_url, csp, languages.of(root), editor.folders)
            olds, old_problems = oldaddresses.from_project(root, staging, site.root_path)
            problems += old_problems
            site = dataclasses.replace(site, aliases=tuple(sorted((*site.aliases, *olds), key=lambda a: a.path)))
            hosts.refuse_unsafe(site)
            files = hosts.render(site)
        except hosts.HostConfigError as exc:
            problems.append(f"host configuration: {exc}")
        if problems:
            for problem in problems:
                print(f"release: {problem}", file=sys.stderr)
            print(f"Release stopped: {len(problems)} problem(s); {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        hosts.write(staging, files)
        precompress.compress_site(staging, parallel.jobs(), editor.leave)
        sitefolder.swap(staging, site_dir)
    beside = hosts.extra_files(files)
    artefacts.archive(site_dir, archive, artefacts.source_date_epoch(), beside)
    for name, text in beside.items():
        (archive.parent / name).parent.mkdir(parents=True, exist_ok=True)
        (archive.parent / name).write_text(text, encoding="utf-8")
    print(f"Release verified: {site_dir}/, {archive} and {archive.parent / 'hosts'}/")
    return 0


def cmd_translations(root: Path, docs_dir: str, fmt: str, record_paths: list[str], show: str | None) -> int:
    cat, problems = catalogue.load(root, docs_dir)
    if cat is None:
        print(report(problems))
        return 1
    if record_paths:
        return _record(root, docs_dir, cat, record_paths)
    if show:
        text, known = translationdiff.show(root, cat, show)
        print(text)
        return 0 if known else 1
    rows = translations.status(cat)
    if fmt == "json":
        print(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return 0
    print(translations.table(rows))
    on_disk = ondisk.walk(root, docs_dir, cat.languages.codes)
    borrowed = list(references.borrowed_screenshots(on_disk, cat.articles.values(), cat.languages.default))
    if borrowed:
        print("\nTranslations still showing the original's screenshot (add theirs, or *.wordless.png):")
        print("\n".join(f"{path}:{line}: docs/{file}" for path, line, file in sorted(borrowed)))
    for row in rows:  # what changed in each original since its translation was made
        if row.state == translations.OUTDATED:
            print("\n" + translationdiff.explain(root, cat, cat.get(row.translation, row.id)))
    return 0


def _record(root: Path, docs_dir: str, cat: catalogue.Catalogue, paths: list[str]) -> int:
    by_path = {a.path: a for a in cat.articles.values()}
    for raw in paths:
        rel = Path(raw).resolve().relative_to(root).as_posix() if Path(raw).is_absolute() else raw
        article = by_path.get(rel)
        twin = cat.twin(article) if article else None
        if article is None or twin is None:
            print(f"{raw}: not an article with a twin in the other language; nothing recorded", file=sys.stderr)
            return 1
        translations.record(root / rel, twin.digest)
        print(f"{rel}: recorded as the translation of {twin.path} ({twin.digest})")
    return 0


def cmd_new(root: Path, docs_dir: str, category: str | None, titles: dict[str, str | None], slug: str | None) -> int:
    cat, problems = catalogue.load(root, docs_dir)
    if cat is None:
        print(report(problems))
        return 1
    if category is None and sys.stdin.isatty():
        print("Categories: " + ", ".join(c.key for c in cat.categories))
        category = input("Category: ").strip()
        titles = {lang: titles[lang] or input(f"Question ({lang}): ").strip() for lang in cat.languages.codes}
    titles = {lang: titles.get(lang) or "" for lang in cat.languages.codes}
    try:
        paths = newarticle.create(root, docs_dir, cat, category or "", titles, dt.date.today(), slug)
    except newarticle.NewArticleError as exc:
        print(f"make new: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"created {path.relative_to(root)}")
    return 0


def cmd_review(root: Path, docs_dir: str) -> int:
    cat, problems = catalogue.load(root, docs_dir)
    if cat is None:
        print(report(problems))
        return 1
    print(reviews.listing(reviews.overdue(cat, dt.date.today())))
    return 0


def cmd_import_zendesk(root: Path, url: str, locales: str | None) -> int:
    """Import a Zendesk Guide help centre; credentials only from the environment, never echoed."""
    # Imported here: the converter it needs (html-to-markdown) is no dependency of a build.
    from helpcentre.importer import run as importer
    from helpcentre.importer import zendesk

    email, token = os.environ.get("ZENDESK_EMAIL", ""), os.environ.get("ZENDESK_API_TOKEN", "")
    credentials = zendesk.Credentials(email, token) if email and token else None
    try:
        rate = float(os.environ.get("ZENDESK_RATE", "5"))
        client = zendesk.Client(url, credentials, rate=rate, backoff=float(os.environ.get("ZENDESK_BACKOFF", "1")))
        outcome = importer.run(root, client, locales)
    except (zendesk.ZendeskError, importer.ImportFailed, ValueError) as exc:
        print(f"make import-zendesk: {exc}", file=sys.stderr)
        print("Nothing was imported: docs/ and data/ are as they were.", file=sys.stderr)
        return 1
    print(
        f"Imported {outcome.articles} articles from {client.base} in {outcome.seconds:.1f} s"
        f" ({len(outcome.changed)} files changed); report: {importer.REPORT}. Next: make check"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="helpcentre", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    # The project's languages (mkdocs.yml) give `new` one question option each: --en, --fr, ...
    langs = languages.of(parser.parse_known_args(argv)[0].root.resolve())
    parser.add_argument("--docs-dir", default="docs")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="strict build into site/, swapped in only on success")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    rel = sub.add_parser("release", help="build, verify, write _headers, swap into site/ and archive it")
    rel.add_argument("--site-dir", type=Path, default=Path("site"))
    rel.add_argument("--archive", type=Path, default=Path("dist/site.tar.gz"))
    rel.add_argument("--require-editor", action="store_true", help="no editor bundle stops the release")
    sub.add_parser("check", help="check all content without building")
    sub.add_parser("review", help="answers past their review date, oldest first, with their owner")
    new = sub.add_parser("new", help="create an article in every language")
    new.add_argument("--category")
    for lang in langs.codes:
        new.add_argument(f"--{lang}", help=f"the question in '{lang}'")
    new.add_argument("--slug", help=f"file name without .md (default: from the '{langs.default}' question)")
    trans = sub.add_parser("translations", help="translation status table, or record translations")
    trans.add_argument("--format", choices=("table", "json"), default="table")
    trans.add_argument(
        "--record",
        nargs="+",
        default=[],
        metavar="FILE",
        help="record FILE as a translation of its twin's current text",
    )
    trans.add_argument("--show", metavar="FILE", help="what changed in FILE's original since its translation")
    imp = sub.add_parser("import-zendesk", help="import a Zendesk Guide help centre (README: Moving from Zendesk)")
    imp.add_argument("--url", required=True, help="the help centre's address, e.g. https://help.example.com")
    imp.add_argument("--locales", help="Zendesk locales to our languages, e.g. en-us:en,fr-ca:fr")
    args, extra = parser.parse_known_args(argv)
    root = args.root.resolve()
    for done in import_staging.recover(root):  # an import killed between its two swaps, undone first
        print(f"WARNING -  {done}", file=sys.stderr)
    if args.command == "build":
        return cmd_build(root, args.site_dir, extra)
    if args.command == "release":
        return cmd_release(root, args.site_dir, args.archive, extra, args.require_editor)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "new":
        titles = {lang: getattr(args, lang) for lang in langs.codes}
        return cmd_new(root, args.docs_dir, args.category, titles, args.slug)
    if args.command == "review":
        return cmd_review(root, args.docs_dir)
    if args.command == "import-zendesk":
        return cmd_import_zendesk(root, args.url, args.locales)
    if args.command == "translations":
        return cmd_translations(root, args.docs_dir, args.format, args.record, args.show)
    return cmd_check(root, args.docs_dir)


if __name__ == "__main__":
    sys.exit(main())
