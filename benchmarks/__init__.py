"""`make bench`: our help centre against plain Material + mkdocs-static-i18n on a synthetic corpus.

``run`` is the command line; ``one_size`` measures one size N. ``corpus`` generates the articles from the
words of ``vocabulary`` (``data/*.yml``) and ``projects`` writes the two projects; ``builds`` runs and times a
build (through the runners ``with_memory.py`` and ``timed_build.py``, run as files in a project), ``weights``
weighs its output, ``profiling`` measures our hooks' share, ``preview`` a `mkdocs serve` rebuild, ``browser``
search in Chromium, ``collector_load`` the feedback collector's throughput under a bounded load;
``environment`` records the machine and the code measured. ``stages`` measures once a run the screenshot page
(``shot_page``), the corpus with screenshots (``image_builds``, its PNG files from ``shot_images``) and the
Zendesk import (``zendesk_import``). ``budgets`` checks every budget (``build_budgets``: issue 10's;
``media_budgets``: issues 28 and 29's; ``measured``: what they read); ``report``, ``size_table`` and
``media_report`` write the tables of ``RESULTS.md`` and the figures of ``budgets.json``, with ``figures`` for
the numbers.
"""

import sys
from pathlib import Path

# The local static server and Chromium's launch are shared with the tests and `make audit` (scripts/).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
# The site's own package, which the collector's stage and the import stage call directly (the builds run it from
# each project's copy instead); without it here, a run of the sizes up to 1,000 reached the collector without it.
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "hooks"))
