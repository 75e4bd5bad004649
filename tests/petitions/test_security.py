"""Attacks A1-A7 of the security research (§7) against the petition render.

The render must fetch nothing but our own fonts and CSS, embed no file, and
keep hostile or huge user text on the page as plain, wrapped text.
"""

from __future__ import annotations

import io
import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import weasyprint
from pypdf import PdfReader

from petitions.fetcher import (
    ALLOWED_ASSETS,
    STATIC_DIR,
    BlockedResource,
    StaticAssetFetcher,
)
from petitions.render import pdf_from_html
from tests.petitions.conftest import pdf_text, pdf_words

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "petitions"
Render = Callable[[dict[str, Any], dict[str, Any]], bytes]


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _was_contacted(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def _embedded_files(pdf: bytes) -> bool:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        return True
    return b"/EmbeddedFile" in pdf or b"/FileAttachment" in pdf


def _hostile_html(port: int) -> str:
    return f"""<!doctype html><html><head><title>Document</title>
<link rel="attachment" href="file:///etc/passwd">
<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">
<style>@import url("http://127.0.0.1:{port}/import.css");
p {{ background: url("file:///etc/passwd"); }}</style>
</head><body>
<p>hostile</p>
<img src="file:///etc/passwd">
<img src="http://127.0.0.1:{port}/pixel.png">
<a rel="attachment" href="file:///etc/hostname">x</a>
<iframe src="http://127.0.0.1:{port}/frame"></iframe>
<object data="file:///etc/passwd"></object>
<embed src="http://127.0.0.1:{port}/embed">
<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'
 xmlns:xlink='http://www.w3.org/1999/xlink'><image
 xlink:href='http://127.0.0.1:{port}/svg.png'/></svg>">
<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>
<div style="background-image: url(http://127.0.0.1:{port}/inline)">y</div>
</body></html>"""


def test_fetcher_serves_only_the_allow_listed_static_files() -> None:
    fetcher = StaticAssetFetcher()
    for asset in sorted(ALLOWED_ASSETS):
        response = fetcher.fetch((STATIC_DIR / asset).as_uri())
        assert response.read() == (STATIC_DIR / asset).read_bytes()
    assert sorted(fetcher.served) == sorted(ALLOWED_ASSETS)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///dev/urandom",
        (STATIC_DIR / "fonts" / "LICENSE-Liberation.txt").as_uri(),
        (STATIC_DIR / "fonts" / ".." / ".." / "config" / "settings.py").as_uri(),
        "file://evil.example/" + str(STATIC_DIR / "petitions" / "pleading.css"),
        "http://169.254.169.254/latest/meta-data/",
        "https://fonts.googleapis.com/css",
        "ftp://127.0.0.1/x",
        "data:text/plain,hello",
        "data:image/svg+xml,<svg/>",
    ],
)
def test_fetcher_refuses_everything_else_and_fails_closed(url: str) -> None:
    fetcher = StaticAssetFetcher()
    with pytest.raises(BlockedResource):
        fetcher.fetch(url)
    assert len(fetcher.refused) == 1
    assert not fetcher.served


