"""French typography, one rule for each sign, shared by ``make new`` (which writes it) and ``make check``
(which holds every article to it).

The rule: a no-break space (U+00A0) before « : » and inside « », a narrow no-break space (U+202F) before
« ; », « ! » and « ? ». Reads text and produces the text with the rule applied (a new title), or the
offsets where a sign has the wrong kind of space (for a warning).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
SPACE_BEFORE = {":": NBSP, ";": NARROW_NBSP, "!": NARROW_NBSP, "?": NARROW_NBSP, "»": NBSP}
SPACE_AFTER = {"«": NBSP}
RULE = "use a no-break space (U+00A0) before : and inside « », a narrow no-break space (U+202F) before ; ! ?"

_ANY_SPACE = "[ \u00a0\u202f\u2009]"
# A sign that ends a clause: after a word, », ) or *, followed by a space or the end (not 9:00, not ?!).
_BEFORE_SIGN = re.compile(rf"(?<=[\w»)*]){_ANY_SPACE}*([:;!?]+)(?=\s|$)")
_OPENING = re.compile(rf"«{_ANY_SPACE}*")
_CLOSING = re.compile(rf"{_ANY_SPACE}*»")
# The wrong kind of space: the other no-break space, or a thin one, where the rule wants one.
_WRONG_SPACE = re.compile("[\u00a0\u2009][;!?]|[\u202f\u2009]:|«[\u202f\u2009]|[\u202f\u2009]»")


def apply(text: str) -> str:
    """``text`` with the rule's space around each sign, whatever space (or none) it had."""
    text = _BEFORE_SIGN.sub(lambda m: SPACE_BEFORE[m.group(1)[0]] + m.group(1), text.strip())
    text = _OPENING.sub("«" + SPACE_AFTER["«"], text)
    return _CLOSING.sub(SPACE_BEFORE["»"] + "»", text)


def wrong_spaces(text: str) -> list[int]:
    """Offsets of each no-break space of the wrong kind for the sign beside it."""
    if "\u00a0" not in text and "\u202f" not in text and "\u2009" not in text:
        return []
    return [m.start() for m in _WRONG_SPACE.finditer(text)]
