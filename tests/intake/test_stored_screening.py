"""Legal aid reads the screening stored with each case; the rules run on change only.

The queue, the case page, the attorney's draft and packet read
``Case.screening``; it is made when the facts change
(``intake.services``), filled on first read for a case stored before
screenings were, and made again, saying so, when the rules change.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from core import visitor_store
from intake import services
from intake.models import Case, Organization
from screener.rules import RULES_VERSION, screen
from tests.intake.conftest import MakeCase, contract_case, verified_client
from tests.screen_runs import counting_runs
from tests.screener.conftest import TRAFFICKING_647B, walk

pytestmark = pytest.mark.django_db


def test_the_queue_of_current_cases_runs_no_rules(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    """Before issue 15 the queue ran the rules once per row (here 5)."""
    cases = [make_case(org_a) for _ in range(5)]
    client = verified_client(staff_a)
    with counting_runs() as runs:
        page = client.get("/staff/")
    assert page.status_code == 200
    assert runs.count == 0
    for case in cases:
        assert case.reference in page.content.decode()


def test_a_case_is_stored_with_the_screening_of_its_facts(
    org_a: Organization, make_case: MakeCase
) -> None:
    case = Case.objects.get(pk=make_case(org_a).pk)
    assert case.screening == screen(case.facts)
    assert case.screening["rules_version"] == RULES_VERSION


def test_the_case_page_draft_and_packet_run_no_rules(
    org_a: Organization, make_case: MakeCase, staff_a: Any, attorney_a: Any
) -> None:
    case = make_case(org_a, facts=contract_case(county="Los Angeles"))
    case.assigned_to = attorney_a
    case.save()
    with counting_runs() as runs:
        assert (
            verified_client(staff_a).get(f"/staff/cases/{case.pk}/").status_code == 200
        )
        attorney = verified_client(attorney_a)
        assert attorney.get(f"/staff/cases/{case.pk}/draft/").status_code == 200
        packet = attorney.post(f"/staff/cases/{case.pk}/packet/", {"format": "pdf"})
        assert packet["Content-Type"] == "application/pdf"
    assert runs.count == 0


def test_editing_one_fact_runs_the_rules_once(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    case = make_case(org_a)
    edited = contract_case(county="Los Angeles", offense="PC 211", level="felony")
    with counting_runs() as runs:
        services.case_set_facts(case=case, facts=edited, actor=staff_a)
        verified_client(staff_a).get("/staff/")
    assert runs.count == 1
    assert Case.objects.get(pk=case.pk).screening == screen(edited)


def test_a_case_stored_before_screenings_is_screened_once_on_first_read(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    case = make_case(org_a)
    Case.objects.filter(pk=case.pk).update(screening=None)
    client = verified_client(staff_a)
    with counting_runs() as runs:
        client.get("/staff/")
        client.get("/staff/")
        page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert runs.count == 1
    stored = Case.objects.get(pk=case.pk)
    assert stored.screening == screen(stored.facts)
    assert stored.rescreened_under == ""
    assert "Re-screened under rules version" not in page


def test_a_screening_from_other_rules_is_run_again_and_the_case_page_says_so(
    org_a: Organization,
    make_case: MakeCase,
    staff_a: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    case = make_case(org_a)
    old = {**case.screening, "rules_version": "2025.01.0+00000000"}
    Case.objects.filter(pk=case.pk).update(screening=old)
    client = verified_client(staff_a)
    with counting_runs() as runs, caplog.at_level(logging.INFO):
        page = client.get(f"/staff/cases/{case.pk}/").content.decode()
        again = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert runs.count == 1
    assert f"Re-screened under rules version {RULES_VERSION}" in page
    assert f"Re-screened under rules version {RULES_VERSION}" in again
    assert "re-screened under rules version" in caplog.text
    assert Case.objects.get(pk=case.pk).screening["rules_version"] == RULES_VERSION


def test_facts_saved_another_way_drop_the_old_screening(
    org_a: Organization, make_case: MakeCase
) -> None:
    """A script or the admin that changes the facts never leaves a stale answer."""
    case = Case.objects.get(pk=make_case(org_a).pk)
    case.facts = contract_case(county="Los Angeles", offense="PC 211", level="felony")
    case.save(update_fields=["facts"])
    stored = Case.objects.get(pk=case.pk)
    assert stored.screening is None
    assert services.case_screening(stored) == screen(stored.facts)
    assert Case.objects.get(pk=case.pk).screening == screen(stored.facts)


def test_saving_other_fields_keeps_the_screening(
    org_a: Organization, make_case: MakeCase
) -> None:
    case = Case.objects.get(pk=make_case(org_a).pk)
    kept = case.screening
    case.hold = True
    case.save()
    assert Case.objects.get(pk=case.pk).screening == kept


def test_staff_attach_stores_the_screening_and_forgets_it_from_the_session(
    staff_a: Any, org_a: Organization
) -> None:
    client = verified_client(staff_a)
    walk(client, dict(TRAFFICKING_647B), start=client.post("/staff/screen/"))
    client.post("/staff/screen/attach/")
    case = Case.objects.get()
    assert case.screening == screen(case.facts)
    for name in (visitor_store.FACTS_KEY, visitor_store.SCREENED_KEY):
        assert name not in client.session
