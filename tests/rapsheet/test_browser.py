"""Real Chromium: staff import a RAP sheet, review it, confirm, read the results,
and the attorney downloads the packet. axe-core on each page; no request leaves
the server.
"""

from __future__ import annotations

import shutil
import uuid
from typing import Any

import pytest

from intake import services
from intake.models import Case, Organization, Role
from rapsheet.models import SheetImport, Status
from tests.browser.conftest import (  # noqa: F401  (fixtures)
    Visit,
    _allow_orm_beside_playwright,
    _plain_http_live_server,
    chromium,
    visit,
)
from tests.intake.conftest import PASSWORD, contract_case
from tests.intake.test_browser import _sign_in
from tests.intake.test_login import code_for
from tests.rapsheet.synth import make_sheet, text_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler"),
]


def test_upload_review_confirm_results_packet(
    chromium: Any,  # noqa: F811
    live_server: Any,
    member: Any,
) -> None:
    org = Organization.objects.create(name="Harbor Legal Aid", counties=["Los Angeles"])
    staff = member(org, Role.INTAKE_STAFF, "sam")
    attorney = member(org, Role.ATTORNEY, "alex")
    case, _ = services.case_create(
        organization=org,
        facts=contract_case(county="Los Angeles"),
        contact={},
        idempotency_key=uuid.uuid4(),
    )
    sheet = make_sheet(4, 5)
    staff_visit = Visit(chromium, live_server.url)
    try:
        _sign_in(staff_visit, "sam", staff)
        staff_visit.go(f"/staff/cases/{case.pk}/")
        staff_visit.page.click("text=Import the client's RAP sheet (PDF or scan)")
        staff_visit.page.wait_for_load_state("load")
        assert staff_visit.axe() == []
        staff_visit.page.set_input_files(
            "#id_sheet",
            {
                "name": "sheet.pdf",
                "mimeType": "application/pdf",
                "buffer": text_pdf(sheet.text),
            },
        )
        staff_visit.page.click("text=Read the sheet")
        staff_visit.page.wait_for_load_state("load")
        assert "/review/" in staff_visit.page.url
        content = staff_visit.page.content()
        assert "CNT:01" in content
        assert staff_visit.axe() == []
        staff_visit.screenshot("rapsheet-review")
        staff_visit.page.uncheck("#id_c-0-keep")
        staff_visit.page.click("text=Confirm and screen every kept count")
        staff_visit.page.wait_for_load_state("load")
        assert "/results/" in staff_visit.page.url
        assert sheet.records[1]["offense"] in staff_visit.page.content()
        assert staff_visit.axe() == []
        staff_visit.page.click("text=Open the case and its packets")
        staff_visit.page.wait_for_load_state("load")
        assert staff_visit.foreign == []
    finally:
        staff_visit.close()
    case = Case.objects.get(pk=case.pk)
    imported = [r for r in case.facts["records"] if r["id"].startswith("rap")]
    assert len(imported) == len(sheet.records) - 1
    services.case_assign(case=case, attorney=attorney, actor=staff)
    attorney_visit = Visit(chromium, live_server.url)
    try:
        _sign_in(attorney_visit, "alex", attorney)
        attorney_visit.go(f"/staff/cases/{case.pk}/")
        with attorney_visit.page.expect_download() as download:
            attorney_visit.page.click("text=Download packet (PDF)")
        assert download.value.suggested_filename == "documents.pdf"
        assert attorney_visit.foreign == []
    finally:
        attorney_visit.close()


def test_progress_page_refreshes_itself_without_javascript(
    chromium: Any,  # noqa: F811
    live_server: Any,
    member: Any,
) -> None:
    org = Organization.objects.create(name="Harbor Legal Aid", counties=["Los Angeles"])
    staff = member(org, Role.INTAKE_STAFF, "sam")
    case, _ = services.case_create(
        organization=org,
        facts=contract_case(county="Los Angeles"),
        contact={},
        idempotency_key=uuid.uuid4(),
    )
    sheet = SheetImport.objects.create(case=case, status=Status.READING, pages_total=4)
    no_js = Visit(chromium, live_server.url, javascript=False)
    try:
        # Signed in by hand: axe (in _sign_in) needs scripts, and they are off.
        no_js.go("/staff/login/")
        no_js.page.fill("#id_username", "sam")
        no_js.page.fill("#id_password", PASSWORD)
        no_js.page.fill("#id_otp_token", code_for(staff))
        no_js.page.locator("main button[type=submit]").click()
        no_js.page.wait_for_load_state("load")
        no_js.go(f"/staff/cases/{case.pk}/rapsheet/{sheet.pk}/")
        assert "0 of 4 pages read." in no_js.page.content()
        # The worker finishes while the page is open: the page's own refresh
        # (a meta tag, no script) takes the reader to the review table.
        SheetImport.objects.filter(pk=sheet.pk).update(
            status=Status.REVIEW, pages_done=4, result={"records": [], "warnings": []}
        )
        no_js.page.wait_for_url("**/review/", timeout=15_000)
        assert "Check every count against the sheet" in no_js.page.content()
    finally:
        no_js.close()
