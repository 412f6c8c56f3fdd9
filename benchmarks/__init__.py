"""`make bench`: our help centre against plain Material + mkdocs-static-i18n on a synthetic corpus.

``corpus`` writes the synthetic bilingual projects, ``builds`` times builds (through the runners
``with_memory.py`` and ``timed_build.py``), ``weights`` weighs their output, ``profiling`` reads a profile,
``preview`` times a `mkdocs serve` rebuild, ``browser`` times the first search result in Chromium,
``budgets`` (with ``budget_notes``) checks the budgets of issue 10, ``report`` and ``size_table`` write
``RESULTS.md`` (``figures`` for the numbers, ``data/method.md`` for the method); ``run`` is the
command line that ties them together.
"""

import sys
from pathlib import Path

# The local static server and Chromium's launch are shared with the tests and `make audit` (scripts/).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
