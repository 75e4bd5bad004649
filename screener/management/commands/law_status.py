"""``python manage.py law_status [--as-of YYYY-MM-DD] [--strict]``.

Prints each statute and bill in the rules' law data with its version and
the date a person last checked it, flags anything not checked in 180 days,
and lists the bills that could change the law (AB 938 and others). With
``--strict`` the exit code is 1 when anything is stale, for a cron job.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from screener.rules import law_checked_on
from screener.rules.currency import STALE_DAYS, bills_to_watch, law_status


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError("--as-of must be a date written as YYYY-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "Show each statute and bill with its version and last check; flag stale ones."
    )
    requires_system_checks: list[str] = []  # noqa: RUF012 - Django API
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--strict", action="store_true", help="exit 1 when anything is stale"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = _date(options["as_of"]) if options["as_of"] else timezone.localdate()
        stale = 0
        self.stdout.write(
            f"Law data as of {as_of.isoformat()} (stale: over {STALE_DAYS} days)"
        )
        self.stdout.write(f"Law checked on {law_checked_on(as_of).isoformat()}")
        self.stdout.write("")
        self.stdout.write("Statutes and bills:")
        for status in law_status(as_of):
            stale += status.stale
            flag = "STALE " if status.stale else ""
            force = "in force" if status.in_force else "NOT in force"
            self.stdout.write(
                f"  {flag}{status.remedy} ({status.id}): {force}; version {status.version}; "
                f"last verified {status.last_verified.isoformat()}"
            )
        self.stdout.write("")
        self.stdout.write("Pending bills (not law):")
        for bill in bills_to_watch(as_of):
            stale += bill["stale"]
            flag = "STALE " if bill["stale"] else ""
            successor = (
                f", successor of {bill['successor_of']}" if bill["successor_of"] else ""
            )
            when = (
                bill["action_date"].isoformat()
                if bill["action_date"]
                else "date unknown"
            )
            self.stdout.write(
                f"  {flag}{bill['bill']}{successor}: last recorded action "
                f'"{bill["last_action"]}", {bill["where"]}, {when}; '
                f"later status {bill['later_status']}; last verified "
                f"{bill['last_verified'].isoformat()}"
            )
        if stale:
            self.stdout.write(f"\n{stale} item(s) not verified in {STALE_DAYS} days.")
            if options["strict"]:
                raise SystemExit(1)
