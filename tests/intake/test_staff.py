"""Staff and attorney pages: who may see and do what, and that it is logged."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.utils.html import escape
from pypdf import PdfReader

from intake.models import Action, AuditEntry, Case, Organization, Status
from tests.intake.conftest import NAME, MakeCase, contact_plan, verified_client

STAFF_URLS = [
    ("get", "/staff/"),
    ("get", "/staff/cases/{pk}/"),
    ("post", "/staff/cases/{pk}/status/"),
    ("post", "/staff/cases/{pk}/assign/"),
    ("post", "/staff/cases/{pk}/hold/"),
    ("get", "/staff/cases/{pk}/draft/"),
    ("post", "/staff/cases/{pk}/packet/"),
    ("get", "/staff/audit/"),
    ("get", "/staff/counts/"),
    ("get", "/staff/counts.csv"),
]


@pytest.fixture
def case_a(org_a: Organization, make_case: MakeCase) -> Case:
    return make_case(org_a)


def call(client: Client, method: str, url: str, pk: int, **data: Any) -> Any:
    return getattr(client, method)(url.format(pk=pk), data)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_anonymous_visitors_are_sent_to_login(
    case_a: Case, method: str, url: str
) -> None:
    response = call(Client(), method, url, case_a.pk)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
    assert Case.objects.get(pk=case_a.pk).status == Status.NEW


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_a_password_without_the_second_factor_is_not_enough(
    case_a: Case, staff_a: Any, method: str, url: str
) -> None:
    client = Client()
    client.force_login(staff_a, backend="django.contrib.auth.backends.ModelBackend")
    response = call(client, method, url, case_a.pk)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


@pytest.mark.django_db
def test_an_account_without_a_role_is_refused(case_a: Case, db: None) -> None:
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_user("nobody")
    TOTPDevice.objects.create(user=user, name="p", confirmed=True)
    client = verified_client(user)
    assert client.get("/staff/").status_code == 403
    assert client.get(f"/staff/cases/{case_a.pk}/").status_code == 403


# (role fixture, method, url, expected status) for one case of org A that is
# assigned to attorney_a.
MATRIX = [
    ("staff_a", "get", "/staff/cases/{pk}/", 200),
    ("admin_a", "get", "/staff/cases/{pk}/", 200),
    ("attorney_a", "get", "/staff/cases/{pk}/", 200),
    ("attorney_a2", "get", "/staff/cases/{pk}/", 404),
    ("staff_b", "get", "/staff/cases/{pk}/", 404),
    ("staff_a", "post", "/staff/cases/{pk}/assign/", 302),
    ("admin_a", "post", "/staff/cases/{pk}/assign/", 302),
    ("attorney_a", "post", "/staff/cases/{pk}/assign/", 403),
    ("staff_b", "post", "/staff/cases/{pk}/assign/", 404),
    ("admin_a", "post", "/staff/cases/{pk}/hold/", 302),
    ("staff_a", "post", "/staff/cases/{pk}/hold/", 403),
    ("attorney_a", "post", "/staff/cases/{pk}/hold/", 403),
    ("attorney_a", "get", "/staff/cases/{pk}/draft/", 200),
    ("attorney_a2", "get", "/staff/cases/{pk}/draft/", 404),
    ("staff_a", "get", "/staff/cases/{pk}/draft/", 403),
    ("admin_a", "get", "/staff/cases/{pk}/draft/", 403),
    ("attorney_a2", "post", "/staff/cases/{pk}/packet/", 404),
    ("staff_a", "post", "/staff/cases/{pk}/packet/", 403),
    ("staff_b", "post", "/staff/cases/{pk}/status/", 404),
    ("attorney_a2", "post", "/staff/cases/{pk}/status/", 404),
    ("attorney_a", "post", "/staff/cases/{pk}/status/", 302),
    ("admin_a", "get", "/staff/audit/", 200),
    ("staff_a", "get", "/staff/audit/", 403),
    ("attorney_a", "get", "/staff/audit/", 403),
    ("admin_a", "get", "/staff/counts/", 200),
    ("staff_a", "get", "/staff/counts/", 403),
    ("attorney_a", "get", "/staff/counts/", 403),
    ("admin_a", "get", "/staff/counts.csv", 200),
    ("attorney_a", "get", "/staff/counts.csv", 403),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "method", "url", "expected"), MATRIX)
def test_every_view_allows_exactly_the_roles_it_should(
    request: pytest.FixtureRequest,
    case_a: Case,
    attorney_a: Any,
    who: str,
    method: str,
    url: str,
    expected: int,
) -> None:
    case_a.assigned_to = attorney_a
    case_a.save()
    user = request.getfixturevalue(who)
    response = call(verified_client(user), method, url, case_a.pk, status="reviewing")
    assert response.status_code == expected
    if expected in (403, 404):
        assert AuditEntry.objects.filter(actor=user, action=Action.DENIED).exists()
        assert Case.objects.get(pk=case_a.pk).status == Status.NEW


@pytest.mark.django_db
def test_staff_see_their_organisations_queue_only(
    org_a: Organization,
    org_b: Organization,
    make_case: MakeCase,
    staff_a: Any,
    staff_b: Any,
) -> None:
    ours = make_case(org_a)
    theirs = make_case(org_b)
    page = verified_client(staff_a).get("/staff/")
    assert ours.reference.encode() in page.content
    assert theirs.reference.encode() not in page.content
    page_b = verified_client(staff_b).get("/staff/")
    assert theirs.reference.encode() in page_b.content
    assert ours.reference.encode() not in page_b.content
    assert (
        AuditEntry.objects.filter(actor=staff_a, action=Action.VIEW_QUEUE).count() == 1
    )


@pytest.mark.django_db
def test_attorneys_see_only_cases_assigned_to_them(
    org_a: Organization, make_case: MakeCase, attorney_a: Any, attorney_a2: Any
) -> None:
    mine = make_case(org_a, assigned_to=attorney_a)
    other = make_case(org_a, assigned_to=attorney_a2)
    nobody = make_case(org_a)
    page = verified_client(attorney_a).get("/staff/")
    assert mine.reference.encode() in page.content
    assert other.reference.encode() not in page.content
    assert nobody.reference.encode() not in page.content


@pytest.mark.django_db
def test_the_queue_filters_by_county_and_status(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    from tests.intake.conftest import contract_case

    la = make_case(org_a)
    orange = make_case(org_a, facts=contract_case(county="Orange"))
    filed = make_case(org_a, status=Status.FILED)
    client = verified_client(staff_a)
    page = client.get("/staff/", {"county": "Orange"})
    assert orange.reference.encode() in page.content
    assert la.reference.encode() not in page.content
    page = client.get("/staff/", {"status": "filed"})
    assert filed.reference.encode() in page.content
    assert la.reference.encode() not in page.content
    assert orange.reference.encode() not in page.content


@pytest.mark.django_db
def test_the_case_page_shows_the_contact_plan_and_only_allowed_actions(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    text_only = make_case(org_a, contact=contact_plan(method="text"))
    page = verified_client(staff_a).get(f"/staff/cases/{text_only.pk}/")
    content = page.content.decode()
    assert NAME in content
    assert 'href="sms:213-555-0147"' not in content  # digits only in the link
    assert 'href="sms:2135550147"' in content
    assert "tel:" not in content
    assert "mailto:" not in content
    assert "Do not leave a message." in content
    assert "Do not say who you are" in content
    assert "blue heron" in content
    calls = make_case(
        org_a, contact=contact_plan(method="phone", leave_message=True, say_who=True)
    )
    content = verified_client(staff_a).get(f"/staff/cases/{calls.pk}/").content.decode()
    assert 'href="tel:2135550147"' in content
    assert "sms:" not in content
    assert "A message may be left." in content
    assert "Do not leave a message." not in content
    other = make_case(
        org_a, contact=contact_plan(other_person=True, other_name="Advocate Jo")
    )
    content = verified_client(staff_a).get(f"/staff/cases/{other.pk}/").content.decode()
    assert (
        "Do not contact the survivor directly. Contact Advocate Jo instead." in content
    )


@pytest.mark.django_db
def test_the_case_page_shows_the_full_rule_trace_with_citations(
    case_a: Case, staff_a: Any
) -> None:
    from screener.rules import screen

    expected = screen(case_a.facts)
    page = verified_client(staff_a).get(f"/staff/cases/{case_a.pk}/")
    content = page.content.decode()
    for remedy in expected["records"][0]["remedies"]:
        assert remedy["remedy"] in content
        for reason in remedy["reasons"]:
            assert escape(reason["cite"]) in content
    assert (
        AuditEntry.objects.filter(action=Action.VIEW_CASE, case_id=case_a.pk).count()
        == 1
    )


@pytest.mark.django_db
def test_status_changes_are_saved_timed_and_logged(case_a: Case, staff_a: Any) -> None:
    client = verified_client(staff_a)
    client.post(f"/staff/cases/{case_a.pk}/status/", {"status": "closed"})
    case_a.refresh_from_db()
    assert case_a.status == Status.CLOSED
    assert case_a.closed_at is not None
    client.post(f"/staff/cases/{case_a.pk}/status/", {"status": "reviewing"})
    case_a.refresh_from_db()
    assert case_a.closed_at is None
    entries = AuditEntry.objects.filter(action=Action.CHANGE_STATUS, case_id=case_a.pk)
    assert sorted(e.detail for e in entries) == ["closed", "reviewing"]


@pytest.mark.django_db
def test_staff_assign_only_attorneys_of_their_organisation(
    case_a: Case, staff_a: Any, attorney_a: Any, member: Any, org_b: Organization
) -> None:
    from intake.models import Role

    outsider = member(org_b, Role.ATTORNEY, "outsider")
    client = verified_client(staff_a)
    client.post(f"/staff/cases/{case_a.pk}/assign/", {"attorney": outsider.pk})
    case_a.refresh_from_db()
    assert case_a.assigned_to is None
    client.post(f"/staff/cases/{case_a.pk}/assign/", {"attorney": attorney_a.pk})
    case_a.refresh_from_db()
    assert case_a.assigned_to == attorney_a
    assert (
        AuditEntry.objects.filter(action=Action.ASSIGN, case_id=case_a.pk).count() == 1
    )


@pytest.mark.django_db
def test_admins_set_a_hold(case_a: Case, admin_a: Any) -> None:
    verified_client(admin_a).post(f"/staff/cases/{case_a.pk}/hold/", {"hold": "on"})
    case_a.refresh_from_db()
    assert case_a.hold is True


@pytest.mark.django_db
def test_the_attorney_edits_the_narrative_encrypted_and_logged(
    case_a: Case, attorney_a: Any
) -> None:
    case_a.assigned_to = attorney_a
    case_a.save()
    client = verified_client(attorney_a)
    response = client.post(
        f"/staff/cases/{case_a.pk}/draft/",
        {
            "name": NAME,
            "direct_result": "Forced by quotas",
            "service_date": "2026-12-01",
        },
    )
    assert response.status_code == 302
    case_a.refresh_from_db()
    assert case_a.narrative["direct_result"] == "Forced by quotas"
    assert case_a.narrative["service_date"] == "2026-12-01"
    page = client.get(f"/staff/cases/{case_a.pk}/draft/")
    assert b"Forced by quotas" in page.content
    assert AuditEntry.objects.filter(action=Action.EDIT_NARRATIVE).count() == 1
    viewed = AuditEntry.objects.get(action=Action.VIEW_CASE, detail="draft")
    assert (viewed.actor, viewed.case_id) == (attorney_a, case_a.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file_format", "content_type", "name", "magic"),
    [
        ("pdf", "application/pdf", "documents.pdf", b"%PDF"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "documents.docx",
            b"PK",
        ),
    ],
)
def test_the_assigned_attorney_downloads_the_packet_with_a_neutral_name(
    case_a: Case,
    attorney_a: Any,
    file_format: str,
    content_type: str,
    name: str,
    magic: bytes,
) -> None:
    case_a.assigned_to = attorney_a
    case_a.narrative = {
        "name": NAME,
        "use_initials": True,
        "control": "He kept my passport",
    }
    case_a.save()
    response = verified_client(attorney_a).post(
        f"/staff/cases/{case_a.pk}/packet/", {"format": file_format}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.content.startswith(magic)
    if file_format == "pdf":
        text = " ".join(
            (page.extract_text() or "")
            for page in PdfReader(io.BytesIO(response.content)).pages
        )
        assert "He kept my passport" in " ".join(text.split())
        assert "R.Q." in text  # initials only, as the narrative asked
    entry = AuditEntry.objects.get(action=Action.DOWNLOAD)
    assert (entry.actor, entry.case_id, entry.detail) == (
        attorney_a,
        case_a.pk,
        file_format,
    )


@pytest.mark.django_db
def test_admins_read_their_organisations_audit_log_without_content(
    org_a: Organization,
    org_b: Organization,
    make_case: MakeCase,
    admin_a: Any,
    staff_a: Any,
    staff_b: Any,
) -> None:
    ours = make_case(org_a)
    theirs = make_case(org_b)
    verified_client(staff_a).get(f"/staff/cases/{ours.pk}/")
    verified_client(staff_b).get(f"/staff/cases/{theirs.pk}/")
    page = verified_client(admin_a).get("/staff/audit/").content.decode()
    assert "sam" in page
    assert "bo</td>" not in page
    assert NAME not in page
    for entry in AuditEntry.objects.all():
        assert NAME not in f"{entry.actor_name} {entry.detail}"


@pytest.mark.django_db
def test_a_busy_packet_slot_sends_the_attorney_back_calmly(
    case_a: Case, attorney_a: Any, settings: Any
) -> None:
    from tests.petitions.test_throttle import slot_held

    settings.PETITION_RENDERS_AT_ONCE = 1
    case_a.assigned_to = attorney_a
    case_a.save()
    client = verified_client(attorney_a)
    with slot_held():
        response = client.post(f"/staff/cases/{case_a.pk}/packet/", {"format": "pdf"})
    assert response.status_code == 503
    assert response["Retry-After"] == "3"  # first in the queue for the slot
    body = response.content.decode()
    assert "The packet was not made yet" in body
    assert f"/staff/cases/{case_a.pk}/" in body
    downloads = AuditEntry.objects.filter(action=Action.DOWNLOAD, case_id=case_a.pk)
    assert not downloads.exists()  # nothing was handed out
    retry = client.post(f"/staff/cases/{case_a.pk}/packet/", {"format": "pdf"})
    assert retry.status_code == 200
    assert retry.content.startswith(b"%PDF")
    assert downloads.count() == 1


@pytest.mark.django_db
def test_an_attorney_gets_a_few_packets_a_minute_then_a_kind_wait(
    case_a: Case, attorney_a: Any, settings: Any
) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.PETITION_RATE_PER_MINUTE = 2
    case_a.assigned_to = attorney_a
    case_a.save()
    client = verified_client(attorney_a)
    url = f"/staff/cases/{case_a.pk}/packet/"
    statuses = [client.post(url, {"format": "docx"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = client.post(url, {"format": "pdf"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Please wait a minute" in refused.content.decode()
    downloads = AuditEntry.objects.filter(action=Action.DOWNLOAD, case_id=case_a.pk)
    assert downloads.count() == 2
    cache.clear()
