"""The one petition service: which records, which form, which packet, which file.

The survivor's drafting page (``petitions.views``) and the attorney's draft
from a legal-aid case (``intake.views``) both go through here, so the two
can never draft different papers from the same answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from petitions.docx_twin import petition_render_docx
from petitions.forms import DraftDetailsForm
from petitions.packet import (
    TRAFFICKING,
    CandidateRecord,
    Packet,
    candidate_records,
    packet_build,
    statute_options,
)
from petitions.render import petition_render_pdf

# Neutral file names: no name, no offense, no statute.
PDF_FILENAME = "documents.pdf"
DOCX_FILENAME = "documents.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def records_to_draft(
    facts: Mapping[str, Any], screening: Mapping[str, Any]
) -> list[CandidateRecord]:
    """Every record that would go into a petition under any offered statute."""
    seen: dict[int, CandidateRecord] = {}
    for statute in statute_options(facts) or [TRAFFICKING]:
        for record in candidate_records(facts, screening, statute):
            seen.setdefault(record.index, record)
    return sorted(seen.values(), key=lambda record: record.index)


def details_form(
    facts: Mapping[str, Any],
    screening: Mapping[str, Any],
    data: Any = None,
    *,
    attorney: bool = False,
    initial: Mapping[str, Any] | None = None,
) -> DraftDetailsForm:
    """The drafting form for a case: the survivor's, or the attorney's."""
    return DraftDetailsForm(
        data,
        initial=dict(initial or {}),
        statutes=statute_options(facts),
        records=records_to_draft(facts, screening),
        attorney=attorney,
    )


def details_to_store(cleaned: Mapping[str, Any]) -> dict[str, Any]:
    """The drafting form's answers as JSON a stored case keeps (dates as ISO text).

    The file format is a choice of download, not a detail of the papers.
    """
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in cleaned.items()
        if key != "file_format"
    }


def details_from_store(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Stored drafting details back as the form gives them: the one place
    a stored service date is read.

    A service date that is not a date (never written by the form, but a
    stored case outlives code) is left out rather than invented or fatal.
    """
    details = dict(stored)
    served = details.get("service_date")
    if served and not isinstance(served, date):
        try:
            details["service_date"] = date.fromisoformat(str(served))
        except ValueError:
            details["service_date"] = None
    return details


def packet_for(
    facts: Mapping[str, Any],
    screening: Mapping[str, Any],
    details: Mapping[str, Any],
    today: date,
    *,
    sheet_language: str = "en",
) -> Packet:
    """The packet for a case and the drafting details.

    ``sheet_language`` is the language the survivor reads the site in, for
    her "Before you file" sheet; the papers are English whatever it is, and
    an attorney's packet keeps an English sheet (``packet_build``).
    """
    return packet_build(
        facts=facts,
        screening=screening,
        details=details,
        today=today,
        sheet_language=sheet_language,
    )


def packet_size(packet: Packet) -> int:
    """How many records the packet's papers cover: what its render costs."""
    return sum(len(county_packet.records) for county_packet in packet.county_packets)


def packet_file(packet: Packet, file_format: str | None) -> tuple[bytes, str, str]:
    """The packet as (body, content type, neutral file name); PDF unless DOCX."""
    if file_format == "docx":
        return petition_render_docx(packet=packet), DOCX_TYPE, DOCX_FILENAME
    return petition_render_pdf(packet=packet), "application/pdf", PDF_FILENAME
