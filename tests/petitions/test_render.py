"""The packet read back from the PDF: content, pleading layout, metadata.

Each test renders through WeasyPrint and reads the PDF back with poppler
(pdftotext) and pypdf, so it checks what a clerk would actually see.
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from petitions import pleading_grid
from petitions.packet import packet_build
from screener.rules import screen
from tests.petitions.conftest import (
    TODAY,
    make_full_details,
    make_trafficking_case,
    papers_pdf,
    pdf_page_bodies,
    pdf_pages_text,
    pdf_text,
    pdf_words,
    save_artifact,
)

Render = Callable[[dict[str, Any], dict[str, Any]], bytes]

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
TEXT_LEFT, TEXT_RIGHT = 108.0, 576.0  # 1.5 in left margin, 0.5 in right margin
LINE_PITCH = 24.0


@pytest.fixture(scope="module")
def packet_pdf() -> bytes:
    """The standard two-county packet, rendered once for the read-only tests."""
    case = make_trafficking_case()
    # The Alameda misdemeanor was arrested outside the City of Alameda.
    details = make_full_details() | {"prosecutor_2": "da"}
    packet = packet_build(
        facts=case, screening=screen(case), details=details, today=TODAY
    )
    return papers_pdf(packet)


def _line_number_words(page: list[tuple[float, float, float, float, str]]) -> list:
    """Where the grid image prints each line number, as pdftotext boxes would.

    The numbers are drawn into the page background (petitions.pleading_grid),
    so they are not PDF text; ``test_the_grid_image_prints_1_to_28_on_every_
    page`` checks the image really has them there.
    """
    first_top = pleading_grid.TOP + pleading_grid.BASELINE - 10.69  # ascent
    return [
        (
            74.0,
            first_top + LINE_PITCH * n,
            80.0,
            first_top + LINE_PITCH * n + 13.28,
            str(n + 1),
        )
        for n in range(pleading_grid.LINES)
    ]


def _dark_rows(pdf: bytes, page: int, x0: float, x1: float) -> list[int]:
    """Rows (in points) with ink between x0 and x1, rendered at 72 dpi."""
    ppm = subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert header
    width = int(header.group(1))
    pixels = ppm[header.end() :]
    rows = len(pixels) // width
    return [
        y
        for y in range(rows)
        if min(pixels[y * width + round(x0) : y * width + round(x1)]) < 192
    ]


def _pages_by_footer(pdf: bytes) -> list[tuple[str, str]]:
    """(footer title, body text) of each page."""
    return list(
        zip(
            (page.strip().splitlines()[-1].strip() for page in pdf_pages_text(pdf)),
            pdf_page_bodies(pdf),
            strict=True,
        )
    )


def _papers(pdf: bytes, footer_title: str) -> list[str]:
    """Body text of each paper whose footer carries ``footer_title``."""
    papers: list[str] = []
    for footer, body in zip(
        (page.strip().splitlines()[-1].strip() for page in pdf_pages_text(pdf)),
        pdf_page_bodies(pdf),
        strict=True,
    ):
        if footer != footer_title:
            continue
        if "SUPERIOR COURT OF THE STATE" in body:  # a paper's first page
            papers.append(body)
        else:
            papers[-1] += " " + body
    return papers


def test_every_page_is_letter_size_with_the_grid_image(packet_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(packet_pdf))
    assert len(reader.pages) > 10
    seen: set[tuple[int, int, int]] = set()
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (
            PAGE_WIDTH,
            PAGE_HEIGHT,
        )
        drawn = re.findall(rb"/(x\d+) Do", page.get_contents().get_data())
        images = {
            (ref.idnum, image["/Width"], image["/Height"])
            for name in drawn
            for ref in _images_in(page["/Resources"]["/XObject"][f"/{name.decode()}"])
            for image in [ref.get_object()]
        }
        seen.update(images)
        # The numbers strip, and the pixel stretched into the two other rules.
        assert {(w, h) for _, w, h in images} == {(175, 3300), (1, 1)}
    assert len(seen) == 2  # each image embedded once, drawn on every page


def _images_in(reference: Any) -> list[Any]:
    """Image XObject references drawn by a (form) XObject, recursively."""
    xobject = reference.get_object()
    if xobject["/Subtype"] == "/Image":
        return [reference]
    inner = xobject.get("/Resources", {}).get("/XObject", {})
    return [found for ref in inner.values() for found in _images_in(ref)]


def test_the_grid_image_prints_1_to_28_on_every_page(packet_pdf: bytes) -> None:
    """Ink in the number column exactly on the 28 lines, 24 pt apart."""
    pages = len(PdfReader(io.BytesIO(packet_pdf)).pages)
    for page in (1, 2, pages):
        rows = [y for y in _dark_rows(packet_pdf, page, 66, 80) if y < 744]
        bands = [[rows[0]]]
        for row in rows[1:]:
            if row - bands[-1][-1] > 8:  # digits are 9 pt tall, lines 24 pt apart
                bands.append([])
            bands[-1].append(row)
        assert len(bands) == 28
        bottoms = [band[-1] for band in bands]
        assert {b - a for a, b in itertools.pairwise(bottoms)} <= {23, 24, 25}
        # Line 1's baseline just under the 1 in top margin; line 8 at 3 1/3 in.
        assert bottoms[0] == pytest.approx(72 + pleading_grid.BASELINE, abs=1.5)
        assert bottoms[7] - bottoms[0] == pytest.approx(7 * LINE_PITCH, abs=1.5)
        # The double rule left of the text runs the full height of the page.
        assert len(_dark_rows(packet_pdf, page, 89, 94)) >= 790


def test_the_shipped_grid_images_are_the_generated_ones() -> None:
    assert pleading_grid.GRID_FILE.read_bytes() == pleading_grid.grid_png()
    assert pleading_grid.RULE_FILE.read_bytes() == pleading_grid.rule_png()


def test_the_right_rule_and_the_footer_rule_are_drawn(packet_pdf: bytes) -> None:
    assert len(_dark_rows(packet_pdf, 2, 587, 590)) >= 790  # the right rule
    footer = [y for y in _dark_rows(packet_pdf, 2, 5, 60) if y > 744]
    assert footer
    assert abs(footer[0] - 762) <= 1  # between the page number and the title


def test_body_text_sits_on_the_numbered_lines(packet_pdf: bytes) -> None:
    """Double spacing aligned to the numbers, away from the party block."""
    for page in pdf_words(packet_pdf):
        bottoms = [w[3] for w in _line_number_words(page)]
        # A paper's first page single-spaces the party block on lines 1-7
        # (rule 2.111(1)); everything from line 8 down is on the grid.
        is_first_page = any(w[4] == "SUPERIOR" for w in page)
        top = bottoms[6] if is_first_page else 0
        for word in page:
            if word[0] >= TEXT_LEFT - 1 and top < word[3] < PAGE_HEIGHT - 48:
                nearest = min(abs(word[3] - b) for b in bottoms)
                assert nearest < 1.5, word


def test_text_stays_inside_the_margins(packet_pdf: bytes) -> None:
    for page in pdf_words(packet_pdf):
        line_numbers = set(_line_number_words(page))
        for word in page:
            x0, _y0, x1, y1, text = word
            assert x1 <= TEXT_RIGHT + 0.5, text
            if word not in line_numbers and y1 < PAGE_HEIGHT - 48:
                assert x0 >= TEXT_LEFT - 0.5, text  # rule 2.107: at least 1 in


def test_footer_has_page_number_then_title_of_the_paper(packet_pdf: bytes) -> None:
    pages = pdf_pages_text(packet_pdf)
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first[-2] == "1"
    assert first[-1] == "PETITION FOR VACATUR RELIEF (PEN. CODE, § 236.14)"
    titles = [
        [line.strip() for line in page.splitlines() if line.strip()][-1]
        for page in pages
    ]
    for expected in (
        "DECLARATION OF PETITIONER",
        "MEMORANDUM OF POINTS AND AUTHORITIES",
        "REQUEST FOR CONFIDENTIALITY AND USE OF INITIALS",
        "[PROPOSED] ORDER GRANTING VACATUR RELIEF",
        "PROOF OF SERVICE ON THE PROSECUTING AGENCY",
    ):
        assert expected in titles


def test_each_paper_numbers_its_pages_from_1(packet_pdf: bytes) -> None:
    page_numbers = []
    for page in pdf_pages_text(packet_pdf):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        page_numbers.append(int(lines[-2]))
    # 2 counties x 7 papers (with initials: the confidential attachment),
    # each starting again at page 1.
    assert page_numbers.count(1) == 14
    for previous, current in itertools.pairwise(page_numbers):
        assert current in (1, previous + 1)


def test_first_page_has_court_title_on_line_8(packet_pdf: bytes) -> None:
    first = pdf_words(packet_pdf)[0]
    numbers = _line_number_words(first)
    line_8 = numbers[7][3]
    court = next(w for w in first if w[4] == "SUPERIOR")
    assert court[3] == pytest.approx(line_8, abs=1.5)
    assert court[1] >= 240 - 1  # at least 3 1/3 in from the top


def test_every_record_listed_once_under_the_right_statute(packet_pdf: bytes) -> None:
    text = pdf_text(packet_pdf)
    for number in ("23CR12345", "23CR67890", "22-CR-555"):
        assert number in text
    assert "PC 211" not in text  # robbery: violent felony, never in a petition
    assert "Penal Code section 236.14" in text
    assert "236.15" not in text
    assert "HS 11350" in text
    assert text.count("County of Los Angeles") >= 1
    assert "County of Alameda" in text


def test_each_county_gets_its_own_petition_and_agency(packet_pdf: bytes) -> None:
    proofs = _papers(packet_pdf, "PROOF OF SERVICE ON THE PROSECUTING AGENCY")
    los_angeles = next(p for p in proofs if "23CR12345" in p)
    alameda = next(p for p in proofs if "22-CR-555" in p)
    assert "Los Angeles City Attorney" in los_angeles
    assert "Los Angeles County District Attorney" in los_angeles
    assert "Alameda County District Attorney" in alameda
    assert "Los Angeles" not in alameda
    for proof in (los_angeles, alameda):  # drafting notes live on the sheet
        assert "VERIFY" not in proof


def test_proof_of_service_states_the_45_day_response_date(
    render_packet: Render,
    trafficking_case: dict[str, Any],
    full_details: dict[str, Any],
) -> None:
    from datetime import date

    full_details["service_date"] = date(2026, 12, 1)
    text = pdf_text(render_packet(trafficking_case, full_details))
    assert "On December 1, 2026 I served" in text, text[text.find("I served") - 60 :][
        :200
    ]
    assert "the response is due by January 15, 2027" in text
    assert "Pen. Code, § 236.14, subd. (c)" in text


def test_declaration_uses_ccp_2015_5_wording_and_the_narrative(
    packet_pdf: bytes,
) -> None:
    text = pdf_text(packet_pdf)
    assert (
        "I declare under penalty of perjury under the laws of the State of "
        "California that the foregoing is true and correct." in text
    )
    assert "Executed on [TO BE COMPLETED: date] at Sacramento, California." in text
    assert "He kept my ID card and all the money I made." in text
    assert "He set a nightly quota and hit me when I did not meet it." in text
    assert "around March 2019" in text


def test_unknown_facts_are_marked_blanks_not_invented(
    render_packet: Render, trafficking_case: dict[str, Any]
) -> None:
    text = pdf_text(render_packet(trafficking_case, {}))
    assert "[TO BE COMPLETED: case number]" in text
    assert "[TO BE COMPLETED: when it began]" in text
    assert "[TO BE COMPLETED: how each offense was the direct result" in text


def test_initials_only_when_asked(
    render_packet: Render,
    trafficking_case: dict[str, Any],
    full_details: dict[str, Any],
) -> None:
    pdf = render_packet(trafficking_case, full_details)
    sealed = "CONFIDENTIAL ATTACHMENT, LODGED CONDITIONALLY UNDER SEAL"
    # The full name is on the sealed attachment only (one per county).
    for footer, body in _pages_by_footer(pdf):
        if footer != sealed:
            assert "Maria" not in body, footer
            assert "Lopez" not in body, footer
    sealed_papers = _papers(pdf, sealed)
    assert len(sealed_papers) == 2
    assert all("Full legal name: Maria Elena Lopez" in p for p in sealed_papers)
    for title in (
        "DECLARATION OF PETITIONER",
        "PROOF OF SERVICE ON THE PROSECUTING AGENCY",
    ):
        assert all("M.E.L." in paper for paper in _papers(pdf, title))
    full_details["use_initials"] = False
    full_name = render_packet(trafficking_case, full_details)
    text = pdf_text(full_name)
    assert "Maria Elena Lopez" in text
    assert "M.E.L." not in text
    assert "initials" not in text  # no paper asks for them
    # The sealed attachment stays for the T visa notice, without an identity.
    assert all("Full legal name" not in p for p in _papers(full_name, sealed))


def test_evidence_lists_only_what_was_chosen(packet_pdf: bytes) -> None:
    text = pdf_text(packet_pdf)
    assert "Police report naming the trafficker or abuser To be provided" in text
    assert "Not sharing" not in text
    assert "Expert declaration" not in text
    assert "Continued Presence" not in text  # never chosen, never listed


def test_order_names_each_agency_and_doj_and_the_violent_felony_statement(
    packet_pdf: bytes,
) -> None:
    text = pdf_text(packet_pdf)
    assert "The California Department of Justice." in text
    assert "shall seal its records" in text
    assert (
        "None of these offenses is a violent felony listed in Penal Code section 667.5"
        in text
    )


def test_unverified_subdivisions_are_not_cited_by_letter(packet_pdf: bytes) -> None:
    text = pdf_text(packet_pdf)
    cited = set(re.findall(r"§ 236\.14, subd\. \(([a-z])\)", text))
    assert cited
    assert cited <= set("abcdefiq")
    assert "see Pen. Code, § 236.14" in text


def test_partner_violence_petition_cites_236_15_and_flags_verification(
    render_packet: Render, partner_violence_case: dict[str, Any]
) -> None:
    pdf = render_packet(
        partner_violence_case,
        {"use_initials": True, "name": "A B", "prosecutor_0": "da"},
    )
    text = pdf_text(pdf)
    assert "Penal Code section 236.15" in text
    assert "subd. (" not in text.replace("section 236.14, subdivision", "")
    assert "VERIFY" not in text  # the unverified-law notes are on the sheet
    assert "San Diego County District Attorney" in text
    save_artifact(pdf, "partner-violence", pages="1-2")


def test_metadata_is_neutral_and_the_pdf_is_tagged(packet_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(packet_pdf))
    info = reader.metadata or {}
    assert info.get("/Title") == "Document"
    assert "/Author" not in info
    assert "/Subject" not in info
    assert "/Keywords" not in info
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]


def test_only_the_shipped_pleading_font_is_used_and_embedded(packet_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(packet_pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert "Pleading-Serif" in name  # our @font-face, not a system font
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor  # embedded TrueType (Liberation Serif)


def test_layout_artifacts_for_human_review(packet_pdf: bytes) -> None:
    target = save_artifact(packet_pdf, "packet", pages="1-3")
    assert (
        target.with_name("packet-01.png").exists()
        or target.with_name("packet-1.png").exists()
    )


@pytest.mark.parametrize("safety", ["", "He still looks for me."])
def test_declaration_paragraphs_are_numbered_without_gaps(
    safety: str,
    render_packet: Render,
    trafficking_case: dict[str, Any],
    full_details: dict[str, Any],
) -> None:
    full_details["safety"] = safety
    pdf = render_packet(trafficking_case, full_details)
    declaration = _papers(pdf, "DECLARATION OF PETITIONER")[0]
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d{1,2})\. (?=[A-Z])", declaration)]
    assert numbers == list(range(1, len(numbers) + 1))
    # No exhibit is attached in these details, so no exhibit paragraph.
    assert len(numbers) == (10 if safety else 9)
    assert ("He still looks for me." in declaration) == bool(safety)


def test_needs_review_and_juvenile_records_carry_visible_markers(
    render_packet: Render, trafficking_case: dict[str, Any]
) -> None:
    trafficking_case["records"] = [
        {
            "id": "j",
            "system": "california",
            "disposition": "juvenile_adjudication",
            "offense": "PC 484",
            "level": "misdemeanor",
            "county": "Kern",
            "age_at_offense": 15,
            "while_victimized": "yes",
            "direct_result": "yes",
        },
        {
            "id": "u",
            "system": "california",
            "disposition": "arrest",
            "offense": "XX 999",
            "level": "unknown",
            "county": "Kern",
            "while_victimized": "yes",
            "direct_result": "yes",
        },
    ]
    text = pdf_text(render_packet(trafficking_case, {}))
    assert "XX 999" in text
    assert "ATTORNEY REVIEW" not in text  # flagged on the "Before you file" sheet
    assert "VERIFY" not in text
    assert "rebuttable presumption" in text
    assert "Kern County District Attorney" in text


def test_no_citation_is_repeated_back_to_back(packet_pdf: bytes) -> None:
    text = pdf_text(packet_pdf)
    assert not re.search(r"(see Pen\. Code, § 236\.1[45]); \1\b", text)


def test_order_letters_the_agency_list_so_numbers_never_repeat(
    packet_pdf: bytes,
) -> None:
    order = _papers(packet_pdf, "[PROPOSED] ORDER GRANTING VACATUR RELIEF")[0]
    assert "(a) The Superior Court of California, County of Los Angeles." in order
    assert "(e) The California Department of Justice." in order
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d{1,2})\. (?=[A-Z])", order)]
    assert numbers == list(range(1, len(numbers) + 1))
