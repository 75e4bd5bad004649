"""The drafting page in Spanish at phone width: evidence labels and dates read in Spanish."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import (  # noqa: F401  (fixtures)
    Visit,
    _allow_orm_beside_playwright,
    _plain_http_live_server,
    chromium,
    visit,
)
from tests.browser.test_journeys import switch_to_spanish
from tests.petitions.test_browser import _hand_case_to_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_drafting_page_reads_in_spanish(
    visit: Visit,  # noqa: F811  (the imported fixture)
    trafficking_case: dict[str, Any],
) -> None:
    switch_to_spanish(visit)
    _hand_case_to_browser(visit, trafficking_case)
    visit.go("/petition/")
    main = visit.page.locator("main").inner_text()
    visit.screenshot("es-petition-draft")
    assert "Prepare sus papeles para la corte" in main
    assert "Aviso de aprobación de la visa T" in main
    assert "Orden de protección o de restricción" in main
    assert "Identificación como víctima por una agencia policial" in main
    assert "T visa approval notice" not in main
    assert "Police report" not in main
    assert visit.axe() == []
