"""``manage.py rapsheet_worker``: read queued RAP sheet scans (OCR).

Run one or more beside the web servers (systemd, a process manager). Each
claims queued sheets from the database (``rapsheet.jobs``), so a reload of
the progress page or a restart of the web process loses nothing.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rapsheet import jobs


class Command(BaseCommand):
    help = "Read queued RAP sheets (scans through OCR); --once reads what is queued and stops."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="stop when the queue is empty"
        )
        parser.add_argument(
            "--sleep", type=float, default=2.0, help="seconds between polls"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            worked = jobs.run_once()
            if not worked:
                if options["once"]:
                    return
                time.sleep(options["sleep"])
