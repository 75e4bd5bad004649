"""Re-encrypt every case, case note and authenticator key under the first key
of INTAKE_ENCRYPTION_KEYS.

Every encrypted field of a case is written (``intake.models.ENCRYPTED_FIELDS``:
the facts, their stored screening, the contact plan, the narrative).

Key rotation: put the new key first, keep the old one after it, run this,
then remove the old key. Each case is read (decrypted with whichever key
fits) and written back (encrypted with the first); a case no key opens
stops the command with an error rather than being skipped silently.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import otp
from intake.models import ENCRYPTED_FIELDS, Case, CaseNote


class Command(BaseCommand):
    help = "Re-encrypt all case data with the newest intake key."

    def handle(self, *args: Any, **options: Any) -> None:
        done = 0
        for pk in Case.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                case = Case.objects.select_for_update().get(pk=pk)
                case.save(update_fields=list(ENCRYPTED_FIELDS))
            done += 1
        notes = 0
        for pk in CaseNote.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                note = CaseNote.objects.select_for_update().get(pk=pk)
                note.save(update_fields=["body"])
            notes += 1
        devices = 0
        for pk in TOTPDevice.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                device = TOTPDevice.objects.select_for_update().get(pk=pk)
                device.key = otp.reseal(device.key)
                device.save(update_fields=["key"])
            devices += 1
        self.stdout.write(
            f"Re-encrypted {done} case(s), {notes} note(s) "
            f"and {devices} authenticator key(s)."
        )
