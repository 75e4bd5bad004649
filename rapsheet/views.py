"""Staff import a RAP sheet: upload -> (progress) -> review -> confirm -> results.

Only intake staff and org admins upload, review and confirm (an attorney
reads the results on the case). Every page goes through intake's
``staff_view`` and ``case_for`` (login, 2FA, role, organisation), and every
upload, view and parse writes an audit line without content. The upload is
held in memory only (``_MemoryOnly``): Django would otherwise spill a large
file to a temporary file on disk, unencrypted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from intake import services
from intake.access import StaffRequest, case_for, staff_view
from intake.models import Action, Case, Role
from rapsheet import jobs
from rapsheet.extract import MAX_BYTES, ExtractError, check_limits
from rapsheet.forms import CountForm, CountFormSet, UploadForm
from rapsheet.models import SheetImport, Status
from screener.rules import InvalidFacts, screen
from screener.rules.contract import Facts, Screening
from screener.rules.facts import MAX_RECORDS

STAFF = (Role.INTAKE_STAFF, Role.ORG_ADMIN)
CONTRACT_FIELDS = (
    "id", "system", "disposition", "offense", "level", "county", "probation",
    "sentence", "case_number", "arrest_date", "disposition_date",
    "arresting_agency", "court", "modification",
)  # fmt: skip


class _MemoryOnly(MemoryFileUploadHandler):
    """Keep an upload up to the size limit in memory; never on disk."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        content_length = args[2] if len(args) > 2 else kwargs.get("content_length")
        self.activated = (
            content_length is not None and content_length <= MAX_BYTES + 65536
        )


def _sheet(case: Case, sheet_id: int) -> SheetImport:
    sheet = SheetImport.objects.filter(pk=sheet_id, case=case).first()
    if sheet is None:
        raise Http404
    return sheet


