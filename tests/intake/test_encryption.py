"""Case data is ciphertext in the database, and only the right key opens it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, transaction

from intake import crypto
from intake.checks import encryption_keys
from intake.models import Case, Organization
from tests.intake.conftest import NAME, NARRATIVE, OFFENSE, MakeCase, verified_client


def raw_case_row(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT facts, screening, contact, narrative FROM intake_case WHERE id = %s",
            [pk],
        )
        row = cursor.fetchone()
    return " ".join(str(value) for value in row)


@pytest.mark.django_db
def test_the_database_holds_no_plaintext_name_narrative_or_offense(
    org_a: Organization, make_case: MakeCase
) -> None:
    case = make_case(org_a, narrative={"direct_result": NARRATIVE})
    raw = raw_case_row(case.pk)
    # Each column is one ciphertext token and nothing else: no room for a
    # plaintext value beside it. (A bare "647" is not looked for inside the
    # token: random base64 holds it about once in a few hundred rows.)
    token = re.compile(re.escape(crypto.PREFIX) + r"[0-9a-f]+:gAAAAA[A-Za-z0-9_=-]+")
    columns = raw.split(" ")
    assert len(columns) == 4  # facts, screening, contact, narrative
    assert all(token.fullmatch(column) for column in columns), columns
    for secret in (NAME, NARRATIVE, OFFENSE, "Los Angeles", "blue heron"):
        assert secret not in raw  # each has a character base64 never uses
    reloaded = Case.objects.get(pk=case.pk)
    assert reloaded.contact["name"] == NAME
    assert reloaded.narrative["direct_result"] == NARRATIVE
    assert reloaded.facts["records"][0]["offense"] == OFFENSE


@pytest.mark.django_db
def test_a_wrong_key_is_an_error_never_ciphertext(
    org_a: Organization, make_case: MakeCase, staff_a: Any, settings: Any
) -> None:
    case = make_case(org_a)
    settings.INTAKE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    loaded = Case.objects.get(pk=case.pk)
    assert loaded.unreadable
    with pytest.raises(crypto.DecryptionError):
        loaded.contact.get("name")
    with pytest.raises(crypto.DecryptionError), transaction.atomic():
        loaded.save()  # never overwritten with nothing
    client = verified_client(staff_a)
    client.raise_request_exception = False
    response = client.get(f"/staff/cases/{case.pk}/")
    assert response.status_code == 503
    assert b"cannot be read with the current keys" in response.content
    assert crypto.PREFIX.encode() not in response.content
    assert b"gAAAA" not in response.content  # every Fernet token starts so


@pytest.mark.django_db
def test_old_keys_still_decrypt_and_rotation_moves_data_to_the_new_key(
    org_a: Organization, make_case: MakeCase, settings: Any
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.INTAKE_ENCRYPTION_KEYS = [old]
    case = make_case(org_a)
    settings.INTAKE_ENCRYPTION_KEYS = [new, old]
    assert Case.objects.get(pk=case.pk).contact["name"] == NAME
    call_command("rotate_case_keys", stdout=None)
    settings.INTAKE_ENCRYPTION_KEYS = [new]
    assert Case.objects.get(pk=case.pk).contact["name"] == NAME


def test_a_missing_key_outside_debug_and_tests_is_improperly_configured(
    settings: Any,
) -> None:
    settings.INTAKE_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    settings.RUNNING_TESTS = False
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt_json({"a": 1})
    assert [e.id for e in encryption_keys(None)] == ["intake.E001"]


def test_a_key_that_is_not_a_fernet_key_is_refused(settings: Any) -> None:
    settings.INTAKE_ENCRYPTION_KEYS = ["not-a-key"]
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt_json({"a": 1})
    assert [e.id for e in encryption_keys(None)] == ["intake.E002"]


def test_under_tests_a_generated_key_is_used_when_none_is_set(settings: Any) -> None:
    settings.INTAKE_ENCRYPTION_KEYS = []
    token = crypto.encrypt_json({"name": NAME})
    assert NAME not in token
    assert crypto.decrypt_json(token) == {"name": NAME}
    assert encryption_keys(None) == []


def test_a_value_without_the_scheme_prefix_is_refused() -> None:
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_json('{"name": "plain"}')
