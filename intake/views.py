"""Staff and attorney pages: login, queue, case, packet, audit log, counts.

Every page goes through ``access.staff_view`` (password + TOTP, role) and
every read or write of a case goes through ``access.case_for`` (organisation
and assignment), and writes one audit line. Pages are ``no-store``; URLs hold
only case ids, never a name or an answer.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.contrib import auth
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.views import LoginView

from intake import access, services, stats
from intake.access import (
    StaffRequest,
    case_for,
    membership_of,
    staff_view,
    visible_cases,
)
from intake.forms import (
    AssignForm,
    FiltersForm,
    HoldForm,
    NoteForm,
    StaffAuthenticationForm,
    StatusForm,
    address_over_limit,
    cooloff,
)
from intake.models import Action, AuditEntry, Case, Role
from petitions import services as petition_services
from petitions.forms import DraftDetailsForm
from petitions.throttle import RenderRefused, render_permit
from screener import screenings
from screener.rules.contract import Status

STAFF = (Role.INTAKE_STAFF, Role.ORG_ADMIN)
ATTORNEY = (Role.ATTORNEY,)
ADMIN = (Role.ORG_ADMIN,)


class StaffLoginView(LoginView):
    """Username, password and the 6-digit code on one page (django-otp)."""

    template_name = "intake/login.html"
    otp_authentication_form = StaffAuthenticationForm
    redirect_authenticated_user = False

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """An address past its failed sign-ins waits, whichever username it tries."""
        if address_over_limit(request):
            return render(
                request,
                "intake/locked_out.html",
                {"cooloff_timedelta": timedelta(seconds=cooloff())},
                status=429,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        self.request.session[access.SESSION_STARTED] = time.time()
        services.audit(self.request.user, Action.LOGIN)
        return response


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.audit(request.user, Action.LOGOUT)
    auth.logout(request)
    return redirect("intake:login")


@require_GET
@staff_view()
def queue(request: StaffRequest) -> HttpResponse:
    membership = membership_of(request)
    cases = visible_cases(membership)
    filters = FiltersForm(
        request.GET or None, counties=membership.organization.counties
    )
    if filters.is_valid():
        if filters.cleaned_data["county"]:
            cases = cases.filter(county=filters.cleaned_data["county"])
        if filters.cleaned_data["status"]:
            cases = cases.filter(status=filters.cleaned_data["status"])
    page = Paginator(cases.defer("narrative"), 50).get_page(request.GET.get("page"))
    for case in page.object_list:
        case.outcome = (
            None if case.unreadable else queue_outcome(services.case_screening(case))
        )
    services.audit(request.user, Action.VIEW_QUEUE)
    return render(
        request,
        "intake/queue.html",
        {"page": page, "filters": filters, "membership": membership},
    )


OUTCOME_WORDS = {
    Status.LIKELY: _("Likely"),
    Status.POSSIBLE: _("Possible"),
    Status.NEEDS_REVIEW: _("Needs review"),
    Status.NOT_ELIGIBLE: _("Not eligible"),
}


def queue_outcome(screening: dict[str, Any]) -> str:
    """The best any record's best remedy reaches, in words, for the queue.

    Read from the case's stored screening: the queue runs no rules.
    """
    statuses: list[Status] = []
    for record in screening["records"]:
        by_id = {r["remedy"]: r["status"] for r in record["remedies"]}
        # Stored as JSON: the status is its plain string again.
        statuses.append(Status(by_id.get(record["best"] or "", Status.NOT_ELIGIBLE)))
    best = min(statuses, key=lambda status: status.rank, default=Status.NEEDS_REVIEW)
    return str(OUTCOME_WORDS[best])


def contact_actions(contact: dict[str, Any]) -> dict[str, Any]:
    """What the plan allows: only the one channel the person chose.

    A plan that says "text me" offers no call button; one that says "email"
    offers neither; a message may be left, or the caller named, only if the
    person said yes. A plan that says "contact someone else" never offers the
    survivor's own number or email: only that person's number, or nothing.
    """
    method = contact.get("method")
    if contact.get("other_person"):
        phone = contact.get("other_phone") or ""
        digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
        return {
            "call": f"tel:{digits}" if digits and method != "text" else None,
            "text": f"sms:{digits}" if digits and method == "text" else None,
            "email": None,
            "number": phone,
            "leave_message": bool(contact.get("leave_message")),
            "say_who": bool(contact.get("say_who")),
        }
    phone = contact.get("phone") or ""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return {
        "number": phone,
        "call": f"tel:{digits}" if method == "phone" and digits else None,
        "text": f"sms:{digits}" if method == "text" and digits else None,
        "email": f"mailto:{contact['email']}"
        if method == "email" and contact.get("email")
        else None,
        "leave_message": bool(contact.get("leave_message")),
        "say_who": bool(contact.get("say_who")),
    }


def _trace(case: Case) -> dict[str, Any]:
    """The stored screening of the case's facts: every remedy, reason and
    citation, for staff to check it, in the page's language."""
    return screenings.shown(services.case_screening(case), gettext)


def _rescreened(case: Case) -> str | None:
    """Say so when the stored screening was re-run because the rules changed.

    Read after ``_trace``, which may have just re-run it.
    """
    if not case.rescreened_under:
        return None
    return gettext(
        "Re-screened under rules version %(version)s: the stored screening was "
        "made under earlier rules, so the same facts were screened again."
    ) % {"version": case.rescreened_under}


