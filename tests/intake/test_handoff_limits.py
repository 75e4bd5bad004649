"""Hand-off flooding and unusable contact plans.

The security probe sent 5 junk cases in 1.3 s from one address, and a plan
with ``phone=-------`` was accepted: nobody could ever call it back.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from intake.models import Case, Organization
from tests.intake.conftest import contract_case, put_case_in_session
from tests.intake.test_handoff import form_data, shown_key


def _survivor(address: str = "192.0.2.10") -> Client:
    client = Client(REMOTE_ADDR=address)
    put_case_in_session(client, contract_case())
    return client


def _send(client: Client, org: Organization, **changes: Any) -> Any:
    key = shown_key(client.get("/send/"))
    return client.post("/send/", form_data(org, key, **changes))


@pytest.mark.django_db
def test_one_address_sending_many_cases_is_asked_to_wait(
    org_a: Organization, settings: Any
) -> None:
    settings.HANDOFF_PER_ADDRESS = 3
    for _ in range(3):
        assert _send(_survivor(), org_a).status_code == 302
    client = _survivor()
    key = shown_key(client.get("/send/"))
    waiting = client.post("/send/", form_data(org_a, key))
    assert waiting.status_code == 429
    assert "Your answers are still here" in waiting.content.decode()
    assert waiting["Retry-After"]
    assert Case.objects.count() == 3
    # Nothing was lost: the same form goes through from another network.
    assert _send(_survivor("198.51.100.20"), org_a).status_code == 302


@pytest.mark.django_db
def test_one_session_posting_again_and_again_is_asked_to_wait(
    org_a: Organization, settings: Any
) -> None:
    settings.HANDOFF_POSTS_PER_SESSION = 4
    client = _survivor()
    key = shown_key(client.get("/send/"))
    for _ in range(4):  # a form with a mistake, sent again and again
        assert client.post("/send/", form_data(org_a, key, phone="")).status_code == 200
    assert client.post("/send/", form_data(org_a, key)).status_code == 429
    assert not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("phone", ["-------", "(((   )))", "555-0147", "123456789"])
def test_a_phone_number_without_ten_digits_is_refused(
    org_a: Organization, phone: str
) -> None:
    response = _send(_survivor(), org_a, phone=phone)
    assert response.status_code == 200
    assert "at least 10 digits" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phone", ["213-555-0147", "(213) 555 0147", "+52 55 1234 5678"]
)
def test_a_usable_phone_number_is_accepted(org_a: Organization, phone: str) -> None:
    assert _send(_survivor(), org_a, phone=phone).status_code == 302
    assert Case.objects.get().contact["phone"] == phone
