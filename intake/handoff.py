"""The survivor's optional hand-off: send the screening to a legal-aid group.

Reached from the results page. Nothing is stored until the survivor ticks
consent and submits. Exactly one case per hand-off: the idempotency key is
made when the form is first shown, kept in the session and in the form, and
is unique in the database, so a double click, a retry after a timeout or
three open tabs all land on the same case. The short
reference is kept in the session, to show on the confirmation page.

Sending and downloading the petition work in either order: sending keeps
the answers in the session, so the confirmation can offer the download, and
"Delete my answers now" there (or the exit, or idle expiry) wipes them.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views import csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from core import ratelimit, visitor_store
from intake import services
from intake.forms import HandoffForm
from intake.models import Case, Organization
from screener import legal_aid, next_steps, screenings
from screener.rules import InvalidFacts

KEY = "handoff_key"
WINDOW = 10 * 60  # the hand-off limits count over ten minutes
DONE = "handoff_done"


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def organizations_for(case: dict[str, Any]) -> list[Organization]:
    """Organisations serving any county of the screening's records."""
    counties = {r.get("county") for r in case.get("records", [])}
    return [o for o in Organization.objects.all() if any(map(o.serves, counties))]


def _finish(request: HttpRequest, case: Case) -> HttpResponse:
    # Encrypted with the visitor's key like any answer: in plaintext, the
    # session row would tie this browser to a legal-aid case. The answers
    # stay, so the survivor can still download her papers.
    visitor_store.write(
        request,
        DONE,
        {"reference": case.reference, "organization": case.organization.name},
    )
    return redirect("intake:handoff_done")


@require_http_methods(["GET", "POST"])
@never_cache
@sensitive_post_parameters()
def handoff(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        # A retry whose first try already went through (and so already
        # cleared the session) ends on the same confirmation.
        posted = _uuid(request.POST.get("key"))
        done = Case.objects.filter(idempotency_key=posted).first() if posted else None
        if done is not None:
            return _finish(request, done)
    case = visitor_store.load_facts(request)
    if case is None:
        return redirect("screener:start")
    key = _uuid(request.session.get(KEY)) or uuid.uuid4()
    request.session[KEY] = str(key)
    organizations = organizations_for(case)
    initial: dict[str, Any] = {"language": (get_language() or "en")[:2]}
    if len(organizations) == 1:
        initial["organization"] = organizations[0].pk  # the only one: chosen
    form = HandoffForm(
        request.POST if request.method == "POST" else None,
        organizations=organizations,
        initial=initial,
    )
    context = {"form": form, "key": key, "organizations": organizations}
    if request.method == "POST" and _flooding(request):
        # Everything typed is shown again, with a kind "wait" and nothing sent.
        context["wait_minutes"] = -(-ratelimit.seconds_left_in_window(WINDOW) // 60)
        response = render(request, "intake/handoff.html", context, status=429)
        response["Retry-After"] = str(ratelimit.seconds_left_in_window(WINDOW))
        return response
    if request.method == "POST" and organizations and form.is_valid():
        created, _new = services.case_create(
            organization=form.cleaned_data["organization"],
            facts=case,
            # The screening she was shown, stored beside her facts.
            screening=visitor_store.load_screening(request),
            # The language the survivor chose to be called in (the form
            # starts from the one she used).
            contact=form.contact_plan(),
            idempotency_key=key,
        )
        ratelimit.hit("handoff", ratelimit.client_ip(request), window=WINDOW)
        return _finish(request, created)
    return render(request, "intake/handoff.html", context)


def _flooding(request: HttpRequest) -> bool:
    """Too many hand-offs from this address, or posts from this session.

    A person sends one hand-off, maybe after fixing a mistake or two; a
    shelter's shared connection may send a few in an hour. A script sent
    five junk cases in 1.3 s. Cases made from one address are counted
    (``HANDOFF_PER_ADDRESS`` per ten minutes), and so are this session's
    posts (``HANDOFF_POSTS_PER_SESSION``), so neither a new session per
    case nor one session posting over and over can fill a queue.
    """
    made = ratelimit.hits("handoff", ratelimit.client_ip(request), window=WINDOW)
    if made >= settings.HANDOFF_PER_ADDRESS:
        return True
    session = request.session.session_key or ""
    posts = ratelimit.hit("handoff-posts", session, window=WINDOW) if session else 0
    return posts > settings.HANDOFF_POSTS_PER_SESSION


@require_GET
@never_cache
def handoff_done(request: HttpRequest) -> HttpResponse:
    done = visitor_store.read(request, DONE)
    if not isinstance(done, dict):
        return redirect("screener:start")
    return render(request, "intake/handoff_done.html", _done_context(request, done))


def _done_context(request: HttpRequest, done: dict[str, Any]) -> dict[str, Any]:
    """The confirmation: the organisation's phone and hours where the
    directory has them, and the download while the answers are still here."""
    try:
        stored = screenings.survivor_screening(request)
    except InvalidFacts:
        stored = None
    return {
        **done,
        "directory": legal_aid.find(done.get("organization", "")),
        "petition_url": next_steps.petition_url()
        if stored is not None and next_steps.packet_record_ids(*stored)
        else None,
        "answers_kept": visitor_store.load_facts(request) is not None,
    }


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF failure page, except for a hand-off that already went through.

    The CSRF token lives in the session, and sending flushes the session. So
    when the answer to a hand-off is lost (a timeout, a dropped connection)
    and the browser sends the same form again with its old cookies, the
    token no longer matches. The ordinary "this page has expired, nothing
    was shared" would then be false and frightening: the answers were
    shared. A form whose idempotency key names a stored case gets that
    case's confirmation instead. Nothing is written and nothing is shown
    beyond the reference and the organisation's name, which only the
    holder of the key (an unguessable UUID from the form) can ask for.
    """
    if request.method == "POST" and request.path == reverse("intake:handoff"):
        posted = _uuid(request.POST.get("key"))
        try:
            case = (
                Case.objects.select_related("organization")
                .filter(idempotency_key=posted)
                .first()
                if posted
                else None
            )
        except DatabaseError:
            case = None
        if case is not None:
            visitor_store.clear(request)  # nothing of the screening stays here
            done = {"reference": case.reference, "organization": case.organization.name}
            return render(
                request, "intake/handoff_done.html", _done_context(request, done)
            )
    return csrf.csrf_failure(request, reason)
