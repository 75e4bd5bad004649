"""Writes: create a case once, change it, and log every touch.

Views call these; these never read the request body themselves.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from intake import stats
from intake.models import Action, AuditEntry, Case, CaseNote, Organization, Source
from screener import screenings
from screener.rules.contract import Screening

logger = logging.getLogger(__name__)


def audit(
    actor: User | AnonymousUser | None,
    action: str,
    *,
    case: Case | None = None,
    organization: Organization | None = None,
    detail: str = "",
) -> AuditEntry:
    """One line in the audit log: who, what, which case id, when; no content."""
    user = actor if actor is not None and actor.is_authenticated else None
    if organization is None and case is not None:
        organization = case.organization
    if organization is None and user is not None and hasattr(user, "membership"):
        organization = user.membership.organization
    return AuditEntry.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "",
        organization=organization,
        action=action,
        case_id=case.pk if case else None,
        detail=detail[:40],
    )


def case_counties(facts: dict[str, Any]) -> list[str | None]:
    return list(dict.fromkeys(r.get("county") for r in facts.get("records", [])))


def case_screening(case: Case) -> dict[str, Any]:
    """The case's stored screening; the rules run only when it no longer stands.

    ``screener.screenings.screening_for`` decides: none stored yet (a case
    from before screenings were stored is filled here, on first read), or
    made under other rules (then the case page says it was re-screened, and
    the log says so). A case keeps the date its facts carry, so staff see
    the answer it was screened on. The new screening is saved without
    touching ``updated_at``: nobody edited the case.
    """
    screening, reason = screenings.screening_for(case.facts, case.screening)
    if reason is None:
        return screening
    case.screening = screening
    fields = ["screening"]
    if reason == screenings.RULES_CHANGED:
        case.rescreened_under = str(screening["rules_version"])[:40]
        fields.append("rescreened_under")
        logger.info("case %s re-screened under rules version %s", case.pk,
                    case.rescreened_under)  # fmt: skip
    if case.pk is not None:
        Case.objects.filter(pk=case.pk).update(
            **{name: getattr(case, name) for name in fields}
        )
        case.remember_screened()
    return screening


def case_create(
    *,
    organization: Organization,
    facts: dict[str, Any],
    contact: dict[str, Any],
    idempotency_key: uuid.UUID,
    screening: dict[str, Any] | None = None,
    source: str = Source.SURVIVOR,
    actor: User | None = None,
) -> tuple[Case, bool]:
    """Create the case for this key, or return the one already made for it.

    The unique key makes a double click, a retry or a second tab land on the
    same row: ``get_or_create`` re-reads after losing the insert race.
    Counting and the audit line happen only for the request that created it.
    ``screening`` is the one the survivor was shown for these facts; it is
    stored with them if it still stands, else they are screened once here.
    """
    screening, _reason = screenings.screening_for(facts, screening)
    county = next((c for c in case_counties(facts) if organization.serves(c)), "")
    with transaction.atomic():
        case, created = Case.objects.get_or_create(
            idempotency_key=idempotency_key,
            defaults={
                "organization": organization,
                "facts": facts,
                "screening": screening,
                "contact": contact,
                "county": county or "",
                "source": source,
            },
        )
        if created:
            stats.record_screening(
                cast(Screening, screening),
                case_counties(facts),
                today=timezone.localdate(),
                organization=organization,
                statewide=source == Source.STAFF,
            )
            if source == Source.STAFF:
                audit(actor, Action.SCREEN, case=case, detail="new")
            else:
                audit(None, Action.HANDOFF, case=case)
    return case, created


def case_set_facts(
    *,
    case: Case,
    facts: dict[str, Any],
    actor: User,
    action: str = Action.EDIT,
    detail: str = "",
    screening: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Replace the stored facts (a re-run or edited facts) and their screening.

    The facts changed, so they are screened once here (or ``screening`` is
    the caller's own run on these very facts) and both are stored,
    encrypted; the screening is returned. Facts that cannot be screened
    raise ``InvalidFacts`` before anything is stored. The county follows the
    records when one of them is in a county the organisation serves;
    otherwise it is kept, so a case never drops out of its county filter
    because a fact was corrected.
    """
    screening, _reason = screenings.screening_for(facts, screening)
    county = next(
        (c for c in case_counties(facts) if case.organization.serves(c)), None
    )
    case.facts = facts
    case.screening = screening
    case.rescreened_under = ""
    if county:
        case.county = county
    case.save(
        update_fields=["facts", "screening", "rescreened_under", "county", "updated_at"]
    )
    audit(actor, action, case=case, detail=detail)
    return screening


def case_set_status(*, case: Case, status: str, actor: User) -> None:
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        locked.set_status(status)
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        audit(actor, Action.CHANGE_STATUS, case=locked, detail=status)
    case.refresh_from_db()


def case_assign(*, case: Case, attorney: User | None, actor: User) -> None:
    case.assigned_to = attorney
    case.save(update_fields=["assigned_to", "updated_at"])
    audit(actor, Action.ASSIGN, case=case, detail=str(attorney.pk) if attorney else "")


def case_set_hold(*, case: Case, hold: bool, actor: User) -> None:
    case.hold = hold
    case.save(update_fields=["hold", "updated_at"])
    audit(actor, Action.HOLD, case=case, detail="on" if hold else "off")


def case_set_narrative(*, case: Case, narrative: dict[str, Any], actor: User) -> None:
    case.narrative = narrative
    case.save(update_fields=["narrative", "updated_at"])
    audit(actor, Action.EDIT_NARRATIVE, case=case)


def case_add_note(*, case: Case, text: str, actor: User) -> CaseNote:
    """Add an encrypted note; the audit line says a note was added, not what."""
    note = CaseNote.objects.create(
        case=case, author=actor, author_name=actor.get_username(), body={"text": text}
    )
    audit(actor, Action.NOTE, case=case)
    return note


def case_set_contact(*, case: Case, contact: dict[str, Any], actor: User) -> None:
    """Store the safe-contact plan (encrypted); log that it changed, not how."""
    case.contact = contact
    case.save(update_fields=["contact", "updated_at"])
    audit(actor, Action.EDIT_CONTACT, case=case)
