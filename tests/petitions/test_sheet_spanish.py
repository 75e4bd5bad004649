"""A survivor who reads the site in Spanish gets a "Before you file" sheet she
can read; the court papers after it stay in English, exactly as before.

The Spanish assertions read the translations in locale/es/pending/sheet_es.po:
they pass once that file is merged into the compiled catalog
(``manage.py spanish_pending``, ``make messages``).
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from datetime import date
from typing import Any

import docx
import pytest
from django.test import Client
from django.utils import translation

from petitions.packet import Packet, packet_build
from petitions.render import packet_render_html, sheet_render_html
from petitions.services import packet_for
from screener.rules import screen
from tests.petitions.conftest import (
    ARTIFACTS,
    TODAY,
    make_full_details,
    make_trafficking_case,
    pdf_page_bodies,
    pdf_pages_text,
    put_case_in_session,
)
from tests.petitions.test_readback import ATTORNEY, _docx_text, _read, _words

URL = "/petition/"
SERVED = date(2026, 12, 1)

ENGLISH_HEADING = "Before you file This sheet is not part of the filing."
SPANISH_HEADING = "Antes de presentar los papeles Esta hoja no es parte de los papeles"
SPANISH_FOOTER = (
    "ANTES DE PRESENTAR: ESTA HOJA NO ES PARTE DE LOS PAPELES PARA LA CORTE. "
    "NO LA PRESENTE NI LA ENTREGUE."
)
SPANISH_POINTS = (
    "Qué revisar",
    "Dónde presentar los papeles",
    "Cómo entregar los papeles a la fiscalía",
    # The 45-day response, with its dates in Spanish and its citation as
    # Spanish pages cite.
    "La fiscalía tiene 45 días para responder desde que recibe los papeles "
    "(Código Penal, art. 236.14, inciso (c)): si los recibe el 1 de diciembre "
    "de 2026, tiene que responder a más tardar el 15 de enero de 2027.",
    "Solo hay una audiencia si alguien se opone a la petición",
)
# The day it was drafted, written the Spanish way ("24 de noviembre de 2026").
SPANISH_PREPARED = re.compile(r"Preparado el \d{1,2} de [a-z]+ de \d{4}\.")
ENGLISH_SHEET_WORDS = (
    "What to check",
    "Where to file",
    "Serving the prosecutor",
    "The prosecuting office has 45 days from service to respond",
    "served on December 1, 2026, its response is due by January 15, 2027.",
)

pytestmark = pytest.mark.django_db


def _packet(sheet_language: str, **more: Any) -> Packet:
    case: Any = make_trafficking_case()
    details = make_full_details() | {"service_date": SERVED} | more
    return packet_build(
        facts=case,
        screening=screen(case),
        details=details,
        today=TODAY,
        sheet_language=sheet_language,
    )


def _form_data(file_format: str = "pdf") -> dict[str, str]:
    return {
        "name": "Maria Elena Lopez",
        "use_initials": "on",
        "mailing_address": "P.O. Box 1234\nSacramento, CA 95812",
        "city_signed": "Sacramento",
        "control": "Él guardaba mi identificación.",
        "case_number_0": "23CR12345",
        "prosecutor_0": "Los Angeles",
        "service_date": SERVED.isoformat(),
        "statement_language": "es",
        "file_format": file_format,
    }


def _download(client: Client, language: str, file_format: str) -> bytes:
    client.cookies["django_language"] = language
    response = client.post(URL, _form_data(file_format))
    assert response.status_code == 200
    return response.content


def _split_pdf(pdf: bytes) -> tuple[str, str]:
    """(sheet, papers): the sheet is the pages that carry the first page's footer."""
    footers = [page.strip().splitlines()[-1].strip() for page in pdf_pages_text(pdf)]
    bodies = pdf_page_bodies(pdf)
    sheet = [b for f, b in zip(footers, bodies, strict=True) if f == footers[0]]
    papers = [b for f, b in zip(footers, bodies, strict=True) if f != footers[0]]
    return " ".join(sheet), " ".join(papers)


