"""The pleading paper's line numbers and left rule, drawn once as an image.

Rule 2.108 wants 28 numbered lines down the left margin of every page,
separated from the text by a vertical line. As positioned text they were a
quarter of a packet's render time (28 lines laid out again on every page);
as one image, embedded once in the PDF and placed on every page as the page
background, they cost almost nothing. The body text stays real text; the
numbers are a picture of text, as on printed pleading paper, so they do not
get in the way when text is copied out of the PDF.

The right rule and the footer rule are one black pixel stretched by CSS
(``pleading-rule.png``), so no fixed box is laid out on any page.

The image covers only the band of the margin that has ink (the numbers and
the double rule, 54-96 pt from the left edge), not the whole 108 pt margin:
WeasyPrint re-encodes the image's pixels into every PDF it writes, and the
white rest of the margin was 60 % of them. The band starts on a whole pixel
(54 pt is 225 pixels at 300 dpi), so its pixels are the same ones the whole
strip had there.

``python -m petitions.pleading_grid`` rewrites both images under
``static/petitions/``; a test checks the shipped files match.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from petitions.fetcher import STATIC_DIR

GRID_FILE = STATIC_DIR / "petitions" / "pleading-numbers.png"
RULE_FILE = STATIC_DIR / "petitions" / "pleading-rule.png"
FONT_FILE = STATIC_DIR / "fonts" / "LiberationSerif-Regular.ttf"
DPI = 300
LINES = 28
TOP = 72.0  # points: the 1 in top margin
PITCH = 24.0  # points between lines (rule 2.108: 3 lines per vertical inch)
BASELINE = 16.05  # points below a line's top, where 12 pt text sits on 24 pt
NUMBER_RIGHT = 80.0  # points from the left edge: numbers end here
RULES = (90.0, 92.75)  # points: the double rule, 0.75 pt lines, left of the text
RULE_WIDTH = 0.75
STRIP_LEFT = 54.0  # points from the left edge: where the image starts
STRIP_RIGHT = 96.0  # points: where it ends, past the double rule
PAGE_HEIGHT = 792.0


def grid_png() -> bytes:
    """The left-margin band: numbers 1-28 and the double rule, 300 dpi."""
    scale = DPI / 72
    image = Image.new(
        "L",
        (round((STRIP_RIGHT - STRIP_LEFT) * scale), round(PAGE_HEIGHT * scale)),
        255,
    )
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_FILE), size=round(12 * scale))
    for number in range(1, LINES + 1):
        baseline = (TOP + PITCH * (number - 1) + BASELINE) * scale
        draw.text(
            ((NUMBER_RIGHT - STRIP_LEFT) * scale, baseline),
            str(number),
            font=font,
            fill=0,
            anchor="rs",
        )
    for left in RULES:
        start = (left - STRIP_LEFT) * scale
        draw.rectangle((start, 0, start + RULE_WIDTH * scale - 1, image.height), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def rule_png() -> bytes:
    """One black pixel: stretched by CSS into the right rule and footer rule."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1), 0).save(buffer, format="PNG")
    return buffer.getvalue()


def write(target: Path = GRID_FILE, rule: Path = RULE_FILE) -> None:
    target.write_bytes(grid_png())
    rule.write_bytes(rule_png())


if __name__ == "__main__":
    write()
