"""Turn a ``Packet`` into pleading-paper PDF bytes with WeasyPrint.

Why it is built this way:

* The HTML comes from Django templates, so every user value is autoescaped;
  no template uses ``|safe`` and no user value reaches CSS.
* Every resource goes through ``StaticAssetFetcher`` (fonts and the pleading
  CSS only). The stylesheet is passed as a ``CSS`` object, never as a URL,
  so WeasyPrint cannot build a fetcher of its own (CVE-2026-55073).
* One ``FontConfiguration`` per worker process: a new one per render leaks
  native memory and doubles render time (security research §1.8).
* WeasyPrint's user-agent stylesheet without the page-margin and note rules
  our papers never use (``petitions/ua_stylesheet.py``): a tenth of the
  render time, nothing drawn differently.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import cache

import cssselect2
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from petitions.fetcher import STATIC_DIR, StaticAssetFetcher
from petitions.font_subsets import SubsetOnceFonts
from petitions.packet import Packet, before_you_file, blank, date_words, printable
from petitions.ua_stylesheet import PaperHTML

FONT_CONFIG = FontConfiguration()

PLEADING_CSS = STATIC_DIR / "petitions" / "pleading.css"
LINES_PER_PAGE = 28  # Cal. Rules of Court, rule 2.108


@cache
def pleading_stylesheet() -> CSS:
    """The pleading CSS, parsed once per worker with our fonts loaded."""
    return CSS(
        string=PLEADING_CSS.read_text(encoding="utf-8"),
        base_url=PLEADING_CSS.as_uri(),
        url_fetcher=StaticAssetFetcher(),
        font_config=FONT_CONFIG,
    )


# A blank as ``packet.blank`` writes it, after autoescaping: the text between
# the brackets never holds "<" or ">" (escaped) so it cannot span a tag.
_BLANK = re.compile(r"\[TO BE COMPLETED: [^\]<>]*\]")


def mark_blanks(html: str) -> str:
    """Wrap every ``[TO BE COMPLETED: ...]`` in ``<mark class="blank">``.

    Runs on the autoescaped output of our own templates, so user text stays
    escaped; the PDF highlights the mark with CSS and the Word twin with a
    highlight colour, from this one place.
    """
    return _BLANK.sub(lambda m: f'<mark class="blank">{m.group(0)}</mark>', html)


def _finished(html: str) -> str:
    return mark_blanks(printable(html))


def packet_render_html(*, packet: Packet) -> str:
    """The filed papers as HTML (autoescaped Django templates).

    Always in English, whatever language the person reads the site in:
    California court papers are filed in English, and dates such as the
    45-day response date must not come out as "diciembre".
    """
    with translation.override("en"):
        return _finished(
            render_to_string(
                "petitions/packet.html",
                {"packet": packet},
            )
        )


def sheet_render_html(*, packet: Packet) -> str:
    """The "Before you file" sheet: drafting notes, never part of the filing.

    Written in ``packet.sheet_language`` (a survivor reading the site in
    Spanish gets a sheet she can read; an attorney's is in English), dates
    included. The papers after it are ``packet_render_html``'s, in English.
    """
    with translation.override(packet.sheet_language):
        checked = packet.law_checked_on
        return _finished(
            render_to_string(
                "petitions/before_you_file.html",
                {
                    "packet": packet,
                    "sheet": before_you_file(packet),
                    "prepared_on": date_words(packet.prepared_on),
                    "law_checked_on": date_words(checked)
                    if checked
                    else blank(_("date the law was last checked")),
                },
            )
        )


def _parsed(html: str, fetcher: StaticAssetFetcher) -> HTML:
    """WeasyPrint's ``HTML`` for our template output, parsed the fast way.

    Our templates write well-formed XHTML and every user value in them is
    escaped, so the C XML parser reads them in a fraction of the time of
    WeasyPrint's pure-Python HTML5 parser. Anything it cannot read (a
    template edited carelessly) falls back to the HTML5 parser: slower,
    never broken.
    """
    base_url = PLEADING_CSS.as_uri()
    try:
        # Our own template output: its one DOCTYPE is ours and declares no
        # entity, and user text arrives escaped, so no entity can be smuggled.
        root = ElementTree.fromstring(html)  # noqa: S314
    except ElementTree.ParseError:
        return PaperHTML(string=html, base_url=base_url, url_fetcher=fetcher)
    document = PaperHTML.__new__(PaperHTML)
    document.base_url = base_url
    document.url_fetcher = fetcher
    document.media_type = "print"
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(
        root, content_language=None
    )
    document.etree_element = document.wrapper_element.etree_element
    return document


def _document(html: str, fetcher: StaticAssetFetcher | None) -> Document:
    return _parsed(html, fetcher or StaticAssetFetcher()).render(
        font_config=FONT_CONFIG,
        stylesheets=[pleading_stylesheet()],
        pdf_tags=True,
    )


def pdf_from_html(
    html: str, *more: str, fetcher: StaticAssetFetcher | None = None
) -> bytes:
    """Render trusted-template HTML to a tagged PDF with neutral metadata.

    Several HTML documents (the sheet, then the papers) become one PDF, each
    laid out on its own so the pleading grid of one never shows on another.
    """
    documents = [_document(part, fetcher) for part in (html, *more)]
    document = documents[0]
    if more:
        document = document.copy([page for d in documents for page in d.pages])
    # Neutral metadata: the title bar and "recent files" list of a shared
    # phone must not reveal what the document is or whose it is.
    document.metadata.title = "Document"
    document.metadata.authors = []
    document.metadata.description = None
    document.metadata.keywords = []
    document.metadata.generator = None
    document.metadata.attachments = []
    document.fonts = SubsetOnceFonts()
    return document.write_pdf(pdf_tags=True)


def petition_render_pdf(*, packet: Packet) -> bytes:
    """The "Before you file" sheet, then every county's papers, in one PDF."""
    return pdf_from_html(
        sheet_render_html(packet=packet), packet_render_html(packet=packet)
    )
