"""``purge`` deletes what is due, and only that."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from intake.models import Action, AuditEntry, Case, Organization, Status, Tally
from tests.intake.conftest import MakeCase


def closed(case: Case, at: Any) -> Case:
    case.set_status(Status.CLOSED)
    case.closed_at = at
    case.save()
    return case


@pytest.mark.django_db
def test_purge_deletes_closed_cases_past_retention_sessions_and_login_logs(
    org_a: Organization, org_b: Organization, make_case: MakeCase
) -> None:
    org_b.retention_days = 30
    org_b.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        due = closed(make_case(org_a), start)
        held = closed(make_case(org_a, hold=True), start)
        still_open = make_case(org_a)
        recent = closed(make_case(org_a), start + timedelta(days=100))
        short = closed(make_case(org_b), start + timedelta(days=150))
        Client().post("/begin/")  # a survivor's session
        AccessLog.objects.create(
            username="sam", ip_address="203.0.113.9", user_agent="x", attempt_time=start
        )
        AccessAttempt.objects.create(
            username="sam",
            ip_address="203.0.113.9",
            user_agent="x",
            failures_since_start=5,
            attempt_time=start,
        )
    assert Session.objects.exists()
    counted = sum(
        Tally.objects.filter(dimension="total").values_list("count", flat=True)
    )
    assert counted > 0
    with time_machine.travel(start + timedelta(days=181), tick=False):
        call_command("purge", stdout=None)
    remaining = set(Case.objects.values_list("pk", flat=True))
    assert due.pk not in remaining
    assert short.pk not in remaining  # 31 days closed, 30-day retention
    assert {held.pk, still_open.pk, recent.pk} <= remaining
    assert not Session.objects.exists()
    assert not AccessLog.objects.exists()
    assert not AccessAttempt.objects.exists()
    purged = set(
        AuditEntry.objects.filter(action=Action.PURGE).values_list("case_id", flat=True)
    )
    assert purged == {due.pk, short.pk}
    # Anonymous counts are not part of any case and stay.
    assert (
        sum(Tally.objects.filter(dimension="total").values_list("count", flat=True))
        == counted
    )


@pytest.mark.django_db
def test_purge_keeps_everything_still_within_retention(
    org_a: Organization, make_case: MakeCase
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        case = closed(make_case(org_a), start)
        AccessLog.objects.create(
            username="sam", ip_address="203.0.113.9", user_agent="x", attempt_time=start
        )
    with time_machine.travel(start + timedelta(days=179), tick=False):
        call_command("purge", stdout=None)
    assert Case.objects.filter(pk=case.pk).exists()
    assert not AccessLog.objects.exists()  # login logs live 30 days


@pytest.mark.django_db
def test_org_add_sets_counties_and_retention_and_refuses_unknown_counties() -> None:
    from django.core.management import CommandError

    call_command(
        "org_add", "Delta Aid", counties="Sacramento, Yolo", retention_days=90,
        stdout=None,
    )  # fmt: skip
    org = Organization.objects.get(name="Delta Aid")
    assert (org.counties, org.retention_days) == (["Sacramento", "Yolo"], 90)
    with pytest.raises(CommandError):
        call_command("org_add", "Nowhere", counties="Atlantis")
    assert not Organization.objects.filter(name="Nowhere").exists()
