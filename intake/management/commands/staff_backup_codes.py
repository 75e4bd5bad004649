"""Give a staff account ten new single-use backup codes (the old ones stop working).

For the person who loses the phone with their authenticator: an operator or
organisation admin runs this and hands the codes over a safe channel, as
with ``staff_add``'s authenticator link. Each code signs in once, in place
of the six-digit code; the password is still needed. The codes are printed
once; the database keeps only their hashes (``intake.otp``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticToken

from intake.management.staff import staff_account
from intake.otp import HashedStaticDevice, code_digest, new_backup_code

COUNT = 10


class Command(BaseCommand):
    help = "Replace a staff user's backup codes with ten new single-use ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = staff_account(options["username"])
        with transaction.atomic():
            device, _created = HashedStaticDevice.objects.get_or_create(
                user=user, name="backup codes", defaults={"confirmed": True}
            )
            device.token_set.all().delete()
            # Dashes in every code: never all digits, which the sign-in page
            # would read as the authenticator's six.
            codes = [new_backup_code() for _ in range(COUNT)]
            StaticToken.objects.bulk_create(
                StaticToken(device=device, token=code_digest(code)) for code in codes
            )
        self.stdout.write(
            f"Backup codes for {user.username} (each works once; "
            "any earlier codes no longer work):"
        )
        for code in codes:
            self.stdout.write(f"  {code}")
