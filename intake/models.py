"""Organisations, staff roles, cases, the audit log and anonymous tallies.

What a queue filters and counts on (county, status, dates) is plain; what
identifies or describes a person (the facts and their screening, contact
plan, narrative) is one encrypted blob each (``intake.crypto``). The audit log and the tallies
never hold content, so they need no encryption and survive a case's purge.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.crypto import EncryptedJSONField, Unreadable
from screener.counties import COUNTIES

COUNTY_CHOICES = [(c, c) for c in COUNTIES]
# No 0/O, 1/I/L: a reference read out over the phone must survive it.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class Organization(models.Model):
    name = models.CharField(max_length=200, unique=True)
    # A handful of organisations, each a few counties: a list is enough, and
    # the hand-off filters it in Python (SQLite has no JSON containment).
    counties = models.JSONField(default=list, blank=True)
    retention_days = models.PositiveIntegerField(
        default=180, help_text="How long a closed case is kept before purge."
    )

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def serves(self, county: str | None) -> bool:
        return bool(county) and county in self.counties


class Role(models.TextChoices):
    INTAKE_STAFF = "intake_staff", _("Intake staff")
    ATTORNEY = "attorney", _("Attorney")
    ORG_ADMIN = "org_admin", _("Organization admin")


class Membership(models.Model):
    """One person, one organisation, one role: access follows from this row."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    def __str__(self) -> str:
        return f"{self.user} ({self.role}, {self.organization})"


class Status(models.TextChoices):
    NEW = "new", _("New")
    REVIEWING = "reviewing", _("Reviewing")
    DRAFTING = "drafting", _("Drafting")
    FILED = "filed", _("Filed")
    GRANTED = "granted", _("Granted")
    DENIED = "denied", _("Denied")
    CLOSED = "closed", _("Closed")


# Statuses after which nothing more is done for the person: the retention
# clock runs from the first of them.
FINAL_STATUSES = (Status.GRANTED, Status.DENIED, Status.CLOSED)


class Source(models.TextChoices):
    SURVIVOR = "survivor", _("Sent by the survivor")
    STAFF = "staff", _("Screened by staff")


# Every encrypted field of a case: key rotation re-encrypts each of them.
ENCRYPTED_FIELDS = ("facts", "screening", "contact", "narrative")