@require_GET
@staff_view()
def case_detail(request: StaffRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    services.audit(request.user, Action.VIEW_CASE, case=case)
    return _case_page(request, case, NoteForm())


def _case_page(request: StaffRequest, case: Case, note_form: NoteForm) -> HttpResponse:
    """The case page; a note that did not save is shown again, not lost."""
    membership = membership_of(request)
    context = {
        "notes": list(case.notes.all()),
        "note_form": note_form,
        "case": case,
        "membership": membership,
        "contact": case.contact,
        "actions": contact_actions(case.contact),
        "trace": _trace(case),
        "rescreened": _rescreened(case),
        "status_form": StatusForm(initial={"status": case.status}),
        "assign_form": AssignForm(
            initial={"attorney": case.assigned_to},
            organization=membership.organization,
        )
        if membership.role in STAFF
        else None,
        "hold_form": HoldForm(initial={"hold": case.hold})
        if membership.role in ADMIN
        else None,
        "can_draft": membership.role in ATTORNEY,
        "can_rescreen": membership.role in STAFF,
    }
    return render(request, "intake/case.html", context)


@require_POST
@staff_view()
def case_note(request: StaffRequest, pk: int) -> HttpResponse:
    """Add a note: anyone who may see the case (attorneys: their own cases)."""
    case = case_for(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, form)
    services.case_add_note(
        case=case, text=form.cleaned_data["text"], actor=request.user
    )
    return redirect("intake:case", pk=case.pk)


@require_POST
@staff_view()
def case_status(request: StaffRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.case_set_status(
            case=case, status=form.cleaned_data["status"], actor=request.user
        )
    return redirect("intake:case", pk=case.pk)


@require_POST
@staff_view(*STAFF)
def case_assign(request: StaffRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    form = AssignForm(request.POST, organization=case.organization)
    if form.is_valid():
        services.case_assign(
            case=case, attorney=form.cleaned_data["attorney"], actor=request.user
        )
    return redirect("intake:case", pk=case.pk)


@require_POST
@staff_view(*ADMIN)
def case_hold(request: StaffRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    form = HoldForm(request.POST)
    if form.is_valid():
        services.case_set_hold(
            case=case, hold=form.cleaned_data["hold"], actor=request.user
        )
    return redirect("intake:case", pk=case.pk)


def _details_form(case: Case, data: Any = None) -> DraftDetailsForm:
    """The petition service's drafting form, in attorney mode."""
    initial = petition_services.details_from_store(case.narrative)
    return petition_services.details_form(
        case.facts, services.case_screening(case), data, attorney=True, initial=initial
    )


@require_http_methods(["GET", "POST"])
@staff_view(*ATTORNEY)
def case_draft(request: StaffRequest, pk: int) -> HttpResponse:
    """The attorney's declaration narrative and petition details."""
    case = case_for(request, pk)
    if request.method == "POST":
        form = _details_form(case, request.POST)
        if form.is_valid():
            services.case_set_narrative(
                case=case,
                narrative=petition_services.details_to_store(form.cleaned_data),
                actor=request.user,
            )
            return redirect("intake:case", pk=case.pk)
    else:
        form = _details_form(case)
        services.audit(request.user, Action.VIEW_CASE, case=case, detail="draft")
    return render(request, "intake/draft.html", {"case": case, "form": form})


@require_POST
@staff_view(*ATTORNEY)
def case_packet(request: StaffRequest, pk: int) -> HttpResponse:
    """The filing packet for the stored facts, screening and narrative; neutral name."""
    case = case_for(request, pk)
    docx = request.POST.get("format") == "docx"
    details = petition_services.details_from_store(case.narrative)
    details["attorney_mode"] = True  # drafted by the case's attorney
    packet = petition_services.packet_for(
        case.facts, services.case_screening(case), details, timezone.localdate()
    )
    try:
        with render_permit(request, records=petition_services.packet_size(packet)):
            body, content_type, name = petition_services.packet_file(
                packet, "docx" if docx else "pdf"
            )
    except RenderRefused as refused:
        response = render(
            request,
            "intake/packet_busy.html",
            {"case": case, "message": refused.message},
            status=refused.status,
        )
        response["Retry-After"] = str(refused.retry_after)
        return response
    services.audit(
        request.user, Action.DOWNLOAD, case=case, detail="docx" if docx else "pdf"
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@staff_view(*ADMIN)
def audit_log(request: StaffRequest) -> HttpResponse:
    organization = membership_of(request).organization
    # Logged first: the paginator counts before it slices, so a line
    # written after counting would push the oldest entry off the page.
    services.audit(request.user, Action.VIEW_AUDIT)
    entries = AuditEntry.objects.filter(organization=organization)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "intake/audit.html", {"page": page})


@require_GET
@staff_view(*ADMIN)
def counts(request: StaffRequest) -> HttpResponse:
    organization = membership_of(request).organization
    services.audit(request.user, Action.VIEW_STATS)
    return render(
        request,
        "intake/counts.html",
        {
            "ours": stats.table(stats.scope_for(organization)),
            "everyone": stats.table(stats.ALL),
            "suppress_below": stats.SUPPRESS_BELOW,
        },
    )


@require_GET
@staff_view(*ADMIN)
def counts_csv(request: StaffRequest) -> HttpResponse:
    everyone = request.GET.get("scope") == "all"
    organization = membership_of(request).organization
    scope = stats.ALL if everyone else stats.scope_for(organization)
    services.audit(request.user, Action.EXPORT_STATS, detail=scope)
    response = HttpResponse(
        stats.as_csv(stats.table(scope)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="counts.csv"'
    return response
