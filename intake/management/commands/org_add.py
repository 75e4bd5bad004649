"""Create or update an organisation: name, counties served, retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from intake.models import Organization
from screener.counties import COUNTIES


class Command(BaseCommand):
    help = "Create or update a legal-aid organization."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument(
            "--counties",
            required=True,
            help='Comma-separated county names, e.g. "Los Angeles,Orange".',
        )
        parser.add_argument("--retention-days", type=int, default=180)

    def handle(self, *args: Any, **options: Any) -> None:
        counties = [c.strip() for c in options["counties"].split(",") if c.strip()]
        unknown = [c for c in counties if c not in COUNTIES]
        if unknown or not counties:
            raise CommandError(f"Not California counties: {', '.join(unknown)}")
        if options["retention_days"] < 1:
            raise CommandError("Retention must be at least one day.")
        org, created = Organization.objects.update_or_create(
            name=options["name"],
            defaults={
                "counties": counties,
                "retention_days": options["retention_days"],
            },
        )
        self.stdout.write(f"{'Created' if created else 'Updated'} {org.name}.")
