"""Screenshots leave MkDocs' files before static-i18n sees them (``helpcentre.images.hidden``).

static-i18n's ``on_files`` (priority -100) makes a file per language of every file it is given: 9,000
screenshots became 18,000 files to reconfigure, look up and drop again. The images package publishes them itself,
so they leave MkDocs' files here, first; MkDocs' link resolution, which would warn about each one it no longer
finds, is kept away from answers' local images by a Markdown extension; another makes a step's screenshot
without trying every inline pattern on it (``helpcentre.images.alone``). A separate hooks module because
``helpcentre_hooks``' own ``on_files`` must run after static-i18n's.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from helpcentre.images import alone, hidden


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for extension in (hidden.HiddenImages, alone.AloneImages):
        if not any(isinstance(added, extension) for added in config.markdown_extensions):
            config.markdown_extensions.append(extension())
    return config


@event_priority(-90)  # before static-i18n's (-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    codes = [language.locale for language in config.plugins["i18n"].config.languages]
    for file in [f for f in files.media_files() if hidden.in_language_tree(f.src_uri, codes)]:
        files.remove(file)
    return files
