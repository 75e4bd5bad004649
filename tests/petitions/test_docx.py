"""The editable Word twin says what the PDF says, on pleading settings."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
import pytest
from django.test import Client
from docx.oxml.ns import qn
from docx.shared import Inches

from petitions.docx_twin import petition_render_docx
from petitions.packet import Packet
from petitions.render import petition_render_pdf
from tests.petitions.conftest import ARTIFACTS, pdf_text, put_case_in_session

Build = Callable[..., Packet]


@pytest.fixture
def twin(
    build_packet: Build, trafficking_case: dict[str, Any], full_details: dict[str, Any]
) -> docx.document.Document:
    full_details["direct_result"] = "First line.\nSecond line."
    data = petition_render_docx(packet=build_packet(trafficking_case, full_details))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "twin.docx").write_bytes(data)
    return docx.Document(io.BytesIO(data))


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


def test_twin_has_the_petition_and_declaration_for_each_county(twin: Any) -> None:
    text = _all_text(twin)
    for phrase in (
        "NOTICE OF PETITION",
        "Penal Code section 236.14",
        "23CR12345",
        "23CR67890",
        "22-CR-555",
        "COUNTY OF ALAMEDA",
        "I declare under penalty of perjury under the laws of the State of "
        "California that the foregoing is true and correct.",
        "To be provided",
        "None of these offenses is a violent felony listed in Penal Code section 667.5",
    ):
        assert phrase in text, phrase
    assert "PC 211" not in text
    # The full name only on the sealed attachment, once per county.
    assert text.count("Maria") == text.count("Full legal name: Maria Elena Lopez") == 2
    assert text.count("I, M.E.L., declare:") == 2


def test_twin_matches_the_pdf_wording(
    twin: Any,
    build_packet: Build,
    trafficking_case: dict[str, Any],
    full_details: dict[str, Any],
) -> None:
    full_details["direct_result"] = "First line.\nSecond line."
    pdf = pdf_text(
        petition_render_pdf(packet=build_packet(trafficking_case, full_details))
    )
    for paragraph in twin.paragraphs:
        words = " ".join(paragraph.text.split())
        if len(words) > 40 and "\n" not in paragraph.text:
            assert words[:40] in pdf, words


def test_twin_keeps_the_petitioners_line_breaks(twin: Any) -> None:
    said = next(p for p in twin.paragraphs if p.text.startswith("First line."))
    assert said.text == "First line.\nSecond line."


def test_twin_uses_pleading_margins_line_numbers_and_footer(twin: Any) -> None:
    sheet, *papers = twin.sections
    assert sheet._sectPr.find(qn("w:lnNumType")) is None  # not pleading paper
    assert sheet.footer.paragraphs[-1].text.startswith("BEFORE YOU FILE: NOT PART")
    titles = []
    for section in papers:
        assert section.page_width == Inches(8.5)
        assert section.left_margin >= Inches(1)
        assert section.right_margin >= Inches(0.5)
        numbering = section._sectPr.find(qn("w:lnNumType"))
        assert numbering is not None
        assert numbering.get(qn("w:restart")) == "newPage"
        titles.append(section.footer.paragraphs[-1].text)
    assert (
        titles
        == [
            "PETITION FOR VACATUR RELIEF (PEN. CODE, § 236.14)",
            "DECLARATION OF PETITIONER",
            "MEMORANDUM OF POINTS AND AUTHORITIES",
            "REQUEST FOR CONFIDENTIALITY AND USE OF INITIALS",
            "CONFIDENTIAL ATTACHMENT, LODGED CONDITIONALLY UNDER SEAL",
            "[PROPOSED] ORDER GRANTING VACATUR RELIEF",
            "PROOF OF SERVICE ON THE PROSECUTING AGENCY",
        ]
        * 2
    )
    style = twin.styles["Normal"].font
    assert style.name == "Times New Roman"
    assert style.size.pt == 12


def test_twin_metadata_is_neutral(twin: Any) -> None:
    assert twin.core_properties.title == "Document"
    assert twin.core_properties.author == ""


@pytest.mark.django_db
def test_drafter_can_download_the_word_twin_and_keep_the_answers(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post("/petition/", {"file_format": "docx", "case_number_0": "9"})
    assert response["Content-Disposition"] == 'attachment; filename="documents.docx"'
    assert "no-store" in response["Cache-Control"]
    document = docx.Document(io.BytesIO(response.content))
    assert "9 Superior Court" in _all_text(document)
    # The answers stay (download and hand-off in either order): the PDF can
    # follow the Word file.
    again = client.get("/petition/")
    assert "There is nothing to draft yet" not in again.content.decode()
