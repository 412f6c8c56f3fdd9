"""What `make bench` measures once a run, after the sizes: the screenshot page on a phone (``shot_page.py``), the
corpus with two screenshots an article (``image_builds.py``) and the import of a Zendesk help centre
(``zendesk_import.py``, run as a file with the run's site code: the benchmark imports nothing of the code it
measures).

Reads the run's settings. Produces each stage's figures under its name in the run's results (``None``: not
measured, with the reason logged); a stage that fails is logged and left out, the others' figures kept.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from . import image_builds, shot_page
from .settings import BenchError, Settings, log

STAGES = ("screenshots", "images", "import")
IMPORTER = Path(__file__).resolve().parent / "zendesk_import.py"
IMPORT_TIMEOUT_S = 600


def zendesk(settings: Settings, articles: int = 1000) -> dict:
    command = [sys.executable, str(IMPORTER), "--json", "--code", str(settings.source), "--articles", str(articles)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=IMPORT_TIMEOUT_S, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise BenchError(f"the import failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    found = json.loads(lines[-1])
    log(f"  {found['articles']:,} articles × {found['locales']} locales in {found['seconds']} s")
    return found


def measure(settings: Settings) -> dict:
    """{stage: figures or None} for every stage."""
    found: dict = dict.fromkeys(STAGES)
    if "screenshots" in settings.stages and not settings.browser:
        log("screenshot page: not measured (no Chromium)")
    steps = {
        "screenshots": lambda: shot_page.measure(settings.source, settings.work_dir / "screenshot-page"),
        "images": lambda: image_builds.measure(settings, settings.images_size),
        "import": lambda: zendesk(settings),
    }
    for stage in STAGES:
        if stage not in settings.stages or (stage == "screenshots" and not settings.browser):
            continue
        if stage == "images" and settings.images_size < 1:
            continue
        log(f"stage: {stage}")
        try:
            found[stage] = steps[stage]()
        except Exception as exc:  # any: a stage's failure must not lose the sizes' half hour of figures
            log(f"  {stage}: failed, left out of the results (its budgets: not measured): {exc}")
    return found
