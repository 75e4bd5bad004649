"""Second factors at rest: no TOTP key or backup code readable in the database.

The security probe read backup codes (``otp_static_statictoken``) and TOTP
secrets (the TOTP device key) straight from the tables.
"""

from __future__ import annotations

import importlib
import io
from base64 import b32decode
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import otp
from intake.crypto import DecryptionError
from intake.models import Organization
from tests.intake.conftest import PASSWORD
from tests.intake.test_login import add_staff_by_pipe, backup_codes, code_for, sign_in


def _column(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_staff_add_stores_the_totp_key_encrypted(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = add_staff_by_pipe(org_a, monkeypatch)
    secret = parse_qs(urlparse(link).query)["secret"][0]
    key = b32decode(secret + "=" * (-len(secret) % 8))
    (stored,) = _column("SELECT key FROM otp_totp_totpdevice")
    assert stored.startswith(otp.SEALED)
    assert key.hex() not in stored
    assert len(stored) <= 80  # django-otp's column
    user = TOTPDevice.objects.get().user
    assert sign_in(Client(), "casey", PASSWORD, code_for(user)).status_code == 302


@pytest.mark.django_db
def test_every_device_saved_is_sealed(staff_a: Any) -> None:
    """Devices made straight through django-otp's model (as the fixtures do) too."""
    (stored,) = _column("SELECT key FROM otp_totp_totpdevice")
    assert otp.is_sealed(stored)
    assert sign_in(Client(), "sam", PASSWORD, code_for(staff_a)).status_code == 302


@pytest.mark.django_db
def test_backup_codes_are_stored_as_hashes(staff_a: Any) -> None:
    codes = backup_codes("sam")
    stored = _column("SELECT token FROM otp_static_statictoken")
    assert len(stored) == 10
    for code in codes:
        bare = code.replace("-", "")
        assert len(bare) == 16  # 80 bits
        assert all(bare not in token and token not in bare for token in stored)
    # Typed as people type them: capitals and spaces instead of dashes.
    typed = codes[3].upper().replace("-", " ")
    assert sign_in(Client(), "sam", PASSWORD, typed).status_code == 302
    assert len(_column("SELECT token FROM otp_static_statictoken")) == 9


@pytest.mark.django_db
def test_rotating_the_case_keys_reseals_the_totp_keys(
    staff_a: Any, settings: Any
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    device = TOTPDevice.objects.get(user=staff_a)
    plain = otp.unseal(device.key).hex()
    settings.INTAKE_ENCRYPTION_KEYS = [old]
    device.key = plain
    device.save()  # sealed with the old key
    settings.INTAKE_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_case_keys", stdout=io.StringIO())
    settings.INTAKE_ENCRYPTION_KEYS = [new]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert sign_in(Client(), "sam", PASSWORD, code_for(staff_a)).status_code == 302
    settings.INTAKE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError, match="cannot be decrypted"):
        code_for(staff_a)  # a key no configured key opens


@pytest.mark.django_db
def test_the_migration_seals_plain_keys_and_drops_plain_codes(staff_a: Any) -> None:
    backup_codes("sam")
    plain = otp.unseal(TOTPDevice.objects.get(user=staff_a).key).hex()
    TOTPDevice.objects.filter(user=staff_a).update(key=plain)  # no pre_save here
    migration = importlib.import_module("intake.migrations.0006_second_factors_at_rest")
    editor = SimpleNamespace(connection=connection)  # all the functions use
    migration.seal_totp_keys(apps, editor)
    migration.drop_plain_backup_codes(apps, editor)
    (stored,) = _column("SELECT key FROM otp_totp_totpdevice")
    assert otp.is_sealed(stored)
    assert plain not in stored
    assert _column("SELECT token FROM otp_static_statictoken") == []
    assert sign_in(Client(), "sam", PASSWORD, code_for(staff_a)).status_code == 302
