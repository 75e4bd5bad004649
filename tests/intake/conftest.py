"""Organisations, staff in every role, and cases, for the intake tests.

Staff clients are logged in and OTP-verified the way django-otp records it
in the session; the real password + TOTP login has its own tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import services
from intake.models import Case, Membership, Organization, Role
from tests.sessions import put_case_in_session  # noqa: F401 - re-exported for the tests

NAME = "Rosalind Quagmire"
NARRATIVE = "He kept my passport in a locked drawer at the motel"
OFFENSE = "PC 647(b)"
PASSWORD = "correct horse battery staple"  # noqa: S105 - test accounts only


def contract_case(**record: Any) -> dict[str, Any]:
    base = {
        "id": "1",
        "system": "california",
        "disposition": "conviction",
        "offense": OFFENSE,
        "level": "misdemeanor",
        "county": "Los Angeles",
        "while_victimized": "yes",
        "direct_result": "yes",
        "enhancements": [],
    }
    return {
        "as_of": "2026-11-24",
        "victimization": {
            "kinds": ["human_trafficking"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "records": [{**base, **record}],
    }


def contact_plan(**changes: Any) -> dict[str, Any]:
    plan = {
        "name": NAME,
        "method": "text",
        "phone": "213-555-0147",
        "email": "",
        "safe_times": "weekdays 10 to 2",
        "leave_message": False,
        "say_who": False,
        "code_word": "blue heron",
        "other_person": False,
        "other_name": "",
    }
    return {**plan, **changes}


@pytest.fixture(autouse=True)
def _plain_http(settings: Any) -> None:
    """The test client speaks plain HTTP; production redirects to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def org_a(db: None) -> Organization:
    return Organization.objects.create(
        name="Harbor Legal Aid", counties=["Los Angeles", "Orange"]
    )


@pytest.fixture
def org_b(db: None) -> Organization:
    return Organization.objects.create(
        name="Bayview Law Center", counties=["San Diego"]
    )


Member = Callable[..., Any]


@pytest.fixture
def member(db: None) -> Member:
    """A user with a role in an organisation and a confirmed TOTP device."""

    def make(organization: Organization, role: str, username: str) -> Any:
        user = get_user_model().objects.create_user(
            username=username, password=PASSWORD
        )
        Membership.objects.create(user=user, organization=organization, role=role)
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        return user

    return make


def verified_client(user: Any) -> Client:
    """A client past password and TOTP for ``user``."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


@pytest.fixture
def staff_a(org_a: Organization, member: Member) -> Any:
    return member(org_a, Role.INTAKE_STAFF, "sam")


@pytest.fixture
def admin_a(org_a: Organization, member: Member) -> Any:
    return member(org_a, Role.ORG_ADMIN, "ada")


@pytest.fixture
def attorney_a(org_a: Organization, member: Member) -> Any:
    return member(org_a, Role.ATTORNEY, "alex")


@pytest.fixture
def attorney_a2(org_a: Organization, member: Member) -> Any:
    return member(org_a, Role.ATTORNEY, "avery")


@pytest.fixture
def staff_b(org_b: Organization, member: Member) -> Any:
    return member(org_b, Role.INTAKE_STAFF, "bo")


MakeCase = Callable[..., Case]


@pytest.fixture
def make_case(db: None) -> MakeCase:
    def make(organization: Organization, **fields: Any) -> Case:
        facts = fields.pop("facts", None) or contract_case(
            county=(organization.counties or [None])[0]
        )
        case, _ = services.case_create(
            organization=organization,
            facts=facts,
            contact=fields.pop("contact", None) or contact_plan(),
            idempotency_key=uuid.uuid4(),
        )
        for name, value in fields.items():
            setattr(case, name, value)
        case.save()
        return case

    return make
