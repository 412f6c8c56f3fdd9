"""Screenshots are this package's files, not MkDocs': what keeps MkDocs (and static-i18n) away from them.

``in_language_tree`` says which of MkDocs' files are screenshots of a language's tree (``docs/<lang>/...``):
the build takes them out of MkDocs' files before static-i18n makes a copy of each for every language, since
``variants.publish`` links the encoded files into the site and ``markup.pictures`` points every page at them.
``HiddenImages``, a Python-Markdown extension, hides an answer's local ``<img>`` from MkDocs' link resolution
(which would look each one up among its files and warn, not finding it there) and gives it back untouched; the
checks already name a missing or unreadable image with its ``path:line``. Costs: one pass over each answer's
element tree, two tag renames an image.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from helpcentre.images import references

_HIDDEN_TAG = "hc-local-img"
# Python-Markdown's inline images exist from priority 20; MkDocs resolves links at 0 ("relpath").
_HIDE_PRIORITY, _SHOW_PRIORITY = 1, -1


def in_language_tree(src_uri: str, codes: Iterable[str]) -> bool:
    """Whether MkDocs' file ``src_uri`` (docs-relative) is an image of one of the language trees ``codes``."""
    tree = src_uri.split("/", 1)[0]
    return "/" in src_uri and tree in codes and src_uri.lower().endswith(references.SUFFIXES)


def is_local_image(src: str) -> bool:
    return (
        bool(src)
        and not references.is_remote(src)
        and not src.startswith("/")
        and (posixpath.splitext(src.split("#", 1)[0].split("?", 1)[0])[1].lower() in references.SUFFIXES)
    )


class _Rename(Treeprocessor):
    def __init__(self, md: Markdown, old: str, new: str, only_local: bool) -> None:
        super().__init__(md)
        self.old, self.new, self.only_local = old, new, only_local

    def run(self, root) -> None:
        for element in root.iter(self.old):
            if not self.only_local or is_local_image(element.get("src", "")):
                element.tag = self.new


class HiddenImages(Extension):
    """Local images pass MkDocs' link resolution as another tag, and come out as the ``<img>`` they were."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Rename(md, "img", _HIDDEN_TAG, True), "hc_hide_images", _HIDE_PRIORITY)
        md.treeprocessors.register(_Rename(md, _HIDDEN_TAG, "img", False), "hc_show_images", _SHOW_PRIORITY)
