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


urlpatterns = [path("bench/bare/", bare), *urlpatterns]
