"""Build one language only, when ``HC_BUILD_LANGUAGE`` names it (set by ``helpcentre.release.parallel``).

static-i18n builds its default language first, then the others from its ``on_post_build``, all in one
process. The parallel build runs one MkDocs process per language instead, each into its own folder:
setting the plugin's language before its first ``on_config`` makes that language the first (and, with
the plugin marked as already building, the only) build. Without the variable this hook does nothing.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcentre.release.parallel import LANGUAGE_VARIABLE as VARIABLE


@event_priority(100)  # before static-i18n's on_config (-100), which reads the language on its first call
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = os.environ.get(VARIABLE)
    i18n = config.plugins["i18n"]
    if not lang or i18n.current_language is not None:
        return config
    known = [language.locale for language in i18n.config.languages]
    if lang not in known:
        raise PluginError(f"{VARIABLE}={lang}: not a language of mkdocs.yml (expected one of {', '.join(known)})")
    i18n.current_language = lang
    i18n.building = True  # its on_post_build then skips the other languages
    return config
