"""Survivor pages outside the wizard: start, safety, check, results, exit.

Every page here either shows answers or leads to them, so all of them are
``never_cache`` (the middleware adds ``no-store`` to HTML as well), and none
takes an answer from the URL.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import visitor_store
from screener import forms as f
from screener import next_steps, results, screenings, wizard
from screener import questionnaire as q
from screener.rules import InvalidFacts
from screener.signals import screening_finished

logger = logging.getLogger(__name__)
NEUTRAL_SITE = "https://www.google.com/search?q=weather"
WIZARD_KEY = visitor_store.WIZARD_KEY
# Far below the rules' own limit; a screening with more cases needs a lawyer.
MAX_CASES = 20


def exit_destination() -> str:
    return str(getattr(settings, "EXIT_URL", NEUTRAL_SITE))


@require_GET
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "screener/start.html")


@require_GET
@never_cache
def safety(request: HttpRequest) -> HttpResponse:
    return render(request, "screener/safety.html")


@require_POST
@never_cache
def begin(request: HttpRequest) -> HttpResponse:
    """Start a new screening, forgetting any earlier one in this browser."""
    return wizard.start(request)


def _records_view(saved: q.Saved) -> list[dict[str, Any]]:
    person_steps = saved.get("person_steps") or {}
    return [
        {"index": index, "number": index + 1,
         "rows": q.rows(q.clean({**entry["steps"], **person_steps}), q.CASE_STEPS,
                        ask_person=False)}
        for index, entry in enumerate(saved["records"])
    ]  # fmt: skip


def _person_rows(saved: q.Saved) -> list[dict[str, Any]]:
    person_steps = saved.get("person_steps") or {}
    if not person_steps:
        return []
    return q.rows(q.clean(person_steps), f.PERSON_STEPS, ask_person=True)


@require_http_methods(["GET", "POST"])
@never_cache
@sensitive_post_parameters()
def check(request: HttpRequest) -> HttpResponse:
    """Check your answers: Change links, add or remove a case, see results."""
    saved = wizard.load_answers(request)
    if request.method == "POST":
        return _check_action(request, saved)
    if not saved["records"]:
        return _start_or_expired(request)
    return render(
        request,
        "screener/check.html",
        {
            "cases": _records_view(saved),
            "person_rows": _person_rows(saved),
            "can_add": len(saved["records"]) < MAX_CASES,
        },
    )


def _check_action(request: HttpRequest, saved: q.Saved) -> HttpResponse:
    action = request.POST.get("action")
    if action == "add" and len(saved["records"]) < MAX_CASES:
        return wizard.open_wizard(
            request, dict(saved.get("person_steps") or {}), {"ask_person": False, "adding": True},
            f.SYSTEM,
        )  # fmt: skip
    if action == "remove":
        index = _index(request.POST.get("index"), saved)
        del saved["records"][index]
        wizard.save_answers(request, saved)
        visitor_store.write(request, WIZARD_KEY, None)
        return redirect("screener:check" if saved["records"] else "screener:start")
    if action == "results" and saved["records"]:
        case = q.build_facts(saved, timezone.localdate())
        # The facts changed: the one run of the rules for them, stored beside them.
        try:
            output = screenings.remember(request, case)
        except InvalidFacts:
            visitor_store.store_facts(request, case)
            return redirect("screener:results")
        _count_once(request, case, output)
        return redirect("screener:results")
    return redirect("screener:check")


COUNTED_KEY = "counted"


def _count_once(
    request: HttpRequest, case: dict[str, Any], output: dict[str, Any]
) -> None:
    """Anonymous counts see each screening once, however often results are shown."""
    if request.session.get(COUNTED_KEY):
        return
    request.session[COUNTED_KEY] = True
    screening_finished.send(
        sender=None,
        output=output,
        counties=[record.get("county") for record in case["records"]],
        today=timezone.localdate(),
    )


def _index(value: Any, saved: q.Saved) -> int:
    try:
        index = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 <= index < len(saved["records"]):
        raise Http404
    return index


@require_GET
@never_cache
def change(request: HttpRequest, index: int, step: str) -> HttpResponse:
    """Reopen one answer of one case; Continue comes back to the check page."""
    saved = wizard.load_answers(request)
    index = _index(index, saved)
    if step not in q.FORMS:
        raise Http404
    person_steps = saved.get("person_steps") or {}
    step_data = {**saved["records"][index]["steps"], **person_steps}
    extra = {
        "ask_person": step in f.PERSON_STEPS,
        "editing": index,
        "return_to_check": True,
    }
    return wizard.open_wizard(request, step_data, extra, step)


@require_GET
@never_cache
def results_page(request: HttpRequest) -> HttpResponse:
    """The answer at a glance: one line and one next step per case."""
    try:
        stored = screenings.survivor_screening(request)
        if stored is None:
            return _start_or_expired(request)
        facts, screening = stored
        answers = wizard.load_answers(request)
        context = results.build(facts, answers, screening=screening, translate=gettext)
    except InvalidFacts:
        # Our own answers never make an invalid case; if they ever do, say
        # so kindly (the error list names fields, never values).
        logger.error("results: the stored case is invalid")
        return render(request, "400.html", status=400)
    packet_ids = next_steps.packet_record_ids(facts, screening)
    petition_url = next_steps.petition_url() if packet_ids else None
    handoff_url = next_steps.handoff_url(facts)
    for record in context["records"]:
        record["next"] = _next_step(record, packet_ids, petition_url, handoff_url)
    context.update(
        petition_url=petition_url,
        handoff_url=handoff_url,
        petition_in_cases=any(
            r["next"]["kind"] == "petition" for r in context["records"]
        ),
    )
    return render(request, "screener/results.html", context)


def _start_or_expired(request: HttpRequest) -> HttpResponse:
    """No answers here: a session that expired says so; otherwise the start.

    The browser sent a session cookie whose session is gone (idle expiry on
    the server, say while the phone slept and its timer never ran): tell
    her plainly that the answers were deleted, rather than a silent start.
    """
    if (
        request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and request.session.session_key is None
    ):
        return HttpResponseRedirect(reverse("screener:deleted") + "?after=idle")
    return redirect("screener:start")


def _next_step(
    record: dict[str, Any], packet_ids: set[str], petition_url: str | None,
    handoff_url: str | None,
) -> dict[str, Any]:  # fmt: skip
    """The one next step for a case; every one leads somewhere that works."""
    best = record["best"]
    group = best["group"] if best else None
    if petition_url and group == "vacatur" and record["id"] in packet_ids:
        return {"kind": "petition", "url": petition_url}
    if group in ("defense", "other_state"):
        return {"kind": "text", "text": best["next_step"]}
    if handoff_url:
        return {"kind": "handoff", "url": handoff_url}
    return {"kind": "help", "url": "#help"}


@require_POST
@never_cache
def delete_now(request: HttpRequest) -> HttpResponse:
    """ "Delete my answers now": the exit's wipe, then a plain page that says so."""
    visitor_store.forget(request)
    response = redirect("screener:deleted")
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    visitor_store.delete_cookies(response)
    return response


