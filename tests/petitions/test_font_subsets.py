"""Embedded fonts are subset once per worker and still hold every glyph used."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from petitions import font_subsets
from petitions.fetcher import STATIC_DIR
from petitions.render import pdf_from_html
from tests.petitions.conftest import pdf_text

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>'
    "<title>Document</title></head><body><p>{}</p></body></html>"
)
ORIGINAL = TTFont(STATIC_DIR / "fonts" / "LiberationSerif-Regular.ttf")


def _embedded_fonts(pdf: bytes) -> list[TTFont]:
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            program = descendant["/FontDescriptor"]["/FontFile2"].get_object()
            fonts.append(TTFont(io.BytesIO(program.get_data())))
    return fonts


def _has_outline(font: TTFont, character: str) -> bool:
    """Whether the embedded subset still draws ``character``.

    The subset keeps glyph ids but may drop its character map, so the glyph
    id comes from the shipped font file.
    """
    glyph_id = ORIGINAL.getGlyphID(ORIGINAL.getBestCmap()[ord(character)])
    glyph = font["glyf"][font.getGlyphOrder()[glyph_id]]
    return bool(glyph.numberOfContours)


def test_a_second_pdf_reuses_the_stored_subset_and_reads_the_same() -> None:
    font_subsets._subsets.clear()
    first = pdf_from_html(PAGE.format("Maria Elena L\u00f3pez \u2014 \u00a7 236.14"))
    stored = dict(font_subsets._subsets)
    second = pdf_from_html(PAGE.format("Ana P\u00e9rez, Sacramento \u201cCA\u201d"))
    assert stored, "the first PDF stored its font subset"
    assert font_subsets._subsets == stored, "the second PDF made no new subset"
    assert "Maria Elena L\u00f3pez \u2014 \u00a7 236.14" in pdf_text(first)
    assert "Ana P\u00e9rez, Sacramento \u201cCA\u201d" in pdf_text(second)


def test_a_glyph_outside_the_repertoire_is_embedded_with_its_outline() -> None:
    font_subsets._subsets.clear()
    pdf = pdf_from_html(PAGE.format("Omega \u03a9 and plain text"))
    assert "Omega \u03a9" in pdf_text(pdf)
    assert font_subsets._subsets, "the PDF was subset through the store"
    fonts = _embedded_fonts(pdf)
    assert any(_has_outline(font, "\u03a9") for font in fonts)
    assert all(_has_outline(font, "O") for font in fonts)
