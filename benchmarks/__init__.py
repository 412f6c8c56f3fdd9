"""`make bench`: our help centre against plain Material + mkdocs-static-i18n on a synthetic corpus.

``corpus`` writes the synthetic bilingual projects, ``measure`` times builds and weighs their output,
``preview`` times a `mkdocs serve` rebuild, ``browser`` times the first search result in Chromium,
``report`` checks the budgets of issue 10 and writes ``results.json`` and ``RESULTS.md``; ``run`` is the
command line that ties them together.
"""

import sys
from pathlib import Path

# The local static server and Chromium's launch are shared with the tests and `make audit` (scripts/).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