@require_GET
@never_cache
def deleted(request: HttpRequest) -> HttpResponse:
    """Nothing is left to show: say so, and offer to start again."""
    timed_out = request.GET.get("after") == "idle"
    return render(request, "screener/deleted.html", {"timed_out": timed_out})


@require_http_methods(["GET", "POST"])
@never_cache
def leave(request: HttpRequest) -> HttpResponse:
    """Exit this page: forget everything, ask the browser to do the same.

    A plain link works without JavaScript; the script uses location.replace
    so Back does not return to the page the person left. ExitMiddleware
    calls this before sessions, CSRF or the database are touched, so the
    exit works even while the database is away (core/availability.py).
    """
    visitor_store.forget(request)
    response = HttpResponseRedirect(exit_destination())
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    visitor_store.delete_cookies(response)
    return response


@require_GET
@never_cache
def timed_out(request: HttpRequest) -> HttpResponse:
    """Idle time is up (the page's timer came here): delete, then say so.

    Sessions also expire on the server after the same idle time; this makes
    the deletion happen at once while the page is still open, and tells the
    person plainly that her answers are gone and how to start again.
    """
    visitor_store.clear(request)
    response = HttpResponseRedirect(reverse("screener:deleted") + "?after=idle")
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@require_POST
@never_cache
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Reset the idle timer (the "Stay on this page" button)."""
    request.session.modified = True
    return HttpResponse(status=204)
