"""Small corrections to the theme's HTML that the Nu Html Checker reports as errors.

Reads a finished page and produces it with the ``autocomplete`` attribute removed from Material's checkbox
toggles (drawer, search), where HTML allows it only on text-like inputs. Nothing else is touched.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def valid_inputs(html: str) -> str:
    # Material writes its toggles at the top of <body>: the page's content (a few hundred kilobytes on a
    # category page, 200 MB over 6,000 pages) need not be searched for them.
    end = html.find("<main")
    end = len(html) if end == -1 else end
    start = html.find("<input", 0, end)  # nor need the head, with its inline styles and scripts
    if start == -1:
        return html
    return html[:start] + _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html[start:end]) + html[end:]
