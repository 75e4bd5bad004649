"""Staff stay inside their role on the survivor's pages, and refusals are
logged where the organisation whose case was probed sees them.

The security probe: an intake worker (who may not download packets)
re-screened a case, then asked the survivor's results, petition and
hand-off pages, got the PDF and copied the client into another
organisation's queue, with nothing in the audit log under the worker.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from intake.models import Action, AuditEntry, Case, Organization
from tests.intake.conftest import MakeCase, contract_case, verified_client
from tests.screener.conftest import TRAFFICKING_647B, walk
from tests.sessions import put_case_in_session


@pytest.fixture
def their_case(org_a: Organization, make_case: MakeCase) -> Case:
    return make_case(org_a, facts=contract_case(county="Los Angeles"))


def _denied(user: Any, **fields: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(actor=user, action=Action.DENIED, **fields))


@pytest.mark.django_db
def test_a_re_screen_cannot_reach_the_survivors_results_or_packet(
    their_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    client.post(f"/staff/cases/{their_case.pk}/rescreen/")
    to_results = client.post("/check/", {"action": "results"})
    assert to_results.status_code == 403
    assert "Attach" in to_results.content.decode()
    assert client.get("/results/").status_code == 403
    put_case_in_session(client, contract_case(county="Los Angeles"))
    packet = client.post("/petition/", {"file_format": "pdf"})
    assert packet.status_code == 403
    assert packet["Content-Type"].startswith("text/html")
    entries = _denied(staff_a, case_id=their_case.pk)
    assert {e.detail for e in entries} == {
        "survivor page: check results",
        "survivor page: results",
        "survivor page: draft",
    }
    assert all(e.organization == their_case.organization for e in entries)


@pytest.mark.django_db
def test_staff_cannot_send_a_client_to_another_organisations_queue(
    their_case: Case, staff_a: Any, org_b: Organization
) -> None:
    client = verified_client(staff_a)
    client.post(f"/staff/cases/{their_case.pk}/rescreen/")
    put_case_in_session(client, contract_case(county="San Diego"))
    for url in ("/send/", "/send/done/"):
        assert client.get(url).status_code == 403
    sent = client.post("/send/", {
        "organization": org_b.pk, "method": "email", "email": "a@example.com",
        "leave_message": "no", "say_who": "no", "consent": "on",
    })  # fmt: skip
    assert sent.status_code == 403
    assert not Case.objects.filter(organization=org_b).exists()
    assert _denied(staff_a, detail="survivor page: handoff")


@pytest.mark.django_db
def test_a_logged_in_worker_without_a_staff_screening_is_refused_too(
    staff_a: Any,
) -> None:
    """After attaching, the flag is gone; the login is what counts."""
    client = verified_client(staff_a)
    walk(client, dict(TRAFFICKING_647B))
    assert client.post("/check/", {"action": "results"}).status_code == 403
    assert client.get("/check/").status_code == 200  # the check page itself works


@pytest.mark.django_db
def test_survivors_still_reach_results(db: None) -> None:
    client = Client()
    walk(client, dict(TRAFFICKING_647B))
    assert client.post("/check/", {"action": "results"})["Location"] == "/results/"
    assert client.get("/results/").status_code == 200
    assert not AuditEntry.objects.exists()


# --- audit gaps --------------------------------------------------------------


@pytest.mark.django_db
def test_a_probe_of_another_organisations_case_is_logged_where_it_sees_it(
    their_case: Case, staff_b: Any, admin_a: Any
) -> None:
    probe = verified_client(staff_b).get(f"/staff/cases/{their_case.pk}/")
    assert probe.status_code == 404
    page = verified_client(admin_a).get("/staff/audit/").content.decode()
    entry = AuditEntry.objects.get(
        action=Action.DENIED, organization=their_case.organization
    )
    assert entry.actor == staff_b
    assert entry.case_id == their_case.pk
    assert "Access refused" in page
    assert staff_b.username in page
    # The prober's own organisation sees it too, without the case id.
    assert _denied(staff_b, organization=staff_b.membership.organization, case_id=None)


@pytest.mark.django_db
def test_a_probe_of_a_case_that_does_not_exist_is_logged_for_the_prober(
    staff_b: Any,
) -> None:
    assert verified_client(staff_b).get("/staff/cases/999999/").status_code == 404
    entry = AuditEntry.objects.get(action=Action.DENIED)
    assert entry.organization == staff_b.membership.organization


@pytest.mark.django_db
def test_starting_a_screening_or_re_screen_is_logged(
    their_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    client.post(f"/staff/cases/{their_case.pk}/rescreen/")
    assert AuditEntry.objects.filter(
        actor=staff_a, action=Action.SCREEN, case_id=their_case.pk, detail="start"
    ).exists()
    client.post("/staff/screen/")
    assert AuditEntry.objects.filter(
        actor=staff_a, action=Action.SCREEN, case_id=None, detail="start"
    ).exists()


@pytest.mark.django_db
def test_the_audit_page_shows_utc(admin_a: Any, settings: Any) -> None:
    from datetime import UTC, datetime

    AuditEntry.objects.create(
        at=datetime(2026, 7, 1, 3, 4, 5, tzinfo=UTC), action=Action.LOGIN,
        organization=admin_a.membership.organization,
    )  # fmt: skip
    page = verified_client(admin_a).get("/staff/audit/").content.decode()
    assert "2026-07-01 03:04:05" in page  # not 2026-06-30 20:04:05 (Los Angeles)


@pytest.mark.django_db
def test_the_queue_shows_each_cases_language_and_outcome(
    org_a: Organization, staff_a: Any
) -> None:
    from django.utils import translation

    from tests.intake.test_handoff import form_data, shown_key

    client = Client()
    put_case_in_session(client, contract_case())
    with translation.override("es"):
        client.cookies["django_language"] = "es"
        key = shown_key(client.get("/send/"))
        client.post("/send/", form_data(org_a, key))
    assert Case.objects.get().contact["language"] == "es"
    page = verified_client(staff_a).get("/staff/").content.decode()
    assert '<td data-label="Language" class="wide-only">Spanish</td>' in page
    assert '<td data-label="Outcome" class="wide-only">Likely</td>' in page
