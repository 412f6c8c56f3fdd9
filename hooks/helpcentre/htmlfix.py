"""Small corrections to the theme's HTML that the Nu Html Checker reports as errors.

Reads a finished page and produces it with Material's invalid attributes removed: ``autocomplete``
on its checkbox toggles (allowed only on text-like inputs); and its hidden colour-scheme radio inputs
(``aria-hidden`` yet focusable, which axe reports) taken out of the tab order. Nothing else is touched.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


_HIDDEN_OPTION = re.compile(r'(<input\b[^>]*\baria-hidden="true")([^>]*>)')


def valid_inputs(html: str) -> str:
    html = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
    return _HIDDEN_OPTION.sub(
        lambda m: m.group(0) if "tabindex" in m.group(0) else f'{m.group(1)} tabindex="-1"{m.group(2)}', html
    )