@csrf_exempt
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Swap the upload handlers before anything reads the body, then check CSRF."""
    request.upload_handlers = [_MemoryOnly(request)]
    return _upload(request, pk)


@csrf_protect
@require_http_methods(["GET", "POST"])
@staff_view(*STAFF)
def _upload(request: StaffRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    too_big = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BYTES
    if request.method == "POST" and "sheet" not in request.FILES and too_big:
        # The memory-only handler refused it: nothing was read or stored.
        form = UploadForm()
        problems.append(
            _(
                "This file is larger than %(mb)s MB. Scan it at a lower resolution, or split it."
            )
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data["sheet"].read()
        try:
            pages = check_limits(data)
        except ExtractError as error:
            form.add_error("sheet", str(error))
        else:
            return _accept(request, case, data, pages)
    return render(
        request,
        "rapsheet/upload.html",
        {"case": case, "form": form, "problems": problems},
    )


def _accept(request: StaffRequest, case: Case, data: bytes, pages: int) -> HttpResponse:
    sheet = SheetImport(case=case, created_by=request.user, pages_total=pages)
    sheet.set_pdf(data)
    text = jobs.has_text_layer(data, pages)
    sheet.status = Status.READING if text else Status.QUEUED
    sheet.save()
    services.audit(request.user, Action.EDIT, case=case, detail="rapsheet upload")
    if text:
        jobs.process(sheet)  # under a second for a text PDF
        return redirect("rapsheet:review", pk=case.pk, sheet_id=sheet.pk)
    return redirect("rapsheet:progress", pk=case.pk, sheet_id=sheet.pk)


@require_http_methods(["GET"])
@staff_view(*STAFF)
def progress(request: StaffRequest, pk: int, sheet_id: int) -> HttpResponse:
    """Reloads itself every few seconds (no JavaScript) until the sheet is read."""
    case = case_for(request, pk)
    sheet = _sheet(case, sheet_id)
    if sheet.status == Status.REVIEW:
        return redirect("rapsheet:review", pk=case.pk, sheet_id=sheet.pk)
    if sheet.status == Status.CONFIRMED:
        return redirect("rapsheet:results", pk=case.pk, sheet_id=sheet.pk)
    return render(request, "rapsheet/progress.html", {"case": case, "sheet": sheet})


def _initial(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "keep": True,
        "offense": record.get("offense") or "",
        "disposition": record.get("disposition") or "arrest",
        "level": record.get("level") or "unknown",
        "system": record.get("system") or "california",
        "county": record.get("county") or "",
        "probation": record.get("probation") or "unknown",
        "case_number": record.get("case_number") or "",
        "arrest_date": record.get("arrest_date"),
        "disposition_date": record.get("disposition_date"),
    }


def _confirmed(sheet: SheetImport, formset: Any) -> list[dict[str, Any]]:
    """The kept rows as contract records; parsed fields staff did not see kept."""
    parsed = sheet.result.get("records", [])
    records: list[dict[str, Any]] = []
    for index, form in enumerate(formset.forms):
        data = form.cleaned_data
        if not data or not data.get("keep"):
            continue
        base = dict(parsed[index]) if index < len(parsed) else {}
        record = {
            **{k: base.get(k) for k in CONTRACT_FIELDS if k in base},
            "offense": data["offense"].strip(),
            "disposition": data["disposition"],
            "level": data["level"],
            "system": data["system"],
            "county": data["county"] or None,
            "probation": data["probation"],
            "case_number": data["case_number"] or None,
            "arrest_date": data["arrest_date"].isoformat()
            if data["arrest_date"]
            else None,
            "disposition_date": (
                data["disposition_date"].isoformat()
                if data["disposition_date"]
                else None
            ),
        }
        if record["system"] != "california":
            record["county"] = None
        record["id"] = f"rap{sheet.pk}-{len(records) + 1}"
        records.append(record)
    return records


@require_http_methods(["GET", "POST"])
@staff_view(*STAFF)
def review(request: StaffRequest, pk: int, sheet_id: int) -> HttpResponse:
    """Every count beside its source lines; nothing is screened until confirmed."""
    case = case_for(request, pk)
    sheet = _sheet(case, sheet_id)
    if sheet.status != Status.REVIEW:
        return redirect("rapsheet:progress", pk=case.pk, sheet_id=sheet.pk)
    records = sheet.result.get("records", [])
    problems: list[str] = []
    if request.method == "POST":
        formset = CountFormSet(request.POST, prefix="c")
        if len(formset.forms) < len(records):
            raise Http404  # an altered form: never guess which count is which
        if formset.is_valid():
            confirmed = _confirmed(sheet, formset)
            room = MAX_RECORDS - _others(case, sheet)
            if not confirmed:
                problems.append(
                    _("Keep at least one count, or add one, before confirming.")
                )
            elif len(confirmed) > room:
                problems.append(
                    _(
                        "A case holds at most %(max)s records and this one has room for "
                        "%(room)s more; you kept %(kept)s. Untick counts that need no "
                        "relief (for example ones already relieved), then confirm."
                    )
                    % {"max": MAX_RECORDS, "room": room, "kept": len(confirmed)}
                )
            else:
                try:
                    return _attach(request, case, sheet, confirmed)
                except InvalidFacts as error:
                    problems += [f"{e['field']}: {e['message']}" for e in error.errors]
    else:
        formset = CountFormSet(prefix="c", initial=[_initial(r) for r in records])
        services.audit(
            request.user, Action.VIEW_CASE, case=case, detail="rapsheet review"
        )
    rows = [
        (form, records[i] if i < len(records) else None)
        for i, form in enumerate(formset.forms)
    ]
    return render(
        request,
        "rapsheet/review.html",
        {
            "case": case,
            "sheet": sheet,
            "formset": formset,
            "rows": rows,
            "person": sheet.result.get("person", {}),
            "warnings": sheet.result.get("warnings", []),
            "problems": problems,
        },
    )


def _others(case: Case, sheet: SheetImport) -> int:
    """Records on the case that did not come from this sheet."""
    prefix = f"rap{sheet.pk}-"
    return sum(
        1
        for r in (case.facts or {}).get("records", [])
        if not str(r.get("id", "")).startswith(prefix)
    )


def _attach(
    request: StaffRequest,
    case: Case,
    sheet: SheetImport,
    confirmed: list[dict[str, Any]],
) -> HttpResponse:
    """Screen every confirmed count with the rules and add them to the case."""
    facts = dict(case.facts or {})
    prefix = f"rap{sheet.pk}-"
    kept = [
        r
        for r in facts.get("records", [])
        if not str(r.get("id", "")).startswith(prefix)
    ]
    facts["records"] = kept + confirmed
    facts["as_of"] = timezone.localdate().isoformat()
    # Screens the new facts once and stores both; raises InvalidFacts before
    # anything is stored (shown on the review page).
    services.case_set_facts(
        case=case,
        facts=facts,
        actor=request.user,
        action=Action.SCREEN,
        detail="rapsheet",
    )
    sheet.result = {**sheet.result, "confirmed": confirmed}
    sheet.status = Status.CONFIRMED
    sheet.save(update_fields=["result", "status", "updated_at"])
    return redirect("rapsheet:results", pk=case.pk, sheet_id=sheet.pk)


def result_lines(
    confirmed: list[dict[str, Any]], screened: Screening
) -> list[dict[str, Any]]:
    """One line per confirmed count: its best relief, or why there is a note."""
    by_id = {r["id"]: r for r in screened["records"]}
    lines = []
    for record in confirmed:
        out: Mapping[str, Any] = by_id.get(record["id"], {})
        remedies = [r for r in out.get("remedies", []) if r.get("in_force", True)]
        # The engine's own best path (relief strength with status; the rules
        # issue): never re-ranked here by status alone.
        best = out.get("best")
        best_remedy = next((r for r in remedies if r["remedy"] == best), None)
        note = None
        modification = record.get("modification") or {}
        if modification.get("what") in ("dismissed", "vacated", "sealed"):
            note = _(
                "Already relieved: %(section)s on %(date)s. Shown so nothing is missed; a lawyer should check whether vacatur would still help."
            ) % {
                "section": modification.get("section") or _("a later order"),
                "date": modification.get("date") or _("a date not shown"),
            }
        elif record.get("system") == "other_state":
            note = _(
                "A record from another state: California law cannot clear it; that state's law applies."
            )
        elif record.get("system") == "federal":
            note = _("A federal record: federal law applies.")
        lines.append(
            {
                "record": record,
                "title": (out.get("offense") or {}).get("title"),
                "best": best_remedy,
                "note": note,
            }
        )
    return lines


@require_http_methods(["GET"])
@staff_view()
def results(request: StaffRequest, pk: int, sheet_id: int) -> HttpResponse:
    case = case_for(request, pk)
    sheet = _sheet(case, sheet_id)
    if sheet.status != Status.CONFIRMED:
        return redirect("rapsheet:progress", pk=case.pk, sheet_id=sheet.pk)
    confirmed = sheet.result.get("confirmed", [])
    contract: Facts = {
        "as_of": date.today().isoformat(),  # noqa: DTZ011 - a calendar date
        "victimization": (case.facts or {}).get("victimization") or {},
        "records": confirmed,
    }
    screened = screen(contract)
    services.audit(request.user, Action.VIEW_CASE, case=case, detail="rapsheet results")
    unplaced = [
        w for w in sheet.result.get("warnings", []) if "not under an event header" in w
    ]
    return render(
        request,
        "rapsheet/results.html",
        {
            "case": case,
            "sheet": sheet,
            "lines": result_lines(confirmed, screened),
            "unplaced": unplaced,
        },
    )


# The review table's blank row: the form class, for the template's labels.
__all__ = ["CountForm", "progress", "results", "review", "upload"]
