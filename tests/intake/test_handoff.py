"""The survivor's hand-off: consented, exactly once, then forgotten here."""

from __future__ import annotations

import re
import threading
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from intake import services
from intake.models import Action, AuditEntry, Case, Organization, Tally
from tests.intake.conftest import NAME, contact_plan, contract_case, put_case_in_session
from tests.screener.conftest import TRAFFICKING_647B, walk


def form_data(chosen: Organization, key: str, **changes: Any) -> dict[str, Any]:
    data = {
        "key": key,
        "organization": str(chosen.pk),
        "name": NAME,
        "method": "text",
        "phone": "213-555-0147",
        "safe_times": "weekdays 10 to 2",
        "leave_message": "no",
        "say_who": "no",
        "code_word": "blue heron",
        "consent": "on",
    }
    return {**data, **changes}


def shown_key(response: Any) -> str:
    match = re.search(rb'name="key" value="([0-9a-f-]{36})"', response.content)
    assert match, "the form carries its idempotency key"
    return match.group(1).decode()


@pytest.fixture
def survivor(org_a: Organization, org_b: Organization) -> Client:
    client = Client()
    put_case_in_session(client, contract_case())
    return client


@pytest.mark.django_db
def test_the_results_page_links_to_the_hand_off(org_a: Organization) -> None:
    client = Client()
    walk(client, TRAFFICKING_647B)
    client.post("/check/", {"action": "results"})
    page = client.get("/results/")
    assert page.status_code == 200
    assert b'href="/send/"' in page.content


@pytest.mark.django_db
def test_only_organisations_serving_the_county_are_offered(
    survivor: Client, org_a: Organization, org_b: Organization
) -> None:
    page = survivor.get("/send/")
    assert page.status_code == 200
    assert org_a.name.encode() in page.content
    assert org_b.name.encode() not in page.content
    assert page["Cache-Control"].count("no-store") == 1


@pytest.mark.django_db
def test_with_no_organisation_in_the_county_nothing_can_be_sent() -> None:
    client = Client()
    put_case_in_session(client, contract_case(county="Modoc"))
    page = client.get("/send/")
    assert b'name="consent"' not in page.content
    response = client.post("/send/", {"key": str(uuid.uuid4()), "consent": "on"})
    assert response.status_code == 200
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_without_a_screening_the_hand_off_goes_to_the_start() -> None:
    response = Client().get("/send/")
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_sending_creates_one_case_shows_a_reference_and_keeps_the_answers(
    survivor: Client, org_a: Organization
) -> None:
    key = shown_key(survivor.get("/send/"))
    response = survivor.post("/send/", form_data(org_a, key))
    assert response.status_code == 302
    assert response["Location"] == "/send/done/"
    case = Case.objects.get()
    assert str(case.idempotency_key) == key
    assert case.organization == org_a
    assert case.county == "Los Angeles"
    assert case.contact["name"] == NAME
    assert case.contact["leave_message"] is False
    assert case.facts["records"][0]["offense"] == "PC 647(b)"
    done = survivor.get("/send/done/")
    assert case.reference.encode() in done.content
    assert org_a.name.encode() in done.content
    # Download and hand-off in any order: the answers stay until she deletes
    # them, and the confirmation offers the download and the delete button.
    assert survivor.get("/results/").status_code == 200
    assert b"Start a draft petition" in done.content
    assert b'action="/delete/"' in done.content
    deleted = survivor.post("/delete/")
    assert deleted["Location"] == "/deleted/"
    assert survivor.get("/results/")["Location"] == "/"
    assert (
        AuditEntry.objects.filter(action=Action.HANDOFF, case_id=case.pk).count() == 1
    )


@pytest.mark.django_db
def test_a_double_click_creates_exactly_one_case(
    survivor: Client, org_a: Organization
) -> None:
    key = shown_key(survivor.get("/send/"))
    first = survivor.post("/send/", form_data(org_a, key))
    second = survivor.post("/send/", form_data(org_a, key))
    assert first["Location"] == second["Location"] == "/send/done/"
    assert Case.objects.count() == 1
    reference = Case.objects.get().reference
    assert reference.encode() in survivor.get("/send/done/").content
    assert Tally.objects.get(scope=f"org:{org_a.pk}", dimension="total").count == 1


@pytest.mark.django_db
def test_three_tabs_share_one_key_and_make_one_case(
    survivor: Client, org_a: Organization
) -> None:
    keys = {shown_key(survivor.get("/send/")) for _ in range(3)}
    assert len(keys) == 1
    key = keys.pop()
    for _ in range(3):
        response = survivor.post("/send/", form_data(org_a, key))
        assert response["Location"] == "/send/done/"
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_retry_from_another_browser_copy_lands_on_the_same_case(
    org_a: Organization,
) -> None:
    """The retry may carry the old session cookie, already flushed."""
    client = Client()
    put_case_in_session(client, contract_case())
    key = shown_key(client.get("/send/"))
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    client.post("/send/", form_data(org_a, key))
    retry = Client()
    for name, value in cookies.items():
        retry.cookies[name] = value
    response = retry.post("/send/", form_data(org_a, key))
    assert response["Location"] == "/send/done/"
    assert Case.objects.count() == 1


