"""``manage.py rapsheet PATH.pdf``: a California RAP sheet as contract records.

Prints ``{"person": {...}, "records": [...], "warnings": [...]}``; exit 2
with ``{"errors": [...]}`` on standard error when the file cannot be read.
The upload page reads sheets through the same ``rapsheet.services``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rapsheet.services import ReadError, read_sheet


class Command(BaseCommand):
    help = "Read a California RAP sheet (PDF, text or scanned) and print its records as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the RAP sheet, a PDF")
        parser.add_argument(
            "--as-of",
            default=None,
            help="the day probation terms are judged on (YYYY-MM-DD); default today",
        )

    def _fail(self, message: str) -> None:
        sys.stderr.write(json.dumps({"errors": [message]}) + "\n")
        sys.exit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = None
        if options["as_of"]:
            try:
                as_of = date.fromisoformat(options["as_of"])
            except ValueError:
                self._fail("--as-of must be a date written YYYY-MM-DD.")
        try:
            data = Path(options["path"]).read_bytes()
        except OSError:
            self._fail("The file cannot be opened.")
        try:
            result = read_sheet(data, as_of=as_of)
        except ReadError as error:
            self._fail(str(error))
        out = {
            "person": result["person"],
            "records": result["records"],
            "warnings": result["warnings"],
        }
        self.stdout.write(json.dumps(out, indent=2))
