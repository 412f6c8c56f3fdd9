"""The whole site's strict build into a staging folder, as `make site` runs it: one MkDocs process per language
(``release.parallel``), the screenshots they link into one shared folder moved into the site, then each
language's search index (``search.searchindex``).

Reads the project's root and MkDocs' extra arguments; produces the built site in the staging folder (the caller
swaps it into place) and prints MkDocs' and Pagefind's outcome.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from helpcentre.core import languages
from helpcentre.images import language as images
from helpcentre.images import variants
from helpcentre.release import parallel
from helpcentre.search import searchindex

# HC_RUNNER=properdocs: the same build run by ProperDocs, a fork of MkDocs 1.6 (tests/test_properdocs.py).
RUNNER_VARIABLE = "HC_RUNNER"


def build_into(root: Path, staging: Path, extra_args: list[str]) -> bool:
    """MkDocs' strict build into ``staging``, then the search index of each language. Pagefind runs once
    the MkDocs processes have ended, one bundle at a time: the build's peak memory is then the larger of
    the two steps, not their sum (searchindex)."""

    def command(folder: Path) -> list[str]:
        mkdocs_yml = str(root / "mkdocs.yml")
        return [
            sys.executable,
            "-m",
            os.environ.get(RUNNER_VARIABLE) or "mkdocs",
            "build",
            "--strict",
            "--clean",
            "-f",
            mkdocs_yml,
            "-d",
            str(folder),
            *extra_args,
        ]

    codes = languages.of(root).codes
    # Every language's process links its screenshots into one folder beside the staging one (a sweep removes
    # it with the staging folder's leftovers), moved into the site once they have ended.
    shots = staging.with_name(f"{staging.name}-shots")
    with searchindex.records_folder() as records, searchindex.Indexing(Path(records), codes, staging) as indexing:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", searchindex.RECORDS_VARIABLE: records}
        env[images.SHARED_VARIABLE] = str(shots)
        try:
            if not parallel.build(command, staging, codes, env, root, parallel.jobs(), built=indexing.start):
                return False
            if shots.is_dir():
                parallel.overlay(shots, staging / variants.FOLDER)
        finally:
            shutil.rmtree(shots, ignore_errors=True)
        return _index_search(indexing)


def _index_search(indexing: searchindex.Indexing) -> bool:
    try:
        for lang, count in indexing.run():
            print(f"INFO    -  helpcentre: indexed {count} '{lang}' articles for search", file=sys.stderr)
    except searchindex.SearchIndexError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return False
    return True
