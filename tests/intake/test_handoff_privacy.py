"""After a hand-off the session row holds nothing readable about it.

The security probe found the case reference and the organisation's name in
plaintext in the session row after sending, readable from a database dump.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from intake.models import Case, Organization
from tests.intake.conftest import contract_case, put_case_in_session
from tests.intake.test_handoff import form_data, shown_key


@pytest.mark.django_db
def test_the_confirmation_is_not_in_the_session_row_in_plaintext(
    org_a: Organization,
) -> None:
    client = Client()
    put_case_in_session(client, contract_case())
    key = shown_key(client.get("/send/"))
    sent = client.post("/send/", form_data(org_a, key))
    assert sent["Location"] == "/send/done/"
    case = Case.objects.get()
    rows = json.dumps([row.get_decoded() for row in Session.objects.all()])
    assert case.reference not in rows
    assert org_a.name not in rows
    page = client.get("/send/done/").content.decode()
    assert case.reference in page
    assert org_a.name in page
