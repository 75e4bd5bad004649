"""Give a staff account a new authenticator key (a lost or replaced phone).

The old key stops working at once, so a lost phone no longer opens the
account; the person signs in with the new key (or a backup code from
``staff_backup_codes``) and their password. Print the link only to the
person, over a safe channel, as ``staff_add`` does.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from intake.management.staff import staff_account
from intake.otp import SealedTOTPDevice


class Command(BaseCommand):
    help = "Replace a staff user's authenticator key; the old one stops working."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = staff_account(options["username"])
        with transaction.atomic():
            SealedTOTPDevice.objects.filter(user=user).delete()
            device = SealedTOTPDevice.objects.create(
                user=user, name="authenticator", confirmed=True
            )
        self.stdout.write(
            f"The old authenticator of {user.username} no longer works. "
            "Load this into the new one:"
        )
        self.stdout.write(device.config_url)
