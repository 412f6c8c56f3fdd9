"""Driving a writer's preview in tests: `make serve`'s command on a free port in a small project, the banner it
puts on pages, and the ways a writer breaks an article (issue 23)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpcentre.core import languages
from helpcentre.core.strings import load_strings

from conftest import REPO
from static_server import free_port

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(Path(__file__).resolve().parents[1]).codes

PAGE_TIMEOUT_S = 10  # every page answers within this, whatever the content
REBUILD_DEADLINE_S = 120  # a save shows in the browser within this (a shared machine can be slow)
STRINGS = load_strings(REPO)[0]
BANNER = "section[data-hc=preview-problems]"


class Preview:
    """`make serve` on ``project``: started on entering, its whole process group ended on leaving."""

    def __init__(self, project: Path, only: str, log: Path):
        self.project, self.only, self.log = project, only, log
        self.base = f"http://127.0.0.1:{free_port()}/"

    def __enter__(self) -> Preview:
        env = {
            **os.environ,
            "PYTHONPATH": str(self.project / "hooks"),
            "NO_MKDOCS_2_WARNING": "1",
            "HC_BUILD_LANGUAGE": self.only,
            "HC_STRICT": "false",
        }
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", self.base[7:-1]]
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                command, cwd=self.project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            deadline = time.monotonic() + REBUILD_DEADLINE_S
            while not self._answers():
                if self.process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"mkdocs serve did not start:\n{self.output()}")
                time.sleep(0.2)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass

    def _answers(self) -> bool:
        try:
            urllib.request.urlopen(self.base, timeout=1).close()
        except urllib.error.HTTPError:  # `make serve ONLY=fr` has no page at the root
            pass
        except OSError:
            return False
        return True

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def page(self, path: str) -> BeautifulSoup:
        """The page at ``path``, which must answer within PAGE_TIMEOUT_S (a failed build would hang it)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=PAGE_TIMEOUT_S) as response:
                return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        except OSError as exc:
            pytest.fail(f"{path} did not answer within {PAGE_TIMEOUT_S} s ({exc}):\n{self.output()}")

    def after_save(self, path: str, save: Callable[[], None], until: Callable[[BeautifulSoup], bool]) -> BeautifulSoup:
        """Save, then follow the browser's live-reload requests until ``path`` shows what ``until`` wants."""
        epoch = reload_epoch(self.page(path))
        save()
        deadline = time.monotonic() + REBUILD_DEADLINE_S
        while (remaining := deadline - time.monotonic()) > 0:
            url = f"{self.base}livereload/{epoch}/1"  # answers when a newer build is visible (the reload)
            try:
                with urllib.request.urlopen(url, timeout=min(remaining, 70)) as response:
                    epoch = max(epoch, int(response.read()))
            except OSError:
                continue
            if until(soup := self.page(path)):
                return soup
        pytest.fail(f"{path} never showed the change after the save:\n{self.output()}")


def reload_epoch(soup: BeautifulSoup) -> int:
    script = next(s.string for s in soup.find_all("script") if s.string and "livereload(" in s.string)
    return int(re.search(r"livereload\((\d+),", script).group(1))


def banner(soup: BeautifulSoup):
    return soup.select_one(BANNER)


@dataclass(frozen=True)
class Breakage:
    name: str
    file: str  # relative to the project
    where: str  # what the banner names: "path:line"
    says: str  # part of the message
    lang: str  # the language of the broken file


def breakages(project: Path) -> list[tuple[Breakage, Callable[[], None]]]:
    key_en = "docs/en/keys-and-locking/key-battery.md"
    key_fr = "docs/fr/keys-and-locking/key-battery.md"
    access_fr = project / "docs/fr/my-account/access.md"

    def edit(rel: str, old: str, new: str) -> Callable[[], None]:
        path = project / rel
        return lambda: path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    fr_lines = (project / key_fr).read_text(encoding="utf-8").count("\n")
    return [
        (
            Breakage("bad YAML", key_en, f"{key_en}:3", "front matter is not valid YAML", "en"),
            edit(key_en, "title: How", 'title: "How'),
        ),
        (
            Breakage("unknown related id", key_en, f"{key_en}:5", "related id 9999 does not exist", "en"),
            edit(key_en, "updated:", "related: [9999]\nupdated:"),
        ),
        (
            Breakage(
                "missing translation", "docs/en/my-account/access.md", "docs/en/my-account/access.md:1", "no FR", "fr"
            ),
            access_fr.unlink,
        ),
        (
            Breakage("link to a missing page", key_fr, f"{key_fr}:{fr_lines + 1}", "points at a missing page", "fr"),
            edit(key_fr, "couvercle.\n", "couvercle.\nVoyez [cette page](nulle-part.md).\n"),
        ),
    ]


def page_of(rel: str, lang: str) -> str:
    """The address of the article ``rel`` (docs/<lang>/x/y.md) in ``lang``."""
    page = rel.split("/", 2)[2].replace(".md", ".html")
    return page if lang == LANGUAGES[0] else f"{lang}/{page}"


def check_banner(soup: BeautifulSoup, breakage: Breakage) -> None:
    found = banner(soup)
    assert found is not None
    lang = soup.html["lang"]
    strings = STRINGS[lang]
    # Reachable: an alert region in the tab order, named by its heading, before the site's header.
    assert found["role"] == "alert" and found["tabindex"] == "0"
    heading = soup.find(id=found["aria-labelledby"])
    assert heading in found.find_all("h2")
    assert heading.get_text(strip=True) == strings.plural("preview.errors", 1)
    assert found.find_next("header") is soup.select_one("header.md-header")
    # Each problem as the terminal prints it: file and line, then the message and its fix.
    (item,) = found.select("li")
    assert item.code.get_text() == breakage.where
    assert breakage.says in item.get_text()
    assert strings("preview.fix") in found.get_text()


def restore(project: Path, texts: dict[Path, bytes]) -> None:
    """Put back every article as it was (touching only those that changed, as a writer's undo would)."""
    for path, text in texts.items():
        if not path.is_file() or path.read_bytes() != text:
            path.write_bytes(text)


def save(path: Path, text: str) -> None:
    # The content cache compares sizes and modification times: a save within the same clock tick must show.
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))