def _split_docx(data: bytes) -> tuple[str, str]:
    """(sheet, papers) of the Word twin: the sheet is its first section."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    # Each section but the last ends in a paragraph holding its sectPr.
    ends = [p for p in body.iterchildren() if p.find(".//{*}sectPr") is not None]
    first_end = list(body).index(ends[0])
    sheet, papers = docx.Document(io.BytesIO(data)), docx.Document(io.BytesIO(data))
    for index, element in reversed(list(enumerate(sheet.element.body))):
        if index > first_end and not element.tag.endswith("sectPr"):
            sheet.element.body.remove(element)
    for index, element in reversed(list(enumerate(papers.element.body))):
        if index <= first_end:
            papers.element.body.remove(element)
    return _docx_text(sheet), _docx_text(papers)


@pytest.mark.parametrize(
    ("file_format", "split"), [("pdf", _split_pdf), ("docx", _split_docx)]
)
def test_a_spanish_reader_downloads_a_spanish_sheet_and_english_papers(
    client: Client, file_format: str, split: Callable[[bytes], tuple[str, str]]
) -> None:
    """Her sheet in Spanish, the papers as an English reader's, in both files."""
    put_case_in_session(client, make_trafficking_case())
    spanish_sheet, spanish_papers = split(_download(client, "es", file_format))
    english_sheet, english_papers = split(_download(client, "en", file_format))
    assert english_sheet.startswith(ENGLISH_HEADING)
    assert spanish_sheet.startswith(SPANISH_HEADING)
    for point in SPANISH_POINTS:
        assert point in spanish_sheet, point
    assert SPANISH_PREPARED.search(spanish_sheet)
    for words in ENGLISH_SHEET_WORDS:
        assert words not in spanish_sheet, words
    # The papers: the same English whatever language she reads.
    assert spanish_papers == english_papers
    assert "PROOF OF SERVICE" in spanish_papers
    assert "the response is due by January 15, 2027" in spanish_papers
    assert "diciembre" not in spanish_papers


def test_the_spanish_sheet_carries_its_footer_in_spanish(client: Client) -> None:
    put_case_in_session(client, make_trafficking_case())
    pages = pdf_pages_text(_download(client, "es", "pdf"))
    footers = [page.strip().splitlines()[-1].strip() for page in pages]
    assert footers[0] == SPANISH_FOOTER
    assert footers.count(SPANISH_FOOTER) < len(footers)  # the papers follow


def test_the_papers_are_the_same_bytes_whatever_the_sheets_language() -> None:
    """Under an active Spanish request too: the papers are always English."""
    with translation.override("es"):
        spanish, english = _packet("es"), _packet("en")
        assert spanish.sheet_language == "es"
        assert english.sheet_language == "en"
        assert packet_render_html(packet=spanish) == packet_render_html(packet=english)
        assert sheet_render_html(packet=spanish) != sheet_render_html(packet=english)
    assert '<html lang="es">' in sheet_render_html(packet=spanish)
    assert "Preparado el 24 de noviembre de 2026." in sheet_render_html(packet=spanish)


def test_an_attorneys_sheet_stays_in_english() -> None:
    """Staff may read the site in Spanish; the sheet speaks to counsel in English."""
    with translation.override("es"):
        case: Any = make_trafficking_case()
        packet = packet_for(
            case,
            screen(case),
            make_full_details() | ATTORNEY | {"service_date": SERVED},
            TODAY,
            sheet_language="es",
        )
        html = sheet_render_html(packet=packet)
    assert packet.sheet_language == "en"
    assert '<html lang="en">' in html
    assert "Before you file" in html
    assert "Drafted for Ana Ruiz, attorney for the petitioner." in html
    assert "its response is due by January 15, 2027." in html
    assert "Antes de presentar" not in html
    assert "diciembre" not in html


def test_the_intake_packet_ignores_the_readers_language_for_the_sheet() -> None:
    """``packet_for`` without a sheet language (the attorney's draft) is English."""
    case: Any = make_trafficking_case()
    packet = packet_for(case, screen(case), make_full_details(), TODAY)
    assert packet.sheet_language == "en"


def test_an_unknown_sheet_language_falls_back_to_english() -> None:
    assert _packet("fr").sheet_language == "en"


def test_pdf_and_word_say_the_same_in_spanish_too() -> None:
    """The readback's word-for-word check, on a download with a Spanish sheet."""
    download = _read(_packet("es", statement_language="es", evidence_u_visa="attached"))
    assert SPANISH_HEADING in download.pdf_text
    assert "La fiscalía tiene 45 días para responder" in download.word_text
    pdf_words, word_words = _words(download.pdf_text), _words(download.word_text)
    assert pdf_words - word_words == type(pdf_words)()
    assert word_words - pdf_words == type(pdf_words)()


def test_a_spanish_sheet_to_look_at() -> None:
    """PNGs of a Spanish sheet's pages (test-artifacts/petitions/sheet-es-*.png)."""
    download = _read(_packet("es", statement_language="es", evidence_u_visa="attached"))
    footers = [footer for footer, _ in download.pages]
    last = footers.count(footers[0])  # the sheet's pages come first
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "sheet-es.pdf"
    target.write_bytes(download.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-f", "1", "-l", str(last), "-png", str(target),
         str(ARTIFACTS / "sheet-es")],
        check=True,
    )  # fmt: skip
    assert len(list(ARTIFACTS.glob("sheet-es-*.png"))) >= last
