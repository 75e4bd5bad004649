"""One case no key opens never breaks the queue, and a check names the key.

A newcomer restarting `make run` found the whole queue answering 500: in
DEBUG the key was random per process, and one unreadable case broke the
page.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from intake import crypto
from intake.checks import development_key, unreadable_cases
from intake.models import Case, Organization
from tests.intake.conftest import NAME, MakeCase, verified_client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def old_and_new(
    org_a: Organization, make_case: MakeCase, settings: Any
) -> tuple[Case, Case, str]:
    """One case written with a key since removed, one with the current key."""
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.INTAKE_ENCRYPTION_KEYS = [old]
    lost = make_case(org_a)
    settings.INTAKE_ENCRYPTION_KEYS = [new]
    kept = make_case(org_a)
    return lost, kept, old


@pytest.mark.django_db
def test_the_queue_shows_an_unreadable_case_as_one_row(
    old_and_new: tuple[Case, Case, str], staff_a: Any
) -> None:
    lost, kept, _old = old_and_new
    page = verified_client(staff_a).get("/staff/")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("cannot be read with the current keys") == 1
    assert lost.reference in text
    assert kept.reference in text
    assert "Text only" in text  # the readable case's contact column is shown


@pytest.mark.django_db
def test_the_check_names_the_missing_key(old_and_new: tuple[Case, Case, str]) -> None:
    _lost, _kept, old = old_and_new
    kid = crypto.key_id(old.encode())
    errors = unreadable_cases(None, databases=["default"])
    assert [e.id for e in errors] == ["intake.E004"]
    assert kid in errors[0].msg
    assert "1 case(s)" in errors[0].msg
    assert unreadable_cases(None) == []  # only when asked for a database


@pytest.mark.django_db
def test_putting_the_key_back_and_rotating_clears_the_check(
    old_and_new: tuple[Case, Case, str], settings: Any
) -> None:
    lost, _kept, old = old_and_new
    with pytest.raises(crypto.DecryptionError):
        call_command("rotate_case_keys", stdout=None)  # stops, changes nothing
    settings.INTAKE_ENCRYPTION_KEYS = [*settings.INTAKE_ENCRYPTION_KEYS, old]
    assert unreadable_cases(None, databases=["default"]) == []
    call_command("rotate_case_keys", stdout=None)
    settings.INTAKE_ENCRYPTION_KEYS = settings.INTAKE_ENCRYPTION_KEYS[:1]
    assert Case.objects.get(pk=lost.pk).contact["name"] == NAME


def test_a_debug_server_without_keys_is_warned(settings: Any) -> None:
    settings.DEBUG, settings.RUNNING_TESTS = True, False
    settings.INTAKE_ENCRYPTION_KEYS = []
    assert [w.id for w in development_key(None)] == ["intake.W001"]
    settings.INTAKE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert development_key(None) == []


def test_make_run_keeps_one_development_key(tmp_path: Path) -> None:
    keys = tmp_path / "dev-key"
    for _ in range(2):
        done = subprocess.run(
            ["make", "-s", "dev-key", f"DEV_KEYS={keys}"],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        if _ == 0:
            first = keys.read_text()
    assert keys.read_text() == first  # the same key after a "restart"
    Fernet(first.strip().encode())
    assert keys.stat().st_mode & 0o077 == 0  # readable by its owner only
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".dev-encryption-key"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0