def csrf_token(page: Any) -> str:
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)
    assert match, "the form carries a CSRF token"
    return match.group(1).decode()


@pytest.mark.django_db
def test_a_resend_after_a_lost_answer_shows_the_confirmation_not_expired(
    org_a: Organization,
) -> None:
    """With real CSRF checks: the session that held the token is gone.

    She sent her answers, then deleted them (or they expired); the browser
    then resends the same form with its old cookies (the first answer was
    lost). It must land on the confirmation of the stored case, not on
    "this page has expired, nothing was shared", which would be false.
    """
    client = Client(enforce_csrf_checks=True)
    put_case_in_session(client, contract_case())
    page = client.get("/send/")
    key, token = shown_key(page), csrf_token(page)
    old_cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    first = client.post(
        "/send/", {**form_data(org_a, key), "csrfmiddlewaretoken": token}
    )
    assert first["Location"] == "/send/done/"
    # While the session lives, a resend lands on the same confirmation.
    again = client.post(
        "/send/", {**form_data(org_a, key), "csrfmiddlewaretoken": token}
    )
    assert again["Location"] == "/send/done/"
    assert client.post("/delete/")["Location"] == "/deleted/"
    retry = Client(enforce_csrf_checks=True)
    for name, value in old_cookies.items():
        retry.cookies[name] = value
    response = retry.post(
        "/send/", {**form_data(org_a, key), "csrfmiddlewaretoken": token}
    )
    case = Case.objects.get()
    assert response.status_code == 200
    assert case.reference.encode() in response.content
    assert org_a.name.encode() in response.content
    assert b"not been shared" not in response.content
    assert response.cookies["k"].value == ""  # the visitor key is dropped
    assert retry.get("/results/")["Location"] == "/"  # and no answers are left
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_form_with_an_unknown_key_still_gets_the_expired_page(
    org_a: Organization,
) -> None:
    client = Client(enforce_csrf_checks=True)
    put_case_in_session(client, contract_case())
    response = client.post(
        "/send/",
        {**form_data(org_a, str(uuid.uuid4())), "csrfmiddlewaretoken": "x" * 64},
    )
    assert response.status_code == 403
    assert b"not been shared" in response.content
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_with_one_key_create_one_case(
    org_a: Organization,
) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's test database is per connection; PostgreSQL runs this")
    key = uuid.uuid4()
    barrier = threading.Barrier(4)
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait()
            case, created = services.case_create(
                organization=org_a,
                facts=contract_case(),
                contact=contact_plan(),
                idempotency_key=key,
            )
            results.append((case.pk, created))
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Case.objects.count() == 1
    assert {pk for pk, _ in results} == {Case.objects.get().pk}
    assert sum(created for _, created in results) == 1
    assert Tally.objects.get(scope=f"org:{org_a.pk}", dimension="total").count == 1


@pytest.mark.django_db
def test_without_consent_nothing_is_stored(
    survivor: Client, org_a: Organization
) -> None:
    key = shown_key(survivor.get("/send/"))
    data = form_data(org_a, key)
    del data["consent"]
    response = survivor.post("/send/", data)
    assert response.status_code == 200
    assert b"Tick the box to agree" in response.content
    assert Case.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"method": "phone", "phone": ""}, b"Enter a phone number."),
        ({"method": "email", "email": ""}, b"Enter an email address."),
        ({"other_person": "on", "other_name": ""}, b"Enter the name of the person."),
        ({"phone": "call me maybe"}, b"Enter a phone number using digits"),
        ({"organization": "999999"}, b"Select a valid choice"),
    ],
)
def test_an_incomplete_contact_plan_is_explained(
    survivor: Client, org_a: Organization, changes: dict[str, str], message: bytes
) -> None:
    key = shown_key(survivor.get("/send/"))
    response = survivor.post("/send/", form_data(org_a, key, **changes))
    assert response.status_code == 200
    assert message in response.content
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_an_organisation_outside_the_county_cannot_be_forced(
    survivor: Client, org_b: Organization
) -> None:
    key = shown_key(survivor.get("/send/"))
    response = survivor.post("/send/", form_data(org_b, key))
    assert response.status_code == 200
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_the_hand_off_reads_in_spanish(survivor: Client, org_a: Organization) -> None:
    survivor.post("/i18n/setlang/", {"language": "es", "next": "/"})
    page = survivor.get("/send/")
    assert "Enviar sus respuestas a una organización".encode() in page.content
    assert "¿Cómo deben contactarle?".encode() in page.content
    key = shown_key(page)
    survivor.post("/send/", form_data(org_a, key))
    done = survivor.get("/send/done/")
    assert "Qué pasa ahora".encode() in done.content


@pytest.mark.django_db
def test_the_confirmation_without_a_hand_off_goes_to_the_start() -> None:
    assert Client().get("/send/done/")["Location"] == "/"
