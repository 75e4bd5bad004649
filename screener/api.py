"""``POST /api/v1/screen``: the rules engine over HTTP for legal-aid partners.

JSON in, JSON out; no cookie set, nothing stored, nothing logged, and a
per-address rate limit so the endpoint cannot be used to flood the server.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import client_ip, over_limit
from screener.rules import InvalidFacts, screen

MAX_BODY = 1024 * 1024
TOO_LONG_NUMBER = "The body holds a number too long to read (over 4,300 digits)."


def _error(status: int, message: str, field: str = "") -> JsonResponse:
    return JsonResponse(
        {"errors": [{"field": field, "message": message}]}, status=status
    )


def _rate_limited(request: HttpRequest) -> bool:
    """A fixed one-minute window per client address, in the shared cache."""
    address = client_ip(request)
    return over_limit("screen-api", address, settings.SCREEN_API_RATE_PER_MINUTE)


def _no_cookies(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # a JSON API without cookies or sessions; nothing to forge
@require_POST
def screen_api(request: HttpRequest) -> JsonResponse:
    if _rate_limited(request):
        return _no_cookies(_error(429, "Too many requests. Please wait a minute."))
    if request.content_type != "application/json":
        return _no_cookies(
            _error(415, "Send the case as Content-Type: application/json.")
        )
    if len(request.body) > MAX_BODY:
        return _no_cookies(_error(413, "The case is too large."))
    try:
        facts: Any = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _no_cookies(_error(400, "The body is not valid JSON."))
    except ValueError:  # a number past Python's 4,300-digit limit
        return _no_cookies(_error(400, TOO_LONG_NUMBER))
    try:
        result = screen(facts, today=timezone.localdate())
    except InvalidFacts as invalid:
        return _no_cookies(JsonResponse({"errors": invalid.errors}, status=400))
    return _no_cookies(JsonResponse(result, json_dumps_params={"ensure_ascii": False}))
