"""The drafting page: optional details in, one PDF download out.

The finished screening lives only in the session (screener.session_store).
Downloading keeps it: she may still want to send her answers to legal aid
(the hand-off), in either order. The answers go on exit, on "Delete my
answers now" and on idle expiry.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

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
from petitions.throttle import RenderRefused, render_permit
from screener.session_store import load_case

logger = logging.getLogger(__name__)

# Neutral file names: no name, no offense, no statute.
PDF_FILENAME = "documents.pdf"
DOCX_FILENAME = "documents.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _screen(case: dict[str, Any]) -> dict[str, Any] | None:
    """Run the rules engine; None when the stored case cannot be screened."""
    from screener.rules import screen  # the lead's engine; imported on use

    try:
        return screen(case)
    except Exception:  # any failure means "start again", never a 500
        logger.exception("Stored case could not be screened for drafting.")
        return None


def _records_by_statute(
    case: dict[str, Any], screening: dict[str, Any], statutes: list[str]
) -> list[CandidateRecord]:
    """Every record that would go into a petition under any offered statute."""
    seen: dict[int, CandidateRecord] = {}
    for statute in statutes or [TRAFFICKING]:
        for record in candidate_records(case, screening, statute):
            seen.setdefault(record.index, record)
    return sorted(seen.values(), key=lambda record: record.index)


@never_cache
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest) -> HttpResponse:
    """Show the optional details form, or return the packet as a PDF."""
    case = load_case(request)
    screening = _screen(case) if case is not None else None
    if case is None or screening is None:
        return render(request, "petitions/no_case.html")
    statutes = statute_options(case)
    records = _records_by_statute(case, screening, statutes)
    if not records:
        return render(request, "petitions/nothing_to_draft.html")
    form = DraftDetailsForm(
        request.POST if request.method == "POST" else None,
        statutes=statutes,
        records=records,
    )
    if request.method == "POST" and form.is_valid():
        packet = packet_build(
            case=case,
            screening=screening,
            details=form.cleaned_data,
            today=timezone.localdate(),
        )
        if not packet.county_packets:
            form.add_error(
                "statute" if "statute" in form.fields else None,
                _("No record qualifies under the law you chose. Choose the other law."),
            )
            return render(request, "petitions/draft.html", {"form": form})
        try:
            with render_permit(request):
                body, content_type, filename = packet_file(
                    packet, form.cleaned_data.get("file_format")
                )
        except RenderRefused as refused:
            # Busy or too many: the form comes back with every answer kept
            # and says when to press the button again.
            form.add_error(None, refused.message)
            response = render(
                request, "petitions/draft.html", {"form": form}, status=refused.status
            )
            response["Retry-After"] = str(refused.retry_after)
            return response
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # Errors re-render the form with every answer kept (status 200, so no
    # proxy swaps in a generic error page).
    return render(request, "petitions/draft.html", {"form": form})


def packet_file(packet: Packet, file_format: str | None) -> tuple[bytes, str, str]:
    """The packet as (body, content type, neutral file name); PDF unless DOCX."""
    if file_format == "docx":
        return petition_render_docx(packet=packet), DOCX_TYPE, DOCX_FILENAME
    return petition_render_pdf(packet=packet), "application/pdf", PDF_FILENAME
