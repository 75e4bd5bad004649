"""Re-encrypt uploaded RAP sheets under the first key of INTAKE_ENCRYPTION_KEYS.

Run it with ``rotate_case_keys`` (same order: new key first, run both, then
remove the old key). A sheet not yet read keeps its PDF as a token; what was
read is an encrypted JSON field. A row no key opens stops the command.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from intake.crypto import cipher
from rapsheet.models import PREFIX, SheetImport


class Command(BaseCommand):
    help = "Re-encrypt uploaded RAP sheets with the newest intake key."

    def handle(self, *args: Any, **options: Any) -> None:
        done = 0
        for pk in SheetImport.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                sheet = SheetImport.objects.select_for_update().get(pk=pk)
                if sheet.pdf.startswith(PREFIX):
                    # MultiFernet.rotate raises when no key opens the token.
                    body = cipher().rotate(sheet.pdf[len(PREFIX) :].encode("ascii"))
                    sheet.pdf = PREFIX + body.decode("ascii")
                sheet.save(update_fields=["pdf", "result"])
            done += 1
        self.stdout.write(f"Re-encrypted {done} RAP sheet(s).")
