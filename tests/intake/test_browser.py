"""Real Chromium: a survivor sends a screening; staff sign in with 2FA and
see it in the queue; the attorney downloads the packet. axe-core on each page.

Uses the browser fixtures of tests/browser (Debian's Chromium, no network).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from intake.models import Case, Organization, Role
from tests.browser.conftest import (  # noqa: F401  (fixtures)
    Visit,
    _allow_orm_beside_playwright,
    _plain_http_live_server,
    chromium,
    visit,
)
from tests.intake.conftest import NAME, PASSWORD, contract_case, put_case_in_session
from tests.intake.test_login import code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit: Visit, username: str, user: Any) -> None:  # noqa: F811
    visit.go("/staff/login/")
    assert visit.axe() == []
    visit.page.fill("#id_username", username)
    visit.page.fill("#id_password", PASSWORD)
    visit.page.fill("#id_otp_token", code_for(user))
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_load_state("load")


def test_survivor_sends_then_staff_and_attorney_work_the_case(
    visit: Visit,  # noqa: F811  (the imported fixture)
    chromium: Any,  # noqa: F811
    live_server: Any,
    member: Any,
) -> None:
    org = Organization.objects.create(name="Harbor Legal Aid", counties=["Los Angeles"])
    staff = member(org, Role.INTAKE_STAFF, "sam")
    attorney = member(org, Role.ATTORNEY, "alex")

    client = Client()
    put_case_in_session(client, contract_case())
    visit.context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": visit.base}
            for name, morsel in client.cookies.items()
        ]
    )
    visit.go("/send/")
    assert visit.axe() == []
    visit.page.check("#id_organization_0")
    visit.page.fill("#id_name", NAME)
    visit.page.check("#id_method_1")  # text
    visit.page.fill("#id_phone", "213-555-0147")
    visit.page.check("#id_consent")
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_load_state("load")
    case = Case.objects.get()
    assert case.reference in visit.page.content()
    assert visit.axe() == []
    visit.screenshot("intake-handoff-done")

    staff_visit = Visit(chromium, live_server.url)
    try:
        _sign_in(staff_visit, "sam", staff)
        assert staff_visit.page.url.endswith("/staff/")
        assert case.reference in staff_visit.page.content()
        assert staff_visit.axe() == []
        staff_visit.page.click(f"text={case.reference}")
        staff_visit.page.wait_for_load_state("load")
        content = staff_visit.page.content()
        assert "Do not leave a message." in content
        assert "tel:" not in content
        assert staff_visit.axe() == []
        staff_visit.page.select_option("#id_attorney", str(attorney.pk))
        staff_visit.page.click("text=Assign")
        staff_visit.page.wait_for_load_state("load")
        staff_visit.screenshot("intake-case")
        assert staff_visit.foreign == []
    finally:
        staff_visit.close()

    attorney_visit = Visit(chromium, live_server.url)
    try:
        _sign_in(attorney_visit, "alex", attorney)
        attorney_visit.page.click(f"text={case.reference}")
        attorney_visit.page.wait_for_load_state("load")
        with attorney_visit.page.expect_download() as download:
            attorney_visit.page.click("text=Download packet (PDF)")
        assert download.value.suggested_filename == "documents.pdf"
        assert attorney_visit.foreign == []
    finally:
        attorney_visit.close()
