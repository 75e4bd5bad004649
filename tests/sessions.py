"""Put a finished screening in a test client's session, as the results page would.

Shared by the petitions and intake tests: both start where a survivor's
screening ends. It goes through the session store's public interface and the
visitor-key middleware, so the answers are encrypted exactly as in use.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from core.visitor_store import KEY_COOKIE, VisitorKeyMiddleware, store_facts


def put_case_in_session(client: Client, case: dict[str, Any]) -> None:
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    request.COOKIES = {}

    def store(req: HttpRequest) -> HttpResponse:
        store_facts(req, case)
        return HttpResponse()

    response = VisitorKeyMiddleware(store)(request)
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    client.cookies[KEY_COOKIE] = response.cookies[KEY_COOKIE].value
