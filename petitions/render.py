"""Turn a ``Packet`` into pleading-paper PDF bytes with WeasyPrint.

Why it is built this way:

* The HTML comes from Django templates, so every user value is autoescaped;
  no template uses ``|safe`` and no user value reaches CSS.
* Every resource goes through ``StaticAssetFetcher`` (fonts and the pleading
  CSS only). The stylesheet is passed as a ``CSS`` object, never as a URL,
  so WeasyPrint cannot build a fetcher of its own (CVE-2026-55073).
* One ``FontConfiguration`` per worker process: a new one per render leaks
  native memory and doubles render time (security research §1.8).
"""

from __future__ import annotations

from functools import cache

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from petitions.fetcher import STATIC_DIR, StaticAssetFetcher
from petitions.packet import Packet

FONT_CONFIG = FontConfiguration()

PLEADING_CSS = STATIC_DIR / "petitions" / "pleading.css"
LINES_PER_PAGE = 28  # Cal. Rules of Court, rule 2.108
LINE_NUMBERS = "\n".join(str(n) for n in range(1, LINES_PER_PAGE + 1))


@cache
def pleading_stylesheet() -> CSS:
    """The pleading CSS, parsed once per worker with our fonts loaded."""
    return CSS(
        string=PLEADING_CSS.read_text(encoding="utf-8"),
        base_url=PLEADING_CSS.as_uri(),
        url_fetcher=StaticAssetFetcher(),
        font_config=FONT_CONFIG,
    )


def packet_render_html(*, packet: Packet) -> str:
    """The packet as HTML (autoescaped Django templates).

    Always in English, whatever language the person reads the site in:
    California court papers are filed in English, and dates such as the
    45-day response date must not come out as "diciembre".
    """
    with translation.override("en"):
        return render_to_string(
            "petitions/packet.html",
            {"packet": packet, "line_numbers": LINE_NUMBERS},
        )


def pdf_from_html(html: str, *, fetcher: StaticAssetFetcher | None = None) -> bytes:
    """Render trusted-template HTML to a tagged PDF with neutral metadata."""
    document = HTML(
        string=html,
        base_url=PLEADING_CSS.as_uri(),
        url_fetcher=fetcher or StaticAssetFetcher(),
    ).render(
        font_config=FONT_CONFIG,
        stylesheets=[pleading_stylesheet()],
        pdf_tags=True,
    )
    # Neutral metadata: the title bar and "recent files" list of a shared
    # phone must not reveal what the document is or whose it is.
    document.metadata.title = "Document"
    document.metadata.authors = []
    document.metadata.description = None
    document.metadata.keywords = []
    document.metadata.generator = None
    document.metadata.attachments = []
    return document.write_pdf(pdf_tags=True)


def petition_render_pdf(*, packet: Packet) -> bytes:
    """The whole filing packet, every county's papers in one PDF."""
    return pdf_from_html(packet_render_html(packet=packet))
