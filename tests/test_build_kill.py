"""A build killed at any moment leaves site/ whole, the old site or the new one, and what it left behind
(its staging folders, its search records) is removed by the next build, never those of a build running."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpcentre.release import scratch, sitefolder

from conftest import new_site, run_cli

FRACTIONS = (0.02, 0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.9, 0.97, 1.05)  # of one build's duration


def manifest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(project: Path, scratch_dir: Path) -> list[str]:
    beside = [p.name for p in project.iterdir() if p.name.startswith(".site-")]
    return sorted(beside + [p.name for p in scratch_dir.iterdir()])


def running_under(folder: Path) -> list[str]:
    """Command lines of processes still working in ``folder`` (MkDocs, Pagefind)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and proc.name != str(os.getpid()):
            try:
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(folder) in command:
                found.append(command)
    return found


def test_a_killed_build_leaves_a_whole_site_and_the_next_build_cleans_up(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    scratch_dir = tmp_path / "shm"
    scratch_dir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env |= {"SOURCE_DATE_EPOCH": "1780000000", "HC_SCRATCH_DIR": str(scratch_dir)}
    assert run_cli(project, "build", env=env).returncode == 0
    old = manifest(project / "site")
    article = project / "docs/en/keys-and-locking/key-battery.md"
    article.write_text(article.read_text().replace("replace the battery", "replace the coin cell battery"))
    started = time.monotonic()
    assert run_cli(project, "build", "--site-dir", str(tmp_path / "new"), env=env).returncode == 0
    duration = time.monotonic() - started
    new = manifest(tmp_path / "new")
    assert new != old
    left = set()
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(project), "build"]
    for fraction in FRACTIONS:
        build = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait()
        site = manifest(project / "site")
        assert site in (old, new), f"killed at {fraction:.0%} of a build: site/ is neither the old nor the new site"
        left |= set(leftovers(project, scratch_dir))
        time.sleep(0.5)
        assert running_under(tmp_path) == [], "a killed build's MkDocs or Pagefind kept running"
    assert left, "no kill left anything behind: the kills missed the build"
    assert run_cli(project, "build", env=env).returncode == 0
    assert manifest(project / "site") == new
    assert leftovers(project, scratch_dir) == []


def test_the_sweep_leaves_a_running_builds_folders_and_removes_a_dead_ones(tmp_path):
    prefix = ".site-build-"
    ready = tmp_path / "ready"
    code = (
        "import sys, time; from pathlib import Path; from helpcentre.release import scratch;"
        f"held = scratch.claim(Path({str(tmp_path)!r}), {prefix!r}); held.folder();"
        f"Path({str(ready)!r}).write_text(held.name); time.sleep(60)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(sitefolder.__file__).parents[2])}
    holder = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.monotonic() + 20
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        name = ready.read_text()
        assert scratch.sweep(tmp_path, prefix) == []
        assert (tmp_path / name).is_dir() and (tmp_path / (name + ".lock")).is_file()
    finally:
        holder.kill()
        holder.wait()
    assert sorted(scratch.sweep(tmp_path, prefix)) == [name, name + ".lock"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(prefix)]


def test_the_swap_never_leaves_a_moment_without_a_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("0")
    misses, reads, stop = [], [0], threading.Event()

    def read() -> None:
        while not stop.is_set():
            reads[0] += 1
            try:
                (site / "index.html").read_text()
            except FileNotFoundError:
                misses.append(reads[0])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(1, 300):
            with sitefolder.staged(site) as staging:
                (staging / "index.html").write_text(str(number))
                sitefolder.swap(staging, site)
    finally:
        stop.set()
        reader.join()
    assert (site / "index.html").read_text() == "299"
    assert reads[0] > 1000 and misses == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
