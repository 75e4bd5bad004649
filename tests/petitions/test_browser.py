"""The drafting page in a real Chromium at phone width: axe-core, errors, download.

Uses the browser fixtures of tests/browser (Debian's Chromium, no network,
every third-party request recorded and refused).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.browser.conftest import (  # noqa: F401  (fixtures)
    Visit,
    _allow_orm_beside_playwright,
    _plain_http_live_server,
    chromium,
    visit,
)
from tests.petitions.conftest import put_case_in_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _hand_case_to_browser(visit: Visit, case: dict[str, Any]) -> None:  # noqa: F811
    client = Client()
    put_case_in_session(client, case)
    visit.context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": visit.base}
            for name, morsel in client.cookies.items()
        ]
    )


def test_drafting_page_is_accessible_and_downloads_neutral_pdf(
    visit: Visit,  # noqa: F811  (the imported fixture)
    trafficking_case: dict[str, Any],
) -> None:
    visit.go("/petition/")
    assert "There is nothing to draft yet" in visit.page.content()
    assert visit.axe() == []

    _hand_case_to_browser(visit, trafficking_case)
    visit.go("/petition/")
    assert visit.page.title() == "Documents"
    assert visit.axe() == []
    visit.screenshot("petition-draft")

    visit.page.fill("#id_phone", "call me")
    visit.page.fill("#id_control", "He kept my ID card.")
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_load_state("load")
    assert visit.page.title() == "Error: Documents"
    assert visit.page.input_value("#id_control") == "He kept my ID card."
    assert visit.axe() == []
    visit.screenshot("petition-draft-error")

    visit.page.fill("#id_phone", "")
    with visit.page.expect_download() as download:
        visit.page.locator("main button[type=submit]").click()
    assert download.value.suggested_filename == "documents.pdf"
    assert download.value.path().read_bytes().startswith(b"%PDF")
