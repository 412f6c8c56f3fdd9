"""Small corrections to the theme's HTML that the Nu Html Checker reports as errors.

Reads a finished page and produces it with the ``autocomplete`` attribute removed from Material's checkbox
toggles (drawer, search), where HTML allows it only on text-like inputs. Nothing else is touched.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def valid_inputs(html: str) -> str:
    return _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
