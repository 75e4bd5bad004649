"""One uploaded RAP sheet: encrypted, a job row for the worker, a review.

The row is the job (``status`` queued -> reading -> review -> confirmed, or
failed), so a scan's progress survives a reload and a restart of the web
process: ``manage.py rapsheet_worker`` claims queued rows from the database.
The PDF and everything read from it are Fernet tokens under the case keys
(``intake.crypto``); the PDF is dropped as soon as it has been read. The row
belongs to its case and is deleted with it (``on_delete=CASCADE``), so the
retention purge takes it too.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from intake.crypto import EncryptedJSONField, cipher
from intake.models import Case

PREFIX = "f1:"


class Status(models.TextChoices):
    QUEUED = "queued", "Waiting to be read"
    READING = "reading", "Being read"
    REVIEW = "review", "Ready to review"
    FAILED = "failed", "Could not be read"
    CONFIRMED = "confirmed", "Confirmed and screened"


class SheetImport(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rapsheets")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    pages_total = models.PositiveIntegerField(default=0)
    pages_done = models.PositiveIntegerField(default=0)
    ocr = models.BooleanField(default=False)
    # The PDF as one Fernet token; emptied once read.
    pdf = models.TextField(blank=True, default="")
    # {"person", "records", "warnings"} as read, then as staff corrected it.
    result = EncryptedJSONField(default=dict)
    # A kind message for a sheet that could not be read; never content.
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"RAP sheet {self.pk} of case {self.case_id}"

    def set_pdf(self, data: bytes) -> None:
        self.pdf = PREFIX + cipher().encrypt(data).decode("ascii")

    def pdf_bytes(self) -> bytes:
        if not self.pdf.startswith(PREFIX):
            return b""
        return cipher().decrypt(self.pdf[len(PREFIX) :].encode("ascii"))
