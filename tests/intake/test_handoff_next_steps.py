"""Hand-off details: the only organisation chosen, a callable number, the
other person's number, the preferred language, and a confirmation that
leads somewhere (phone and hours, the download, delete now)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from intake.models import Case, Organization
from intake.views import contact_actions
from screener import legal_aid
from tests.intake.conftest import (
    MakeCase,
    contact_plan,
    contract_case,
    put_case_in_session,
    verified_client,
)

pytestmark = pytest.mark.django_db


def key_of(page: Any) -> str:
    match = re.search(rb'name="key" value="([0-9a-f-]{36})"', page.content)
    assert match
    return match.group(1).decode()


def plan(org: Organization, key: str, **changes: Any) -> dict[str, Any]:
    return {
        "key": key, "organization": str(org.pk), "name": "Ana", "method": "phone",
        "phone": "(213) 555-0147", "safe_times": "mornings", "leave_message": "no",
        "say_who": "no", "language": "es", "consent": "on", **changes,
    }  # fmt: skip


def survivor() -> Client:
    client = Client()
    put_case_in_session(client, contract_case())
    return client


def test_the_only_organisation_for_the_county_is_already_chosen(
    org_a: Organization,
) -> None:
    page = survivor().get("/send/").content.decode()
    assert re.search(rf'value="{org_a.pk}"[^>]*checked', page)


def test_with_two_organisations_none_is_chosen_for_her(org_a: Organization) -> None:
    second = Organization.objects.create(name="Second Aid", counties=["Los Angeles"])
    page = survivor().get("/send/").content.decode()
    assert not re.search(rf'value="{org_a.pk}"[^>]*checked', page)
    assert not re.search(rf'value="{second.pk}"[^>]*checked', page)


@pytest.mark.parametrize("phone", ["555-0147", "213 555 014", "12345678"])
def test_a_phone_number_needs_ten_digits(org_a: Organization, phone: str) -> None:
    client = survivor()
    key = key_of(client.get("/send/"))
    page = client.post("/send/", plan(org_a, key, phone=phone))
    assert page.status_code == 200
    assert "with the area code" in page.content.decode()
    assert Case.objects.count() == 0
    assert 'value="Ana"' in page.content.decode()  # nothing typed is lost


def test_contact_someone_else_takes_their_name_and_number(org_a: Organization) -> None:
    client = survivor()
    key = key_of(client.get("/send/"))
    page = client.post("/send/", plan(org_a, key, other_person="on", other_name="Jo"))
    assert "Enter the phone number of the person." in page.content.decode()
    response = client.post(
        "/send/",
        plan(
            org_a, key, other_person="on", other_name="Jo", other_phone="310-555-0199"
        ),
    )
    assert response["Location"] == "/send/done/"
    contact = Case.objects.get().contact
    assert contact["other_phone"] == "310-555-0199"
    assert contact["language"] == "es"


def test_the_staff_page_never_offers_the_survivors_own_number_when_told_not_to(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    other = make_case(
        org_a,
        contact=contact_plan(method="phone", other_person=True, other_name="Ana",
                             other_phone="310-555-0199", language="es"),
    )  # fmt: skip
    content = verified_client(staff_a).get(f"/staff/cases/{other.pk}/").content.decode()
    assert "Contact Ana at 310-555-0199 instead." in content
    assert "2135550147" not in content
    assert "213-555-0147" not in content
    assert 'href="tel:3105550199"' in content
    assert "Language: <strong>Spanish</strong>" in content
    # An older plan without the other number offers no button at all.
    actions = contact_actions(
        contact_plan(method="phone", other_person=True, other_name="Jo")
    )
    assert actions["call"] is None
    assert actions["text"] is None
    texting = contact_actions(
        contact_plan(method="text", other_person=True, other_phone="310 555 0199")
    )
    assert texting["text"] == "sms:3105550199"
    assert texting["call"] is None


def test_the_hand_off_records_the_page_language_by_default(org_a: Organization) -> None:
    client = survivor()
    english = client.get("/send/").content.decode()
    assert re.search(r'value="en"[^>]*checked', english)
    client.post("/i18n/setlang/", {"language": "es", "next": "/send/"})
    spanish = client.get("/send/").content.decode()
    assert re.search(r'value="es"[^>]*checked', spanish)
    assert not re.search(r'value="en"[^>]*checked', spanish)


def test_the_confirmation_offers_the_download_phone_hours_and_delete(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The directory's entry (phone and hours come with the checked directory).
    listed = SimpleNamespace(
        name=org_a.name, url="https://example.org/", about="", phone="213-555-0100",
        hours="Mon-Fri 9-5", source="https://example.org/", checked=None,
    )  # fmt: skip
    monkeypatch.setattr(
        legal_aid, "find", lambda name: listed if name == org_a.name else None
    )
    client = survivor()
    key = key_of(client.get("/send/"))
    client.post("/send/", plan(org_a, key))
    page = client.get("/send/done/").content.decode()
    assert 'href="tel:2135550100"' in page
    assert "213-555-0100" in page
    assert "Mon-Fri 9-5" in page
    assert "checked" not in page.split("Mon-Fri 9-5")[1][:40]  # no date it lacks
    assert 'href="/petition/"' in page
    assert 'action="/delete/"' in page
    # Then the download still works: the answers were kept.
    assert client.get("/petition/").status_code == 200
    assert "nothing to draft" not in client.get("/petition/").content.decode()


def test_without_phone_in_the_directory_the_confirmation_links_the_website(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = SimpleNamespace(
        name=org_a.name, url="https://example.org/", about="", phone=None,
        hours=None, source="https://example.org/", checked=None,
    )  # fmt: skip
    monkeypatch.setattr(legal_aid, "find", lambda name: listed)
    client = survivor()
    key = key_of(client.get("/send/"))
    client.post("/send/", plan(org_a, key))
    page = client.get("/send/done/").content.decode()
    assert 'href="https://example.org/"' in page
    assert "tel:" not in page.split("<main")[1].split("</main>")[0]
