"""The end of the journey on a 360 x 740 phone, in English and Spanish.

Each results variant is walked through the pages, screenshot under
test-artifacts/results/, checked with axe-core, measured (a single-record
page is at most 2,200 px tall, footer included), and scrolled to the bottom
to see that the exit is still in view and within thumb reach. Then the
next steps: download and hand-off in either order, delete now, the search
in the browser, and the page after idle expiry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from intake.models import Case, Organization
from screener import results
from tests.browser.conftest import PHONE, Visit
from tests.browser.journeys import (
    OUTCOMES,
    TRAFFICKING_647B,
    answer,
    see_results,
    start,
    walk,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "results"
MAX_HEIGHT = 2200
INTERNAL = re.compile(r"unverif|\[verify|\bbrief\b|from memory|not retrieved", re.I)

VARIANTS: dict[str, Any] = {
    "likely": OUTCOMES["647b_likely"],
    # Not sure it happened while she was being hurt: "may".
    "possible": OUTCOMES["647b_likely"] | {"q9": ("radio", "unsure")},
    # A federal case whose charge she does not know: a lawyer must look.
    "needs-review": {k: v for k, v in OUTCOMES["federal_tsra"].items() if k != "q4"}
    | {"q3": ("dont_know",), "q5": ("radio", "unknown")},
    "unknown-code": OUTCOMES["unknown_code_review"],
    "not-eligible": OUTCOMES["robbery_not_eligible"],
    "federal": OUTCOMES["federal_tsra"],
    "pending": OUTCOMES["pending_defense"],
}


def to_spanish(visit: Visit) -> None:
    visit.go("/")
    visit.page.locator("button[value=es]").click()
    assert visit.page.locator("html").get_attribute("lang") == "es"


def shot(visit: Visit, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def height(visit: Visit) -> int:
    return int(visit.page.evaluate("document.documentElement.scrollHeight"))


def exit_in_reach(visit: Visit) -> None:
    """Scrolled to the bottom, the exit is on screen, in the lower half, right side."""
    visit.page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    visit.page.wait_for_timeout(50)
    box = visit.page.locator("a.exit-button").bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= PHONE["height"]
    assert box["y"] > PHONE["height"] / 2  # thumb reach: the lower half
    assert box["height"] >= 44
    visit.page.evaluate("window.scrollTo(0, 0)")


def translated(language: str, *texts: Any) -> list[str]:
    with translation.override(language):
        return [gettext(str(t)) for t in texts]


def expected_answers(language: str) -> set[str]:
    values = [*results.ANSWERS.values(), results.NO_ANSWER, results.OTHER_ANSWER,
              results.OTHER_STATE_ANSWER]  # fmt: skip
    return set(translated(language, *values))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_results_variant_at_a_glance(visit: Visit, variant: str, language: str) -> None:
    if language == "es":
        to_spanish(visit)
    start(visit)
    walk(visit, VARIANTS[variant])
    see_results(visit)
    visit.page.wait_for_load_state("load")
    shot(visit, f"{language}-{variant}")
    assert visit.axe() == []
    page = visit.page
    cases = page.locator("main section.case")
    assert cases.count() == 1
    line = page.locator("main .answer").inner_text()
    assert line in expected_answers(language), line
    # The details sit behind a closed, native "Why?".
    why = page.locator("main details.why")
    assert why.count() == 1
    assert why.get_attribute("open") is None
    assert height(visit) <= MAX_HEIGHT, height(visit)
    exit_in_reach(visit)
    text = page.locator("main").inner_text()
    why.locator("summary").click()
    full = page.locator("main").inner_text()
    assert not INTERNAL.search(full)
    (legal_help,) = translated(language, "Free legal help")
    assert legal_help in text
    if variant in ("likely", "possible"):
        (draft,) = translated(language, "Start a draft petition")
        assert draft in text
    if variant == "not-eligible":
        (draft,) = translated(language, "Start a draft petition")
        assert draft not in text
        assert "vacate it" not in full
    if language == "es":
        cites = page.locator("main .cite").all_inner_texts()
        assert cites
        assert not any("Pen. Code" in c or "§" in c for c in cites), cites
    assert visit.axe() == []  # with "Why?" open too
    if variant == "not-eligible":
        shot(visit, f"{language}-{variant}-why-open")
    assert visit.console_errors == []


def add_case(visit: Visit, query: str, code: str) -> None:
    visit.page.locator("button[value=add]").click()
    plan = {
        k: v
        for k, v in TRAFFICKING_647B.items()
        if k not in ("q8", "q11", "q12", "q13")
    }
    plan |= {"q3": ("text", query), "q4": ("radio", code), "q5": ("radio", "felony"),
             "q6": ("check", ["none"])}  # fmt: skip
    walk(visit, plan)


@pytest.mark.parametrize("language", ["en", "es"])
def test_several_records_grow_by_summary_lines(visit: Visit, language: str) -> None:
    if language == "es":
        to_spanish(visit)
    start(visit)
    walk(visit, OUTCOMES["647b_likely"])
    see_results(visit)
    visit.page.wait_for_load_state("load")
    one = height(visit)
    assert one <= MAX_HEIGHT
    visit.go("/check/")
    add_case(visit, "211", "PC 211")
    add_case(visit, "theft", "PC 484")
    see_results(visit)
    visit.page.wait_for_load_state("load")
    shot(visit, f"{language}-several-records")
    assert visit.axe() == []  # landmark-unique included (best-practice)
    assert visit.page.locator("main section.case").count() == 3
    (bill,) = translated(language, "Not law: a bill that did not pass")
    assert visit.page.locator("main").inner_text().count(bill) == 1
    # Two more cases add their summary lines, not repeated boxes.
    assert height(visit) - one <= 2 * 320, (one, height(visit))
    exit_in_reach(visit)


def test_the_exit_stays_in_view_on_every_survivor_page(visit: Visit) -> None:
    visit.go("/")
    exit_in_reach(visit)
    start(visit)
    for _ in range(20):
        if not re.search(r"/q/q\d+/$", visit.page.url):
            break
        exit_in_reach(visit)
        # The check above breaks out unless the URL is a step, so this matches.
        step = re.search(r"/q/(q\d+)/$", visit.page.url).group(1)  # type: ignore[union-attr]
        answer(visit, OUTCOMES["647b_likely"][step])
    exit_in_reach(visit)  # check your answers
    see_results(visit)
    exit_in_reach(visit)
    footer = visit.page.locator("footer").inner_text()
    assert "on a phone" in footer
    assert "Shift" in footer


def test_download_then_send_then_download_again(visit: Visit) -> None:
    Organization.objects.create(name="Harbor Legal Aid", counties=["Los Angeles"])
    start(visit)
    walk(visit, OUTCOMES["647b_likely"])
    see_results(visit)
    page = visit.page
    page.locator("main .next a.button").click()  # Start a draft petition
    with page.expect_download() as download:
        page.locator("main form button[type=submit]").last.click()
    assert download.value.suggested_filename == "documents.pdf"
    visit.go("/results/")
    assert page.url.endswith("/results/")  # the answers are still here
    page.locator("main .actions a[href='/send/']").click()
    shot(visit, "en-handoff-form")
    assert visit.axe() == []
    # The only organisation serving the county is already chosen.
    assert page.locator("input[name=organization]").first.is_checked()
    page.locator("input[name=name]").fill("Ana")
    page.locator("input[name=method][value=text]").check()
    page.locator("input[name=phone]").fill("555 0147")
    page.locator("input[name=consent]").check()
    page.locator("main button[type=submit]").click()
    assert "area code" in page.locator(".error-summary").inner_text()
    page.locator("input[name=phone]").fill("213 555 0147")
    page.locator("input[name=consent]").check()
    page.locator("main button[type=submit]").click()
    assert page.url.endswith("/send/done/")
    shot(visit, "en-handoff-done")
    assert visit.axe() == []
    assert Case.objects.count() == 1
    page.locator("main a[href='/petition/']").click()
    with page.expect_download() as again:
        page.locator("main form button[type=submit]").last.click()
    assert again.value.suggested_filename == "documents.pdf"
    visit.go("/send/done/")
    page.locator("main button.button-warning").click()  # Delete my answers now
    assert page.url.endswith("/deleted/")
    visit.go("/results/")
    assert page.url == visit.base + "/"


def test_spanish_speakers_hear_that_court_papers_are_in_english(visit: Visit) -> None:
    to_spanish(visit)
    start(visit)
    walk(visit, OUTCOMES["647b_likely"])
    see_results(visit)
    visit.page.locator("main .next a.button").click()
    note = visit.page.locator("#english-papers")
    assert note.count() == 1
    # Told before anything is written: above the first box on the page.
    statement = visit.page.locator("main form .input").first
    # No box (None) means not shown: the TypeError fails the test, as it should.
    assert note.bounding_box()["y"] < statement.bounding_box()["y"]  # type: ignore[index]
    shot(visit, "es-draft-english-papers")


def test_no_se_takes_the_i_dont_know_path_and_robo_finds_robbery(visit: Visit) -> None:
    start(visit)
    for step in ("q1", "q2"):
        answer(visit, TRAFFICKING_647B[step])
    answer(visit, ("text", "no sé"))
    assert visit.page.url.endswith("/q/q5/")  # straight on: no list of charges
    visit.page.go_back()
    visit.page.wait_for_load_state()
    assert visit.page.url.endswith("/q/q3/")
    answer(visit, ("text", "robo"))
    assert visit.page.url.endswith("/q/q4/")
    options = visit.page.locator("main .choice-label").all_inner_texts()
    assert any(o.startswith("PC 211:") for o in options[:5])
    assert any(o.startswith("PC 487:") for o in options[:5])
    assert not any("xplosi" in o or "irearm" in o for o in options)


def test_after_idle_expiry_a_plain_page_says_the_answers_were_deleted(
    visit: Visit, settings: Any
) -> None:
    visit.page.clock.install()
    start(visit)
    answer(visit, TRAFFICKING_647B["q1"])
    with visit.page.expect_navigation():
        visit.page.clock.fast_forward(settings.SESSION_COOKIE_AGE * 1000 + 1000)
    visit.page.wait_for_load_state("load")
    assert visit.page.url.endswith("/deleted/?after=idle")
    text = visit.page.locator("main").inner_text()
    assert "Your answers were deleted" in text
    assert visit.page.locator("main a[href='/']").count() == 1
    shot(visit, "en-timed-out")
    assert visit.axe() == []
