"""Exit, Back after exit, no-JavaScript use, page weight, time-out warning and
axe-core on every page type, in a real Chromium at 360 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NEUTRAL_HOST, Visit
from tests.browser.journeys import (
    OUTCOMES,
    TRAFFICKING_647B,
    answer,
    see_results,
    start,
    step_of,
    walk,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER_TEXT = "prostitution"
NEUTRAL = re.compile("^" + re.escape(NEUTRAL_HOST))


def answer_some(visit: Visit) -> set[str]:
    """Answer three questions; return the cookie values the browser holds."""
    start(visit)
    for step in ("q1", "q2", "q3"):
        assert step_of(visit) == step
        answer(visit, TRAFFICKING_647B[step])
    assert step_of(visit) == "q4"
    assert ANSWER_TEXT in visit.page.content()
    visit.page.wait_for_load_state("load")
    return {c["value"] for c in visit.context.cookies()}


def assert_nothing_shown_after_back(visit: Visit, old_cookies: set[str]) -> None:
    assert visit.context.cookies() == []  # Clear-Site-Data and the flush
    visit.page.go_back()
    visit.page.wait_for_load_state()
    content = visit.page.content()
    assert ANSWER_TEXT not in content
    assert "647" not in content
    assert not old_cookies & {c["value"] for c in visit.context.cookies()}


def test_exit_button_leaves_and_back_shows_no_answer(visit: Visit) -> None:
    cookies = answer_some(visit)
    visit.page.locator(".exit-button").click()
    expect(visit.page).to_have_url(NEUTRAL)
    assert visit.page.title() == "Weather"
    assert_nothing_shown_after_back(visit, cookies)
    visit.screenshot("after-exit-back")


def test_shift_three_times_leaves_and_back_shows_no_answer(visit: Visit) -> None:
    cookies = answer_some(visit)
    visit.page.keyboard.press("Shift")
    visit.page.keyboard.press("Shift")
    assert "1 more time" in visit.page.locator("#exit-status").text_content()
    visit.page.keyboard.press("Shift")
    expect(visit.page).to_have_url(NEUTRAL)
    assert_nothing_shown_after_back(visit, cookies)


def test_two_shift_presses_do_nothing(visit: Visit) -> None:
    answer_some(visit)
    visit.page.keyboard.press("Shift")
    visit.page.keyboard.press("Shift")
    visit.page.wait_for_timeout(300)
    assert step_of(visit) == "q4"


def test_whole_journey_and_exit_work_without_javascript(
    visit_without_js: Visit,
) -> None:
    visit = visit_without_js
    start(visit)
    walk(visit, OUTCOMES["647b_likely"])
    see_results(visit)
    main = visit.page.locator("main")
    assert (
        "You are likely able to ask the court to erase this case" in main.inner_text()
    )
    # "Why?" opens without JavaScript: it is a native <details>.
    visit.page.locator("main details.why summary").click()
    assert "Vacatur for survivors of human trafficking" in main.inner_text()
    visit.screenshot("nojs-results")
    visit.page.locator(".exit-button").click()
    expect(visit.page).to_have_url(NEUTRAL)
    visit.go("/results/")
    assert (
        visit.page.url.endswith(visit.base + "/")
        or ANSWER_TEXT not in visit.page.content()
    )


def test_browser_back_returns_to_the_previous_question_filled_in(visit: Visit) -> None:
    start(visit)
    answer(visit, TRAFFICKING_647B["q1"])
    answer(visit, TRAFFICKING_647B["q2"])
    visit.page.go_back()
    assert step_of(visit) == "q2"
    assert visit.page.locator("input[value=conviction]").is_checked()
    visit.page.reload()
    assert visit.page.locator("input[value=conviction]").is_checked()


def test_timeout_warning_lets_the_person_stay(visit: Visit, settings: Any) -> None:
    visit.page.clock.install()
    start(visit)
    visit.page.wait_for_load_state("load")
    dialog = visit.page.locator("#timeout")
    assert dialog.is_hidden()
    visit.page.clock.fast_forward(settings.SESSION_COOKIE_AGE * 1000 - 110_000)
    assert dialog.is_visible()
    visit.screenshot("timeout-warning")
    with visit.page.expect_response("**/keep-alive/") as response:
        dialog.locator("button").click()
    assert response.value.status == 204
    assert dialog.is_hidden()


def page_weight(visit: Visit, path: str) -> int:
    sizes: list[int] = []
    visit.page.on("response", lambda r: sizes.append(len(r.body())))
    visit.go(path)
    visit.page.wait_for_load_state("networkidle")
    return sum(sizes)


def test_every_page_weighs_under_60_kb(visit: Visit) -> None:
    start(visit)
    walk(visit, OUTCOMES["robbery_not_eligible"])
    see_results(visit)
    for path in ("/", "/safety/", "/check/", "/results/"):
        assert page_weight(visit, path) < 60_000, path


def test_axe_finds_no_violations_on_any_page_type(visit: Visit) -> None:
    checked = []

    def check(name: str) -> None:
        visit.page.wait_for_load_state("load")
        violations = visit.axe()
        assert violations == [], f"{name}: {violations}"
        visit.screenshot(f"axe-{name}")
        checked.append(name)

    visit.go("/")
    check("start")
    visit.page.locator("a.button-start").click()
    check("safety")
    visit.page.locator("main button[type=submit]").click()
    check("question-radio")
    visit.page.locator("main button[type=submit]").click()
    check("question-error")
    plan = OUTCOMES["robbery_not_eligible"] | {
        "q3": ("text", "burglary"),
        "q4": ("radio", "PC 460(a)"),
        "q6": ("check", ["person_present"]),
    }
    kinds = {
        "q3": "question-text",
        "q4": "question-pick",
        "q6": "question-checkbox",
        "q7": "question-select",
        "q8": "question-harm",
    }
    for _ in range(20):
        step = step_of(visit)
        if step is None:
            break
        if step in kinds:
            check(kinds[step])
        answer(visit, plan[step])
    check("check-answers")
    see_results(visit)
    check("results")
    visit.page.locator("button[value=es]").click()
    check("results-es")
    visit.go("/nowhere/")
    check("not-found")
    assert len(checked) == 13


def test_typing_capitals_does_not_count_as_shift_presses(visit: Visit) -> None:
    start(visit)
    answer(visit, TRAFFICKING_647B["q1"])
    answer(visit, TRAFFICKING_647B["q2"])
    visit.page.wait_for_load_state("load")
    field = visit.page.locator("input[type=text]")
    field.click()
    for key in (
        "Shift+P",
        "Shift+C",
        "Space",
        "6",
        "4",
        "7",
        "Shift+(",
        "b",
        "Shift+)",
    ):
        visit.page.keyboard.press(key)
    visit.page.wait_for_timeout(300)
    assert step_of(visit) == "q3"
    assert field.input_value() == "PC 647(b)"


def test_when_time_is_up_the_answers_are_deleted(visit: Visit, settings: Any) -> None:
    visit.page.clock.install()
    cookies = answer_some(visit)
    with visit.page.expect_navigation():
        visit.page.clock.fast_forward(settings.SESSION_COOKIE_AGE * 1000 + 1000)
    visit.page.wait_for_load_state("load")
    assert visit.page.url == visit.base + "/deleted/?after=idle"
    assert not cookies & {c["value"] for c in visit.context.cookies()}
    visit.go("/q/q4/")
    assert ANSWER_TEXT not in visit.page.content()
