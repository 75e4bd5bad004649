"""Staff pages on a phone (360 x 740): no sideways scrolling, rows stacked.

A newcomer found the queue 654 px wide at 360 px. Real Chromium, axe-core
on each page; screenshots in test-artifacts/screens/.
"""

from __future__ import annotations

from typing import Any

import pytest

from intake import services
from intake.models import Case, Organization, Role
from tests.browser.conftest import (  # noqa: F401  (fixtures)
    Visit,
    _allow_orm_beside_playwright,
    _plain_http_live_server,
    chromium,
    visit,
)
from tests.intake.conftest import contact_plan, contract_case
from tests.intake.test_browser import _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wide(visit: Visit) -> int:  # noqa: F811
    return int(visit.page.evaluate("document.documentElement.scrollWidth"))


def test_the_staff_pages_fit_a_phone(
    visit: Visit,  # noqa: F811
    member: Any,
    settings: Any,
) -> None:
    org = Organization.objects.create(
        name="Harbor Legal Aid Society of Greater Los Angeles",
        counties=["Los Angeles", "San Bernardino"],
    )
    admin = member(org, Role.ORG_ADMIN, "administrator.with.a.long.name")
    import uuid

    for county in ("Los Angeles", "San Bernardino", "Los Angeles"):
        services.case_create(
            organization=org,
            facts=contract_case(county=county, offense="PC 245(a)(1)", level="felony"),
            contact=contact_plan(method="phone"),
            idempotency_key=uuid.uuid4(),
        )
    case = Case.objects.first()
    _sign_in(visit, admin.username, admin)
    for path, name in (
        ("/staff/", "staff-queue-360"),
        (f"/staff/cases/{case.pk}/", "staff-case-360"),
        (f"/staff/cases/{case.pk}/facts/", "staff-facts-360"),
        ("/staff/audit/", "staff-audit-360"),
        ("/staff/counts/", "staff-counts-360"),
    ):
        visit.go(path)
        visit.screenshot(name)
        assert _wide(visit) <= 360, f"{path} is {_wide(visit)} px wide"
        assert visit.axe() == [], path
    # On a phone each queue row is a stacked card that still names its fields.
    visit.go("/staff/")
    labels = visit.page.locator("tbody td").first.evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert "Reference" in labels
    assert not visit.page.locator("td[data-label=Outcome]").first.is_visible()
    # Wider screens keep the table, with the language and outcome columns.
    visit.page.set_viewport_size({"width": 1024, "height": 740})
    assert visit.page.locator("td[data-label=Outcome]").first.is_visible()
    assert visit.page.locator("th", has_text="Language").is_visible()
    visit.screenshot("staff-queue-1024")
