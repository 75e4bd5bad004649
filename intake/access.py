"""Who may see what: the one place the role rules live.

* Intake staff and org admins see their own organisation's whole queue.
* Attorneys see only the cases assigned to them.
* Nobody sees another organisation's cases; a case outside what a person
  may see is a 404 (its existence is not confirmed) and an audit line.
* Every staff page needs a password and a TOTP code in this session, and a
  staff session ends after ``INTAKE_SESSION_MAX_HOURS`` however active.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from intake.crypto import DecryptionError
from intake.models import Action, Case, Membership, Role
from intake.services import audit

SESSION_STARTED = "intake_started"
View = Callable[..., HttpResponse]


class StaffRequest(HttpRequest):
    """A request ``staff_view`` let through: a verified staff user is logged in.

    Views under ``staff_view`` take this, so ``request.user`` is a ``User``
    with a membership, not ``User | AnonymousUser``.
    """

    user: User


def membership_of(request: StaffRequest) -> Membership:
    return request.user.membership


def staff_view(*roles: str) -> Callable[[View], View]:
    """Require a verified (2FA) staff login, and one of ``roles`` if given."""

    def decorator(view: View) -> View:
        @wraps(view)
        @never_cache
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            # is_verified() is set on the user by django_otp's OTPMiddleware.
            if not user.is_authenticated or not user.is_verified():  # type: ignore[attr-defined]
                return redirect_to_login(request.get_full_path())
            started = request.session.setdefault(SESSION_STARTED, time.time())
            if time.time() - started > settings.INTAKE_SESSION_MAX_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path())
            membership = Membership.objects.filter(user=user).first()
            if membership is None or (roles and membership.role not in roles):
                match = request.resolver_match
                audit(
                    user, Action.DENIED, detail=(match.url_name or "") if match else ""
                )
                raise PermissionDenied
            try:
                return view(request, *args, **kwargs)
            except DecryptionError:
                # One case no key opens: say so on its page, never a 500.
                return render(request, "intake/unreadable.html", status=503)

        return wrapper

    return decorator


def visible_cases(membership: Membership) -> QuerySet[Case]:
    cases = Case.objects.filter(organization=membership.organization)
    if membership.role == Role.ATTORNEY:
        cases = cases.filter(assigned_to=membership.user)
    return cases.select_related("organization", "assigned_to")


def case_for(request: StaffRequest, pk: int) -> Case:
    """The case if this person may see it; else 404, logged."""
    membership = membership_of(request)
    case = visible_cases(membership).filter(pk=pk).first()
    if case is None:
        _log_refusal(request, membership, pk)
        raise Http404
    return case


def _log_refusal(request: StaffRequest, membership: Membership, pk: int) -> None:
    """Log a refused case where both organisations see it.

    The case's organisation gets a line with the case id (they must see
    who probes their cases); when that is another organisation, the
    prober's own gets a line too, with only the number they asked for.
    """
    target = Case.objects.select_related("organization").filter(pk=pk).first()
    user = request.user
    if target is not None:
        audit(user, Action.DENIED, case=target, detail=f"case {pk}")
    if target is None or target.organization_id != membership.organization_id:
        audit(user, Action.DENIED, detail=f"case {pk}")
