"""The trimmed user-agent stylesheet: found as expected, and invisible.

``petitions/ua_stylesheet.py`` drops from WeasyPrint's defaults the rules
our papers never use, to save render time. These tests hold it to "nothing
drawn differently" and fail when a WeasyPrint release moves the rules.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from weasyprint import CSS
from weasyprint.css.counters import CounterStyle

from petitions import render, ua_stylesheet
from petitions.packet import packet_build
from petitions.render import petition_render_pdf
from screener.rules import screen
from tests.petitions.conftest import TODAY, make_full_details, make_trafficking_case


def test_the_rules_to_drop_are_where_weasyprint_keeps_them() -> None:
    css, found = ua_stylesheet.trimmed(ua_stylesheet.weasyprint_ua_css())
    assert found == ua_stylesheet.EXPECTED_REMOVALS
    for gone in ("@top-left", "@bottom-center", "@footnote", "@note-area"):
        assert gone not in css
    assert "\n::" not in css  # no pseudo-element rule that matches every element
    assert "li::marker" in css
    # The rest of WeasyPrint's defaults stay: headings, tables, the page margin.
    for kept in ("h1 { font-size: 2em", "td, th { padding: 1px }", "margin: 75px"):
        assert kept in css


def test_papers_are_rendered_with_the_trimmed_stylesheet() -> None:
    document = render._parsed("<html><body><p>x</p></body></html>", None)  # type: ignore[arg-type]
    fallback = render._parsed("<p>not well-formed<br></p>", None)  # type: ignore[arg-type]
    for html in (document, fallback):
        assert html._ua_stylesheets() == ua_stylesheet.paper_ua_stylesheets()


def _page_images(pdf: bytes, folder: Path, name: str) -> list[bytes]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-gray", str(path), str(folder / name)], check=True
    )
    return [page.read_bytes() for page in sorted(folder.glob(f"{name}-*.pgm"))]


@pytest.mark.parametrize("attorney", [False, True], ids=["self", "attorney"])
def test_every_page_looks_the_same_as_with_weasyprints_stylesheet(
    attorney: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_trafficking_case()
    details = make_full_details()
    if attorney:
        details |= {
            "attorney_mode": True,
            "attorney_name": "Ana Ruiz",
            "attorney_bar_number": "123456",
            "attorney_firm": "Legal Aid",
            "attorney_address": "1 Main St\nSacramento, CA 95814",
            "attorney_phone": "916-555-0100",
            "attorney_email": "ana@example.org",
        }
    packet = packet_build(
        facts=case, screening=screen(case), details=details, today=TODAY
    )
    trimmed = _page_images(petition_render_pdf(packet=packet), tmp_path, "trimmed")

    whole = [
        CSS(string=ua_stylesheet.weasyprint_ua_css(), counter_style=CounterStyle())
    ]
    monkeypatch.setattr(ua_stylesheet, "paper_ua_stylesheets", lambda: whole)
    untrimmed = _page_images(petition_render_pdf(packet=packet), tmp_path, "whole")

    assert len(trimmed) == len(untrimmed) > 15
    differing = [
        n + 1 for n, (a, b) in enumerate(zip(trimmed, untrimmed, strict=True)) if a != b
    ]
    assert differing == []


def test_a_changed_weasyprint_stylesheet_is_used_untrimmed(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A release without the footnote area's default: the counts no longer match.
    original = ua_stylesheet.weasyprint_ua_css()
    changed = original.replace("@footnote            { margin-top: 1em }", "")
    assert changed != original
    monkeypatch.setattr(ua_stylesheet, "weasyprint_ua_css", lambda: changed)
    ua_stylesheet.paper_ua_stylesheets.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="petitions.ua_stylesheet"):
            (sheet,) = ua_stylesheet.paper_ua_stylesheets()
        assert "has changed" in caplog.text
        margin_boxes = {
            selector[1]
            for _, selectors, _ in sheet.page_rules
            for selector in selectors
        }
        assert "@top-left" in margin_boxes  # the margin-box defaults are still there
    finally:
        ua_stylesheet.paper_ua_stylesheets.cache_clear()
