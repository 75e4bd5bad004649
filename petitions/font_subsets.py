"""Embedded font subsets, made once per worker instead of once per PDF.

WeasyPrint embeds in every PDF a subset of each font holding only the glyphs
that PDF uses. Making that subset means reading and rewriting the whole
font: with fontTools (WeasyPrint's fallback when ``libharfbuzz-subset0`` is
missing) a fifth of a packet's render time, every time, although every
packet uses nearly the same letters.

So each font is subset once to a fixed, generous set of glyphs: every glyph
the font has for printable ASCII, Latin-1, Latin Extended-A and common
punctuation (names with accents, curly quotes, dashes, the section sign).
A PDF whose text stays inside that set (nearly all) gets the stored subset;
a PDF with any other glyph (a name in another script) gets that set plus its
own glyphs, subset as before and kept too. What a reader sees and copies
does not change: glyph ids are kept, and the widths and the text map in the
PDF still list only the glyphs it uses. The stored subsets hold glyph
outlines only, never anyone's text, and the key is the glyph set of that one
PDF, so nothing of one packet reaches another.
"""

from __future__ import annotations

import hashlib
import io
import threading
import types
from collections import OrderedDict
from typing import Any

from fontTools.ttLib import TTFont
from weasyprint.pdf.fonts import Font

# Printable ASCII, Latin-1, Latin Extended-A, general punctuation
# (dashes, curly quotes, bullet, ellipsis), the euro and trade mark signs.
REPERTOIRE = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x2010, 0x2027),
    *range(0x2030, 0x203B),
    0x20AC,
    0x2122,
)
# Fonts x hinting x the rare packet with glyphs outside the repertoire.
MAX_SUBSETS = 64

_subsets: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
_lock = threading.Lock()
_weasyprint_subset = Font.subset


_repertoires: dict[tuple[str, int], frozenset[int]] = {}


def _repertoire_glyphs(digest: str, font: Font) -> frozenset[int]:
    """Glyph ids the font maps the repertoire to (read once per font file)."""
    key = (digest, font.index)
    glyphs = _repertoires.get(key)
    if glyphs is None:
        ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
        cmap = ttfont.getBestCmap() or {}
        glyphs = frozenset(
            ttfont.getGlyphID(cmap[codepoint])
            for codepoint in REPERTOIRE
            if codepoint in cmap
        )
        _repertoires[key] = glyphs
    return glyphs


def _subset_once(font: Font, to_unicode: dict[int, str], hinting: bool) -> None:
    """``Font.subset`` through the per-worker store of subsets."""
    if not to_unicode:
        return
    digest = hashlib.blake2b(font.file_content, digest_size=16).hexdigest()
    glyphs = _repertoire_glyphs(digest, font)
    if not to_unicode.keys() <= glyphs:
        glyphs = glyphs.union(to_unicode)
    key = (digest, font.index, hinting, bool(font.missing), glyphs)
    with _lock:
        stored = _subsets.get(key)
        if stored is not None:
            _subsets.move_to_end(key)
    if stored is not None:
        font.file_content = stored
        return
    whole = len(font.file_content)
    _weasyprint_subset(font, dict.fromkeys(glyphs, ""), hinting)
    if len(font.file_content) >= whole:
        return  # WeasyPrint could not subset it (and logged why): keep none
    with _lock:
        _subsets[key] = font.file_content
        while len(_subsets) > MAX_SUBSETS:
            _subsets.popitem(last=False)


class SubsetOnceFonts(dict[Any, Font]):
    """A document's fonts, each subset through the per-worker store.

    Set as ``Document.fonts`` before ``write_pdf``: WeasyPrint fills this
    dict with one ``Font`` per font while painting, then subsets each one.
    """

    def __setitem__(self, key: Any, font: Font) -> None:
        font.subset = types.MethodType(_subset_once, font)
        super().__setitem__(key, font)
