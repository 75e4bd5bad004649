"""Full screenings in a real browser, in English and Spanish, for six outcomes.

What each outcome must show is taken from the app's own labels and the
rules' titles, translated through the catalog, so the Spanish run checks
the Spanish page rather than a copy of it in the test.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from screener.results import ANSWERS
from tests.browser.conftest import Visit
from tests.browser.journeys import OUTCOMES, see_results, start, walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Per outcome: text the case's plain line must hold, and text the page must hold.
EXPECTED: dict[str, tuple[list[Any], list[Any]]] = {
    "647b_likely": (
        [ANSWERS[("vacatur", "likely")]],
        ["Not law: a bill that did not pass"],
    ),
    "robbery_not_eligible": ([], ["Not law: a bill that did not pass"]),
    "federal_tsra": ([ANSWERS[("federal", "likely")]], []),
    "pending_defense": ([ANSWERS[("defense", "possible")]], []),
    "unknown_code_review": ([], ["Why?"]),
    "ongoing_hotline": ([], ["If you are not safe now", "1-888-373-7888"]),
}


def switch_to_spanish(visit: Visit) -> None:
    visit.go("/")
    visit.page.locator("button[value=es]").click()
    assert visit.page.locator("html").get_attribute("lang") == "es"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("outcome", list(OUTCOMES))
def test_full_journey(visit: Visit, outcome: str, language: str) -> None:
    if language == "es":
        switch_to_spanish(visit)
    start(visit)
    walk(visit, OUTCOMES[outcome], screens=f"{language}-{outcome}")
    visit.screenshot(f"{language}-{outcome}-check")
    assert visit.axe() == []
    see_results(visit)
    visit.screenshot(f"{language}-{outcome}-results")
    assert visit.axe() == []
    in_panel, on_page = EXPECTED[outcome]
    with translation.override(language):
        in_panel = [gettext(str(t)) if isinstance(t, str) else str(t) for t in in_panel]
        on_page = [gettext(str(t)) if isinstance(t, str) else str(t) for t in on_page]
    main = visit.page.locator("main").inner_text()
    for text in on_page:
        assert text in main, text
    if in_panel:
        line = visit.page.locator("main .case .answer").first.inner_text()
        for text in in_panel:
            assert text in line, text
    if outcome == "ongoing_hotline":
        first = visit.page.locator("main > *").first
        assert "panel-safety" in (first.get_attribute("class") or "")
    # Never a bare "not eligible": every case offers free legal help.
    with translation.override(language):
        assert gettext("Free legal help") in main
    assert visit.console_errors == []
