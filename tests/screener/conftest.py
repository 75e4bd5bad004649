"""Helpers that walk the wizard the way a browser does: POST, follow redirect."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpRequest
from django.test import Client

from core import visitor_store

Answer = Callable[..., Any]


def post_step(client: Client, step: str, **fields: Any) -> Any:
    """Answer one question page as the form would post it."""
    data: dict[str, Any] = {"s-current_step": step}
    for name, value in fields.items():
        data[f"{step}-{name}"] = value
    return client.post(f"/q/{step}/", data)


def current_step(response: Any) -> str:
    match = re.search(r"/q/(q\d+)/$", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def walk(
    client: Client, answers: dict[str, dict[str, Any]], *, start: Any = None
) -> list[str]:
    """Start a screening and answer whatever the wizard asks, until the check page.

    ``answers`` maps step names to field values; a step the wizard asks but
    the test did not expect fails the test, so skipped steps are asserted.
    """
    response = start if start is not None else client.post("/begin/")
    asked = []
    while "/q/" in response["Location"]:
        step = current_step(response)
        assert step in answers, f"unexpected question {step}"
        asked.append(step)
        response = post_step(client, step, **answers[step])
        assert response.status_code == 302, response.content.decode()[:2000]
        if response["Location"].endswith("/q/end/"):
            response = client.get("/q/end/")
    assert response["Location"].endswith("/check/"), response["Location"]
    return asked


def stored(client: Client, name: str) -> Any:
    """Decrypt a value of the test client's session, as the server would."""
    request = HttpRequest()
    request.session = client.session
    request.COOKIES = {k: v.value for k, v in client.cookies.items()}
    return visitor_store.read(request, name)


@pytest.fixture(autouse=True)
def _plain_http(settings: Any) -> None:
    """The test client speaks plain HTTP; production redirects it to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def client() -> Client:
    return Client()


TRAFFICKING_647B = {
    "q1": {"answer": "california"},
    "q2": {"answer": "conviction"},
    "q3": {"query": "647b"},
    "q4": {"answer": "PC 647(b)"},
    "q7": {"answer": "Los Angeles"},
    "q8": {"answer": ["human_trafficking"]},
    "q9": {"answer": "yes"},
    "q10": {"answer": "yes"},
    "q11": {"answer": "no"},
    "q12": {"answer": "yes"},
    "q13": {},  # skipped: citizenship unknown
}


@pytest.fixture
def trafficking_647b() -> dict[str, dict[str, Any]]:
    return {step: dict(values) for step, values in TRAFFICKING_647B.items()}
