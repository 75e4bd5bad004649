"""Exit this page, answered before anything else can stand in its way.

The exit and "Delete my answers now" are the survivor's (screener.views);
this middleware only runs them early, so it lives beside them rather than
in core's shared plumbing (core imports none of our apps).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ExitMiddleware:
    """Answer "Exit this page" before sessions, CSRF or the database.

    Placed before SessionMiddleware: a survivor must be able to leave at
    once even when the database is away and every other page is the calm
    503 (core/availability.py).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.urls import reverse

        from screener.views import delete_now, leave

        if request.path == reverse("screener:exit"):
            return leave(request)
        if request.path == reverse("screener:delete"):
            return delete_now(request)
        return self.get_response(request)
