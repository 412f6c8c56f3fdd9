"""The feedback collector (collector/) as a real server on a free local port, its database (SQLite in a file, or
a throwaway PostgreSQL cluster in a temporary folder), a client that posts as a reader's browser does, and the
report's pages written and parsed."""

from __future__ import annotations

import glob
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from helpcentre.core import languages

from static_server import free_port, wait_until_answers

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(Path(__file__).resolve().parents[1]).codes

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Collector:
    port: int
    origin: str  # the site's origin: the one the collector accepts
    process: subprocess.Popen
    log: str = ""  # what it wrote, once it stopped

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/collect"

    def post(self, body, origin: str | None = None, path: str = "/collect", forwarded_for: str = "") -> tuple[int, str]:
        """POST ``body`` (JSON of a dict or list, else bytes as they are) as text/plain: the status and the text.
        ``forwarded_for`` is the reader's address as the proxy on this machine passes it (``X-Forwarded-For``)."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "text/plain;charset=UTF-8", "Origin": self.origin if origin is None else origin}
        headers["X-Forwarded-For"] = forwarded_for
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.request("POST", path, body=raw, headers={k: v for k, v in headers.items() if v})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            connection.close()


@contextmanager
def collector(
    root: Path,
    site_url: str,
    database_url: str,
    rate_limit: int = 10_000,
    port: int | None = None,
    settings: dict[str, str] | None = None,
    open_files: int | None = None,
):
    """``python -m collector serve`` for the project ``root`` on ``port`` (else a free one) until the block ends,
    with more of its ``settings`` (``FEEDBACK_...``) and at most ``open_files`` open (``ulimit -n``) if given."""
    port = port or free_port()
    env = {
        **os.environ,
        "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'hooks'}",
        "SITE_URL": site_url,
        "FEEDBACK_DATABASE_URL": database_url,
        "FEEDBACK_RATE_LIMIT": str(rate_limit),
        **(settings or {}),
    }
    command = [sys.executable, "-m", "collector", "--root", str(root), "serve", "--port", str(port)]
    if open_files:
        command = ["prlimit", f"--nofile={open_files}", "--", *command]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    parts = urlsplit(site_url)
    server = Collector(port, f"{parts.scheme}://{parts.netloc}", process)
    try:
        wait_until_answers(server.port, "/health", server.process)
        yield server
    finally:
        process.terminate()
        try:
            server.log = process.communicate(timeout=10)[0]
        except subprocess.TimeoutExpired:  # stuck: stopped all the same, and the test says so
            process.kill()
            server.log = process.communicate()[0]
            raise


def run_collector(root: Path, site_url: str, database_url: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m collector <args>`` (report, popularity) for the project ``root``, to its end."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'hooks'}", "SITE_URL": site_url}
    env["FEEDBACK_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "collector", "--root", str(root), *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)


def report_pages(project, url: str, folder: Path, site_url: str) -> dict[str, BeautifulSoup]:
    """``make feedback-report`` into ``folder``: each language's page, parsed."""
    result = run_collector(
        project, site_url, url, "report", "--out", str(folder / "report.md"), "--html", str(folder / "html")
    )
    assert result.returncode == 0, result.stderr
    return {
        lang: BeautifulSoup((folder / "html" / lang / "index.html").read_text("utf-8"), "html.parser")
        for lang in LANGUAGES
    }


def cells(row) -> list[str]:
    """Each cell's text, runs of ordinary white space as one space (no-break spaces kept: French needs them)."""
    return [re.sub(r"[ \t\n]+", " ", cell.get_text(" ", strip=True)) for cell in row.find_all(["td", "th"])]


class PostgreSQL:
    """A throwaway cluster of Debian's PostgreSQL in a temporary folder of its own (pytest's are closed to the
    postgres user that the server runs as under root), on a free port, trusting local connections."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError("Debian's postgresql is not installed: make test installs it (make system-deps)")
        self.bin = Path(found[-1]).parent
        self.folder, self.port = Path(tempfile.mkdtemp(prefix="hc-postgresql-")), free_port()
        self.url = f"postgresql://feedback@127.0.0.1:{self.port}/postgres"
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "feedback", "--no-sync", "-E", "UTF8")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
