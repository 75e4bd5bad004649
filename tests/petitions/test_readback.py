"""The whole download read back as a clerk and an attorney would (issue 13).

Every variant a packet comes in (§ 236.14 and § 236.15, self-represented and
attorney, a statement in English and one in Spanish) is rendered to the PDF
and to its Word twin, and both are read back: the PDF with poppler
(pdftotext, pdftoppm), the DOCX with python-docx.
"""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from collections import Counter
from datetime import date
from typing import Any

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from petitions import packet as packet_module
from petitions.counties import county_lookup
from petitions.docx_twin import petition_render_docx
from petitions.packet import Packet, law_checked_on, packet_build
from petitions.render import petition_render_pdf
from screener.rules import screen
from tests.petitions.conftest import (
    ARTIFACTS,
    TODAY,
    make_full_details,
    make_trafficking_case,
    pdf_page_bodies,
    pdf_pages_text,
)

SHEET_FOOTER = (
    "BEFORE YOU FILE: NOT PART OF THE FILING. DO NOT FILE OR SERVE THIS SHEET."
)
SEALED_FOOTER = "CONFIDENTIAL ATTACHMENT, LODGED CONDITIONALLY UNDER SEAL"
IMMIGRATION_WORDS = ("T visa", "U visa", "I-914", "I-918", "Continued Presence")
DRAFTING_NOTES = (
    "VERIFY",
    "ATTORNEY REVIEW",
    "compiled without",
    "Before you file",
    "verify before filing",
)
ATTORNEY = {
    "attorney_mode": True,
    "attorney_name": "Ana Ruiz",
    "attorney_bar_number": "123456",
    "attorney_firm": "Bay Legal Aid",
    "attorney_address": "1 Main Street\nOakland, CA 94607",
    "attorney_phone": "510-555-0100",
    "attorney_email": "ana@example.org",
}
SPANISH = {
    "statement_language": "es",
    "control": "Él guardaba mi identificación y todo el dinero que yo ganaba.",
    "direct_result": "Me obligaba a trabajar cada noche y me pegaba si no cumplía.",
}


