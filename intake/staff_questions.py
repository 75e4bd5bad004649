"""Staff screening a client: the survivor's own wizard in "staff mode",
attached to a case; and editing a stored case's facts to re-run the rules.

Why this shape (the least invasive one):

* Staff run the SAME wizard and rules, at the same URLs. Starting one
  (``screen_start``) sets one plain session flag, ``STAFF_SCREENING``,
  holding only ids (organisation, case to re-run or none, an idempotency
  key), then hands the POST to the survivor's own ``screener.wizard.start``.
* The survivor's check page has one guarded line: when that flag is in the
  session it includes ``intake/_staff_attach.html`` (an "Attach" button
  posting here). Survivors never have the flag: only a verified staff view
  sets it, and a staff logout flushes the session. Nothing else in the
  survivor flow changes.
* ``screen_attach`` builds the contract's facts from the finished answers
  with ``screener.questionnaire.build_facts`` (what the check page hands to
  ``core.visitor_store.store_facts`` for the results page), checks them with the
  rules, and stores them encrypted: a new case (source "staff") or the new
  answers of the case being re-screened. Then the answers are forgotten
  from the staff member's session.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core import visitor_store
from intake import boundary, services
from intake.access import StaffRequest, case_for, membership_of, staff_view
from intake.forms import (
    PersonFactsForm,
    RecordFactsForm,
    RecordFactsFormSet,
    StaffContactPlanForm,
    findings_offered,
)
from intake.models import Action, Case, Role, Source
from screener import questionnaire, wizard
from screener.rules import InvalidFacts
from screener.rules.facts import read_facts

STAFF_SCREENING = boundary.STAFF_SCREENING
STAFF = (Role.INTAKE_STAFF, Role.ORG_ADMIN)


def _mark(request: StaffRequest, case: Case | None) -> None:
    """This session is a staff screening, for a new case or for ``case``."""
    request.session[STAFF_SCREENING] = {
        "organization": membership_of(request).organization_id,
        "case": case.pk if case else None,
        "key": str(uuid.uuid4()),
    }


def _start(request: StaffRequest, case: Case | None) -> HttpResponse:
    """Mark this session as a staff screening, then begin the wizard."""
    _mark(request, case)
    services.audit(request.user, Action.SCREEN, case=case, detail="start")
    return wizard.start(request)


@require_POST
@staff_view(*STAFF)
def screen_start(request: StaffRequest) -> HttpResponse:
    """ "Screen a client" on the queue: a new screening for a new case."""
    return _start(request, None)


@require_POST
@staff_view(*STAFF)
def screen_again(request: StaffRequest, pk: int) -> HttpResponse:
    """ "Re-screen" on a case page: the wizard's answers will replace the case's.

    The questions start filled in with the case's facts, on the check page,
    so changing one fact is one Change link. When the questions cannot say
    the case's facts exactly (``answers_from_facts`` gives None, e.g. after
    "Edit the facts" set something the wizard does not ask), it starts blank.
    """
    case = case_for(request, pk)
    saved = questionnaire.answers_from_facts(case.facts)
    if saved is None:
        return _start(request, case)
    _mark(request, case)
    services.audit(request.user, Action.SCREEN, case=case, detail="start")
    wizard.save_answers(request, saved)
    visitor_store.forget_facts(request)
    visitor_store.write(request, visitor_store.WIZARD_KEY, None)
    return redirect("screener:check")


def _forget_answers(request: HttpRequest) -> None:
    """Drop the client's answers from the staff session (not the login)."""
    for key in (
        STAFF_SCREENING,
        visitor_store.ANSWERS_KEY,
        visitor_store.FACTS_KEY,
        visitor_store.SCREENED_KEY,
        visitor_store.WIZARD_KEY,
    ):
        request.session.pop(key, None)


@require_POST
@staff_view(*STAFF)
def screen_attach(request: StaffRequest) -> HttpResponse:
    """Attach the finished screening to a case and show its rule trace."""
    pending = request.session.get(STAFF_SCREENING)
    membership = membership_of(request)
    if (
        not isinstance(pending, dict)
        or pending.get("organization") != membership.organization_id
    ):
        return redirect("intake:queue")
    saved = wizard.load_answers(request)
    if not saved["records"]:
        return redirect("screener:check")
    # Our own wizard never makes an invalid case; fail loudly. The service
    # screens the facts once and stores the screening with them.
    contract = questionnaire.build_facts(saved, timezone.localdate())
    if pending.get("case"):
        case = case_for(request, int(pending["case"]))
        services.case_set_facts(
            case=case,
            facts=contract,
            actor=request.user,
            action=Action.SCREEN,
            detail="rescreen",
        )
    else:
        case, _created = services.case_create(
            organization=membership.organization,
            facts=contract,
            contact={},
            idempotency_key=uuid.UUID(pending["key"]),
            source=Source.STAFF,
            actor=request.user,
        )
    _forget_answers(request)
    return redirect("intake:case", pk=case.pk)


