"""Reading an uploaded sheet, from the web (text PDFs) or the worker (scans).

A text PDF reads in well under a second, so the upload reads it at once; a
scan takes about four seconds a page, so the upload only queues it and
``manage.py rapsheet_worker`` (a separate process, not a thread in the web
server) claims it. Progress is written to the row after every page, so the
progress page shows it from the database however often it is reloaded.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from intake.models import Action
from intake.services import audit
from rapsheet.extract import ExtractError, pdf_text
from rapsheet.models import SheetImport, Status
from rapsheet.services import ReadError, read_sheet

logger = logging.getLogger(__name__)
# A claim older than this is taken for a worker that died mid-sheet.
STALE_AFTER = timedelta(minutes=10)


def has_text_layer(data: bytes, pages: int) -> bool:
    try:
        return len(pdf_text(data).strip()) >= 40 * pages
    except ExtractError:
        return False


def process(sheet: SheetImport) -> None:
    """Read the sheet's PDF into ``result``; a failure is a kind message."""

    def progress(done: int, total: int) -> None:
        SheetImport.objects.filter(pk=sheet.pk).update(
            pages_done=done, pages_total=total
        )

    try:
        result = read_sheet(sheet.pdf_bytes(), progress=progress)
    except ReadError as error:
        sheet.status = Status.FAILED
        sheet.error = str(error)[:300]
        sheet.pdf = ""
        sheet.save(update_fields=["status", "error", "pdf", "updated_at"])
        audit(None, Action.EDIT, case=sheet.case, detail="rapsheet unreadable")
        return
    sheet.result = result
    sheet.ocr = result["ocr"]
    sheet.pages_total = sheet.pages_done = result["pages"]
    sheet.status = Status.REVIEW
    sheet.pdf = ""  # read: the PDF is not kept
    sheet.save()
    audit(None, Action.EDIT, case=sheet.case, detail="rapsheet parsed")


def claim() -> SheetImport | None:
    """Take the oldest queued sheet (or one a dead worker left), atomically."""
    stale = timezone.now() - STALE_AFTER
    with transaction.atomic():
        candidate = (
            SheetImport.objects.select_for_update(skip_locked=True)
            .filter(status=Status.QUEUED)
            .order_by("created_at")
            .first()
        ) or (
            SheetImport.objects.select_for_update(skip_locked=True)
            .filter(status=Status.READING, claimed_at__lt=stale)
            .order_by("created_at")
            .first()
        )
        if candidate is None:
            return None
        candidate.status = Status.READING
        candidate.claimed_at = timezone.now()
        candidate.save(update_fields=["status", "claimed_at", "updated_at"])
    return candidate


def run_once() -> bool:
    """Process one queued sheet; False when there was none."""
    sheet = claim()
    if sheet is None:
        return False
    try:
        process(sheet)
    except Exception:  # a bug must not kill the worker or leave "reading"
        logger.exception("RAP sheet %s could not be processed", sheet.pk)
        SheetImport.objects.filter(pk=sheet.pk).update(
            status=Status.FAILED,
            pdf="",
            error="Something went wrong reading this sheet. Try again, or type the records.",
        )
    return True
