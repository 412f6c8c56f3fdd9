"""make import-zendesk when Zendesk or the import fails: retried where a browser would retry, else stopped with
docs/ and data/ as they were (a failed, killed or interrupted import)."""

from __future__ import annotations

import os
import platform
import shutil
import signal
import subprocess
import sys
import time

import pytest

from importing import centre, run_import, tree
from zendesk_server import PNG, HelpCentre, ZendeskServer


@pytest.fixture
def project(make_site):
    return make_site(build=False)


@pytest.mark.parametrize("fault", ["401", "malformed", "404", "no locales"])
def test_a_failed_import_leaves_docs_and_data_as_they_were(project, fault):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        before = tree(project.root)
        url = server.url
        if fault == "401":
            server.centre.auth = ("writer@example.com", "s3cret-token")
        elif fault == "malformed":
            server.centre.malformed = "/api/v2/help_center/fr-ca/articles.json"
        elif fault == "404":
            server.centre.missing = "/api/v2/help_center/fr-ca/sections.json"
        else:
            server.centre.locales = []
        result = run_import(project, url)
        assert result.returncode == 1
        assert "Nothing was imported" in result.stderr and "Traceback" not in result.stderr
        assert tree(project.root) == before
        fix = {"401": "ZENDESK_EMAIL and ZENDESK_API_TOKEN", "malformed": "the answer is not JSON",
               "404": "404 Not Found; is URL", "no locales": "no locales; is URL"}[fault]  # fmt: skip
        assert fix in result.stderr
        if fault == "401":
            good = {"ZENDESK_EMAIL": "writer@example.com", "ZENDESK_API_TOKEN": "s3cret-token"}
            ok = run_import(project, server.url, env=good)
            assert ok.returncode == 0, ok.stderr
            written = "".join((project.root / p).read_text(errors="replace") for p in tree(project.root))
            assert "s3cret-token" not in written + ok.stdout + ok.stderr
            assert "s3cret-token" not in (project.root / "dist/import-report.md").read_text()


def test_a_503s_retry_after_is_waited_though_the_importers_own_pause_is_shorter(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        # The first articles list answers 503 with Retry-After: 1; the importer's own pause is 0.05 s
        # (run_import's ZENDESK_BACKOFF) and no pacing (ZENDESK_RATE=0), so only Retry-After can hold it back.
        # No 429 first: its own second would only slow the test.
        server.centre.too_many_once, server.centre.failing = False, 1
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        log, times = server.centre.log, server.centre.times
        failed = next(i for i, path in enumerate(log) if path.split("?")[0].endswith("/articles.json"))
        assert log[failed + 1] == log[failed]  # the next request is its retry
        waited = times[failed + 1] - times[failed]
        assert waited >= 1.0, f"retried {waited:.2f} s after the 503; Zendesk asked for 1 s"


@pytest.mark.parametrize("failure", ["503", "502", "500", "reset", "cut"])
def test_a_zendesk_outage_is_retried_and_one_that_lasts_stops_the_import_cleanly(project, failure):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        before = tree(project.root)
        server.centre.failure, server.centre.failing = failure, -1  # every articles list fails
        result = run_import(project, server.url)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "Nothing was imported" in result.stderr and "import again" in result.stderr
        assert {"reset": "cannot reach it", "cut": "its answers cut short"}.get(failure, failure) in result.stderr
        assert tree(project.root) == before
        server.centre.failing = 1  # fails once, then answers
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        assert "English only." in (project.root / "docs/en/keys-locking/only-in-english.md").read_text()


def test_an_image_cut_short_is_retried_and_one_always_cut_stops_the_import_cleanly(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        # An address no request can carry (a control character pasted into it) is listed at once: no retry could
        # fetch it, and none may turn it into a failure that stops every import.
        shot = '<p><img src="/hc/article_attachments/4/my\x01shot.png" alt="The shot"></p>'
        server.centre.articles["en-us"][3]["body"] += shot
        before = tree(project.root)
        # The PNG's headers with its full Content-Length, then half its bytes and the connection closed.
        key = "/hc/article_attachments/1/key.png"
        server.centre.failing_on, server.centre.failure, server.centre.failing = key, "cut", -1
        result = run_import(project, server.url)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"{server.url}{key}: cannot reach it after 5 tries (its answers cut short)" in result.stderr
        assert "import again" in result.stderr and "Nothing was imported" in result.stderr
        assert tree(project.root) == before
        server.centre.failing = 1  # cut once, then whole
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        saved = project.root / "docs/en/keys-locking/how-do-i-change-the-keys-battery-1-now-vite/key.wordless.png"
        assert saved.read_bytes() == PNG
        assert "my\x01shot.png: cannot be requested as written" in (project.root / "dist/import-report.md").read_text()


def test_a_killed_import_leaves_docs_and_data_as_they_were(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        server.centre.delay = 0.3
        before = tree(project.root)
        env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "ZENDESK_RATE": "0"}
        command = [sys.executable, "-m", "helpcentre.cli", "--root", str(project.root)]
        proc = subprocess.Popen(
            [*command, "import-zendesk", "--url", server.url],
            cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree(project.root) == before
        server.centre.delay = 0
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        assert not list(project.root.glob(".import-zendesk-*"))


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the system call counted is x86_64's")
@pytest.mark.parametrize(
    ("fault", "then"),
    [("signal=KILL:when=1", None), ("signal=KILL:when=2", "make check"), ("signal=KILL:when=2", "mkdocs build"),
     ("error=EIO:when=2", None)],
)  # fmt: skip
def test_an_import_stopped_at_its_swaps_leaves_docs_and_data_as_they_were(project, fault, then):
    assert shutil.which("strace"), "strace stops the import at its swaps: make test installs it (apt install strace)"
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        root, before = project.root, tree(project.root)
        env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "ZENDESK_RATE": "0", "NO_MKDOCS_2_WARNING": "1"}
        # The kernel kills it as it enters its first renameat2 (all written aside, nothing swapped) or its
        # second (docs/ exchanged, data/ not yet), or fails the second.
        strace = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2", "-e", f"inject=renameat2:{fault}"]
        command = [sys.executable, "-m", "helpcentre.cli", "--root", str(root), "import-zendesk", "--url", server.url]
        stopped = subprocess.run([*strace, *command], cwd=root, env=env, capture_output=True, text=True)
        assert stopped.returncode != 0 and "files changed" not in stopped.stdout
        if fault == "error=EIO:when=2":  # the import itself puts docs/ back
            assert "Nothing was imported" in stopped.stderr and "Traceback" not in stopped.stderr
        elif fault == "signal=KILL:when=2":
            assert (root / "docs/en/keys-locking/only-in-english.md").is_file()  # the new docs/, the old data/
            assert "keys-locking" not in (root / "data/categories.yml").read_text()
            if then == "make check":  # any command of ours first puts docs/ back
                after = project.cli("check")
            else:  # MkDocs itself, as make serve runs it (its hooks do it there)
                mkdocs = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project.out)]
                env["HC_STRICT"] = "false"
                after = subprocess.run(mkdocs, cwd=root, env=env, capture_output=True, text=True)
            assert "killed while swapping docs and data in: docs/ put back as before it" in after.stderr
        assert tree(root) == before
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        assert "keys-locking" in (root / "data/categories.yml").read_text()
        assert not list(root.glob(".import-zendesk-*"))