def _partner_case() -> dict[str, Any]:
    return {
        "as_of": "2026-11-22",
        "victimization": {
            "kinds": ["intimate_partner_violence"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "records": [
            {
                "id": "a",
                "system": "california",
                "disposition": "conviction",
                "offense": "PC 484",
                "level": "misdemeanor",
                "county": "San Diego",
                "while_victimized": "yes",
                "direct_result": "yes",
                "enhancements": [],
            }
        ],
    }


VARIANTS = [
    pytest.param((statute, attorney, language), id=f"{statute}-{who}-{language}")
    for statute in ("236.14", "236.15")
    for attorney, who in ((False, "self"), (True, "attorney"))
    for language in ("en", "es")
]


def _build(statute: str, attorney: bool, language: str) -> Packet:
    if statute == "236.14":
        case = make_trafficking_case()
        details = make_full_details()
    else:
        case = _partner_case()
        details = make_full_details() | {"case_number_0": "SD-2020-1"}
        details.pop("prosecutor_0")  # the city of arrest is not known
    details["evidence_u_visa"] = "will_obtain"
    if attorney:
        details |= ATTORNEY
    if language == "es":
        details |= SPANISH
    return packet_build(
        facts=case, screening=screen(case), details=details, today=TODAY
    )


@dataclasses.dataclass
class Download:
    """One packet, read back from both files."""

    packet: Packet
    pages: list[tuple[str, str]]  # (footer title, body text) per PDF page
    pdf: bytes
    word: docx.document.Document

    @property
    def sheet(self) -> str:
        return " ".join(body for footer, body in self.pages if footer == SHEET_FOOTER)

    @property
    def papers(self) -> str:
        """The public papers: everything but the sheet and sealed attachments."""
        return " ".join(
            body
            for footer, body in self.pages
            if footer not in (SHEET_FOOTER, SEALED_FOOTER)
        )

    @property
    def sealed(self) -> str:
        return " ".join(body for footer, body in self.pages if footer == SEALED_FOOTER)

    @property
    def pdf_text(self) -> str:
        return " ".join(body for _, body in self.pages)

    @property
    def word_text(self) -> str:
        return _docx_text(self.word)


def _docx_text(document: Any) -> str:
    """Every piece of body text in document order (paragraphs and tables)."""
    parts = []
    for element in document.element.body.iter():
        if element.tag == qn("w:t"):
            parts.append(element.text or "")
        elif element.tag in (qn("w:br"), qn("w:tab"), qn("w:p")):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _read(packet: Packet) -> Download:
    pdf = petition_render_pdf(packet=packet)
    footers = [page.strip().splitlines()[-1].strip() for page in pdf_pages_text(pdf)]
    pages = list(zip(footers, pdf_page_bodies(pdf), strict=True))
    word = docx.Document(io.BytesIO(petition_render_docx(packet=packet)))
    return Download(packet=packet, pages=pages, pdf=pdf, word=word)


@pytest.fixture(scope="module", params=VARIANTS)
def download(request: pytest.FixtureRequest) -> Download:
    return _read(_build(*request.param))


_WRAPPED = re.compile(r"(?<=[/\-])\s+")


def _words(text: str) -> Counter[str]:
    """Words, with a web address that the PDF wrapped at "/" or "-" made whole.

    The same joining is done to both texts, so it hides nothing but the wrap.
    """
    return Counter(_WRAPPED.sub("", text).split())


def test_the_word_twin_says_what_the_pdf_says(download: Download) -> None:
    """Same words, the same number of times: only the layout differs."""
    pdf_words = _words(download.pdf_text)
    word_words = _words(download.word_text)
    assert pdf_words - word_words == Counter()
    assert word_words - pdf_words == Counter()


def test_each_paper_numbers_its_pages_from_one(download: Download) -> None:
    """Rule 2.109: every paper's pages are numbered from 1, in the footer.

    The stylesheet restarts the page counter on each paper's first page, so
    a page number is 1 exactly where a new paper (a new footer title)
    starts, and one more than the page before everywhere else.
    """
    previous_title, previous_number = None, 0
    for page in pdf_pages_text(download.pdf):
        *_, number, title = [line.strip() for line in page.strip().splitlines()]
        expected = 1 if title != previous_title else previous_number + 1
        assert number == str(expected), (title, number, expected)
        previous_title, previous_number = title, int(number)
    assert previous_number >= 1


def test_nothing_prints_a_python_value(download: Download) -> None:
    for text in (download.pdf_text, download.word_text):
        prose = text.replace("None of these", "").replace("None of the offenses", "")
        assert not re.search(r"\bNone\b", prose)
        assert "()" not in text
        assert "( )" not in text
        assert "Telephone: None" not in text


def test_the_first_sheet_is_before_you_file_and_not_part_of_the_filing(
    download: Download,
) -> None:
    assert download.pages[0][0] == SHEET_FOOTER
    first = download.pages[0][1]
    assert first.startswith("Before you file This sheet is not part of the filing.")
    checked = law_checked_on(TODAY)
    assert checked is not None
    assert f"Law checked on {checked:%B} {checked.day}, {checked.year}" in first
    sheet = download.sheet
    for heading in (
        "What to check",
        "Where to file",
        "Make copies before filing",
        "Serving the prosecutor",
        "45 days from the day it is served",
        "A hearing is held only if the petition is opposed",
    ):
        assert heading in sheet, heading
    # Only the sheet's own pages carry its footer; the papers follow it.
    footers = [footer for footer, _ in download.pages]
    assert footers[: footers.count(SHEET_FOOTER)] == [SHEET_FOOTER] * footers.count(
        SHEET_FOOTER
    )


def test_the_filed_papers_carry_no_drafting_note(download: Download) -> None:
    for note in DRAFTING_NOTES:
        assert note not in download.papers, note
        assert note not in download.sealed, note


def test_unverified_law_is_flagged_on_the_sheet_for_236_15(download: Download) -> None:
    flagged = "Check the text of section 236.15 before filing." in download.sheet
    assert flagged == (download.packet.statute.section == "236.15")


def test_immigration_status_never_reaches_a_public_paper(download: Download) -> None:
    for words in IMMIGRATION_WORDS:
        assert words not in download.papers, words
    assert "U visa approval or Form I-918" in download.sealed
    assert "lodge them conditionally under seal" in download.papers
    assert "in camera" in download.papers


def test_evidence_lists_only_what_was_chosen(download: Download) -> None:
    assert "Police report naming the trafficker or abuser To be provided" in (
        download.papers
    )
    for unchosen in ("Expert declaration", "Not sharing", "Protective or"):
        assert unchosen not in download.pdf_text, unchosen


def test_proof_of_service_is_left_for_the_server_to_date(download: Download) -> None:
    proof = download.papers[download.papers.index("I, ______") :]
    assert proof.startswith(
        "I, ______________________________ (name of the person serving), declare"
    )
    assert "On ____________________ (date) I served" in proof
    assert "The response is due 45 days after service." in proof
    assert "Executed on ____________________ (date) at" in proof
    assert "2026" not in proof  # nothing pre-dated


def test_initials_everywhere_but_the_sealed_identification(download: Download) -> None:
    assert "Maria" not in download.papers
    assert "Lopez" not in download.papers
    assert "Full legal name: Maria Elena Lopez" in download.sealed
    assert "I, M.E.L., declare:" in download.papers
    assert "One paper carries" in download.sheet


def test_attorney_mode_caption_signature_and_voice(download: Download) -> None:
    papers, sheet = download.papers, download.sheet
    if download.packet.attorney:
        assert "Ana Ruiz (State Bar No. 123456) Bay Legal Aid" in papers
        assert "Attorney for Petitioner M.E.L." in papers
        assert "Email: ana@example.org" in papers
        assert "self-represented" not in papers
        assert "M.E.L., Declarant" in papers  # the declaration stays the client's
        assert "Ana Ruiz Attorney for Petitioner" in papers  # counsel signs
        assert "your client" in sheet
        assert " you " not in sheet.replace("Before you file", "")
    else:
        assert "Petitioner, self-represented" in papers
        assert "Attorney for Petitioner" not in papers
        assert "your client" not in sheet


def test_a_spanish_statement_goes_in_as_written_with_a_translation(
    download: Download,
) -> None:
    spanish = download.packet.statement_language == "es"
    papers = download.papers
    assert ("Él guardaba mi identificación y todo el dinero" in papers) == spanish
    translations = papers.count(
        "English translation: [TO BE COMPLETED: English translation of the Spanish"
    )
    assert translations == (5 * len(download.packet.county_packets) if spanish else 0)
    assert ("Declaration of translator" in papers) == spanish
    assert ("The court needs an English translation" in download.sheet) == spanish


def test_unknown_prosecutor_is_blank_and_the_sheet_says_how_to_find_it(
    download: Download,
) -> None:
    unknown = "[TO BE COMPLETED: prosecuting agency that obtained the conviction]"
    if download.packet.statute.section == "236.15":  # San Diego, city unknown
        assert unknown in download.papers
        assert "San Diego County District Attorney" not in download.papers
        assert "docket (register of actions)" in download.sheet
    else:  # arrested in the City of Los Angeles: its City Attorney prosecuted
        # (its mailing address is not yet sourced: a blank, never a guess).
        city = "Los Angeles City Attorney"
        assert f"{city} [TO BE COMPLETED: mailing address of the {city}]" in (
            download.papers
        )
        # The Alameda misdemeanor's city was not given, and the City of
        # Alameda has its own prosecutor: a blank with the sheet's advice.
        assert unknown in download.papers
        assert "docket (register of actions)" in download.sheet


def test_blanks_are_highlighted_in_the_word_twin(download: Download) -> None:
    runs = [
        run
        for paragraph in download.word.paragraphs
        for run in paragraph.runs
        if "[TO BE COMPLETED" in run.text
    ]
    assert runs
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in runs)
    plain = [
        run
        for paragraph in download.word.paragraphs
        for run in paragraph.runs
        if "Superior Court" in run.text and "[TO BE" not in run.text
    ]
    assert plain
    assert all(run.font.highlight_color is None for run in plain)


def _yellow_pixels(pdf: bytes, page: int) -> int:
    """Highlight-coloured pixels on one page, rendered by poppler."""
    ppm = subprocess.run(
        ["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert header
    pixels = ppm[header.end() :]
    return sum(
        1
        for i in range(0, len(pixels), 3)
        if pixels[i] > 230 and pixels[i + 1] > 220 and pixels[i + 2] < 160
    )


def test_blanks_are_highlighted_in_the_pdf() -> None:
    download = _read(_build("236.14", False, "en"))
    with_blank = next(
        n for n, (_, body) in enumerate(download.pages, 1) if "[TO BE COMPLETED" in body
    )
    without = next(
        n
        for n, (_, body) in enumerate(download.pages, 1)
        if "[TO BE" not in body and n > 2
    )
    assert _yellow_pixels(download.pdf, with_blank) > 20
    assert _yellow_pixels(download.pdf, without) == 0


def test_a_missing_phone_leaves_the_line_out_not_none() -> None:
    details = make_full_details()
    details["phone"] = ""
    case = make_trafficking_case()
    download = _read(
        packet_build(facts=case, screening=screen(case), details=details, today=TODAY)
    )
    assert "Telephone:" not in download.papers
    details["phone"] = "(916) 555-0100"
    download = _read(
        packet_build(facts=case, screening=screen(case), details=details, today=TODAY)
    )
    assert "Telephone: (916) 555-0100" in download.papers


def test_a_service_date_gives_the_response_date() -> None:
    details = make_full_details() | {"service_date": date(2026, 12, 1)}
    case = make_trafficking_case()
    download = _read(
        packet_build(facts=case, screening=screen(case), details=details, today=TODAY)
    )
    assert "On December 1, 2026 I served" in download.papers
    assert "the response is due by January 15, 2027" in download.papers
    assert "response is due by January 15, 2027" in download.sheet


def test_an_address_nobody_sourced_prints_as_a_blank(monkeypatch: Any) -> None:
    """The directory leaves an unsourced address empty; the papers say so."""
    los_angeles = county_lookup("Los Angeles")
    assert los_angeles is not None
    unsourced = dataclasses.replace(
        los_angeles,
        court=dataclasses.replace(los_angeles.court, address=()),
        district_attorney=dataclasses.replace(
            los_angeles.district_attorney, address=()
        ),
    )
    monkeypatch.setattr(
        packet_module,
        "county_lookup",
        lambda name: unsourced if name == "Los Angeles" else county_lookup(name),
    )
    download = _read(_build("236.14", False, "en"))
    dao = "Los Angeles County District Attorney"
    assert f"{dao} [TO BE COMPLETED: mailing address of the {dao}]" in download.papers
    assert (
        "[TO BE COMPLETED: filing address of the Superior Court of California, "
        "County of Los Angeles]" in download.sheet
    )
    assert f"[TO BE COMPLETED: telephone of the {dao}]" in download.sheet


@pytest.mark.parametrize("odd", ["\ufffe", "\uffff", "\x01\x02\x1b", "\x85\u202e"])
def test_odd_characters_never_break_either_file(odd: str) -> None:
    case = make_trafficking_case()
    case["records"][0]["offense"] = f"PC 647(b){odd}"
    details = make_full_details()
    for key in ("name", "control", "direct_result", "case_number_0", "city_signed"):
        details[key] = f"{details.get(key, '')}{odd}x"
    details["mailing_address"] = f"P.O. Box 1{odd}\nSacramento{odd}"
    packet = packet_build(
        facts=case, screening=screen(case), details=details, today=TODAY
    )
    download = _read(packet)
    for text in (download.pdf_text, download.word_text):
        assert not set(odd) & set(text)
        assert "He kept my ID card and all the money I made.x" in text


def test_read_back_pages_are_saved_for_a_human_to_look_at() -> None:
    """PNGs of the sheet and first pages of each variant, kept as artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for statute, attorney, language in (
        ("236.14", True, "es"),
        ("236.15", False, "en"),
    ):
        download = _read(_build(statute, attorney, language))
        name = f"readback-{statute}-{'attorney' if attorney else 'self'}-{language}"
        target = ARTIFACTS / f"{name}.pdf"
        target.write_bytes(download.pdf)
        (ARTIFACTS / f"{name}.docx").write_bytes(
            petition_render_docx(packet=download.packet)
        )
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "4",
                "-png",
                str(target),
                str(ARTIFACTS / name),
            ],
            check=True,
        )
        assert list(ARTIFACTS.glob(f"{name}-*.png"))


def test_long_unbroken_text_stays_inside_the_margins() -> None:
    """A pasted link or a name without spaces still wraps on the page."""
    from tests.petitions.conftest import pdf_words

    details = make_full_details() | {
        "use_initials": False,
        "name": "N" * 90,
        "control": "x" * 400,
        "mailing_address": "y" * 150,
    }
    case = make_trafficking_case()
    packet = packet_build(
        facts=case, screening=screen(case), details=details, today=TODAY
    )
    pdf = petition_render_pdf(packet=packet)
    for page in pdf_words(pdf):
        for x0, _, x1, _, word in page:
            assert x0 >= 0, word
            assert x1 <= 576.5 or x0 >= 576.5, word  # nothing crosses the right margin
