"""Screenshots for the synthetic corpus: flat app screens as PNG, generated, the same bytes for the same article.

Reads nothing. Produces ``png(article_id, name, lang, size)``: a screen like the sample answers' mock-ups (a
header bar, rows of text-like bars, a card and a button), its colours and rows chosen from the article, the
step and the language (a French screen differs from the English one, as a screen of the French interface
does), so no two files are the same image and the build's content cache encodes each once. Drawn with Pillow
from a few base screens kept in memory and saved with fast compression: thousands a minute.
"""

from __future__ import annotations

import functools
import random
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (800, 500)  # width × height in px of every generated screen
INK = (40, 44, 52)
BACKGROUND = (246, 247, 249)


@functools.cache
def _base(size: tuple[int, int], variant: int) -> Image.Image:
    """One of a few layouts: header, rows of bars, a card on the right."""
    width, height = size
    rng = random.Random(f"base-{variant}")
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, height // 10), fill=(20, 20, 24))
    for row in range(12):
        y = height // 6 + row * height // 16
        end = width // 20 + rng.randrange(width // 5, width // 2)
        draw.rectangle((width // 20, y, end, y + height // 60), fill=INK)
    draw.rounded_rectangle((width * 6 // 10, height // 5, width * 19 // 20, height * 3 // 5), 12, fill=(255, 255, 255))
    return image


def png(article_id: int, name: str, lang: str, size: tuple[int, int] = SIZE) -> bytes:
    """The screen of step ``name`` of an article in ``lang``: deterministic, unique to the three."""
    rng = random.Random(f"{article_id}-{name}-{lang}")
    image = _base(size, rng.randrange(4)).copy()
    draw = ImageDraw.Draw(image)
    width, height = size
    accent = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    draw.rectangle((width // 20, height // 40, width // 3, height // 14), fill=accent)  # the screen's title
    for row in range(4):  # the card's lines: what differs from screen to screen
        y = height // 4 + row * height // 12
        draw.rectangle((width * 13 // 20, y, width * 13 // 20 + rng.randrange(40, width // 4), y + 8), fill=INK)
    draw.rounded_rectangle((width * 13 // 20, height // 2, width * 9 // 10, height * 11 // 20), 8, fill=accent)
    out = BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()
