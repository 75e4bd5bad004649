"""Case notes: encrypted at rest, audited without content, purged with the case."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from intake import crypto
from intake.models import Action, AuditEntry, Case, CaseNote, Organization, Role, Status
from tests.intake.conftest import MakeCase, verified_client

NOTE = "Called at 11; she says the landlord reads her texts"


@pytest.fixture
def case_a(org_a: Organization, make_case: MakeCase, attorney_a: Any) -> Case:
    return make_case(org_a, assigned_to=attorney_a)


def raw_note(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM intake_casenote WHERE id = %s", [pk])
        (body,) = cursor.fetchone()
    return str(body)


@pytest.mark.django_db
def test_a_note_is_shown_encrypted_at_rest_and_audited_without_its_text(
    case_a: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    response = client.post(f"/staff/cases/{case_a.pk}/notes/", {"text": NOTE})
    assert response["Location"] == f"/staff/cases/{case_a.pk}/"
    note = CaseNote.objects.get()
    assert (note.case, note.author, note.text) == (case_a, staff_a, NOTE)
    raw = raw_note(note.pk)
    assert raw.startswith(crypto.PREFIX)
    assert "landlord" not in raw
    page = client.get(response["Location"]).content.decode()
    assert "she says the landlord reads her texts" in page
    entry = AuditEntry.objects.get(action=Action.NOTE)
    assert (entry.actor, entry.case_id, entry.detail) == (staff_a, case_a.pk, "")
    for value in AuditEntry.objects.values_list("detail", "actor_name"):
        assert "landlord" not in " ".join(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staff_a", 302),
        ("admin_a", 302),
        ("attorney_a", 302),
        ("attorney_a2", 404),
        ("staff_b", 404),
    ],
)
def test_only_people_who_may_see_the_case_add_notes(
    request: pytest.FixtureRequest, case_a: Case, role: str, expected: int
) -> None:
    client = verified_client(request.getfixturevalue(role))
    response = client.post(f"/staff/cases/{case_a.pk}/notes/", {"text": NOTE})
    assert response.status_code == expected
    assert CaseNote.objects.filter(case=case_a).exists() == (expected == 302)


@pytest.mark.django_db
def test_anonymous_visitors_cannot_add_notes(case_a: Case) -> None:
    response = Client().post(f"/staff/cases/{case_a.pk}/notes/", {"text": NOTE})
    assert response["Location"].startswith("/staff/login/")
    assert not CaseNote.objects.exists()


@pytest.mark.django_db
def test_a_note_too_long_is_shown_again_not_lost(case_a: Case, staff_a: Any) -> None:
    client = verified_client(staff_a)
    text = "word " * 2500
    response = client.post(f"/staff/cases/{case_a.pk}/notes/", {"text": text})
    assert response.status_code == 200
    assert response.context["note_form"].errors["text"]
    assert "word word word" in response.content.decode()
    assert not CaseNote.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.NOTE).exists()


@pytest.mark.django_db
def test_notes_are_purged_with_their_case(case_a: Case, staff_a: Any) -> None:
    verified_client(staff_a).post(f"/staff/cases/{case_a.pk}/notes/", {"text": NOTE})
    start = timezone.now()
    case_a.set_status(Status.CLOSED)
    case_a.closed_at = start
    case_a.save()
    with time_machine.travel(start + timedelta(days=181), tick=False):
        call_command("purge", stdout=None)
    assert not Case.objects.filter(pk=case_a.pk).exists()
    assert not CaseNote.objects.exists()


@pytest.mark.django_db
def test_key_rotation_re_encrypts_notes(
    org_a: Organization, make_case: MakeCase, member: Any, settings: Any
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.INTAKE_ENCRYPTION_KEYS = [old]
    # Made under the old key too: rotation re-seals the authenticator keys.
    staff_a = member(org_a, Role.INTAKE_STAFF, "sam")
    case = make_case(org_a)
    verified_client(staff_a).post(f"/staff/cases/{case.pk}/notes/", {"text": NOTE})
    settings.INTAKE_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_case_keys", stdout=None)
    settings.INTAKE_ENCRYPTION_KEYS = [new]
    assert CaseNote.objects.get().text == NOTE
