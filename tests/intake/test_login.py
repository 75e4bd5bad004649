"""Staff sign in with a password and a TOTP code; lockouts cool off."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake.models import Action, AuditEntry, Membership, Organization, Role
from intake.otp import SealedTOTPDevice
from tests.intake.conftest import PASSWORD, verified_client


def code_for(user: Any, at: Any = None) -> str:
    device = SealedTOTPDevice.objects.get(user=user)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at.timestamp()
    return f"{totp.token():06d}"


def sign_in(client: Client, username: str, password: str, token: str) -> Any:
    return client.post(
        "/staff/login/",
        {"username": username, "password": password, "otp_token": token},
    )


@pytest.mark.django_db
def test_password_and_code_sign_in_and_open_the_queue(staff_a: Any) -> None:
    client = Client()
    response = sign_in(client, "sam", PASSWORD, code_for(staff_a))
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    assert AuditEntry.objects.filter(actor=staff_a, action=Action.LOGIN).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "000000x", "12345"])
def test_a_password_without_a_valid_code_does_not_sign_in(
    staff_a: Any, token: str
) -> None:
    client = Client()
    response = sign_in(client, "sam", PASSWORD, token)
    assert response.status_code == 200
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_a_wrong_code_does_not_sign_in(staff_a: Any) -> None:
    right = code_for(staff_a)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    client = Client()
    assert sign_in(client, "sam", PASSWORD, wrong).status_code == 200
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_five_wrong_passwords_lock_out_then_the_lock_cools_off(staff_a: Any) -> None:
    client = Client()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            sign_in(client, "sam", "wrong password", "")
        locked = sign_in(client, "sam", PASSWORD, code_for(staff_a))
        assert locked.status_code == 429
        assert b"Too many attempts" in locked.content
    later = start + timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        response = sign_in(Client(), "sam", PASSWORD, code_for(staff_a, later))
        assert response.status_code == 302


@pytest.mark.django_db
def test_there_is_no_sign_up_page() -> None:
    for url in ("/staff/signup/", "/staff/register/", "/accounts/signup/"):
        assert Client().get(url).status_code == 404


@pytest.mark.django_db
def test_a_staff_session_ends_after_the_maximum_however_active(
    staff_a: Any, settings: Any
) -> None:
    settings.SESSION_COOKIE_AGE = 100 * 3600  # only the absolute cap is tested
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = verified_client(staff_a)
        assert client.get("/staff/").status_code == 200
    with time_machine.travel(start + timedelta(hours=9), tick=False):
        assert client.get("/staff/").status_code == 200
    with time_machine.travel(start + timedelta(hours=10, minutes=1), tick=False):
        response = client.get("/staff/")
        assert response.status_code == 302
        assert response["Location"].startswith("/staff/login/")


@pytest.mark.django_db
def test_an_idle_staff_session_expires(staff_a: Any) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = verified_client(staff_a)
        assert client.get("/staff/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_sign_out_ends_the_session(staff_a: Any) -> None:
    client = verified_client(staff_a)
    assert client.get("/staff/logout/").status_code == 405
    assert client.post("/staff/logout/").status_code == 302
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db
def test_staff_add_creates_an_account_with_a_role_and_a_totp_device(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    out = io.StringIO()
    call_command(
        "staff_add", "casey", organization=org_a.name, role="attorney", stdout=out
    )
    membership = Membership.objects.get(user__username="casey")
    assert (membership.organization, membership.role) == (org_a, Role.ATTORNEY)
    assert "otpauth://totp/" in out.getvalue()
    user = membership.user
    response = sign_in(Client(), "casey", PASSWORD, code_for(user))
    assert response.status_code == 302


@pytest.mark.django_db
def test_staff_add_refuses_a_weak_password(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "password")
    with pytest.raises(CommandError):
        call_command("staff_add", "weak", organization=org_a.name, role="attorney")
    assert not Membership.objects.filter(user__username="weak").exists()


def backup_codes(username: str) -> list[str]:
    out = io.StringIO()
    call_command("staff_backup_codes", username, stdout=out)
    return [line.strip() for line in out.getvalue().splitlines()[1:]]


@pytest.mark.django_db
def test_a_backup_code_signs_in_once_in_place_of_the_app_code(staff_a: Any) -> None:
    codes = backup_codes("sam")
    assert len(codes) == len(set(codes)) == 10
    assert all(not code.isdigit() for code in codes)
    client = Client()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert sign_in(client, "sam", PASSWORD, codes[0])["Location"] == "/staff/"
        assert client.get("/staff/").status_code == 200
        # Used: never again, and the password is still needed with a code.
        assert sign_in(Client(), "sam", PASSWORD, codes[0]).status_code == 200
        assert sign_in(Client(), "sam", "wrong password", codes[1]).status_code == 200
    # django-otp slows guessing: after a failed code, wait a moment.
    with time_machine.travel(start + timedelta(seconds=5), tick=False):
        assert sign_in(Client(), "sam", PASSWORD, codes[1]).status_code == 302


@pytest.mark.django_db
def test_new_backup_codes_replace_the_old_and_the_app_code_still_works(
    staff_a: Any,
) -> None:
    old = backup_codes("sam")
    new = backup_codes("sam")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert sign_in(Client(), "sam", PASSWORD, old[0]).status_code == 200
    with time_machine.travel(start + timedelta(seconds=5), tick=False):
        assert sign_in(Client(), "sam", PASSWORD, new[0]).status_code == 302
        later = code_for(staff_a, start + timedelta(seconds=5))
        assert sign_in(Client(), "sam", PASSWORD, later).status_code == 302


@pytest.mark.django_db
def test_a_wrong_backup_code_does_not_count_against_the_authenticator(
    staff_a: Any,
) -> None:
    """Only the device the code's shape names is tried (django-otp throttles each)."""
    backup_codes("sam")
    for _ in range(3):
        assert sign_in(Client(), "sam", PASSWORD, "notacode").status_code == 200
    device = TOTPDevice.objects.get(user=staff_a)
    assert device.throttling_failure_count == 0
    assert sign_in(Client(), "sam", PASSWORD, code_for(staff_a)).status_code == 302


