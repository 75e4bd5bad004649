"""The pages Django's error handlers show (config/urls.py: handler400 to 500).

Every app's errors end here, survivors' and staff's alike: the full page
with the language switch and the exit button, never a trace. A lost
database is an outage, not the visitor's doing, so it is the calm 503 of
``core.availability`` wherever it surfaces.
"""

from __future__ import annotations

import logging
import sys

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from core import availability

logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400 with the full page (language switch, exit button), never a trace.

    A session save that fails because the database went away arrives here
    too (Django turns it into SessionInterrupted, a 400): that is an outage,
    not the visitor's doing, so it gets the calm 503 instead.
    """
    if availability.database_unavailable(exception):
        return availability.outage_response(request)
    return render(request, "400.html", status=400)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database is a 503 outage, anything else a plain 500."""
    if availability.database_unavailable(sys.exc_info()[1]):
        return availability.outage_response(request)
    try:
        body = loader.get_template("500.html").render()
    except Exception:  # the error page itself must never fail
        logger.exception("The 500 page could not be rendered.")
        body = "<h1>Server Error (500)</h1>"
    return HttpResponseServerError(body)
