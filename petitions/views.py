"""The drafting page: optional details in, one PDF download out.

The finished screening lives only in the session (core.visitor_store).
Downloading keeps it: she may still want to send her answers to legal aid
(the hand-off), in either order. The answers go on exit, on "Delete my
answers now" and on idle expiry.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from petitions.services import (
    details_form,
    packet_file,
    packet_for,
    packet_size,
    records_to_draft,
)
from petitions.throttle import RenderRefused, render_permit
from screener import screenings

logger = logging.getLogger(__name__)


def _screened(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The stored facts and their stored screening; None when there are none.

    The packet prints the screening the results page showed
    (``screener.screenings``): the rules run here only if it no longer
    stands (new rules, another day).
    """
    try:
        return screenings.survivor_screening(request)
    except Exception:  # any failure means "start again", never a 500
        logger.exception("Stored case could not be screened for drafting.")
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest) -> HttpResponse:
    """Show the optional details form, or return the packet as a PDF."""
    screened = _screened(request)
    if screened is None:
        return render(request, "petitions/no_case.html")
    facts, screening = screened
    if not records_to_draft(facts, screening):
        return render(request, "petitions/nothing_to_draft.html")
    # Someone reading in Spanish most likely wrote in Spanish.
    language = "es" if (translation.get_language() or "").startswith("es") else "en"
    form = details_form(
        facts,
        screening,
        request.POST if request.method == "POST" else None,
        initial={"statement_language": language},
    )
    if request.method == "POST" and form.is_valid():
        # Her "Before you file" sheet in the language she reads; the court
        # papers stay in English.
        packet = packet_for(
            facts,
            screening,
            form.cleaned_data,
            timezone.localdate(),
            sheet_language=language,
        )
        if not packet.county_packets:
            form.add_error(
                "statute" if "statute" in form.fields else None,
                _("No record qualifies under the law you chose. Choose the other law."),
            )
            return render(request, "petitions/draft.html", {"form": form})
        try:
            with render_permit(request, records=packet_size(packet)):
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
