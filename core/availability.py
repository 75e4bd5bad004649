"""Staying calm when the database is away, and saying so to load balancers.

PostgreSQL restarts (an upgrade, a failover, a full disk). While it is
away, every page that reads a session fails; Django would answer with its
500 page, which tells a survivor "something went wrong" as if it were them.
Instead, the error handlers (``core.errors``) recognise a lost database and
answer 503 with ``Retry-After`` and a page that needs no database: no
session, no CSRF token, no context processors. Sessions live in PostgreSQL,
so once it is back every visitor carries on with the answers they had
already given; ``CONN_HEALTH_CHECKS`` drops the dead connection first.

``/healthz`` answers without touching the database (is this process
serving?) and ``/healthz/db`` checks the database too (should this server
take traffic?); docs/deploy.md says which a load balancer should use.
"""

from __future__ import annotations

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

RETRY_AFTER_SECONDS = 15


def database_unavailable(exc: BaseException | None) -> bool:
    """True for errors that mean "cannot reach the database", not a bug."""
    while exc is not None:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        # psycopg2's own errors arrive wrapped or, from some code paths, bare.
        if type(exc).__module__.startswith("psycopg2") and type(exc).__name__ in {
            "OperationalError",
            "InterfaceError",
        }:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def outage_response(request: HttpRequest) -> HttpResponse:
    """The calm 503 page, built from the template alone."""
    body = loader.get_template("503.html").render(
        {
            "LANGUAGE_CODE": get_language() or "en",
            "refresh": request.method in {"GET", "HEAD"},
            "retry_after": RETRY_AFTER_SECONDS,
        }
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@require_GET
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Liveness: this process answers. Touches no session and no database."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
@never_cache
def health_db(request: HttpRequest) -> HttpResponse:
    """Readiness: this process can reach PostgreSQL (or SQLite) right now."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", content_type="text/plain", status=503
        )
    return HttpResponse("ok\n", content_type="text/plain")