class Case(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="cases"
    )
    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4)
    source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.SURVIVOR
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    county = models.CharField(
        max_length=40, choices=COUNTY_CHOICES, blank=True, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )
    # The screening contract's input, the facts (docs/screening-api.md).
    facts = EncryptedJSONField()
    # The rules' output for those facts, stored when they change so the
    # queue, the case page and the packet read one answer
    # (``intake.services.case_screening``). Null for a case stored before
    # screenings were: filled on first read, not by a data migration, so a
    # migration never runs the rules (whose code moves on) and never needs
    # the data keys (``migrate`` runs without them). Null, not {}: a default
    # would be encrypted for every existing row while migrating. The type
    # stays a dict to the checker, like the other encrypted fields.
    screening = EncryptedJSONField(null=True, blank=True, default=None)  # type: ignore[misc]
    # The rules version the screening was re-run under because the stored
    # one came from other rules (blank: it was made when the facts were).
    # A version number, not content: plain, for the case page to say so.
    rescreened_under = models.CharField(max_length=40, blank=True)
    # How, when and whether to reach the person (intake.forms.ContactPlanForm).
    contact = EncryptedJSONField(default=dict)
    # The declaration narrative, keyed like petitions.forms.DraftDetailsForm.
    narrative = EncryptedJSONField(default=dict)
    hold = models.BooleanField(
        default=False, help_text="A hold keeps a closed case past retention."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Not a column: the queue view sets it on each row for its template.
    outcome: str | None

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save; facts changed without a new screening drop the old one.

        ``intake.services`` stores facts and their screening together. Any
        other write that changes the facts (a script, the admin, a test)
        must not leave the old screening beside them: it is dropped here and
        made again from the new facts on first read
        (``intake.services.case_screening``).
        """
        facts = self.__dict__.get("facts")
        stored = getattr(self, "_stored_facts", None)
        if (
            stored is not None
            and facts is not None
            and not isinstance(facts, Unreadable)
            and not isinstance(stored, Unreadable)
            and facts != stored
            and self.__dict__.get("screening") is self._stored_screening
        ):
            self.screening = None  # type: ignore[assignment]
            self.rescreened_under = ""
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"], "screening", "rescreened_under"
                }  # fmt: skip
        super().save(*args, **kwargs)
        self.remember_screened()

    @property
    def unreadable(self) -> bool:
        """True when a loaded encrypted field opens with none of the current keys.

        Only fields already loaded are looked at (the queue defers the
        narrative), so asking costs no query.
        """
        return any(
            isinstance(self.__dict__.get(name), Unreadable) for name in ENCRYPTED_FIELDS
        )

    @classmethod
    def from_db(cls, *args: Any, **kwargs: Any) -> Case:
        """Remember the facts and screening as loaded (see ``save``)."""
        instance = super().from_db(*args, **kwargs)
        instance.remember_screened()
        return instance

    def remember_screened(self) -> None:
        """The facts and screening now stored are a pair (``save`` compares)."""
        self._stored_facts = self.__dict__.get("facts")
        self._stored_screening = self.__dict__.get("screening")

    def set_status(self, status: str) -> None:
        """Change status; the retention clock starts at the first final one."""
        self.status = status
        if status in FINAL_STATUSES:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None


class CaseNote(models.Model):
    """A note staff or the attorney write on a case.

    The text is one encrypted blob like the case's facts (it will hold
    what the client said on the phone); it is deleted with the case when
    retention purges it, and its audit line never holds the text.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    author_name = models.CharField(max_length=150, blank=True)
    # {"text": "..."}: an object, so more fields can come without a migration.
    body = EncryptedJSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"note {self.pk} on case {self.case_id}"

    @property
    def text(self) -> str:
        return str((self.body or {}).get("text", ""))


class Action(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGOUT = "logout", _("Logged out")
    VIEW_QUEUE = "view_queue", _("Viewed the queue")
    VIEW_CASE = "view_case", _("Viewed a case")
    CHANGE_STATUS = "change_status", _("Changed status")
    ASSIGN = "assign", _("Assigned an attorney")
    HOLD = "hold", _("Changed the hold")
    EDIT_NARRATIVE = "edit_narrative", _("Edited the narrative")
    SCREEN = "screen", _("Screened a client")
    EDIT = "edit", _("Edited the facts")
    NOTE = "note", _("Added a note")
    EDIT_CONTACT = "edit_contact", _("Edited the contact plan")
    DOWNLOAD = "download", _("Downloaded the packet")
    VIEW_AUDIT = "view_audit", _("Viewed the audit log")
    VIEW_STATS = "view_stats", _("Viewed counts")
    EXPORT_STATS = "export_stats", _("Exported counts")
    HANDOFF = "handoff", _("Case sent by a survivor")
    PURGE = "purge", _("Case purged")
    DENIED = "denied", _("Access refused")


class AuditEntry(models.Model):
    """Who did what to which case, when. Never the content.

    ``case_id`` is a plain integer, not a key: the entry outlives the case.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_name = models.CharField(max_length=150, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    case_id = models.BigIntegerField(null=True, blank=True)
    detail = models.CharField(
        max_length=40, blank=True, help_text="A status or format, never content."
    )

    class Meta:
        ordering = ("-at", "-id")
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"


class Tally(models.Model):
    """An anonymous counter for advocacy: no case, no person, only a count.

    ``scope`` is "all" (every screening counted) or "org:<id>".
    ``dimension`` is outcome, county, remedy or violent_only.
    """

    scope = models.CharField(max_length=20)
    month = models.DateField()
    dimension = models.CharField(max_length=20)
    value = models.CharField(max_length=60)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["scope", "month", "dimension", "value"], name="tally_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.scope} {self.month:%Y-%m} {self.dimension}={self.value}"


# The second-factor proxies live in intake.otp; imported here so Django
# registers them with this app's models.
from intake.otp import HashedStaticDevice, SealedTOTPDevice  # noqa: E402, F401