# --- edit facts and re-run ----------------------------------------------------


def _put_errors(
    errors: list[dict[str, str]], formset: Any, person: PersonFactsForm
) -> list[str]:
    """Put the contract's errors on the fields they name; return the rest."""
    left = []
    for error in errors:
        field, message = error["field"], error["message"]
        target: Any = None
        name = field.rsplit(".", 1)[-1]
        if field.startswith("records[") and "]." in field:
            index = int(field[len("records[") : field.index("]")])
            if index < len(formset.forms) and name in formset.forms[index].fields:
                target = formset.forms[index]
        elif field.startswith("victimization.") and name in person.fields:
            target = person
        if target is None:
            left.append(f"{field}: {message}")
        else:
            target.add_error(name, message)
    return left


def _edited(
    stored: dict[str, Any], formset: Any, person: PersonFactsForm
) -> dict[str, Any]:
    """The stored case with the form's facts; every other field kept as is."""
    records = [
        {**record, **form.record_changes()}
        for record, form in zip(stored["records"], formset.forms, strict=True)
    ]
    victimization = {**(stored.get("victimization") or {}), **person.cleaned_data}
    return {**stored, "victimization": victimization, "records": records}


@require_http_methods(["GET", "POST"])
@staff_view()
def case_facts(request: StaffRequest, pk: int) -> HttpResponse:
    """Edit the facts the rules turn on, checked by the contract, re-run.

    Staff and org admins edit any case of their organisation; an attorney
    edits the facts of the cases assigned to them (they check the record
    against the court file before drafting), and no other (``case_for``).
    """
    case = case_for(request, pk)
    stored = case.facts
    victimization = stored.get("victimization") or {}
    problems: list[str] = []
    offered = {"findings": findings_offered(stored["records"])}
    if request.method == "POST":
        formset = RecordFactsFormSet(request.POST, prefix="r", form_kwargs=offered)
        person = PersonFactsForm(request.POST, prefix="p")
        if len(formset.forms) != len(stored["records"]):
            raise Http404  # a stale or altered form: never guess which record
        if formset.is_valid() and person.is_valid():
            edited = _edited(stored, formset, person)
            try:
                read_facts(edited, today=timezone.localdate())
            except InvalidFacts as error:
                problems = _put_errors(error.errors, formset, person)
            else:
                services.case_set_facts(
                    case=case,
                    facts=edited,
                    actor=request.user,
                    action=Action.EDIT,
                    detail="facts",
                )
                return redirect("intake:case", pk=case.pk)
    else:
        formset = RecordFactsFormSet(
            prefix="r",
            initial=[RecordFactsForm.initial_for(r) for r in stored["records"]],
            form_kwargs=offered,
        )
        person = PersonFactsForm(
            prefix="p",
            initial={
                "ongoing": victimization.get("ongoing") or "unsure",
                "sought_services": victimization.get("sought_services") or "unsure",
            },
        )
        services.audit(request.user, Action.VIEW_CASE, case=case, detail="facts")
    rows = list(zip(stored["records"], formset.forms, strict=True))
    return render(
        request,
        "intake/facts.html",
        {
            "case": case,
            "formset": formset,
            "person": person,
            "rows": rows,
            "problems": problems,
        },
    )


@require_http_methods(["GET", "POST"])
@staff_view(*STAFF)
def case_contact(request: StaffRequest, pk: int) -> HttpResponse:
    """Record the client's safe-contact plan (a staff-screened case has none).

    Intake staff and admins only: they are the ones who talk to the client
    first; attorneys read the plan on the case page.
    """
    case = case_for(request, pk)
    if request.method == "POST":
        form = StaffContactPlanForm(request.POST)
        if form.is_valid():
            services.case_set_contact(
                case=case,
                contact=form.contact_plan(),
                actor=request.user,
            )
            return redirect("intake:case", pk=case.pk)
    else:
        form = StaffContactPlanForm(
            initial=StaffContactPlanForm.initial_for(case.contact)
        )
        services.audit(request.user, Action.VIEW_CASE, case=case, detail="contact")
    return render(request, "intake/contact.html", {"case": case, "form": form})
