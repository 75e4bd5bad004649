"""WeasyPrint's HTML defaults, without the rules our papers never use.

Every document WeasyPrint lays out starts from its user-agent stylesheet
(``weasyprint/css/html5_ua.css``). Two groups of rules in it cost a packet
about a tenth of its render time and draw nothing on our papers:

* The ``@page`` block gives each of the 16 page-margin boxes a default
  alignment, and the footnote and note areas a style. WeasyPrint computes a
  style for every one of them on every page (each page is its own page
  type), although our papers fill only ``@bottom-center``, which sets its
  own alignment in ``pleading.css``.
* ``::marker`` and the five ``::footnote-*`` / ``::note-*`` rules match
  every element, so every paragraph got six pseudo-element styles. Our
  papers have no footnotes or notes, and a marker only exists on a list
  item, so ``::marker`` becomes ``li::marker``.

Everything else is WeasyPrint's own file, unchanged, so the papers look
exactly as before (``tests/petitions/test_ua_stylesheet.py`` compares the
pages pixel by pixel). If a WeasyPrint release rewrites those rules and the
trim no longer finds them, the papers use WeasyPrint's stylesheet as it is:
slower, never different; a test fails so the trim gets updated.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from importlib.resources import files

from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle

logger = logging.getLogger(__name__)

# One rule per line in WeasyPrint's file: "@top-left { ... }" inside @page.
_MARGIN_BOX_RULE = re.compile(
    r"^[ \t]*@(?:top|bottom|left|right)-[a-z-]+[ \t]*\{[^{}\n]*\}[ \t]*\n", re.M
)
_NOTE_AREA_RULE = re.compile(
    r"^[ \t]*@(?:footnote|note-area)[ \t]*\{[^{}\n]*\}[ \t]*\n", re.M
)
_UNIVERSAL_NOTE_RULE = re.compile(
    r"^::(?:footnote|note)-[a-z-]+[ \t]*\{[^{}\n]*\}[ \t]*\n", re.M
)
_UNIVERSAL_MARKER = re.compile(r"^::marker([ \t]*\{)", re.M)

# What WeasyPrint 70 has; a different count means its file has changed.
EXPECTED_REMOVALS = {"margin boxes": 16, "note areas": 2, "note rules": 5, "marker": 1}


def trimmed(ua_css: str) -> tuple[str, dict[str, int]]:
    """``ua_css`` without the rules above, and how many of each were found."""
    css, margin_boxes = _MARGIN_BOX_RULE.subn("", ua_css)
    css, note_areas = _NOTE_AREA_RULE.subn("", css)
    css, note_rules = _UNIVERSAL_NOTE_RULE.subn("", css)
    css, marker = _UNIVERSAL_MARKER.subn(r"li::marker\1", css)
    return css, {
        "margin boxes": margin_boxes,
        "note areas": note_areas,
        "note rules": note_rules,
        "marker": marker,
    }


def weasyprint_ua_css() -> str:
    return (files("weasyprint") / "css" / "html5_ua.css").read_text(encoding="utf-8")


@cache
def paper_ua_stylesheets() -> list[CSS]:
    """The user-agent stylesheet for our papers, parsed once per worker.

    Its ``@counter-style`` rules go to a counter style of its own, unused:
    WeasyPrint gives each render a copy of its own counter styles.
    """
    whole = weasyprint_ua_css()
    css, found = trimmed(whole)
    if found != EXPECTED_REMOVALS:
        logger.warning(
            "WeasyPrint's user-agent stylesheet has changed (found %s); "
            "rendering with it untrimmed.",
            found,
        )
        css = whole
    return [CSS(string=css, counter_style=CounterStyle())]


class PaperHTML(HTML):
    """WeasyPrint's ``HTML`` with the trimmed user-agent stylesheet.

    ``_ua_stylesheets`` is how WeasyPrint's own tests swap the stylesheet;
    it is not public API, so pyproject.toml pins WeasyPrint's major version.
    """

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        # ``forms`` adds the form-field stylesheet: our papers have no forms.
        return paper_ua_stylesheets()
