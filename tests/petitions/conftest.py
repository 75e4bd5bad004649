"""Personas and PDF-reading helpers for the petition tests.

Personas are contract input cases (docs/screening-api.md); the
screening of each comes from the real rules engine, so these tests break if
the engine and the packet stop agreeing about statuses.
"""

from __future__ import annotations

import re
import subprocess
import uuid
from collections.abc import Callable
from datetime import date
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

import pytest

from petitions.packet import Packet, packet_build
from petitions.render import packet_render_html, pdf_from_html
from screener.rules import screen
from tests.sessions import put_case_in_session  # noqa: F401 - re-exported for the tests

BODY_LEFT = 90.0  # line numbers end before this; text starts at 108 pt
BODY_BOTTOM = 744.0  # 28 lines x 24 pt below the 72 pt top margin
SHEET_BOTTOM = 732.0  # the sheet's 60 pt bottom margin holds only its footer
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "petitions"
TODAY = date(2026, 11, 24)


def _record(**fields: Any) -> dict[str, Any]:
    base = {
        "system": "california",
        "disposition": "conviction",
        "level": "misdemeanor",
        "while_victimized": "yes",
        "direct_result": "yes",
        "enhancements": [],
    }
    return base | fields


def make_trafficking_case() -> dict[str, Any]:
    """Two Los Angeles records and one Alameda record, plus a robbery."""
    return {
        "as_of": "2026-11-22",
        "victimization": {
            "kinds": ["human_trafficking"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "records": [
            _record(id="1", offense="PC 647(b)", county="Los Angeles"),
            _record(id="2", offense="HS 11350", level="felony", county="Los Angeles"),
            _record(id="3", offense="PC 484", county="Alameda"),
            _record(id="4", offense="PC 211", level="felony", county="Alameda"),
        ],
    }


@pytest.fixture
def trafficking_case() -> dict[str, Any]:
    return make_trafficking_case()


@pytest.fixture
def partner_violence_case() -> dict[str, Any]:
    return {
        "as_of": "2026-11-22",
        "victimization": {
            "kinds": ["intimate_partner_violence"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "records": [_record(id="a", offense="PC 484", county="San Diego")],
    }


def make_full_details() -> dict[str, Any]:
    return {
        "name": "Maria Elena Lopez",
        "use_initials": True,
        "mailing_address": "P.O. Box 1234\nSacramento, CA 95812",
        "phone": "",
        "city_signed": "Sacramento",
        "began": "around March 2019",
        "ended": "August 2021",
        "control": "He kept my ID card and all the money I made.",
        "direct_result": "He set a nightly quota and hit me when I did not meet it.",
        "left_or_services": "I went to a shelter in September 2021.",
        "case_number_0": "23CR12345",
        "case_number_1": "23CR67890",
        "case_number_2": "22-CR-555",
        "prosecutor_0": "Los Angeles",
        "evidence_t_visa": "attached",
        "evidence_police_report": "will_obtain",
    }


@pytest.fixture
def full_details() -> dict[str, Any]:
    return make_full_details()


@pytest.fixture
def build_packet() -> Callable[..., Packet]:
    def build(
        case: dict[str, Any], details: dict[str, Any], today: date = TODAY
    ) -> Packet:
        return packet_build(
            facts=case, screening=screen(case), details=details, today=today
        )

    return build


def papers_pdf(packet: Packet) -> bytes:
    """The filed papers alone, without the "Before you file" sheet.

    The pleading-layout tests read these; the sheet is not pleading paper
    (tests/petitions/test_readback.py reads the whole download).
    """
    return pdf_from_html(packet_render_html(packet=packet))


@pytest.fixture
def render_packet(build_packet: Callable[..., Packet]) -> Callable[..., bytes]:
    def render(case: dict[str, Any], details: dict[str, Any]) -> bytes:
        return papers_pdf(build_packet(case, details))

    return render


def pdf_pages_text(pdf: bytes) -> list[str]:
    """Text of each page, in reading layout (poppler's pdftotext)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def pdf_page_bodies(pdf: bytes) -> list[str]:
    """The body text of each page, without line numbers or footer.

    A sentence that runs over several pleading lines can then be searched
    as one phrase.
    """
    bodies = []
    for page in pdf_words(pdf):
        # Pleading paper has no text left of the body (its line numbers are
        # an image); the "Before you file" sheet starts at 0.75 in.
        numbered = not any(w[2] < BODY_LEFT and w[3] <= SHEET_BOTTOM for w in page)
        if numbered:  # pleading paper: drop the footer
            kept = [w for w in page if w[0] >= BODY_LEFT and w[3] <= BODY_BOTTOM]
        else:  # the "Before you file" sheet: drop only its footer
            kept = [w for w in page if w[3] <= SHEET_BOTTOM]
        kept.sort(key=lambda w: (round(w[3] / 4), w[0]))
        bodies.append(html_unescape(" ".join(w[4] for w in kept)))
    return bodies


def pdf_text(pdf: bytes) -> str:
    """The body text of the whole PDF as one searchable string."""
    return " ".join(pdf_page_bodies(pdf))


WORD = re.compile(
    r'<page width="([\d.]+)" height="([\d.]+)">|'
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
    r"([^<]*)</word>"
)


def pdf_words(pdf: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    """Words with their boxes (points, origin top left), per page."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages: list[list[tuple[float, float, float, float, str]]] = []
    for match in WORD.finditer(html):
        if match.group(1):
            pages.append([])
        else:
            x0, y0, x1, y1 = (float(match.group(i)) for i in range(3, 7))
            pages[-1].append((x0, y0, x1, y1, match.group(7)))
    return pages


def save_artifact(pdf: bytes, name: str, pages: str = "1-3") -> Path:
    """Keep the PDF and PNGs of some pages for a human to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.pdf"
    target.write_bytes(pdf)
    first, last = pages.split("-")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "80",
            "-f",
            first,
            "-l",
            last,
            "-png",
            str(target),
            str(ARTIFACTS / name),
        ],
        check=True,
    )
    return target


@pytest.fixture(autouse=True)
def _fresh_render_budgets(settings: Any) -> None:
    """Every test starts with unspent rate limits and an empty render queue.

    The test client always comes from one address, so without this the
    per-address budget would run out part-way through the suite. A fresh
    in-memory cache per test (the shared database cache is tested in
    tests/intake) also keeps tests that need no database off it.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"petitions-{uuid.uuid4()}",
        }
    }


@pytest.fixture(autouse=True)
def _plain_http(settings: Any) -> None:
    """The test client speaks plain HTTP; production redirects to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False
