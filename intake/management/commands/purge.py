"""Delete what is due: closed cases past retention, sessions, login logs.

Run it from cron or a systemd timer (every night at least; every 15 minutes
is better, because expired survivor sessions still hold ciphertext until
``clearsessions`` runs). Deleted rows linger in PostgreSQL until VACUUM and
in backups until they age out; the retention policy must say so.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from intake.models import Action, AuditEntry, Case, Organization


class Command(BaseCommand):
    help = (
        "Delete closed cases past their organization's retention (unless on "
        "hold), expired sessions, and old login logs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--login-log-days",
            type=int,
            default=30,
            help="Keep login logs (django-axes) this many days (default 30).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        cases = sum(self.purge_cases(org, now) for org in Organization.objects.all())
        call_command("clearsessions")
        log_cutoff = now - timedelta(days=options["login_log_days"])
        logs = AccessLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0]
        logs += AccessFailureLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0]
        cooloff = settings.AXES_COOLOFF_TIME
        logs += AccessAttempt.objects.filter(attempt_time__lt=now - cooloff).delete()[0]
        self.stdout.write(f"Purged {cases} case(s) and {logs} login log row(s).")

    def purge_cases(self, organization: Organization, now: Any) -> int:
        cutoff = now - timedelta(days=organization.retention_days)
        due = Case.objects.filter(
            organization=organization,
            hold=False,
            closed_at__isnull=False,
            closed_at__lt=cutoff,
        )
        with transaction.atomic():
            ids = list(due.values_list("pk", flat=True))
            AuditEntry.objects.bulk_create(
                AuditEntry(
                    organization=organization,
                    action=Action.PURGE,
                    case_id=pk,
                    at=now,
                )
                for pk in ids
            )
            Case.objects.filter(pk__in=ids).delete()
        return len(ids)
