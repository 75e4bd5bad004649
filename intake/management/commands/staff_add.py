"""Create a staff account, its role and its TOTP device (no self sign-up).

The only way in: an operator or organisation admin runs this, then gives
the person the printed otpauth:// link (or key) over a safe channel to load
into an authenticator app. The password is asked twice, never on the
command line (shell history), and checked against length and common-
password lists. ``--password-stdin`` reads it once from a pipe instead
(a password manager or a provisioning script: ``pass show x | manage.py
staff_add ...``), the way ``docker login --password-stdin`` does.
"""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
    UserAttributeSimilarityValidator,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from intake.models import Membership, Organization, Role
from intake.otp import SealedTOTPDevice

if TYPE_CHECKING:
    from django.contrib.auth.password_validation import PasswordValidator

VALIDATORS: list[PasswordValidator] = [
    MinimumLengthValidator(12),
    CommonPasswordValidator(),
    UserAttributeSimilarityValidator(),
]


def _password(*, from_stdin: bool) -> str:
    """The new password: one line from a pipe, or asked twice at a terminal."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("No password on standard input.")
        return password
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Password (again): "):
        raise CommandError("The passwords differ.")
    return password


class Command(BaseCommand):
    help = "Create a staff user with a role in an organization and a TOTP device."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--organization", required=True, help="Its exact name.")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from standard input (one line) instead of asking.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organization = Organization.objects.filter(name=options["organization"]).first()
        if organization is None:
            raise CommandError("No organization has that name.")
        User = get_user_model()
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError("That username is taken.")
        password = _password(from_stdin=options["password_stdin"])
        user = User(username=options["username"])
        try:
            validate_password(password, user, VALIDATORS)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            Membership.objects.create(
                user=user, organization=organization, role=options["role"]
            )
            device = SealedTOTPDevice.objects.create(
                user=user, name="authenticator", confirmed=True
            )
        self.stdout.write("Load this into the person's authenticator app:")
        self.stdout.write(device.config_url)
