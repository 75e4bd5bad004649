"""The production URLs plus ``/bench/bare/``: the baseline the wizard is held to.

The bare view goes through the same server, middleware and settings as the
wizard; it only skips the session, the form and the template.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def session_only(request: HttpRequest) -> HttpResponse:
    """The bare view plus what every survivor page pays for its session.

    Asked with a survivor's cookies: the session is loaded (the CSRF check
    reads it) and its expiry moved on, nothing else. A diagnostic row, to
    show how much of the wizard's cost is that floor; the targets stay
    against the bare view.
    """
    request.session.get("s")
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/session/", session_only),
    *urlpatterns,
]