@pytest.mark.django_db
def test_backup_codes_for_an_unknown_username_are_refused() -> None:
    with pytest.raises(CommandError, match="No staff account"):
        call_command("staff_backup_codes", "nobody", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_new_authenticator_replaces_the_lost_one(staff_a: Any) -> None:
    lost_phone = TOTPDevice.objects.get(user=staff_a)
    lost_code = code_for(staff_a)
    out = io.StringIO()
    call_command("staff_new_authenticator", "sam", stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    new = TOTPDevice.objects.get(user=staff_a)
    assert new.pk != lost_phone.pk
    assert new.key != lost_phone.key
    assert sign_in(Client(), "sam", PASSWORD, lost_code).status_code == 200
    start = timezone.now() + timedelta(seconds=5)
    with time_machine.travel(start, tick=False):
        code = code_for(staff_a, start)
        assert sign_in(Client(), "sam", PASSWORD, code).status_code == 302


@pytest.mark.django_db
def test_a_new_authenticator_for_an_unknown_username_is_refused() -> None:
    with pytest.raises(CommandError, match="No staff account"):
        call_command("staff_new_authenticator", "nobody", stdout=io.StringIO())


@pytest.mark.django_db
def test_staff_add_reads_the_password_from_a_pipe(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_terminal(prompt: str = "") -> str:
        raise AssertionError("asked at a terminal")

    monkeypatch.setattr("getpass.getpass", no_terminal)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command(
        "staff_add", "casey", "--password-stdin", organization=org_a.name,
        role="attorney", stdout=out,
    )  # fmt: skip
    user = Membership.objects.get(user__username="casey").user
    assert user.check_password(PASSWORD)
    assert sign_in(Client(), "casey", PASSWORD, code_for(user)).status_code == 302


@pytest.mark.django_db
def test_staff_add_with_an_empty_pipe_makes_no_account(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="No password"):
        call_command("staff_add", "casey", "--password-stdin",
                     organization=org_a.name, role="attorney")  # fmt: skip
    assert not Membership.objects.exists()


def add_staff_by_pipe(org: Organization, monkeypatch: pytest.MonkeyPatch) -> str:
    """``staff_add casey --password-stdin`` with the password piped in; its otpauth link."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command("staff_add", "casey", "--password-stdin", organization=org.name,
                 role="attorney", stdout=out)  # fmt: skip
    return next(word for word in out.getvalue().split() if word.startswith("otpauth"))


@pytest.mark.django_db
def test_the_authenticator_link_names_the_service(
    org_a: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = add_staff_by_pipe(org_a, monkeypatch)
    assert "issuer=Legal%20aid%20workspace" in link
    assert "/Legal%20aid%20workspace%3Acasey?" in link
