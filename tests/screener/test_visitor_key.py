"""The visitor's key is made by the server, never taken from the client.

The security probe: the wizard accepted a visitor-key cookie the client
chose. Whoever planted that cookie (a shared phone, a cookie set from a
sibling site) would hold the key to the answers typed after it.
"""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.contrib.sessions.models import Session
from django.test import Client

from core import visitor_store
from tests.screener.conftest import TRAFFICKING_647B, walk

pytestmark = pytest.mark.django_db


def test_a_key_the_client_chose_is_replaced() -> None:
    chosen = Fernet.generate_key().decode("ascii")
    client = Client()
    client.cookies[visitor_store.KEY_COOKIE] = chosen
    walk(client, dict(TRAFFICKING_647B))
    issued = client.cookies[visitor_store.KEY_COOKIE].value
    assert issued
    assert issued != chosen
    (row,) = Session.objects.all()
    token = row.get_decoded()[visitor_store.ANSWERS_KEY]
    with pytest.raises(InvalidToken):
        Fernet(chosen.encode()).decrypt(token.encode())
    Fernet(issued.encode()).decrypt(token.encode())  # the server's key reads it
    assert client.get("/check/").status_code == 200


def test_a_chosen_key_sent_mid_screening_does_not_read_or_replace_the_answers() -> None:
    client = Client()
    walk(client, dict(TRAFFICKING_647B))
    issued = client.cookies[visitor_store.KEY_COOKIE].value
    client.cookies[visitor_store.KEY_COOKIE] = Fernet.generate_key().decode("ascii")
    assert client.get("/check/").status_code == 302  # nothing readable: start again
    assert client.cookies[visitor_store.KEY_COOKIE].value != issued


def test_the_issued_key_keeps_working_page_after_page() -> None:
    client = Client()
    walk(client, dict(TRAFFICKING_647B))
    issued = client.cookies[visitor_store.KEY_COOKIE].value
    assert client.get("/check/").status_code == 200
    assert client.cookies[visitor_store.KEY_COOKIE].value == issued
