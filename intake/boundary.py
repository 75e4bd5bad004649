"""Staff stay on the staff side: the survivor's results, packet and hand-off
pages refuse any logged-in account.

Why a middleware and not a change to each survivor view: staff run the
survivor's own wizard and check page ("staff mode", ``intake.staff_questions``),
and from there the survivor's next pages are one POST away. Those pages
act with the survivor's own authority (download the packet, send the
answers to any organisation with consent), which no staff role has: an
intake worker may not download packets, and nobody may copy a client into
another organisation's queue. Survivors never log in, so "logged in" is
exactly "staff", with or without the staff-screening flag (the flag is
dropped after attaching; the login is not). Staff reach the rule trace and
the packet through the case page, with their role's own permissions.

Each refusal is an audit line under the worker, on the case being
re-screened when there is one (so that case's organisation sees it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from intake.models import Action, Case
from intake.services import audit

# URL name -> what the audit line calls it.
SURVIVOR_ONLY = {
    "screener:results": "results",
    "petitions:draft": "draft",
    "intake:handoff": "handoff",
    "intake:handoff_done": "handoff",
}
STAFF_SCREENING = "intake_staff_screening"  # intake.staff_questions.STAFF_SCREENING


def _survivor_only(request: HttpRequest) -> str | None:
    """What survivor-only page this request asks for, or None."""
    match = request.resolver_match
    name = match.view_name if match else ""
    if name in SURVIVOR_ONLY:
        return SURVIVOR_ONLY[name]
    if (
        name == "screener:check"
        and request.method == "POST"
        and request.POST.get("action") == "results"
    ):
        return "check results"
    return None


def _screened_case(request: HttpRequest) -> Case | None:
    pending = request.session.get(STAFF_SCREENING)
    case_id = pending.get("case") if isinstance(pending, dict) else None
    if not isinstance(case_id, int):
        return None
    return Case.objects.select_related("organization").filter(pk=case_id).first()


class StaffBoundaryMiddleware:
    """Refuse survivor-only pages to logged-in accounts, and log it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        page = _survivor_only(request)
        if page is None or not request.user.is_authenticated:
            return None
        case = _screened_case(request)
        audit(request.user, Action.DENIED, case=case, detail=f"survivor page: {page}")
        return render(
            request,
            "intake/survivor_page_refused.html",
            {"case": case, "page": page},
            status=403,
        )