def test_a1_a4_hostile_document_fetches_nothing_and_embeds_nothing(
    listener: socket.socket,
) -> None:
    port = listener.getsockname()[1]
    fetcher = StaticAssetFetcher(fail_closed=False)
    pdf = pdf_from_html(_hostile_html(port), fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert {"file", "http"} <= set(fetcher.refused)
    assert not _was_contacted(listener)
    assert not _embedded_files(pdf)
    assert b"root:x:0:0" not in pdf
    assert "root:x:0:0" not in pdf_text(pdf)


def test_a4_hostile_document_aborts_the_render_when_failing_closed(
    listener: socket.socket,
) -> None:
    port = listener.getsockname()[1]
    with pytest.raises(BlockedResource):
        pdf_from_html(_hostile_html(port))
    assert not _was_contacted(listener)


def test_a4_weasyprint_is_a_version_with_the_fetcher_fixes() -> None:
    major = int(weasyprint.__version__.split(".")[0])
    assert major >= 70


HOSTILE_VALUES = [
    '<link rel="attachment" href="file:///etc/passwd"><img src="http://127.0.0.1:{port}/">',
    "red; background: url(http://127.0.0.1:{port}/css)",
    '"><style>@import "http://127.0.0.1:{port}/x.css";</style>',
    "</p><iframe src=http://127.0.0.1:{port}/f></iframe><object data=file:///etc/passwd>",
    "<svg><image href='http://127.0.0.1:{port}/svg'/></svg>",
    "<a rel=attachment href=file:///etc/hostname>x</a>",
]


@pytest.mark.parametrize("payload", HOSTILE_VALUES)
def test_a1_a2_user_values_are_printed_as_text_and_never_fetched(
    payload: str,
    listener: socket.socket,
    render_packet: Render,
    trafficking_case: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    value = payload.format(port=listener.getsockname()[1])
    fetchers: list[StaticAssetFetcher] = []
    original_init = StaticAssetFetcher.__init__

    def recording_init(self: StaticAssetFetcher, **kwargs: Any) -> None:
        original_init(self, **kwargs)
        fetchers.append(self)

    monkeypatch.setattr(StaticAssetFetcher, "__init__", recording_init)
    details = {
        "name": value,
        "use_initials": False,
        "mailing_address": value,
        "control": value,
        "direct_result": value,
        "city_signed": value,
        "case_number_0": value,
    }
    pdf = render_packet(trafficking_case, details)
    assert fetchers, "the render must go through our fetcher"
    assert all(not f.refused for f in fetchers)
    assert not _was_contacted(listener)
    assert not _embedded_files(pdf)
    text = pdf_text(pdf)
    assert " ".join(value.split()) in text  # shown literally, so a lawyer sees it


def test_a2_a3_templates_never_mark_user_values_safe_or_put_them_in_css() -> None:
    templates = list(TEMPLATES.rglob("*.html"))
    assert len(templates) >= 8
    for template in templates:
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source, template
        assert "autoescape off" not in source, template
        assert "<style" not in source, template
        assert "style=" not in source, template
    for template in (TEMPLATES / "pleading").glob("*.html"):
        # List markers leaked native memory on every render (WeasyPrint 70);
        # numbered paragraphs use CSS counters instead.
        assert "<ol" not in template.read_text(encoding="utf-8"), template
    render_source = (
        Path(__file__).resolve().parents[2] / "petitions" / "render.py"
    ).read_text(encoding="utf-8")
    assert "presentational_hints" not in render_source  # CVE-2026-49452
    assert "mark_safe" not in render_source
    css = (STATIC_DIR / "petitions" / "pleading.css").read_text(encoding="utf-8")
    assert "{{" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:|data:|//)", css)


def test_a6_ten_thousand_character_string_wraps_inside_the_page(
    render_packet: Render, trafficking_case: dict[str, Any]
) -> None:
    unbroken = "Ω" * 10_000
    pdf = render_packet(
        trafficking_case, {"direct_result": unbroken, "control": "W" * 3000}
    )
    text = pdf_text(pdf)
    # Nothing clipped: the declaration is printed once per county (2 counties).
    assert text.count("Ω") == 2 * 10_000
    for page in pdf_words(pdf):
        for x0, _y0, x1, _y1, word in page:
            assert x1 <= 576.5, word[:20]
            assert x0 >= 0, word[:20]


@pytest.mark.parametrize(
    "value",
    [
        "\u202eevil\u202c text",  # right-to-left override
        "zero\u200bwidth\u200djoiner",
        "e" + "\u0301" * 5000,  # combining marks
        "\u2011" * 2000,  # non-breaking hyphens
        "家庭暴力 العنف 🙂🙂",
    ],
)
def test_a7_unicode_renders_without_crashing(
    value: str, render_packet: Render, trafficking_case: dict[str, Any]
) -> None:
    pdf = render_packet(trafficking_case, {"control": value})
    assert pdf.startswith(b"%PDF")
