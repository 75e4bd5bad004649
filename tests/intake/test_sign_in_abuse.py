"""Sign-in abuse: lockouts behind a proxy, password spraying, and one answer
for every failure.

The security probe: behind the load balancer docs/deploy.md prescribes,
every lockout was keyed on the balancer's address (anyone could lock a
staff member out for everyone); nothing limited one address trying many
usernames; and "Invalid token" confirmed a right password without counting
the attempt.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import checks
from django.test import Client

from intake.models import Organization, Role
from tests.intake.conftest import PASSWORD, Member
from tests.intake.test_login import code_for

BALANCER = "10.0.0.1"


def sign_in(client: Client, username: str, password: str, token: str,
            real: str | None = None, forged: str = "") -> Any:  # fmt: skip
    """Post the login form; ``real`` is the address the balancer appends."""
    extra: dict[str, str] = {"REMOTE_ADDR": BALANCER if real else "127.0.0.1"}
    if real:
        extra["HTTP_X_FORWARDED_FOR"] = f"{forged}, {real}" if forged else real
    return client.post(
        "/staff/login/",
        {"username": username, "password": password, "otp_token": token},
        **extra,
    )


@pytest.fixture
def behind_one_proxy(settings: Any) -> None:
    settings.PROXY_COUNT = 1


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_one_proxy")
def test_a_lockout_behind_the_balancer_holds_the_real_address_only(
    staff_a: Any,
) -> None:
    attacker = "198.51.100.7"
    for attempt in range(6):  # a fresh forged address each time changes nothing
        sign_in(Client(), "sam", "wrong", "", real=attacker, forged=f"6.6.6.{attempt}")
    locked = sign_in(Client(), "sam", PASSWORD, code_for(staff_a), real=attacker,
                     forged="203.0.113.50")  # fmt: skip
    assert locked.status_code == 429
    # Sam, at the office behind the same balancer, still signs in.
    office = sign_in(Client(), "sam", PASSWORD, code_for(staff_a), real="192.0.2.44")
    assert office.status_code == 302


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_one_proxy")
def test_a_forged_header_cannot_lock_out_someone_else(staff_a: Any) -> None:
    for _ in range(6):
        sign_in(Client(), "sam", "wrong", "", real="198.51.100.7", forged="192.0.2.44")
    office = sign_in(Client(), "sam", PASSWORD, code_for(staff_a), real="192.0.2.44")
    assert office.status_code == 302


def test_without_a_proxy_the_header_is_ignored(rf: Any, settings: Any) -> None:
    from axes.helpers import get_client_ip_address

    settings.PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert get_client_ip_address(request) == "192.0.2.1"
    settings.PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="10.0.0.2",
                     HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 10.0.0.1")  # fmt: skip
    assert get_client_ip_address(request) == "198.51.100.7"
    # Fewer entries than proxies: the header did not come through all of ours.
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert get_client_ip_address(request) == "10.0.0.2"


def test_the_system_check_fails_when_lockouts_ignore_the_proxy(settings: Any) -> None:
    from intake.checks import lockouts_see_the_client

    settings.PROXY_COUNT = 1
    assert lockouts_see_the_client(None) == []
    settings.AXES_CLIENT_IP_CALLABLE = None  # as if nothing read X-Forwarded-For
    errors = lockouts_see_the_client(None)
    assert [e.id for e in errors] == ["intake.E003"]
    assert errors[0].level == checks.ERROR


# --- password spraying and one answer for every failure ----------------------


@pytest.mark.django_db
def test_one_address_trying_many_usernames_is_stopped(
    org_a: Organization, member: Member, settings: Any
) -> None:
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 8
    users = [member(org_a, Role.INTAKE_STAFF, f"user{n}") for n in range(10)]
    for user in users[:8]:  # one wrong password each: no username reaches 5
        sign_in(Client(), user.username, "Winter2026!", "")
    blocked = sign_in(Client(), "user9", PASSWORD, code_for(users[9]))
    assert blocked.status_code == 429
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert other.post("/staff/login/", {"username": "user9", "password": PASSWORD,
                      "otp_token": code_for(users[9])}).status_code == 302  # fmt: skip


@pytest.mark.django_db
def test_a_wrong_code_and_a_wrong_password_get_the_same_answer(staff_a: Any) -> None:
    right = code_for(staff_a)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    bad_password = sign_in(Client(), "sam", "not the password", right)
    bad_code = sign_in(Client(), "sam", PASSWORD, wrong)
    assert bad_password.status_code == bad_code.status_code == 200

    def errors(response: Any) -> list[str]:
        return [str(e) for e in response.context["form"].non_field_errors()]

    assert errors(bad_password) == errors(bad_code)
    assert "token" not in " ".join(errors(bad_code)).lower()


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_lockout(staff_a: Any) -> None:
    right = code_for(staff_a)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(5):
        sign_in(Client(), "sam", PASSWORD, wrong)
    assert sign_in(Client(), "sam", PASSWORD, right).status_code == 429
