"""A lost database is a calm, kind 503; health checks tell the two apart.

The real outage (PostgreSQL stopped and started under load) is in `make
soak`; these pin the behaviour each request relies on, on any database.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client

from core import availability

pytestmark = pytest.mark.django_db


def _lose_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every session read or write fails as psycopg2 does when PG is down."""

    def unreachable(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    store = import_module(settings.SESSION_ENGINE).SessionStore
    for name in ("load", "save", "delete", "exists", "create"):
        monkeypatch.setattr(store, name, unreachable)


def _journey_started(client: Client) -> str:
    client.get("/")
    response = client.post("/begin/")
    assert response.status_code == 302
    return response["Location"]


def test_a_lost_database_mid_journey_answers_a_calm_503(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = _journey_started(client)
    _lose_database(monkeypatch)
    client.raise_request_exception = False
    response = client.get(step)
    assert response.status_code == 503
    assert response["Retry-After"] == str(availability.RETRY_AFTER_SECONDS)
    body = response.content.decode()
    assert "This site is taking a short break" in body
    assert "not because of anything you did" in body
    assert "1-888-373-7888" in body  # hotlines even when the site is down
    assert 'href="/exit/"' in body
    assert '<meta http-equiv="refresh"' in body  # a GET retries by itself
    assert "something went wrong" not in body
    assert "no-store" in response["Cache-Control"]


def test_an_answer_sent_during_the_outage_asks_to_send_it_again(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = _journey_started(client)
    _lose_database(monkeypatch)
    client.raise_request_exception = False
    response = client.post(step, {"anything": "yes"})
    assert response.status_code == 503
    body = response.content.decode()
    assert "go back and send your answer again" in body
    assert "http-equiv" not in body  # never re-sends a form by itself


def test_the_outage_page_speaks_the_visitors_language(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = _journey_started(client)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    _lose_database(monkeypatch)
    client.raise_request_exception = False
    response = client.get(step)
    assert response.status_code == 503
    body = response.content.decode()
    assert '<html lang="es">' in body
    assert "This site is taking a short break" not in body
    assert "Este sitio está en una breve pausa" in body


def test_exit_still_works_while_the_database_is_away(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _journey_started(client)
    _lose_database(monkeypatch)
    client.raise_request_exception = False
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://")
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0
    assert response.cookies["k"]["max-age"] == 0


def test_any_other_error_is_still_the_plain_500(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = _journey_started(client)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(
        import_module(settings.SESSION_ENGINE).SessionStore, "load", broken
    )
    client.raise_request_exception = False
    response = client.get(step)
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()
    assert "Retry-After" not in response


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OperationalError("gone"), True),
        (ValueError("bug"), False),
        (None, False),
    ],
)
def test_database_unavailable_recognises_outages_only(
    exc: BaseException | None, expected: bool
) -> None:
    assert availability.database_unavailable(exc) is expected


def test_an_outage_wrapped_in_another_error_is_still_an_outage() -> None:
    outer = RuntimeError("while rendering")
    outer.__cause__ = OperationalError("could not connect to server")
    assert availability.database_unavailable(outer)


class _DeadConnection:
    vendor = "postgresql"

    def cursor(self) -> None:
        raise OperationalError("connection refused")


def test_liveness_answers_without_the_database(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lose_database(monkeypatch)
    monkeypatch.setattr(availability, "connection", _DeadConnection())
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert "Set-Cookie" not in response  # a load balancer gets no session
    assert not response.cookies


def test_readiness_says_whether_the_database_answers(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.get("/healthz/db").status_code == 200
    monkeypatch.setattr(availability, "connection", _DeadConnection())
    response = client.get("/healthz/db")
    assert response.status_code == 503
    assert b"database unavailable" in response.content
    assert "no-store" in response["Cache-Control"]


def test_a_session_save_cut_off_by_the_outage_is_the_calm_503_not_a_400(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Django turns a failed session UPDATE into SessionInterrupted (a 400).

    The outage is made at the cursor, where psycopg2 raises it, so it does
    not matter how the session backend writes its row.
    """
    from django.db.backends.utils import CursorWrapper

    step = _journey_started(client)
    execute = CursorWrapper.execute

    def cut_off(self: CursorWrapper, sql: str, params: Any = None) -> Any:
        if sql.startswith("UPDATE") and "django_session" in sql:
            raise OperationalError(
                "terminating connection due to administrator command"
            )
        return execute(self, sql, params)

    monkeypatch.setattr(CursorWrapper, "execute", cut_off)
    client.raise_request_exception = False
    response = client.get(step)
    assert response.status_code == 503
    assert "This site is taking a short break" in response.content.decode()
